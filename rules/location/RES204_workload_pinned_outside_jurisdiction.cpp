// RES204: a Kubernetes workload whose node selector or required node affinity pins it to a region or
// zone outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesioregion",
    "https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/",
};

constexpr RuleExample kBad[] = {
    {"a training job pinned to a US zone, a server allowed in a US region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- manifests.yaml --
apiVersion: batch/v1
kind: Job
metadata:
  name: finetune
spec:
  template:
    spec:
      restartPolicy: Never
      nodeSelector:
        topology.kubernetes.io/zone: us-east-1a  # expect: RES204
      containers:
        - name: train
          image: ghcr.io/example/train:1.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: embeddings
spec:
  selector:
    matchLabels:
      app: embeddings
  template:
    metadata:
      labels:
        app: embeddings
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: failure-domain.beta.kubernetes.io/region
                    operator: In
                    values:
                      - europe-west4
                      - us-central1  # expect: RES204
      containers:
        - name: server
          image: ghcr.io/example/embeddings:1.0
)"},
    {"a server pinned to an AKS node pool that Terraform creates in the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "azurerm_kubernetes_cluster" "ml" {  # expect: RES201
  name                = "ml"
  location            = "eastus"
  resource_group_name = "ml"
  dns_prefix          = "ml"

  default_node_pool {
    name    = "system"
    vm_size = "Standard_D4s_v5"  # expect: RES402
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {  # expect: RES201
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.ml.id
  vm_size               = "Standard_NC24ads_A100_v4"  # expect: RES402
}
-- serving.yaml --
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
spec:
  selector:
    matchLabels:
      app: llm
  template:
    metadata:
      labels:
        app: llm
    spec:
      nodeSelector:
        kubernetes.azure.com/agentpool: gpu  # expect: RES204
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.3
)"},
};

constexpr RuleExample kGood[] = {
    {"pinned to EU regions and zones", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- manifests.yaml --
apiVersion: batch/v1
kind: Job
metadata:
  name: finetune
spec:
  template:
    spec:
      restartPolicy: Never
      nodeSelector:
        topology.kubernetes.io/zone: europe-west4-a
      containers:
        - name: train
          image: ghcr.io/example/train:1.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: embeddings
spec:
  selector:
    matchLabels:
      app: embeddings
  template:
    metadata:
      labels:
        app: embeddings
    spec:
      nodeSelector:
        topology.kubernetes.io/region: eu-central-1
      containers:
        - name: server
          image: ghcr.io/example/embeddings:1.0
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const WorkloadFact& w : facts.k8s.workloads)
        for (const TopologyValue& t : w.pins) {
            if (!t.place || facts.inside(*t.place)) continue;
            out.report(w.asset, t.range,
                       fmt::format("{} may run on nodes labelled {}={}, in {}, {}", w.asset->address, t.label, t.value,
                                   describe_place(*t.place), outside_phrase(facts, *t.place)),
                       {}, t.value);
        }
    // Pinned to a node pool of the scan: the pods run where the pool runs.
    for (const WorkloadFact& w : facts.k8s.workloads)
        for (const PoolLink& l : w.pools) {
            if (!l.ambiguous.empty()) continue;  // RES002 says which pools could be meant
            const LocationFact& where = facts.fact(*l.pool).location;
            if (where.state != LocationFact::State::Known || facts.inside(where.place)) continue;
            std::vector<RelatedLocation> related{{l.pool->header_range, "node pool " + l.pool->address}};
            for (auto& r : provenance_locations(where.provenance)) related.push_back(std::move(r));
            out.report(w.asset, l.range,
                       fmt::format("{} may run on nodes labelled {}={}, of the node pool {}, in {}, {}", w.asset->address,
                                   l.label, l.value, l.pool->address, describe_place(where.place),
                                   outside_phrase(facts, where)),
                       std::move(related), l.value);
        }
}

constexpr RuleMeta kMeta{
    .id = "RES204",
    .name = "workload-pinned-outside-jurisdiction",
    .family = "location",
    .severity = Severity::High,
    .title = "A Kubernetes workload is pinned to a region or zone outside the jurisdiction",
    .why = "A pod sees the data it processes (prompts, features, model weights, mounted volumes) wherever it "
           "runs. A nodeSelector or a required node affinity on the region or zone labels "
           "(topology.kubernetes.io/region and zone, the legacy failure-domain.beta.kubernetes.io labels, CSI "
           "drivers' */zone keys) says where it may run: a value outside the jurisdiction lets the scheduler put "
           "it there. Each value of an `In` list is a place the pod may run in. Values the catalog does not "
           "know (on-premises zone names, AKS zone numbers) are not judged; zones are mapped to their regions by "
           "the catalog (AWS eu-west-1a, Google Cloud europe-west4-a). A node-pool label (GKE "
           "cloud.google.com/gke-nodepool, AKS kubernetes.azure.com/agentpool, EKS eks.amazonaws.com/nodegroup) "
           "naming a node pool the scan's Terraform creates (google_container_node_pool or a cluster's default "
           "pool, azurerm_kubernetes_cluster_node_pool or default_node_pool, aws_eks_node_group) puts the pods "
           "where that pool runs: the finding shows the pool's block and where its location comes from. When "
           "pools of different places carry the name (one per cluster or environment), the manifest does not "
           "say which one runs it, and that is the diagnostic RES002.",
    .fix = "Select only regions or zones inside the jurisdiction, or, if the placement is intended, allow the "
           "region in residency.yaml.",
    .references = kReferences,
    .applies_to = {},
    .reads = "Kubernetes workloads' node selectors and required node affinity on region, zone and node-pool labels, "
             "and the Terraform node pools those name",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES204{&kMeta, check};

}  // namespace residency::rules
