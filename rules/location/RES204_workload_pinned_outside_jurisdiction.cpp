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
           "the catalog (AWS eu-west-1a, Google Cloud europe-west4-a).",
    .fix = "Select only regions or zones inside the jurisdiction, or, if the placement is intended, allow the "
           "region in residency.yaml.",
    .references = kReferences,
    .applies_to = {},
    .reads = "Kubernetes workloads' node selectors and required node affinity on region and zone labels",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES204{&kMeta, check};

}  // namespace residency::rules
