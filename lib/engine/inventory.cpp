// The register and the graph: each managed asset with its location, verdict and provenance, and
// the links between assets and the places outside the scan their data goes to: flows, Facts::edges
// and the endpoints that route to assets.
#include "engine/inventory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace residency {
namespace {

std::string_view state_name(LocationFact::State s) {
    switch (s) {
        case LocationFact::State::Known: return "known";
        case LocationFact::State::Unknown: return "unknown";
        case LocationFact::State::NotInCatalog: return "not-in-catalog";
        case LocationFact::State::Global: return "global";
        case LocationFact::State::Unset: return "unset";
        case LocationFact::State::NotApplicable: return "not-applicable";
        case LocationFact::State::CloudNotInCatalog: return "cloud-not-in-catalog";
    }
    return "unknown";
}

// "global" pins data to no region, so it is not inside any jurisdiction (as RES201 judges it).
std::string verdict(const Facts& facts, const LocationFact& l) {
    switch (l.state) {
        case LocationFact::State::NotApplicable: return "not-applicable";
        case LocationFact::State::Known:
            if (!facts.has_jurisdiction()) return "unknown";
            return facts.inside(l.place) ? "inside" : "outside";
        case LocationFact::State::Global: return facts.has_jurisdiction() ? "outside" : "unknown";
        default: return "unknown";
    }
}

std::string location_text(const LocationFact& l) {
    if (l.state == LocationFact::State::Unknown && !l.reason.empty()) return "unknown: " + l.reason;
    return describe_location(l);
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The cluster a location is drawn in: the home jurisdiction that holds it, the EU, its one
// country, or what is known of it.
std::string group_of(const Facts& facts, const LocationFact& l) {
    switch (l.state) {
        case LocationFact::State::Known:
            for (const auto& j : facts.jurisdictions)
                if (l.place.inside(j)) return upper(j);
            if (l.place.inside("eu")) return "EU";
            if (l.place.countries.size() == 1) return l.place.countries.front();
            return "several countries";
        case LocationFact::State::Global: return "global";
        case LocationFact::State::NotApplicable: return "no location";
        default: return "unknown location";
    }
}

bool subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

// With a home jurisdiction, a link crosses its border when one end is inside and the other outside
// (Frankfurt to Dublin stays inside the EU). Without one, when the ends are in different countries
// (neither end's countries hold the other's). An end of unknown location crosses nothing.
bool crosses(bool judged, const LocationFact& a, std::string_view va, const LocationFact& b, std::string_view vb) {
    if (judged) return (va == "inside" && vb == "outside") || (va == "outside" && vb == "inside");
    if (a.state != LocationFact::State::Known || b.state != LocationFact::State::Known) return false;
    const auto& ca = a.place.countries;
    const auto& cb = b.place.countries;
    if (ca.empty() || cb.empty()) return false;
    return !subset(ca, cb) && !subset(cb, ca);
}

bool drawn(AssetClass c) {
    return c == AssetClass::DataStore || c == AssetClass::Compute || c == AssetClass::AiService ||
           c == AssetClass::StateBackend || c == AssetClass::Key;
}

class Builder {
public:
    Builder(const Facts& facts, Report& report) : facts_(facts), report_(report) {
        std::set<std::string_view> roots;
        for (const auto& f : facts.assets)
            if (f.asset->mode != AssetMode::Superseded) roots.insert(f.asset->root);
        several_roots_ = roots.size() > 1;
        // Labels name the root by what tells it apart: "infra", not "tests/cases/x/infra".
        if (several_roots_) {
            std::string_view first = *roots.begin(), last = *roots.rbegin();
            std::size_t n = 0;
            while (n < first.size() && n < last.size() && first[n] == last[n]) ++n;
            std::size_t slash = first.substr(0, n).rfind('/');
            common_ = slash == std::string_view::npos ? 0 : slash + 1;
        }
    }

    void entries() {
        for (const AssetFact& f : facts_.assets) {
            const Asset& a = *f.asset;
            if (a.mode != AssetMode::Managed) continue;
            InventoryEntry e;
            e.root = a.root;
            e.address = a.address;
            e.type = a.type;
            e.format = a.format;
            e.asset_class = std::string(class_name(a.asset_class));
            e.range = a.header_range.valid() ? a.header_range : a.range;
            const LocationFact& l = f.location;
            e.location_state = std::string(state_name(l.state));
            if (l.state == LocationFact::State::Known) {
                e.place_code = l.place.code;
                e.place_description = l.place.description;
                e.countries = l.place.countries;
            }
            e.location = location_text(l);
            e.verdict = verdict(facts_, l);
            e.provenance = provenance_locations(l.provenance);
            report_.inventory.push_back(std::move(e));
        }
        auto key = [&](const InventoryEntry& e) {
            // Views, not copies: the sort compares each entry many times.
            std::string_view path = e.range.valid() ? std::string_view(facts_.sources->get(e.range.file).path) : "";
            return std::make_tuple(path, e.range.begin, std::string_view(e.address), std::string_view(e.root));
        };
        std::sort(report_.inventory.begin(), report_.inventory.end(),
                  [&](const InventoryEntry& a, const InventoryEntry& b) { return key(a) < key(b); });
        for (std::size_t i = 0; i < report_.inventory.size(); ++i)
            entry_of_[{report_.inventory[i].root, report_.inventory[i].address}] = i;
    }

    void graph() {
        // Assets that hold or process data, and keys, are drawn wherever they are; configuration
        // objects, networks and assets without a location of their own only when a link touches
        // them (the register lists them all).
        for (const AssetFact& f : facts_.assets)
            if (f.asset->mode == AssetMode::Managed && f.location.state != LocationFact::State::NotApplicable &&
                drawn(f.asset->asset_class))
                asset_node(*f.asset);
        for (const Flow& fl : facts_.flows) {
            if (!fl.origin) continue;
            std::size_t from = asset_node(*fl.origin);
            std::size_t to = fl.destination_asset ? asset_node(*fl.destination_asset) : place_node(fl.destination);
            edge(from, to, std::string(fl.mechanism), fl.range);
        }
        for (const Edge& e : facts_.edges) {
            if (!e.from) continue;
            std::size_t to = e.to ? asset_node(*e.to) : endpoint_node(e.target, e.target_location);
            edge(asset_node(*e.from), to, std::string(e.kind), e.range);
        }
        for (const Endpoint& ep : facts_.endpoints) {
            if (!ep.asset) continue;
            std::string kind = ep.reach == Reach::Regional ? "routes-to" : fmt::format("routes-to ({})", reach_name(ep.reach));
            // Requests served at edge locations or in any region worldwide leave every country;
            // a geography crosses the border when it is not wholly inside the home jurisdiction.
            bool beyond = ep.reach == Reach::Edge || ep.reach == Reach::Global ||
                          (ep.reach == Reach::Geography && facts_.has_jurisdiction() && !facts_.inside(ep.place));
            for (const Asset* s : ep.serves)
                if (s && edge(asset_node(*ep.asset), asset_node(*s), kind, ep.range) && beyond)
                    edges_.back().crosses_border = true;
        }
        sort();
    }

private:
    struct Pending {
        GraphNode node;
        const LocationFact* location = nullptr;
        LocationFact own;  // places and endpoints keep their location here
    };

    std::size_t add(std::string key, Pending p) {
        auto [it, added] = index_.try_emplace(std::move(key), nodes_.size());
        if (added) nodes_.push_back(std::move(p));
        return it->second;
    }

    std::size_t asset_node(const Asset& a) {
        const AssetFact& f = facts_.fact(a);
        Pending p;
        p.node.kind = "asset";
        p.node.label = several_roots_ && !a.root.empty() ? fmt::format("{}: {}", std::string_view(a.root).substr(std::min(common_, a.root.size())), a.address) : a.address;
        p.location = &f.location;
        p.node.group = group_of(facts_, f.location);
        p.node.verdict = verdict(facts_, f.location);
        if (auto it = entry_of_.find({a.root, a.address}); it != entry_of_.end()) p.node.entry = it->second;
        return add(fmt::format("asset\x1f{}\x1f{}", a.root, a.address), std::move(p));
    }

    std::size_t located_node(std::string kind, std::string key, std::string label, const LocationFact& l) {
        Pending p;
        p.node.kind = kind;
        p.node.label = std::move(label);
        p.own = l;
        p.node.group = group_of(facts_, l);
        p.node.verdict = verdict(facts_, l);
        return add(kind + '\x1f' + key, std::move(p));
    }

    std::size_t place_node(const LocationFact& l) {
        if (l.state == LocationFact::State::Known)
            return located_node("place", l.place.cloud + '\x1f' + l.place.code, describe_place(l.place), l);
        if (l.state == LocationFact::State::Unknown) return located_node("place", "unresolved", "unresolved destination", l);
        return located_node("place", location_text(l), location_text(l), l);
    }

    std::size_t endpoint_node(const std::string& target, const LocationFact& l) {
        std::string where = l.state == LocationFact::State::Known ? describe_place(l.place) : "";
        return located_node("endpoint", target, where.empty() ? target : fmt::format("{} ({})", target, where), l);
    }

    // False when nothing was added (a link from an asset to itself).
    bool edge(std::size_t from, std::size_t to, std::string kind, Range range) {
        if (from == to) return false;
        const Pending& a = nodes_[from];
        const Pending& b = nodes_[to];
        const LocationFact& la = a.location ? *a.location : a.own;
        const LocationFact& lb = b.location ? *b.location : b.own;
        GraphEdge e;
        e.from = from;
        e.to = to;
        e.kind = std::move(kind);
        e.crosses_border = crosses(facts_.has_jurisdiction(), la, a.node.verdict, lb, b.node.verdict);
        e.range = range;
        edges_.push_back(std::move(e));
        return true;
    }

    void sort() {
        std::vector<std::size_t> order(nodes_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        auto key = [&](std::size_t i) { return std::tie(nodes_[i].node.group, nodes_[i].node.label, nodes_[i].node.kind); };
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        std::vector<std::size_t> position(nodes_.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            position[order[i]] = i;
            report_.graph_nodes.push_back(nodes_[order[i]].node);
        }
        for (GraphEdge& e : edges_) {
            e.from = position[e.from];
            e.to = position[e.to];
        }
        auto ekey = [](const GraphEdge& e) { return std::tie(e.from, e.to, e.kind); };
        std::sort(edges_.begin(), edges_.end(), [&](const GraphEdge& a, const GraphEdge& b) { return ekey(a) < ekey(b); });
        edges_.erase(std::unique(edges_.begin(), edges_.end(),
                                 [&](const GraphEdge& a, const GraphEdge& b) { return ekey(a) == ekey(b); }),
                     edges_.end());
        report_.graph_edges = std::move(edges_);
    }

    const Facts& facts_;
    Report& report_;
    bool several_roots_ = false;
    std::size_t common_ = 0;  // length of the directory prefix every root shares
    std::map<std::pair<std::string, std::string>, std::size_t> entry_of_;
    std::map<std::string, std::size_t> index_;
    std::vector<Pending> nodes_;
    std::vector<GraphEdge> edges_;
};

}  // namespace

void build_inventory(const Facts& facts, Report& report) {
    Builder b(facts, report);
    b.entries();
    b.graph();
}

}  // namespace residency
