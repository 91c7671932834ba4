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
        // A rendered object names the template it came from (`helm template`'s `# Source:`).
        if (!asset->origin_note.empty()) {
            f.message += fmt::format(" (template {})", asset->origin_note);
            if (asset->origin_range.valid()) f.related.push_back({asset->origin_range, "rendered from " + asset->origin_note});
        }
        for (const auto& ignore : asset->ignores)
            if (f.rule_id.starts_with(ignore.rule)) {
                f.suppressed_on_asset = true;
                f.justification = ignore.reason;
                f.until = ignore.until;
                f.suppression_range = ignore.range;
                break;
            }
    }
    out->push_back(std::move(f));
}

}  // namespace residency
