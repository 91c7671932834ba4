// The report of the replication rules over places with several member regions (dual-regions,
// multi-regions with published members, Spanner configurations) that lie partly inside.
#include <map>

#include "facts/adapters/member_flows.hpp"
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

bool member_inside(const Facts& facts, const catalog::Region& m) {
    auto region = catalog::resolve(m.cloud, m.code);
    return region && facts.inside(*region);
}

}  // namespace

bool partly_inside(const Facts& facts, const Asset& asset, const catalog::Place& place) {
    if (place.members.size() < 2 || facts.inside(place)) return false;
    bool some = false;
    for (const auto* m : place.members) some = some || member_inside(facts, *m);
    if (!some) return false;
    for (const Flow& f : facts.flows)
        if (f.origin == &asset && adapters::is_member_flow(f.mechanism)) return true;
    return false;
}

void report_members_outside(const Facts& facts, RuleOutput& out, std::string_view mechanism) {
    if (!facts.has_jurisdiction()) return;
    std::map<const Asset*, std::vector<const Flow*>> outside;  // by asset, in flow order
    std::vector<const Asset*> order;
    for (const Flow& f : facts.flows) {
        if (f.mechanism != mechanism || f.destination.state != LocationFact::State::Known) continue;
        const LocationFact& from = facts.fact(*f.origin).location;
        if (from.state != LocationFact::State::Known || !partly_inside(facts, *f.origin, from.place)) continue;
        if (facts.inside(f.destination.place)) continue;
        if (!outside.count(f.origin)) order.push_back(f.origin);
        outside[f.origin].push_back(&f);
    }
    for (const Asset* a : order) {
        const auto& flows = outside[a];
        std::string regions;
        for (std::size_t i = 0; i < flows.size(); ++i) {
            const auto& place = flows[i]->destination.place;
            const auto* r = place.members.empty() ? nullptr : place.members.front();
            regions += (i == 0 ? "" : i + 1 == flows.size() ? " and " : ", ") +
                       (r ? fmt::format("{} ({}, {})", r->code, r->name, r->country) : describe_place(place));
        }
        const LocationFact& from = facts.fact(*a).location;
        std::string message = fmt::format("{} is in {}, which keeps copies of its data in {}, outside {}", a->address,
                                          describe_place(from.place), regions, facts.jurisdiction_label());
        std::string key;
        for (const auto* f : flows) key += (key.empty() ? "" : "+") + std::string(f->destination.written);
        out.report(a, flows.front()->range, std::move(message), provenance_locations(from.provenance), std::move(key));
    }
}

}  // namespace residency::rules
