// Severity names and diagnostic classification.
#include "core/finding.hpp"

#include <algorithm>
#include <tuple>

namespace residency {

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::Info: return "info";
        case Severity::Low: return "low";
        case Severity::Medium: return "medium";
        case Severity::High: return "high";
        case Severity::Critical: return "critical";
    }
    return "info";
}

std::optional<Severity> parse_severity(std::string_view s) {
    for (auto sev : {Severity::Info, Severity::Low, Severity::Medium, Severity::High, Severity::Critical})
        if (severity_name(sev) == s) return sev;
    return std::nullopt;
}

bool is_diagnostic(std::string_view rule_id) { return rule_id.size() >= 4 && rule_id.substr(0, 4) == "RES0"; }

void name_roots(std::vector<Finding>& findings) {
    for (auto& f : findings)
        if (!f.root.empty()) f.message += " (root " + f.root + ")";
}

void sort_findings(std::vector<Finding>& findings, const SourceSet& sources) {
    auto key = [&](const Finding& f) {
        std::string_view path = f.range.valid() ? std::string_view(sources.get(f.range.file).path) : "";
        return std::make_tuple(path, f.range.begin, f.range.end, std::string_view(f.rule_id), std::string_view(f.root),
                               std::string_view(f.asset), std::string_view(f.key), std::string_view(f.message));
    };
    std::sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [&](const Finding& a, const Finding& b) { return key(a) == key(b); }),
                   findings.end());
}

}  // namespace residency
