// Google places built from several arguments: see google_places.hpp.
#include "facts/google_places.hpp"

#include <fmt/format.h>

namespace residency {
namespace {

const Value* first_block(const Value* blocks) {
    if (!blocks || blocks->items().empty()) return nullptr;
    return &blocks->items().front();
}

LocationFact unknown(const Value& v, std::string reason) {
    LocationFact f;
    f.state = LocationFact::State::Unknown;
    f.reason = std::move(reason);
    f.range = v.range;
    f.provenance = v.provenance;
    return f;
}

LocationFact not_in_catalog(const Value& v, std::string written) {
    LocationFact f;
    f.state = LocationFact::State::NotInCatalog;
    f.written = std::move(written);
    f.range = v.range;
    f.provenance = v.provenance;
    return f;
}

// The regions listed in `list` (strings), or the fact saying why they cannot be known.
std::optional<LocationFact> regions_of(const Value& list, std::string_view what, std::vector<std::string>& out) {
    if (list.is_unknown()) return unknown(list, fmt::format("the {} are not known: {}", what, list.unknown_reason()));
    for (const auto& item : list.items()) {
        if (item.contains_unknown())
            return unknown(item, fmt::format("the {} are not known: {}", what,
                                             item.is_unknown() ? item.unknown_reason() : "part of the value is not known"));
        if (!item.is_string()) return not_in_catalog(item, item.display());
        out.push_back(item.as_string());
    }
    return std::nullopt;
}

// A bucket in a configurable dual-region: location is the code ("EU", "DE", ...), the two regions
// are custom_placement_config.data_locations.
void bucket(const Asset& a, LocationFact& l) {
    const Value* config = first_block(a.attributes.get("custom_placement_config"));
    const Value* list = config ? config->get("data_locations") : nullptr;
    if (!list || list->is_null()) return;
    std::vector<std::string> regions;
    if (auto problem = regions_of(*list, "custom_placement_config data_locations", regions)) {
        // A known multi-region code still bounds the pair (both must be in that code's list).
        if (problem->state == LocationFact::State::Unknown && l.state == LocationFact::State::Known) return;
        l = std::move(*problem);
        return;
    }
    auto place = catalog::place_of_regions("google", "", catalog::PlaceKind::DualRegion, regions, "");
    if (!place) {
        for (const auto& r : regions)
            if (!catalog::find_region("google", r)) {
                l = not_in_catalog(*list, r);
                break;
            }
        return;
    }
    // The place's code names its regions in canonical spelling: "europe-west3+europe-west6".
    for (const auto* m : place->members) place->code += (place->code.empty() ? "" : "+") + std::string(m->code);
    place->description = "Google Cloud configurable dual-region " + place->code;
    std::string written = l.written.empty() ? place->code : l.written;
    l = LocationFact{};
    l.state = LocationFact::State::Known;
    l.written = std::move(written);
    l.place = std::move(*place);
    l.range = list->range;
    l.provenance = prepend(fmt::format("{} custom_placement_config data_locations", a.address), list->range,
                           list->provenance);
}

// The custom instance configuration of the scan that `config` names: by reference, or by the
// literal name of one in the same root.
const Asset* custom_config(const Graph& graph, const Asset& a) {
    const Value& v = a.location;
    if (!v.ref_asset.empty()) {
        const Asset* c = graph.find(a.root, v.ref_asset);
        if (c && c->type == "google_spanner_instance_config") return c;
    }
    if (!v.is_string()) return nullptr;
    for (const Asset& c : graph.assets) {
        if (c.type != "google_spanner_instance_config" || c.root != a.root || c.mode != AssetMode::Managed) continue;
        const Value* name = c.attributes.get("name");
        if (name && name->is_string() && name->as_string() == v.as_string()) return &c;
    }
    return nullptr;
}

void spanner_instance(const Graph& graph, const Asset& a, LocationFact& l) {
    if (const Asset* c = custom_config(graph, a)) {
        const Value* replicas = c->attributes.get("replicas");
        if (!replicas) return;
        std::vector<std::string> regions;
        if (replicas->is_unknown()) {
            l = unknown(*replicas, fmt::format("the replicas of {} are not known: {}", c->address, replicas->unknown_reason()));
            return;
        }
        for (const auto& r : replicas->items()) {
            const Value* loc = r.is_unknown() ? &r : r.get("location");
            if (!loc) continue;
            if (loc->contains_unknown()) {
                l = unknown(*loc, fmt::format("a replica location of {} is not known: {}", c->address,
                                              loc->is_unknown() ? loc->unknown_reason() : "part of it is not known"));
                return;
            }
            if (!loc->is_string()) continue;
            regions.push_back(loc->as_string());
        }
        std::string name = l.written.empty() ? c->address : l.written;
        auto place = catalog::place_of_regions("google", name, catalog::PlaceKind::MultiRegion, regions,
                                               fmt::format("Spanner custom instance configuration {}", name));
        if (!place) {
            for (const auto& r : regions)
                if (!catalog::find_region("google", r)) {
                    l = not_in_catalog(*replicas, r);
                    return;
                }
            return;  // no replicas: Terraform rejects the configuration
        }
        l.state = LocationFact::State::Known;
        l.reason.clear();
        l.unknown_places.clear();
        l.place = std::move(*place);
        l.provenance = prepend(fmt::format("{} replicas", c->address), replicas->range, l.provenance);
        return;
    }
    // A Google-managed configuration: only regional ones are in the catalog (the general lookup
    // would take "nam4" for the Cloud Storage dual-region of that name).
    if (l.state != LocationFact::State::Known && l.state != LocationFact::State::NotInCatalog) return;
    if (auto place = catalog::resolve_spanner_config(l.written)) {
        l.state = LocationFact::State::Known;
        l.place = std::move(*place);
    } else {
        l.state = LocationFact::State::NotInCatalog;
        l.place = {};
    }
}

}  // namespace

void refine_google_location(const Graph& graph, const Asset& asset, LocationFact& location) {
    if (asset.mode != AssetMode::Managed || asset.cloud != "google") return;
    if (asset.type == "google_storage_bucket") bucket(asset, location);
    if (asset.type == "google_spanner_instance") spanner_instance(graph, asset, location);
}

}  // namespace residency
