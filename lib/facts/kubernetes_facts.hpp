// Facts about Kubernetes objects (adapters/kubernetes.cpp): where workloads may run, what they
// mount and request, how StorageClasses constrain where volumes are provisioned, and which class
// each claim uses. Read by RES127, RES204-RES207 and RES503; RES406 reads Facts::compute
// (ComputeFact::Kind::Workload). Facts from shared/reference/regions.md section 6 and
// confidential-computing.md section 4.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "core/graph.hpp"

namespace residency {

// A region or zone a node selector, a required node affinity or a StorageClass's allowedTopologies
// names: the label, the value as written, and what the catalog makes of it (Known; NotInCatalog
// when no cloud knows the code).
struct TopologyValue {
    std::string label;  // "topology.kubernetes.io/zone"
    std::string value;  // "eu-west-1a"
    Range range;
    std::optional<catalog::Place> place;  // when the catalog resolves the value (a region or zone of one cloud)
};

// A Terraform node pool of the scan that a pod spec's node-pool label names (GKE
// cloud.google.com/gke-nodepool, AKS kubernetes.azure.com/agentpool, EKS eks.amazonaws.com/nodegroup):
// the pods run on its nodes, so where the pool runs and its TEE are the workload's. This is the
// edge from a manifest to the infrastructure that runs it.
struct PoolLink {
    std::string label;             // "cloud.google.com/gke-nodepool"
    std::string value;             // the pool name as written
    Range range;                   // where the value is written
    const Asset* pool = nullptr;   // the pool: google_container_node_pool, azurerm_kubernetes_cluster(_node_pool), aws_eks_node_group
    // Set when pools of several places carry the name (two clusters, two root modules) and the
    // manifest does not say which cluster runs it: the pools and their places. `pool` is then the first.
    std::string ambiguous;
};

struct WorkloadFact {
    const Asset* asset = nullptr;
    // A region, zone or node-pool label constrains where some of its pods run (nodeSelector or
    // requiredDuringSchedulingIgnoredDuringExecution node affinity with In, in every term). Pods of
    // one workload pinned and others not are the frontend's unknown location (RES002).
    bool constrained = false;
    bool every_pod_constrained = false;  // and every pod spec is
    // The region and zone values it may run in: a pod may run in any of them.
    std::vector<TopologyValue> pins;
    std::vector<PoolLink> pools;  // the node pools of the scan its pods are pinned to
    std::string data;  // what persistent data it mounts: "PVC \"weights\"", "volumeClaimTemplates \"data\""; "" none
    Range data_range;
    std::string gpu;   // the GPU resource it requests: "nvidia.com/gpu"; "" none
    Range gpu_range;
    bool ai = false;   // GPU requests, a volume named for models, or an AI workload kind (ComputeFact below)
    // Labels on the object's metadata and on its pod templates; unknown when any is not a literal.
    std::vector<std::string> labels;
    bool labels_known = true;
    Range labels_range;  // metadata.labels, or the asset's header
};

struct StorageClassFact {
    const Asset* asset = nullptr;
    std::string name;     // "" when not known: then no claim can be matched to it
    std::string display;  // how messages name it: StorageClass "fast", kubernetes_storage_class.fast (StorageClass "fast")
    std::string provisioner;
    bool immediate = true;         // volumeBindingMode Immediate, written or by default
    bool binding_written = false;  // volumeBindingMode is written
    Range binding_range;
    bool is_default = false;       // annotation storageclass.kubernetes.io/is-default-class: "true"
    std::vector<TopologyValue> topology;  // allowedTopologies region and zone values
    bool topology_unknown = false;        // some region or zone value is not known or not in the catalog
    bool topology_other = false;          // allowedTopologies written on other labels than regions and zones
    Range topology_range;                 // allowedTopologies, or the asset's header
    // The fields as the definition spells them: a Terraform kubernetes_storage_class writes
    // allowed_topologies and volume_binding_mode; it is the same StorageClass as a manifest's.
    std::string_view topologies_field = "allowedTopologies";
    std::string_view binding_field = "volumeBindingMode";
};

// A PersistentVolumeClaim, or a StatefulSet's volumeClaimTemplate: the class it is provisioned by.
struct ClaimFact {
    const Asset* asset = nullptr;  // the PVC, or the StatefulSet
    std::string name;              // the claim's (or the template's) name
    std::string class_name;        // as written; "" when the default class applies
    bool prebound = false;         // storageClassName: "": binds a pre-provisioned volume, no class provisions it
    Range range;                   // storageClassName, or where the claim is
    std::optional<std::size_t> storage_class;  // index into KubernetesFacts::storage_classes
    // Other classes of the scan with that name (manifest sets or root modules for several clusters):
    // which one provisions the claim is not known.
    std::vector<std::size_t> same_name;
    std::string unresolved;        // when the class is not in the scan: why it cannot be judged
    // A PersistentVolumeClaim's own labels (a template's are its StatefulSet's business).
    std::vector<std::string> labels;
    bool labels_known = true;
    Range labels_range;
};

struct KubernetesFacts {
    std::vector<WorkloadFact> workloads;
    std::vector<StorageClassFact> storage_classes;
    std::vector<ClaimFact> claims;
};

}  // namespace residency
