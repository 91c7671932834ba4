// The report every replication rule makes: both ends of a flow that leaves the jurisdiction, in the
// flow's own words when it says what it copies (Flow::what: geo-redundant copies, a write region).
#include "rules/rules.hpp"

namespace residency::rules {

void report_flows_outside(const Facts& facts, RuleOutput& out, std::string_view mechanism) {
    if (!facts.has_jurisdiction()) return;
    for (const Flow& f : facts.flows) {
        if (f.mechanism != mechanism) continue;
        bool global = f.destination.state == LocationFact::State::Global;  // pinned to no region
        if (!global && (f.destination.state != LocationFact::State::Known || facts.inside(f.destination.place))) continue;
        std::string place = global ? "the global location" : describe_place(f.destination.place);
        std::string outside = outside_phrase(facts, f.destination);
        std::string to = f.destination_asset ? fmt::format("{} in {}", f.destination_asset->address, place)
                                             : place;
        const LocationFact& from = f.origin_location.state != LocationFact::State::NotApplicable
                                       ? f.origin_location
                                       : facts.fact(*f.origin).location;
        const std::string& origin_name = f.origin_name.empty() ? f.origin->address : f.origin_name;
        std::string origin = from.state == LocationFact::State::Known
                                 ? fmt::format("{} ({})", origin_name, describe_place(from.place))
                                 : origin_name;
        bool by_itself = f.via == f.origin && f.origin_name.empty();
        std::string message =
            !f.what.empty() ? (by_itself ? fmt::format("{} {} {}, {}", origin, f.what, to, outside)
                                         : fmt::format("{} {} of {} {}, {}", f.via->address, f.what, origin, to, outside))
            : by_itself     ? fmt::format("{} replicates to {}, {}", origin, to, outside)
                            : fmt::format("{} replicates {} to {}, {}", f.via->address, origin, to, outside);
        std::vector<RelatedLocation> related;
        if (f.destination_asset)
            related.push_back({f.destination_asset->header_range, "destination " + f.destination_asset->address});
        for (auto& p : provenance_locations(f.destination.provenance)) related.push_back(std::move(p));
        std::string key = f.destination_asset ? f.destination_asset->address : global ? "global" : f.destination.place.code;
        out.report(f.via, f.range, std::move(message), std::move(related), std::move(key));
    }
}

}  // namespace residency::rules
