// RES205: a Kubernetes workload that mounts persistent data or requests GPUs with no region constraint.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity",
    "https://kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesiozone",
};

constexpr RuleExample kBad[] = {
    {"a GPU server and a vector database with nothing about where they run", R"(-- manifests.yaml --
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm  # expect: RES205
spec:
  selector:
    matchLabels:
      app: llm
  template:
    metadata:
      labels:
        app: llm
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            limits:
              nvidia.com/gpu: 1
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: qdrant  # expect: RES205
spec:
  serviceName: qdrant
  selector:
    matchLabels:
      app: qdrant
  template:
    metadata:
      labels:
        app: qdrant
    spec:
      containers:
        - name: qdrant
          image: qdrant/qdrant:v1.11.0
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        storageClassName: ""
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 50Gi
)"},
};

constexpr RuleExample kGood[] = {
    {"pinned by region, by zone affinity, by node pool; a stateless web server needs nothing", R"(-- manifests.yaml --
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
        topology.kubernetes.io/region: europe-west4
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            limits:
              nvidia.com/gpu: 1
---
apiVersion: batch/v1
kind: Job
metadata:
  name: eval
spec:
  template:
    spec:
      restartPolicy: Never
      nodeSelector:
        cloud.google.com/gke-nodepool: gpu-pool
      containers:
        - name: eval
          image: ghcr.io/example/eval:1.0
          resources:
            limits:
              nvidia.com/gpu: 1
---
apiVersion: v1
kind: Pod
metadata:
  name: notebook
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - key: topology.kubernetes.io/zone
                operator: In
                values: [eu-west-1a, eu-west-1b]
  containers:
    - name: jupyter
      image: jupyter/base-notebook:latest
  volumes:
    - name: work
      persistentVolumeClaim:
        claimName: notebook-work
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    for (const WorkloadFact& w : facts.k8s.workloads) {
        if (w.constrained || (w.data.empty() && w.gpu.empty())) continue;
        std::string what = !w.data.empty() && !w.gpu.empty() ? fmt::format("mounts {} and requests {}", w.data, w.gpu)
                           : !w.data.empty()                  ? fmt::format("mounts persistent data ({})", w.data)
                                                              : fmt::format("requests GPUs ({})", w.gpu);
        std::vector<RelatedLocation> related;
        if (!w.data.empty()) related.push_back({w.data_range, w.data});
        if (!w.gpu.empty()) related.push_back({w.gpu_range, w.gpu});
        out.report(w.asset, w.asset->header_range,
                   fmt::format("{} {} but nothing constrains the region its pods run in: no nodeSelector or required "
                               "node affinity on a region, zone or node-pool label",
                               w.asset->address, what),
                   std::move(related));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES205",
    .name = "workload-without-region-constraint",
    .family = "location",
    .severity = Severity::Low,
    .title = "A Kubernetes workload with persistent data or GPUs has no region constraint",
    .why = "Where a pod runs is where it reads its volumes and processes prompts and weights. Without a "
           "nodeSelector or required node affinity on a region, zone or node-pool label (GKE "
           "cloud.google.com/gke-nodepool, AKS kubernetes.azure.com/agentpool, EKS eks.amazonaws.com/nodegroup), "
           "the workload runs on whatever nodes the cluster has, so its placement rests on the cluster alone; "
           "in a multi-region or federated cluster, or when the manifests are deployed to another cluster, "
           "nothing keeps it in the jurisdiction. Only workloads that mount PersistentVolumeClaims (volumes or "
           "volumeClaimTemplates) or request GPUs (nvidia.com/gpu, amd.com/gpu) are judged; when several node "
           "affinity terms are given, each must constrain the region. A workload some of whose pod specs are "
           "pinned and others not (a training job's workers but not its master) is the diagnostic RES002. Turn it off with `rules: { RES205: off }` "
           "where clusters are single-region by construction.",
    .fix = "Add `nodeSelector: { topology.kubernetes.io/region: <region inside the jurisdiction> }` (or a "
           "required node affinity on the region or zone, or the node-pool label of a pool inside it) to the pod "
           "template.",
    .references = kReferences,
    .applies_to = {},
    .reads = "Kubernetes workloads: their volumes, GPU requests, node selectors and required node affinity",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES205{&kMeta, check};

}  // namespace residency::rules
