// RES207: a PersistentVolumeClaim provisioned by a StorageClass that does not keep it inside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class-1",
    "https://kubernetes.io/docs/concepts/storage/storage-classes/#allowed-topologies",
};

constexpr RuleExample kBad[] = {
    {"a claim on a class without topology; a claim on a class not in the scan is a diagnostic", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- storage.yaml --
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard  # expect: RES206
provisioner: pd.csi.storage.gke.io
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: weights
spec:
  storageClassName: standard  # expect: RES207
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 100Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: datasets
spec:
  storageClassName: gp3  # expect: RES002
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 100Gi
)"},
    {"a claim on a class that Terraform creates, with no topology", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- storage.tf --
resource "kubernetes_storage_class" "fast" {  # expect: RES206
  metadata {
    name = "fast"
  }
  storage_provisioner = "ebs.csi.aws.com"
  volume_binding_mode = "WaitForFirstConsumer"
}
-- claims.yaml --
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: checkpoints
spec:
  storageClassName: fast  # expect: RES207
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 500Gi
)"},
};

constexpr RuleExample kGood[] = {
    {"a claim on the default class, which keeps volumes in EU zones", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- storage.yaml --
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: eu-zonal
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/region
        values: [eu-west-1]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: weights
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 100Gi
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    for (const ClaimFact& c : facts.k8s.claims) {
        if (!c.storage_class) continue;  // not in the scan: RES002's
        const StorageClassFact& s = facts.k8s.storage_classes[*c.storage_class];
        auto problem = storage_class_unconstrained(facts, s);
        if (!problem) continue;
        // Several classes of that name: judged only when each of them leaves the claim unconstrained.
        if (std::any_of(c.same_name.begin(), c.same_name.end(), [&](std::size_t i) {
                return !storage_class_unconstrained(facts, facts.k8s.storage_classes[i]);
            }))
            continue;
        std::string claim = c.asset->type.ends_with("/StatefulSet")
                                ? fmt::format("{} volumeClaimTemplate \"{}\"", c.asset->address, c.name)
                                : c.asset->address;
        std::string which = c.class_name.empty() ? "the default " + s.display : s.display;
        out.report(c.asset, c.range, fmt::format("{} is provisioned by {}, which {}", claim, which, *problem),
                   {{s.asset->header_range, s.display}}, c.name);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES207",
    .name = "pvc-unconstrained-storage-class",
    .family = "location",
    .severity = Severity::Low,
    .title = "A PersistentVolumeClaim is provisioned by a StorageClass that does not keep it inside the jurisdiction",
    .why = "A claim's data lives in the volume its StorageClass provisions (RES206 says why a class may put it "
           "outside); this names each claim, and each StatefulSet volumeClaimTemplate, that holds data there. A "
           "claim without storageClassName takes the class annotated storageclass.kubernetes.io/is-default-class; "
           "`storageClassName: \"\"` binds a pre-provisioned volume and is not judged. The class may be written in a "
           "manifest or as a Terraform kubernetes_storage_class (the same object); when several classes of the scan "
           "carry the name (one per cluster), the claim is judged only if each of them leaves it unconstrained. A class that is not in "
           "the scan (one the cluster provides) cannot be judged: that is the diagnostic RES002, never a finding "
           "here.",
    .fix = "Use a StorageClass whose allowedTopologies list only zones inside the jurisdiction, or fix the class "
           "(RES206).",
    .references = kReferences,
    .applies_to = {},
    .reads = "Kubernetes PersistentVolumeClaims and volumeClaimTemplates, and the StorageClasses they name",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES207{&kMeta, check};

}  // namespace residency::rules
