// Google places that one location argument cannot say alone: a bucket's configurable dual-region
// (custom_placement_config.data_locations) and a Spanner instance's configuration (`config`: a
// regional configuration, or a custom one of the scan whose replicas name the regions).
#pragma once

#include "facts/facts.hpp"

namespace residency {

// Replaces `location` (computed from the asset's location value alone) where the asset's type
// places it by other arguments too.
void refine_google_location(const Graph& graph, const Asset& asset, LocationFact& location);

}  // namespace residency
