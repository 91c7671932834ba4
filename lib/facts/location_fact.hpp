// Where an asset or an endpoint is, in catalog terms, or why that is not known.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "core/value.hpp"

namespace residency {

struct LocationFact {
    enum class State {
        Known,          // resolved to a catalog place
        Unknown,        // depends on something the scan cannot know (reason says what)
        NotInCatalog,   // a literal code the catalog does not know
        Global,         // the service's global location: not pinned to any region
        Unset,          // nothing sets a location: the cloud's default applies
        NotApplicable,  // global control-plane objects, or assets that take no location
        CloudNotInCatalog,  // a provider whose regions the catalog does not know yet
    };
    State state = State::NotApplicable;
    catalog::Place place;   // Known
    std::string written;    // the code as written (Known, NotInCatalog, Global)
    std::string reason;     // Unknown
    std::string unsupported_function;  // Unknown because this function's call could not be evaluated
    std::vector<Range> unknown_places;  // Unknown, when the tool could not model it: where it passed through
    Range range;            // where the code or the unknown came from
    Provenance provenance;
};

}  // namespace residency
