// The mechanisms of flows to the member regions of a place that spans several (dual-regions,
// multi-regions with published members, Spanner configurations): rules read them as "copies in
// each member region", and RES201 leaves a place partly inside the jurisdiction to them.
#pragma once

#include <string_view>

namespace residency::adapters {

struct MemberFlowEntry {
    std::string_view type;       // the resource type whose place spans several regions
    std::string_view mechanism;  // the flow to each member region
};

inline constexpr MemberFlowEntry kMemberFlows[] = {
    {"google_artifact_registry_repository", "artifact-registry-multi-region"},
    {"google_spanner_instance", "spanner-replica"},
    {"google_storage_bucket", "gcs-dual-region"},
};

inline bool is_member_flow(std::string_view mechanism) {
    for (const auto& e : kMemberFlows)
        if (e.mechanism == mechanism) return true;
    return false;
}

}  // namespace residency::adapters
