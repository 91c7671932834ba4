// RES503: a Kubernetes workload or PersistentVolumeClaim lacks labels that require.tags lists.
#include <algorithm>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/",
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/",
};

constexpr RuleExample kBad[] = {
    {"a server and a claim without the required labels", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tags: [jurisdiction, data-classification]
-- manifests.yaml --
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
  labels:
    app: llm  # expect: RES503
    jurisdiction: eu
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
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: weights  # expect: RES503
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 100Gi
)"},
};

constexpr RuleExample kGood[] = {
    {"labels on the object, on the pod template, or with a prefix", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tags: [jurisdiction, data-classification]
-- manifests.yaml --
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
  labels:
    app: llm
    residency.example.com/jurisdiction: eu
spec:
  selector:
    matchLabels:
      app: llm
  template:
    metadata:
      labels:
        app: llm
        data-classification: confidential
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: weights
  labels:
    jurisdiction: eu
    data_classification: confidential
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 100Gi
)"},
    {"without require.tags nothing is judged", R"(-- manifests.yaml --
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: weights
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 100Gi
)"},
};

void judge(const Facts& facts, RuleOutput& out, const Asset& a, std::string_view what,
           const std::vector<std::string>& labels, Range where) {
    std::vector<std::string> missing;
    for (const std::string& key : facts.require_tags)
        if (std::none_of(labels.begin(), labels.end(), [&](const std::string& l) { return label_matches(l, key); }))
            missing.push_back(key);
    if (missing.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i)
        list += (i ? i + 1 == missing.size() ? " and " : ", " : "") + missing[i];
    out.report(&a, where,
               fmt::format("{} has no {} label{}: require.tags asks every {} for {}", a.address, list,
                           missing.size() == 1 ? "" : "s", what, missing.size() == 1 ? "it" : "them"));
}

void check(const Facts& facts, RuleOutput& out) {
    if (facts.require_tags.empty()) return;
    for (const WorkloadFact& w : facts.k8s.workloads)
        if (w.labels_known) judge(facts, out, *w.asset, "Kubernetes workload", w.labels, w.labels_range);
    for (const ClaimFact& c : facts.k8s.claims)
        if (c.labels_known && c.asset->type.ends_with("/PersistentVolumeClaim"))
            judge(facts, out, *c.asset, "PersistentVolumeClaim", c.labels, c.labels_range);
}

constexpr RuleMeta kMeta{
    .id = "RES503",
    .name = "k8s-missing-required-labels",
    .family = "tagging",
    .severity = Severity::Low,
    .title = "A Kubernetes workload or PersistentVolumeClaim lacks the labels require.tags lists",
    .why = "Labels are how admission policies, cost and inventory tools and auditors tell which workloads and "
           "volumes hold data that must stay in the jurisdiction. Judged only when `require.tags` is set, on "
           "every workload (any object with a pod template) and every PersistentVolumeClaim. A workload's key "
           "counts when it is on the object's metadata or on its pod template (the pods carry it); a "
           "StatefulSet's volumeClaimTemplates are judged with it. Keys compare case-insensitively with `_` and "
           "`-` alike, and a prefixed key carries its name (`residency.example.com/jurisdiction` carries "
           "`jurisdiction`). Labels that are not literals are not judged.",
    .fix = "Add the labels to the object's `metadata.labels` (or its pod template's): `jurisdiction: eu`.",
    .references = kReferences,
    .applies_to = {},
    .reads = "labels of Kubernetes workloads, their pod templates, and PersistentVolumeClaims",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES503{&kMeta, check};

}  // namespace residency::rules
