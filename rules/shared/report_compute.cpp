// The report every confidential-compute rule makes: compute in the TEE scope that runs without one.
#include "rules/rules.hpp"

namespace residency::rules {

static std::string capable_words(const ComputeFact& c) {
    if (c.capable.empty()) return {};
    if (c.mechanism == "aws-sev-snp")
        return fmt::format("; instance type {} cannot run with AMD SEV-SNP: only {} instances can", c.machine, c.capable);
    if (c.mechanism == "gce" || c.mechanism == "gke")
        return fmt::format("; {} is not a machine family documented for Confidential VMs ({})", c.machine, c.capable);
    return fmt::format(" (confidential families: {})", c.capable);
}

void report_without_tee(const Facts& facts, RuleOutput& out, std::string_view mechanism) {
    for (const ComputeFact& c : facts.compute) {
        if (c.mechanism != mechanism || c.tee != ComputeFact::Tee::No || !facts.tee_required(c)) continue;
        std::vector<RelatedLocation> related;
        if (c.via) related.push_back({c.via->header_range, "configured by " + c.via->address});
        out.report(c.asset, c.range,
                   fmt::format("{} {}{}; required by {}", c.asset->address, c.reason, capable_words(c),
                               facts.tee_scope_label()),
                   std::move(related));
    }
}

}  // namespace residency::rules
