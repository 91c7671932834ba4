// A view of Kubernetes objects for adapters and rules: where the pod specs of a workload are, and
// an index from kind, namespace and name to the object's asset (references between objects are
// names: a volume's `persistentVolumeClaim.claimName`, a PVC's `storageClassName`).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/graph.hpp"

namespace residency::k8s {

// The Kind of an asset of format "kubernetes" ("Deployment"), from its type ("apps/Deployment").
std::string_view kind_of(const Asset& asset);
// The API group ("apps", "core", "serving.kserve.io").
std::string_view group_of(const Asset& asset);
// metadata.name / metadata.namespace ("" when not written).
std::string name_of(const Value& object);
std::string namespace_of(const Value& object);

// One pod spec inside a workload.
struct PodSpec {
    const Value* spec = nullptr;  // the PodSpec object (containers, volumes, nodeSelector, ...)
    std::string path;             // where it is: "spec.template.spec", "spec.workerGroupSpecs[0].template.spec"
    std::string role;             // the replica role or component when there are several ("Worker", "predictor"); "" else
};

// Every pod spec of a workload object, wherever its kind keeps it: Pod (spec); Deployment,
// StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job (spec.template.spec); CronJob
// (spec.jobTemplate.spec.template.spec); Kubeflow PyTorchJob, TFJob, MPIJob, XGBoostJob, PaddleJob,
// JAXJob (spec.<x>ReplicaSpecs.<Role>.template.spec); Kubeflow TrainJob (spec.podSpecOverrides[],
// partial specs) and TrainingRuntime / ClusterTrainingRuntime and JobSet (replicatedJobs' pod
// templates); KServe InferenceService (spec.predictor, spec.transformer, spec.explainer: pod specs
// with the model fields inline); Ray RayCluster (headGroupSpec, workerGroupSpecs[]), RayJob
// (spec.rayClusterSpec, spec.submitterPodTemplate), RayService (spec.rayClusterConfig);
// LeaderWorkerSet. Empty for objects that are not workloads.
std::vector<PodSpec> pod_specs(std::string_view kind, const Value& object);
std::vector<PodSpec> pod_specs(const Asset& asset);
// Whether objects of this kind run pods (the kinds above).
bool is_workload_kind(std::string_view kind);

// A reference from one object to another by name, as written: the edges of a manifest set.
struct Reference {
    std::string_view kind;  // the kind referred to: "PersistentVolumeClaim", "StorageClass", ...
    std::string name;
    const Value* value = nullptr;  // the name as written (its range is where the reference is)
    std::string path;              // "spec.template.spec.volumes[0].persistentVolumeClaim.claimName"
};

// Every reference an object makes: its pod specs' volumes (persistentVolumeClaim.claimName,
// configMap.name, secret.secretName, projected sources), containers' and init containers' env
// (valueFrom.configMapKeyRef / secretKeyRef) and envFrom (configMapRef / secretRef), imagePullSecrets,
// serviceAccountName, runtimeClassName (kind RuntimeClass); a PVC's spec.storageClassName and
// spec.volumeName (PersistentVolume); a StatefulSet's volumeClaimTemplates[].spec.storageClassName;
// a PV's spec.storageClassName and spec.claimRef.name.
std::vector<Reference> references(const Asset& asset);

// kind + namespace + name -> asset, over the Kubernetes assets of one root. A reference from an
// object whose namespace is not written finds objects whose namespace is not written either.
class ObjectIndex {
public:
    explicit ObjectIndex(const Graph& graph);
    // nullptr when the scan has no such object in that root.
    const Asset* find(std::string_view root, std::string_view kind, std::string_view ns, std::string_view name) const;
    // The object a reference from `from` names (same root and namespace).
    const Asset* find_from(const Asset& from, std::string_view kind, std::string_view name) const;

private:
    std::map<std::tuple<std::string, std::string, std::string, std::string>, const Asset*, std::less<>> objects_;
};

}  // namespace residency::k8s
