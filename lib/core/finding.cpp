// Severity names and diagnostic classification.
#include "core/finding.hpp"

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

}  // namespace residency
