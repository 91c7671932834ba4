// The Kubernetes facts (adapters/kubernetes.cpp): pins, persistent data and GPUs, runtime classes,
// StorageClass topology and the claims' classes; what is not known stays out of the findings.
#include <doctest/doctest.h>

#include "facts/facts.hpp"
#include "support/project.hpp"

using namespace residency;
using residency::testing::Project;

namespace {

const WorkloadFact* workload(const Facts& facts, std::string_view name) {
    for (const auto& w : facts.k8s.workloads)
        if (w.asset->address.ends_with(std::string("/") + std::string(name))) return &w;
    return nullptr;
}
const ComputeFact* compute_of(const Facts& facts, std::string_view name) {
    for (const auto& c : facts.compute)
        if (c.asset->address.ends_with(std::string("/") + std::string(name))) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("kubernetes facts: terms that do not all constrain, a job whose workers are not confidential, a node pool, an unknown class") {
    Project p("k8s-facts");
    p.write("m.yaml", R"(apiVersion: v1
kind: Pod
metadata:
  name: either
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - key: topology.kubernetes.io/region
                operator: In
                values: [eu-west-1]
          - matchExpressions:
              - key: kubernetes.io/arch
                operator: In
                values: [amd64]
  containers:
    - name: c
      image: x
      resources:
        limits:
          nvidia.com/gpu: 1
---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: train
spec:
  pytorchReplicaSpecs:
    Master:
      template:
        spec:
          runtimeClassName: kata-qemu-snp
          containers:
            - name: pytorch
              image: x
    Worker:
      template:
        spec:
          runtimeClassName: kata-qemu
          containers:
            - name: pytorch
              image: x
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: pooled
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.azure.com/agentpool: gpu
      containers:
        - name: c
          image: x
          resources:
            limits:
              amd.com/gpu: 1
---
apiVersion: v1
kind: Pod
metadata:
  name: custom
spec:
  runtimeClassName: my-sandbox
  containers:
    - name: c
      image: x
      resources:
        limits:
          nvidia.com/gpu: 1
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: a
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: x
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: b
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: x
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  resources:
    requests:
      storage: 1Gi
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    Facts facts = build_facts(out->graph, out->sources, {});

    const WorkloadFact* either = workload(facts, "either");
    REQUIRE(either);
    CHECK_FALSE(either->constrained);  // the second term lets it run anywhere
    CHECK(either->gpu == "nvidia.com/gpu");

    const ComputeFact* train = compute_of(facts, "train");
    REQUIRE(train);
    CHECK(train->tee == ComputeFact::Tee::No);  // the master is confidential, the workers are not
    CHECK(train->machine == "kata-qemu");

    const ComputeFact* pooled = compute_of(facts, "pooled");
    REQUIRE(pooled);
    CHECK(pooled->tee == ComputeFact::Tee::Unknown);  // the pool's TEE decides
    CHECK(workload(facts, "pooled")->constrained);

    const ComputeFact* custom = compute_of(facts, "custom");
    REQUIRE(custom);
    CHECK(custom->tee == ComputeFact::Tee::Unknown);

    REQUIRE(facts.k8s.claims.size() == 1);
    CHECK_FALSE(facts.k8s.claims[0].storage_class);  // two classes claim to be the default
    CHECK(facts.k8s.claims[0].unresolved.find("default") != std::string::npos);
}

TEST_CASE("kubernetes facts: a KServe LLMInferenceService's decode, worker and prefill pod specs") {
    Project p("k8s-llmisvc");
    p.write("llm.yaml", R"(apiVersion: serving.kserve.io/v1alpha1
kind: LLMInferenceService
metadata:
  name: llama
spec:
  model:
    uri: hf://meta-llama/Llama-3.1-8B-Instruct
  template:
    nodeSelector:
      topology.kubernetes.io/region: us-east-1
    containers:
      - name: main
        image: vllm/vllm-openai:v0.8.0
        resources:
          limits:
            nvidia.com/gpu: 1
  prefill:
    template:
      containers:
        - name: main
          image: vllm/vllm-openai:v0.8.0
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    Facts facts = build_facts(out->graph, out->sources, {});
    const WorkloadFact* llama = workload(facts, "llama");
    REQUIRE(llama);
    CHECK(llama->ai);
    CHECK(llama->gpu == "nvidia.com/gpu");
    REQUIRE(llama->pins.size() == 1);
    CHECK(llama->pins[0].value == "us-east-1");
    CHECK(llama->constrained);
    CHECK_FALSE(llama->every_pod_constrained);  // the prefill pods run wherever the cluster puts them
}
