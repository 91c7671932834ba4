// Rule metadata and counts the writers share, read from the Report alone (not the registry).
#include "report/writers.hpp"

namespace residency {

const RuleMeta* report_rule(const Report& report, std::string_view rule_id) {
    for (const RuleMeta* meta : report.rules)
        if (meta && meta->id == rule_id) return meta;
    return nullptr;
}

std::string_view report_family_of(std::string_view rule_id) {
    static constexpr std::string_view kFamilies[] = {
        "diagnostics", "replication", "location", "global-endpoint", "confidential-compute",
        "tagging",     "egress",      "mlops",    "encryption",
    };
    if (rule_id.size() < 4 || rule_id.substr(0, 3) != "RES") return "unknown";
    char digit = rule_id[3];
    if (digit < '0' || digit > '8') return "unknown";
    return kFamilies[digit - '0'];
}

bool has_source(const Report& report, const Range& range) {
    return range.valid() && report.sources && range.file < report.sources->size();
}

std::array<std::size_t, 5> count_by_severity(const Report& report) {
    std::array<std::size_t, 5> counts{};
    for (const Finding& f : report.findings) ++counts[static_cast<std::size_t>(f.severity)];
    return counts;
}

}  // namespace residency
