// Location facts and the facts index: from each asset's effective location value to a catalog
// place, once per asset; then the flows the adapters find.
#include "facts/facts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "facts/adapters/adapters.hpp"
#include "facts/google_places.hpp"

namespace residency {

// The first unknown inside a value (a list of regions with one not yet known).
static const Value* first_unknown(const Value& v) {
    if (v.is_unknown()) return &v;
    for (const auto& item : v.items())
        if (item.contains_unknown()) return first_unknown(item);
    for (const auto& [k, item] : v.fields())
        if (item.contains_unknown()) return first_unknown(item);
    return nullptr;
}

static bool is_global_code(std::string_view code) {
    return code.size() == 6 && std::equal(code.begin(), code.end(), "global", [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

// A Kubernetes object has no cloud of its own: the frontend sets one only when its pin names a
// place exactly one cloud knows. Otherwise the pin is unknown (several places or clouds), a code no
// cloud knows, or absent (the cluster decides: not applicable).
static LocationFact locate_cloudless(const Asset& asset) {
    LocationFact f;
    f.range = asset.location.range;
    f.provenance = asset.location.provenance;
    if (asset.location.is_unknown()) {
        f.state = LocationFact::State::Unknown;
        f.reason = asset.location.unknown_reason();
    } else if (asset.location.is_string()) {
        f.state = LocationFact::State::NotInCatalog;
        f.written = asset.location.as_string();
    }
    return f;
}

LocationFact locate(const Asset& asset) {
    if (asset.mode == AssetMode::Managed && asset.cloud.empty() && asset.format == "kubernetes") return locate_cloudless(asset);
    if (asset.mode != AssetMode::Managed || asset.cloud.empty()) return {};
    if (asset.asset_class == AssetClass::Global) return {};
    if (!catalog::knows_cloud(asset.cloud)) {
        LocationFact f;
        f.state = LocationFact::State::CloudNotInCatalog;
        return f;
    }
    LocationFact f = locate_value(asset.cloud, asset.location);
    if (f.state == LocationFact::State::Unset && !asset.location_applies) f.state = LocationFact::State::NotApplicable;
    return f;
}

LocationFact locate_value(std::string_view cloud, const Value& r) {
    LocationFact f;
    f.range = r.range;
    f.provenance = r.provenance;
    if (r.is_null()) {
        f.state = LocationFact::State::Unset;
        return f;
    }
    if (r.contains_unknown()) {
        const Value* u = first_unknown(r);
        f.state = LocationFact::State::Unknown;
        f.reason = u ? u->unknown_reason() : "part of the value is not known";
        // Where the unknown may have started: its range and the places of its provenance (a value
        // is moved to where the argument that holds it is written).
        if (u && u->unknown_cause() == UnknownCause::Unsupported) {
            f.unknown_places.push_back(u->range);
            for (const auto* step : steps(u->provenance)) f.unknown_places.push_back(step->range);
        }
        return f;
    }
    f.written = r.is_string() ? r.as_string() : r.display();
    if (r.is_string()) {
        if (is_global_code(r.as_string())) {
            f.state = LocationFact::State::Global;
            return f;
        }
        if (auto place = catalog::resolve(cloud, r.as_string())) {
            f.state = LocationFact::State::Known;
            f.place = std::move(*place);
            return f;
        }
    }
    f.state = LocationFact::State::NotInCatalog;
    return f;
}

Facts build_facts(const Graph& graph, const SourceSet& sources, LoadResult load) {
    Facts facts;
    facts.graph = &graph;
    facts.sources = &sources;
    facts.load = std::move(load);
    // An unknown that the tool could not model starts at a call it cannot evaluate when such a call
    // lies inside one of the places the unknown passed through: the innermost is the one named.
    std::map<FileId, std::vector<const LoadProblem*>> calls;  // by file, sorted by where they start
    for (const auto& c : facts.load.unsupported_functions) calls[c.range.file].push_back(&c);
    for (auto& [file, list] : calls)
        std::sort(list.begin(), list.end(), [](const LoadProblem* a, const LoadProblem* b) { return a->range.begin < b->range.begin; });
    auto unsupported_call = [&](const LocationFact& l) -> const LoadProblem* {
        const LoadProblem* best = nullptr;
        for (const Range& place : l.unknown_places) {
            auto it = calls.find(place.file);
            if (it == calls.end()) continue;
            const auto& list = it->second;
            auto c = std::lower_bound(list.begin(), list.end(), place.begin,
                                      [](const LoadProblem* p, std::uint32_t at) { return p->range.begin < at; });
            for (; c != list.end() && (*c)->range.begin < place.end; ++c)
                if ((*c)->range.end <= place.end &&
                    (!best || (*c)->range.end - (*c)->range.begin < best->range.end - best->range.begin))
                    best = *c;
        }
        return best;
    };
    facts.assets.reserve(graph.assets.size());
    for (std::size_t i = 0; i < graph.assets.size(); ++i) {
        const Asset& a = graph.assets[i];
        facts.assets.push_back(AssetFact{&a, locate(a)});
        LocationFact& l = facts.assets.back().location;
        refine_google_location(graph, a, l);
        if (const LoadProblem* call = l.unknown_places.empty() ? nullptr : unsupported_call(l)) {
            l.unsupported_function = call->message;
            l.range = call->range;
        }
        if (a.mode != AssetMode::Superseded) facts.by_class[static_cast<std::size_t>(a.asset_class)].push_back(static_cast<AssetId>(i));
    }
    collect_adapter_facts(facts);
    collect_endpoints(facts);
    return facts;
}

const k8s::ObjectIndex& Facts::kubernetes_objects() const {
    if (!kubernetes_objects_) kubernetes_objects_ = std::make_shared<const k8s::ObjectIndex>(*graph);
    return *kubernetes_objects_;
}

bool Facts::host_allowed(std::string_view host) const {
    std::string h(host);
    std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    while (!h.empty() && h.back() == '.') h.pop_back();
    for (const auto& a : allow_hosts) {
        if (a == "*" || a == h) return true;
        // "*.x.eu" matches "a.x.eu" and "a.b.x.eu"; an entry host "*.x.eu" is allowed by the same glob only.
        if (a.size() > 2 && a.starts_with("*.")) {
            std::string_view suffix = std::string_view(a).substr(1);  // ".x.eu"
            if (h.size() > suffix.size() && h.ends_with(suffix)) return true;
        }
    }
    return false;
}

bool Facts::inside(const catalog::Place& place) const {
    for (const auto& j : jurisdictions)
        if (place.inside(j)) return true;
    if (allow_regions.empty() || place.members.empty()) return false;
    for (const auto* m : place.members) {
        bool ok = std::find(allow_regions.begin(), allow_regions.end(), m->code) != allow_regions.end();
        if (!ok) {
            // A member may still be inside by jurisdiction while another is only allowed by name.
            bool in = false;
            for (const auto& j : jurisdictions) {
                auto js = catalog::jurisdictions_of_country(m->country);
                if (std::find(js.begin(), js.end(), j) != js.end()) in = true;
            }
            if (!in) return false;
        }
    }
    return true;
}

std::string Facts::jurisdiction_label() const {
    std::string out;
    for (std::size_t i = 0; i < jurisdictions.size(); ++i) {
        if (i) out += i + 1 == jurisdictions.size() ? " or " : ", ";
        out += jurisdictions[i];
    }
    return out;
}

std::string Facts::located_split_text() const {
    std::string out;
    for (const auto& [j, n] : located_split)
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", j.empty() ? "several countries" : j, n);
    return out;
}

const AssetFact& Facts::fact(const Asset& a) const {
    return assets[static_cast<std::size_t>(&a - graph->assets.data())];
}

std::vector<const AssetFact*> Facts::of_classes(std::span<const AssetClass> classes) const {
    std::vector<AssetId> ids;
    for (AssetClass c : classes) {
        const auto& list = by_class[static_cast<std::size_t>(c)];
        ids.insert(ids.end(), list.begin(), list.end());
    }
    std::sort(ids.begin(), ids.end());
    std::vector<const AssetFact*> out;
    out.reserve(ids.size());
    for (AssetId id : ids) out.push_back(&assets[id]);
    return out;
}

std::string describe_place(const catalog::Place& place) {
    std::string countries;
    for (std::size_t i = 0; i < place.countries.size(); ++i) countries += (i ? ", " : "") + place.countries[i];
    switch (place.kind) {
        case catalog::PlaceKind::MultiRegion:
            return countries.empty() ? fmt::format("{} multi-region", place.code)
                                     : fmt::format("{} multi-region ({})", place.code, countries);
        default: return countries.empty() ? place.code : fmt::format("{} ({})", place.code, countries);
    }
}

std::string describe_location(const LocationFact& location) {
    switch (location.state) {
        case LocationFact::State::Known: return describe_place(location.place);
        case LocationFact::State::Global: return "the global location";
        case LocationFact::State::NotInCatalog: return fmt::format("\"{}\" (not in the catalog)", location.written);
        case LocationFact::State::Unknown: return "an unresolved location";
        case LocationFact::State::Unset: return "the provider's default location";
        case LocationFact::State::CloudNotInCatalog: return "a provider the catalog does not know";
        case LocationFact::State::NotApplicable: break;
    }
    return "no location of its own";
}

std::vector<RelatedLocation> provenance_locations(const Provenance& p) {
    std::vector<RelatedLocation> out;
    // Steps with no position (a value given with --var) are kept: the chain must not skip a link.
    for (const auto* step : steps(p)) out.push_back({step->range, step->label});
    return out;
}

}  // namespace residency
