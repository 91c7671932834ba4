// The generic adapter for places with several known member regions: an asset of a type in the
// table keeps a copy of its data in every member region of its place, one flow each.
#include <fmt/format.h>

#include "facts/adapters/adapters.hpp"
#include "facts/adapters/member_flows.hpp"

namespace residency::adapters {

void member_flows(Facts& facts) {
    for (const AssetFact& f : facts.assets) {
        const Asset& a = *f.asset;
        if (a.mode != AssetMode::Managed || f.location.state != LocationFact::State::Known) continue;
        const auto& place = f.location.place;
        if (place.members.size() < 2) continue;
        for (const auto& entry : kMemberFlows) {
            if (a.type != entry.type) continue;
            for (const catalog::Region* m : place.members) {
                auto region = catalog::resolve(m->cloud, m->code);
                if (!region) continue;
                Flow flow{entry.mechanism, &a, &a, f.location.range.valid() ? f.location.range : a.header_range,
                          nullptr, {}};
                flow.destination.state = LocationFact::State::Known;
                flow.destination.written = std::string(m->code);
                flow.destination.place = std::move(*region);
                flow.destination.range = flow.range;
                flow.destination.provenance = f.location.provenance;
                facts.flows.push_back(std::move(flow));
            }
        }
    }
}

}  // namespace residency::adapters
