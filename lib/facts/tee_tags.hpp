// Two facts of the same shape, per asset: whether compute that handles AI data runs in a trusted
// execution environment (and why not), and the tags or labels an asset carries once the provider's
// defaults are merged. Filled by adapters/compute_tee.cpp and adapters/tags.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/graph.hpp"

namespace residency {

struct ComputeFact {
    // What `require.tee` names it by: node-pools, vms or workloads (Kubernetes workloads, only when named).
    enum class Kind : std::uint8_t { NodePool, Vm, Workload };
    enum class Tee : std::uint8_t { Yes, No, Unknown };

    const Asset* asset = nullptr;
    std::string_view mechanism;  // "gke", "aks", "aws-sev-snp", "gce", "azure-cvm": which rule reads it
    Kind kind = Kind::Vm;
    bool accelerator = false;    // GPU or AI accelerator compute: in scope by default
    Tee tee = Tee::No;
    std::string technology;      // Yes: "SEV_SNP", "AMD SEV-SNP", "confidential VM size Standard_DC4as_v5"
    std::string reason;          // No: why not; Unknown: what is not known
    std::string machine;         // the machine type or size as written; "" when unset or unknown
    // No, when the machine type itself cannot run in a TEE: the families that can ("M6a, R6a, C6a").
    std::string capable;
    Range range;                 // where the reason is written; the asset's header when nothing is
    const Asset* via = nullptr;  // the asset whose configuration decides it (a launch template), or null
};

struct TagsFact {
    enum class State : std::uint8_t {
        Known,        // `tags` holds the merged keys and values
        Unknown,      // the tags come from something the scan cannot know (reason)
        NotTaggable,  // the type takes no tags or labels (or the catalog does not know that it does)
    };
    const Asset* asset = nullptr;
    State state = State::NotTaggable;
    std::string_view attribute;  // "tags", "labels": what a user writes on the resource
    std::vector<std::pair<std::string, const Value*>> tags;  // Known: key, value, in key order
    std::string reason;          // Unknown
    Range range;                 // where the tags are written; the asset's header when nowhere
};

}  // namespace residency
