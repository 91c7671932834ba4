// RES406: a Kubernetes AI workload runs without a confidential runtime class, where the policy requires
// TEEs for workloads.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://kubernetes.io/docs/concepts/containers/runtime-class/",
    "https://confidentialcontainers.org/docs/",
    "https://learn.microsoft.com/azure/aks/confidential-containers-overview",
    "https://github.com/kata-containers/kata-containers/tree/main/tools/packaging/kata-deploy/helm-chart/kata-deploy",
};

constexpr RuleExample kBad[] = {
    {"a GPU server with no runtime class, a model server on plain Kata", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tee: [workloads]
-- manifests.yaml --
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm  # expect: RES406
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
        topology.kubernetes.io/region: westeurope
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            limits:
              nvidia.com/gpu: 1
---
apiVersion: v1
kind: Pod
metadata:
  name: reranker
spec:
  runtimeClassName: kata-qemu  # expect: RES406
  nodeSelector:
    topology.kubernetes.io/region: westeurope
  containers:
    - name: reranker
      image: ghcr.io/example/reranker:1.0
  volumes:
    - name: model
      persistentVolumeClaim:
        claimName: reranker-model
)"},
};

constexpr RuleExample kGood[] = {
    {"confidential runtime classes, confidential nodes, and a web server that is not an AI workload", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tee: [workloads]
-- manifests.yaml --
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
      runtimeClassName: kata-qemu-nvidia-gpu-snp
      nodeSelector:
        topology.kubernetes.io/region: westeurope
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            limits:
              nvidia.com/gpu: 1
---
apiVersion: v1
kind: Pod
metadata:
  name: reranker
spec:
  runtimeClassName: kata-cc-isolation
  nodeSelector:
    topology.kubernetes.io/region: westeurope
  containers:
    - name: reranker
      image: ghcr.io/example/reranker:1.0
  volumes:
    - name: model
      persistentVolumeClaim:
        claimName: reranker-model
---
apiVersion: batch/v1
kind: Job
metadata:
  name: embed
spec:
  template:
    spec:
      restartPolicy: Never
      nodeSelector:
        topology.kubernetes.io/region: europe-west4
        cloud.google.com/gke-confidential-nodes-instance-type: SEV_SNP
      containers:
        - name: embed
          image: ghcr.io/example/embed:1.0
          resources:
            limits:
              nvidia.com/gpu: 1
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
    {"without require.tee: workloads, no workload is judged", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- manifests.yaml --
apiVersion: v1
kind: Pod
metadata:
  name: trainer
spec:
  nodeSelector:
    topology.kubernetes.io/region: eu-west-1
  containers:
    - name: train
      image: ghcr.io/example/train:1.0
      resources:
        limits:
          amd.com/gpu: 8
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_without_tee(facts, out, "k8s-workload"); }

constexpr RuleMeta kMeta{
    .id = "RES406",
    .name = "workload-without-confidential-runtime",
    .family = "confidential-compute",
    .severity = Severity::Medium,
    .title = "A Kubernetes AI workload runs without a confidential runtime class",
    .why = "A pod that serves or trains a model holds prompts and weights in clear memory on its node, readable "
           "by the host and the cloud operator. A confidential runtime class runs each pod in a "
           "hardware-encrypted VM (Confidential Containers: kata-qemu-snp, kata-qemu-tdx, the confidential GPU "
           "classes kata-qemu-nvidia-gpu-snp and -tdx, kata-qemu-se, kata-qemu-sev, their -runtime-rs and "
           "-debug variants; AKS kata-cc-isolation). Plain Kata (kata, kata-qemu, kata-clh, kata-fc), AKS pod "
           "sandboxing (kata-mshv-vm-isolation) and kata-qemu-coco-dev isolate without memory encryption. Judged "
           "only when `require.tee` lists `workloads`, for AI workloads: GPU requests (nvidia.com/gpu, "
           "amd.com/gpu), a volume or claim whose name says model, weight or checkpoint, or a KServe, Kubeflow "
           "or Ray kind. Pods pinned to confidential nodes (GKE "
           "cloud.google.com/gke-confidential-nodes-instance-type, NFD amd.feature.node.kubernetes.io/snp or "
           "intel.feature.node.kubernetes.io/tdx) count as in a TEE; pods pinned to a node pool by its "
           "label (GKE cloud.google.com/gke-nodepool, AKS kubernetes.azure.com/agentpool, EKS "
           "eks.amazonaws.com/nodegroup) take that pool's TEE when the scan's Terraform creates the pool (the "
           "finding shows its block; RES401-RES403 judge the pool itself) and are not judged when it does not. "
           "A runtime class the catalog does not know is not judged.",
    .fix = "Set `runtimeClassName` on the pod template to a confidential class installed in the cluster "
           "(kata-qemu-snp, kata-qemu-tdx, kata-qemu-nvidia-gpu-snp for GPUs; kata-cc-isolation on AKS), or "
           "schedule the pods on confidential nodes.",
    .references = kReferences,
    .applies_to = {},
    .reads = "compute facts of Kubernetes AI workloads: runtimeClassName and confidential node selectors",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES406{&kMeta, check};

}  // namespace residency::rules
