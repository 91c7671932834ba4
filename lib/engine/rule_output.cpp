// How a rule's report becomes a Finding.
#include <fmt/format.h>

#include "engine/rule.hpp"

namespace residency {

void RuleOutput::report(const Asset* asset, Range range, std::string message, std::vector<RelatedLocation> related,
                        std::string key) {
    Finding f;
    f.key = std::move(key);
    f.rule_id = std::string(rule->id);
    f.severity = severity;
    f.message = std::move(message);
    f.range = range;
    f.related = std::move(related);
    if (asset) {
        f.root = asset->root;
        f.asset = asset->address;
        if (!asset->condition.empty()) {
            // "count is not known: var.x has no default": the reason is left out when the message
            // already gives it (a location unresolved for the same reason).
            const std::string& c = asset->condition;
            std::size_t colon = c.find(": ");
            bool said = colon != std::string::npos && f.message.find(c.substr(colon + 2)) != std::string::npos;
            f.message += fmt::format(" (if created: {})", said ? c.substr(0, colon) : c);
        }
        if (asset->configuration_range.valid())
            f.related.push_back({asset->configuration_range, "configuration of " + asset->address});
    }
    out->push_back(std::move(f));
}

}  // namespace residency
