// Places made of several catalog regions chosen in configuration (configurable dual-regions, custom
// Spanner instance configurations), and Spanner's names for its regional configurations.
#include <algorithm>
#include <iterator>

#include "catalog/catalog.hpp"

namespace residency::catalog {

std::optional<Place> place_of_regions(std::string_view cloud, std::string code, PlaceKind kind,
                                      std::span<const std::string> regions, std::string description) {
    Place p;
    p.kind = kind;
    p.cloud = std::string(cloud);
    p.code = std::move(code);
    p.description = std::move(description);
    bool first = true;
    for (const auto& code_of_region : regions) {
        const Region* r = find_region(cloud, code_of_region);
        if (!r) return std::nullopt;
        if (std::find(p.members.begin(), p.members.end(), r) != p.members.end()) continue;
        p.members.push_back(r);
        p.countries.emplace_back(r->country);
        auto js = jurisdictions_of_country(r->country);
        if (first) {
            p.within = std::move(js);
        } else {
            std::vector<std::string> both;
            std::set_intersection(p.within.begin(), p.within.end(), js.begin(), js.end(), std::back_inserter(both));
            p.within = std::move(both);
        }
        first = false;
    }
    if (p.members.empty()) return std::nullopt;
    std::sort(p.countries.begin(), p.countries.end());
    p.countries.erase(std::unique(p.countries.begin(), p.countries.end()), p.countries.end());
    return p;
}

std::optional<Place> resolve_spanner_config(std::string_view config) {
    constexpr std::string_view kRegional = "regional-";
    if (!config.starts_with(kRegional)) return std::nullopt;
    const Region* r = find_region("google", config.substr(kRegional.size()));
    if (!r) return std::nullopt;
    auto p = resolve("google", r->code);
    if (!p) return std::nullopt;
    p->code = std::string(config);
    p->description = "Google Cloud Spanner regional configuration " + p->code + " in " + p->description;
    return p;
}

}  // namespace residency::catalog
