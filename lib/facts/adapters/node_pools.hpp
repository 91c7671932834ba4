// The Terraform node pools of a scan by the label their nodes carry, so that a Kubernetes workload
// pinned to a pool by name runs where that pool runs (adapters/kubernetes.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/facts.hpp"

namespace residency::adapters {

class NodePools {
public:
    explicit NodePools(const Facts& facts);

    // Whether nodes of some pool carry `label`: cloud.google.com/gke-nodepool, kubernetes.azure.com/agentpool,
    // eks.amazonaws.com/nodegroup.
    static bool pool_label(std::string_view label);
    // The pool of the scan a label value names; nullopt when the value is not a literal or no pool of
    // the scan has that name (the cluster's own pools are not in the scan).
    std::optional<PoolLink> link(std::string_view label, const Value& value) const;

private:
    struct Pool {
        std::string_view label;  // the node label carrying the pool's name
        std::string name;        // "" with name_known false when the name is not known
        bool name_known = true;
        const Asset* asset = nullptr;
    };
    void add(std::string_view label, const Value* name, const Asset& asset);

    const Facts& facts_;
    std::vector<Pool> pools_;
};

}  // namespace residency::adapters
