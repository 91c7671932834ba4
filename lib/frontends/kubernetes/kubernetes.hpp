// The Kubernetes frontend: manifests, `helm template` and `kustomize build` output.
//
// Asset contract (what rules and adapters may rely on):
//  - format "kubernetes"; one asset per object (a `kind: List` gives one per item); documents
//    that are not Kubernetes objects (no `apiVersion` and `kind` at top level; Kustomization
//    files) are skipped silently, and so is every YAML file that holds none;
//  - type: "<API group>/<Kind>", the core group named "core": "core/Pod", "apps/Deployment",
//    "networking.istio.io/ServiceEntry";
//  - address: "<apiVersion>/<Kind>/<namespace>/<name>" ("apps/v1/Deployment/ml/vllm"); the
//    namespace segment is there only when `metadata.namespace` is written (cluster-scoped objects,
//    and `helm template` output, which leaves it to the release, have none): "v1/Service/web";
//  - root: the directory of the file, as shown to users ("." for the scan root); an object
//    written twice in one directory (a base and an overlay) gives two assets, the later one found
//    under the address;
//  - attributes: the whole object as a value tree; every node carries its byte range; anchors,
//    aliases and merge keys are resolved; plain scalars are typed as Kubernetes reads them;
//  - range: the object; header_range: its `metadata.name` value (the object's start without one);
//  - origin_note / origin_range: the `# Source: chart/templates/x.yaml` comment `helm template`
//    writes before the document ("" / invalid when none). RuleOutput::report appends
//    " (template <note>)" to every finding on such an asset and adds the note as a related
//    location ("rendered from <note>"): rules need not name it themselves;
//  - ignores: the object's `residency.io/ignore` annotation ("RES205 until 2027-03-31 -- reason", IDs separated
//    by commas; "--" or ":" before the reason): findings of those rules on the object are
//    suppressed with the reason (Finding::suppressed_on_asset, set by RuleOutput::report);
//  - asset_class: workloads (see facts/kubernetes_objects.hpp) Compute; PersistentVolumeClaim and
//    PersistentVolume DataStore; Service, Ingress, Gateway, NetworkPolicy and Istio networking
//    objects Network; everything else Other;
//  - location: a workload's (or a PersistentVolume's) pin to a region or zone by the topology
//    labels `topology.kubernetes.io/region|zone` (or the legacy
//    `failure-domain.beta.kubernetes.io/region|zone`), in `nodeSelector` or in a required node
//    affinity term (`operator: In` with one value). The value keeps its range, with the provenance
//    "nodeSelector topology.kubernetes.io/region" (or "node affinity ..."). The cloud is the one
//    whose catalog knows the code, when exactly one does (cloud is then set: the location facts
//    resolve it as for Terraform); a code no cloud or several clouds know leaves cloud "" (the
//    location fact is NotInCatalog, or Unknown with the clouds named). Several allowed values, or
//    pod specs of one workload pinned to different places: Unknown, "several places: a, b"; some
//    pod specs pinned and others not (a PyTorchJob's workers pinned, its master not): Unknown,
//    naming the unpinned ones (facts/kubernetes_objects.hpp pod_specs gives each for rules).
//    With no pin, location is Null and location_applies false: the cluster decides where the
//    pods run (rules about unpinned workloads read the attributes, not the location).
//  - references stay attribute values: `persistentVolumeClaim.claimName`, `storageClassName`,
//    `configMapRef`, `secretKeyRef`...; facts/kubernetes_objects.hpp finds pod specs and looks
//    objects up by kind, namespace and name; k8s::references lists each object's references.
//  - an unrendered Helm chart (Chart.yaml beside a templates/ holding `{{`) is not read: one RES002
//    at its Chart.yaml says how to render it; a lone templated file that does not parse is one
//    RES002 too; `.json` manifests are not read.
//  - bounds: a document whose aliases expand past yaml::kMaxExpandedNodes nodes, or that nests
//    deeper than yaml::kMaxNesting, is a RES001 and is skipped.
#pragma once

#include "engine/frontend.hpp"

namespace residency::kubernetes {

class KubernetesFrontend : public Frontend {
public:
    std::string_view name() const override { return "kubernetes"; }
    std::string_view reads() const override { return "Kubernetes manifests (.yaml, .yml)"; }
    bool claims(const std::filesystem::path& file, const std::function<std::string_view()>& head) const override;
    void load(LoadContext& context) override;
};

// Whether a YAML text looks like it holds Kubernetes objects: a line starting `apiVersion:` and
// one starting `kind:` (at any indentation, for `List` items).
bool looks_like_manifest(std::string_view text);

// Loads one file's text (already added to `sources` as `file`) into the graph; `root` names the
// manifest set. Reports malformed documents and duplicate keys into `result`.
void load_manifest(FileId file, std::string_view text, const std::string& root, Graph& graph, LoadResult& result,
                   FileCache* cache = nullptr);

}  // namespace residency::kubernetes
