// Wording rules share: how a place that is not inside the jurisdiction is said to be so.
#include "rules/rules.hpp"

namespace residency::rules {

bool members_unpublished(const catalog::Place& place) {
    return place.kind == catalog::PlaceKind::MultiRegion && place.countries.empty();
}

std::string outside_phrase(const Facts& facts, const catalog::Place& place) {
    // Google does not publish which regions its `europe` multi-region spans: the configuration then
    // guarantees no jurisdiction, and the message must not claim the data is abroad.
    if (members_unpublished(place))
        return fmt::format("whose regions are not published, so not known to be inside {}", facts.jurisdiction_label());
    return fmt::format("outside {}", facts.jurisdiction_label());
}

std::string outside_phrase(const Facts& facts, const LocationFact& location) {
    if (location.state == LocationFact::State::Global) return fmt::format("outside {}", facts.jurisdiction_label());
    return outside_phrase(facts, location.place);
}

}  // namespace residency::rules
