// The report of flows that say what they copy (Flow::what): geo-redundant copies in a paired
// region, a Cosmos DB write region, backups. Both ends are named, as in report_flows_outside.
#include "rules/rules.hpp"

namespace residency::rules {

void report_copies_outside(const Facts& facts, RuleOutput& out, std::string_view mechanism) {
    if (!facts.has_jurisdiction()) return;
    for (const Flow& f : facts.flows) {
        if (f.mechanism != mechanism) continue;
        bool global = f.destination.state == LocationFact::State::Global;
        if (!global && (f.destination.state != LocationFact::State::Known || facts.inside(f.destination.place))) continue;
        std::string place = global ? "the global location" : describe_place(f.destination.place);
        std::string outside = global ? fmt::format("outside {}", facts.jurisdiction_label()) : outside_phrase(facts, f.destination.place);
        std::string to = f.destination_asset ? fmt::format("{} in {}", f.destination_asset->address, place) : place;
        const LocationFact& from = facts.fact(*f.origin).location;
        std::string origin = from.state == LocationFact::State::Known
                                 ? fmt::format("{} ({})", f.origin->address, describe_place(from.place))
                                 : f.origin->address;
        std::string what = f.what.empty() ? std::string("replicates to") : f.what;
        std::string message = f.via == f.origin
                                  ? fmt::format("{} {} {}, {}", origin, what, to, outside)
                                  : fmt::format("{} {} of {} {}, {}", f.via->address, what, origin, to, outside);
        std::vector<RelatedLocation> related;
        if (f.destination_asset)
            related.push_back({f.destination_asset->header_range, "destination " + f.destination_asset->address});
        for (auto& p : provenance_locations(f.destination.provenance)) related.push_back(std::move(p));
        std::string key = f.destination_asset ? f.destination_asset->address : global ? "global" : f.destination.place.code;
        out.report(f.via, f.range, std::move(message), std::move(related), std::move(key));
    }
}

}  // namespace residency::rules
