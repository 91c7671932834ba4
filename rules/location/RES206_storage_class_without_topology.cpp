// RES206: a StorageClass whose allowedTopologies do not keep the volumes it provisions inside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://kubernetes.io/docs/concepts/storage/storage-classes/#allowed-topologies",
    "https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode",
};

constexpr RuleExample kBad[] = {
    {"no topology with Immediate binding by default, and a zone outside the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- classes.yaml --
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast  # expect: RES206
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: zonal
provisioner: pd.csi.storage.gke.io
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:  # expect: RES206
      - key: topology.gke.io/zone
        values:
          - europe-west4-a
          - us-central1-a
)"},
};

constexpr RuleExample kGood[] = {
    {"EU zones only; a zone name the catalog does not know and local volumes are not judged", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- classes.yaml --
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/zone
        values: [eu-central-1a, eu-central-1b]
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local
provisioner: example.com/local
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/zone
        values: [rack-7]
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-disks
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
-- storage.tf --
resource "kubernetes_storage_class_v1" "regional" {
  metadata {
    name = "regional"
  }
  storage_provisioner = "pd.csi.storage.gke.io"
  volume_binding_mode = "WaitForFirstConsumer"
  allowed_topologies {
    match_label_expressions {
      key    = "topology.gke.io/zone"
      values = ["europe-west4-a", "europe-west4-b"]
    }
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    for (const StorageClassFact& s : facts.k8s.storage_classes) {
        auto problem = storage_class_unconstrained(facts, s);
        if (!problem) continue;
        Range where = s.topology.empty() ? s.asset->header_range : s.topology_range;
        out.report(s.asset, where, fmt::format("{} {}", s.display, *problem));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES206",
    .name = "storage-class-without-topology",
    .family = "location",
    .severity = Severity::Low,
    .title = "A StorageClass does not keep the volumes it provisions inside the jurisdiction",
    .why = "Every PersistentVolumeClaim of the class gets a volume where the class lets the provisioner put it. "
           "`allowedTopologies` restricts the regions or zones; without it, a class with `volumeBindingMode: "
           "Immediate` (the default) provisions a volume as soon as the claim exists, in a zone the provisioner "
           "picks, and one with WaitForFirstConsumer provisions it wherever the first pod lands: in both cases "
           "only the cluster's own placement keeps the data inside. A Terraform kubernetes_storage_class (or _v1) is the "
           "same object, judged on its allowed_topologies and volume_binding_mode, and claims in manifests that "
           "name it are provisioned by it. A class whose allowedTopologies name a "
           "region or zone outside the jurisdiction allows volumes there. A class whose allowedTopologies lie "
           "inside is not reported whatever its binding mode (Immediate binding still provisions inside the "
           "allowed zones); values the catalog does not know are not judged, and neither are classes of "
           "`kubernetes.io/no-provisioner` (local volumes, created by hand with their own node affinity).",
    .fix = "Add `allowedTopologies` with a `topology.kubernetes.io/zone` (or region) expression listing only "
           "zones inside the jurisdiction, and `volumeBindingMode: WaitForFirstConsumer`.",
    .references = kReferences,
    .applies_to = {},
    .reads = "StorageClasses in manifests and Terraform: allowedTopologies and volumeBindingMode",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES206{&kMeta, check};

}  // namespace residency::rules
