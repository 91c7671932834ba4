// Rule look-up and families; the list itself is generated from the rule files (see CMakeLists.txt).
#include <algorithm>
#include <cctype>

#include "engine/rule.hpp"

namespace residency {

const Rule* find_rule(std::string_view id) {
    for (const auto& r : all_rules()) {
        if (r.meta->id.size() != id.size()) continue;
        bool same = std::equal(id.begin(), id.end(), r.meta->id.begin(), [](char a, char b) {
            return std::toupper(static_cast<unsigned char>(a)) == b;
        });
        if (same) return &r;
    }
    return nullptr;
}

std::string_view family_of(std::string_view rule_id) {
    static constexpr std::string_view kFamilies[] = {
        "diagnostics", "replication", "location",   "global-endpoint", "confidential-compute",
        "tagging",     "egress",      "mlops",      "encryption",
    };
    if (rule_id.size() < 4 || rule_id[3] < '0' || rule_id[3] > '8') return "";
    return kFamilies[rule_id[3] - '0'];
}

}  // namespace residency
