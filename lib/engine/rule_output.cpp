// How a rule's report becomes a Finding.
#include <fmt/format.h>

#include "engine/rule.hpp"

namespace residency {

void RuleOutput::report(const Asset* asset, Range range, std::string message, std::vector<RelatedLocation> related) {
    Finding f;
    f.rule_id = std::string(rule->id);
    f.severity = severity;
    f.message = std::move(message);
    f.range = range;
    f.related = std::move(related);
    if (asset) {
        f.root = asset->root;
        f.asset = asset->address;
        if (!asset->condition.empty()) f.message += fmt::format(" (if created: {})", asset->condition);
        if (asset->configuration_range.valid())
            f.related.push_back({asset->configuration_range, "configuration of " + asset->address});
    }
    out->push_back(std::move(f));
}

}  // namespace residency
