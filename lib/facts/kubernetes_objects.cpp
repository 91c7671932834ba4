// Pod specs by workload kind, and the object index.
#include "facts/kubernetes_objects.hpp"

namespace residency::k8s {

std::string_view kind_of(const Asset& asset) {
    std::string_view t = asset.type;
    auto slash = t.rfind('/');
    return slash == std::string_view::npos ? t : t.substr(slash + 1);
}

std::string_view group_of(const Asset& asset) {
    std::string_view t = asset.type;
    auto slash = t.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : t.substr(0, slash);
}

static std::string text_at(const Value& object, std::string_view field) {
    const Value* m = object.get("metadata");
    const Value* v = m ? m->get(field) : nullptr;
    return v && v->is_string() ? v->as_string() : std::string();
}

std::string name_of(const Value& object) { return text_at(object, "name"); }
std::string namespace_of(const Value& object) { return text_at(object, "namespace"); }

namespace {

const Value* at_path(const Value& v, std::initializer_list<std::string_view> path) {
    const Value* cur = &v;
    for (auto p : path) {
        cur = cur->get(p);
        if (!cur) return nullptr;
    }
    return cur->is_object() ? cur : nullptr;
}

void add(std::vector<PodSpec>& out, const Value* spec, std::string path, std::string role = "") {
    if (spec && spec->is_object()) out.push_back({spec, std::move(path), std::move(role)});
}

// A pod template's spec (`template.spec`) below `v`.
void template_spec(std::vector<PodSpec>& out, const Value& v, const std::string& path, const std::string& role = "") {
    add(out, at_path(v, {"template", "spec"}), path + ".template.spec", role);
}

void ray_cluster(std::vector<PodSpec>& out, const Value* cluster, const std::string& path) {
    if (!cluster) return;
    if (const Value* head = cluster->get("headGroupSpec")) template_spec(out, *head, path + ".headGroupSpec", "head");
    if (const Value* workers = cluster->get("workerGroupSpecs")) {
        std::size_t i = 0;
        for (const auto& w : workers->items()) {
            const Value* g = w.get("groupName");
            template_spec(out, w, path + ".workerGroupSpecs[" + std::to_string(i++) + "]",
                          g && g->is_string() ? g->as_string() : "worker");
        }
    }
}

// JobSet-style replicated jobs: replicatedJobs[].template.spec.template.spec.
void replicated_jobs(std::vector<PodSpec>& out, const Value* spec, const std::string& path) {
    if (!spec) return;
    const Value* jobs = spec->get("replicatedJobs");
    if (!jobs) return;
    std::size_t i = 0;
    for (const auto& j : jobs->items()) {
        const Value* n = j.get("name");
        std::string p = path + ".replicatedJobs[" + std::to_string(i++) + "].template.spec";
        if (const Value* job = at_path(j, {"template", "spec"}))
            template_spec(out, *job, p, n && n->is_string() ? n->as_string() : "");
    }
}

constexpr std::string_view kTemplateKinds[] = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
                                               "ReplicationController", "Job"};
constexpr std::string_view kReplicaSpecKinds[] = {"PyTorchJob", "TFJob", "MPIJob", "XGBoostJob", "PaddleJob", "JAXJob"};
constexpr std::string_view kOtherWorkloads[] = {"Pod", "CronJob", "TrainJob", "TrainingRuntime", "ClusterTrainingRuntime",
                                                "JobSet", "InferenceService", "LLMInferenceService", "RayCluster", "RayJob",
                                                "RayService", "LeaderWorkerSet"};

}  // namespace

bool is_workload_kind(std::string_view kind) {
    for (auto k : kTemplateKinds)
        if (k == kind) return true;
    for (auto k : kReplicaSpecKinds)
        if (k == kind) return true;
    for (auto k : kOtherWorkloads)
        if (k == kind) return true;
    return false;
}

std::vector<PodSpec> pod_specs(std::string_view kind, const Value& object) {
    std::vector<PodSpec> out;
    const Value* spec = object.get("spec");
    if (!spec || !spec->is_object()) return out;
    if (kind == "Pod") {
        add(out, spec, "spec");
        return out;
    }
    for (auto k : kTemplateKinds)
        if (k == kind) {
            template_spec(out, *spec, "spec");
            return out;
        }
    if (kind == "CronJob") {
        if (const Value* job = at_path(*spec, {"jobTemplate", "spec"})) template_spec(out, *job, "spec.jobTemplate.spec");
        return out;
    }
    for (auto k : kReplicaSpecKinds)
        if (k == kind) {
            // spec.pytorchReplicaSpecs.Master / .Worker, spec.mpiReplicaSpecs.Launcher, ...
            for (const auto& [field, replicas] : spec->fields()) {
                if (!field.ends_with("ReplicaSpecs")) continue;
                for (const auto& [role, r] : replicas.fields()) template_spec(out, r, "spec." + field + "." + role, role);
            }
            return out;
        }
    if (kind == "TrainJob") {
        if (const Value* overrides = spec->get("podSpecOverrides")) {
            std::size_t i = 0;
            for (const auto& o : overrides->items()) add(out, &o, "spec.podSpecOverrides[" + std::to_string(i++) + "]");
        }
        return out;
    }
    if (kind == "TrainingRuntime" || kind == "ClusterTrainingRuntime") {
        replicated_jobs(out, at_path(*spec, {"template", "spec"}), "spec.template.spec");
        return out;
    }
    if (kind == "JobSet") {
        replicated_jobs(out, spec, "spec");
        return out;
    }
    if (kind == "InferenceService") {
        for (std::string_view component : {"predictor", "transformer", "explainer"})
            add(out, at_path(*spec, {component}), "spec." + std::string(component), std::string(component));
        return out;
    }
    if (kind == "LLMInferenceService") {
        // Pod specs themselves (not templates): the decode pods and their workers, and the same for the
        // disaggregated prefill stage.
        add(out, at_path(*spec, {"template"}), "spec.template", "decode");
        add(out, at_path(*spec, {"worker"}), "spec.worker", "worker");
        add(out, at_path(*spec, {"prefill", "template"}), "spec.prefill.template", "prefill");
        add(out, at_path(*spec, {"prefill", "worker"}), "spec.prefill.worker", "prefill-worker");
        return out;
    }
        if (kind == "RayCluster") {
        ray_cluster(out, spec, "spec");
        return out;
    }
    if (kind == "RayJob") {
        ray_cluster(out, at_path(*spec, {"rayClusterSpec"}), "spec.rayClusterSpec");
        add(out, at_path(*spec, {"submitterPodTemplate", "spec"}), "spec.submitterPodTemplate.spec", "submitter");
        return out;
    }
    if (kind == "RayService") {
        ray_cluster(out, at_path(*spec, {"rayClusterConfig"}), "spec.rayClusterConfig");
        return out;
    }
    if (kind == "LeaderWorkerSet") {
        if (const Value* t = at_path(*spec, {"leaderWorkerTemplate"})) {
            if (const Value* l = t->get("leaderTemplate")) add(out, at_path(*l, {"spec"}), "spec.leaderWorkerTemplate.leaderTemplate.spec", "leader");
            if (const Value* w = t->get("workerTemplate")) add(out, at_path(*w, {"spec"}), "spec.leaderWorkerTemplate.workerTemplate.spec", "worker");
        }
        return out;
    }
    return out;
}

std::vector<PodSpec> pod_specs(const Asset& asset) {
    if (asset.format != "kubernetes") return {};
    return pod_specs(kind_of(asset), asset.attributes);
}

namespace {

void ref(std::vector<Reference>& out, std::string_view kind, const Value* v, std::string path) {
    if (v && v->is_string() && !v->as_string().empty()) out.push_back({kind, v->as_string(), v, std::move(path)});
}

void containers_refs(std::vector<Reference>& out, const Value& spec, const std::string& base) {
    for (std::string_view list : {"initContainers", "containers", "ephemeralContainers"}) {
        const Value* cs = spec.get(list);
        if (!cs) continue;
        std::size_t i = 0;
        for (const auto& c : cs->items()) {
            std::string at = base + "." + std::string(list) + "[" + std::to_string(i++) + "]";
            if (const Value* env = c.get("env")) {
                std::size_t j = 0;
                for (const auto& e : env->items()) {
                    std::string ep = at + ".env[" + std::to_string(j++) + "].valueFrom";
                    const Value* from = e.get("valueFrom");
                    if (!from) continue;
                    if (const Value* r = from->get("configMapKeyRef")) ref(out, "ConfigMap", r->get("name"), ep + ".configMapKeyRef.name");
                    if (const Value* r = from->get("secretKeyRef")) ref(out, "Secret", r->get("name"), ep + ".secretKeyRef.name");
                }
            }
            if (const Value* env = c.get("envFrom")) {
                std::size_t j = 0;
                for (const auto& e : env->items()) {
                    std::string ep = at + ".envFrom[" + std::to_string(j++) + "]";
                    if (const Value* r = e.get("configMapRef")) ref(out, "ConfigMap", r->get("name"), ep + ".configMapRef.name");
                    if (const Value* r = e.get("secretRef")) ref(out, "Secret", r->get("name"), ep + ".secretRef.name");
                }
            }
        }
    }
}

void pod_refs(std::vector<Reference>& out, const Value& spec, const std::string& base) {
    if (const Value* vols = spec.get("volumes")) {
        std::size_t i = 0;
        for (const auto& v : vols->items()) {
            std::string at = base + ".volumes[" + std::to_string(i++) + "]";
            if (const Value* c = v.get("persistentVolumeClaim")) ref(out, "PersistentVolumeClaim", c->get("claimName"), at + ".persistentVolumeClaim.claimName");
            if (const Value* c = v.get("configMap")) ref(out, "ConfigMap", c->get("name"), at + ".configMap.name");
            if (const Value* c = v.get("secret")) ref(out, "Secret", c->get("secretName"), at + ".secret.secretName");
            if (const Value* p = v.get("projected"); p && p->get("sources")) {
                std::size_t j = 0;
                for (const auto& src : p->get("sources")->items()) {
                    std::string sp = at + ".projected.sources[" + std::to_string(j++) + "]";
                    if (const Value* c = src.get("configMap")) ref(out, "ConfigMap", c->get("name"), sp + ".configMap.name");
                    if (const Value* c = src.get("secret")) ref(out, "Secret", c->get("name"), sp + ".secret.name");
                }
            }
            // An ephemeral volume claims storage from a class for the pod's life.
            if (const Value* e = v.get("ephemeral"))
                if (const Value* t = e->get("volumeClaimTemplate"))
                    if (const Value* s = t->get("spec"))
                        ref(out, "StorageClass", s->get("storageClassName"), at + ".ephemeral.volumeClaimTemplate.spec.storageClassName");
        }
    }
    containers_refs(out, spec, base);
    if (const Value* secrets = spec.get("imagePullSecrets")) {
        std::size_t i = 0;
        for (const auto& s : secrets->items()) ref(out, "Secret", s.get("name"), base + ".imagePullSecrets[" + std::to_string(i++) + "].name");
    }
    ref(out, "ServiceAccount", spec.get("serviceAccountName"), base + ".serviceAccountName");
    ref(out, "RuntimeClass", spec.get("runtimeClassName"), base + ".runtimeClassName");
}

}  // namespace

std::vector<Reference> references(const Asset& asset) {
    std::vector<Reference> out;
    if (asset.format != "kubernetes") return out;
    std::string_view kind = kind_of(asset);
    const Value& obj = asset.attributes;
    for (const auto& p : pod_specs(kind, obj)) pod_refs(out, *p.spec, p.path);
    const Value* spec = obj.get("spec");
    if (!spec) return out;
    if (kind == "PersistentVolumeClaim") {
        ref(out, "StorageClass", spec->get("storageClassName"), "spec.storageClassName");
        ref(out, "PersistentVolume", spec->get("volumeName"), "spec.volumeName");
    } else if (kind == "PersistentVolume") {
        ref(out, "StorageClass", spec->get("storageClassName"), "spec.storageClassName");
        if (const Value* c = spec->get("claimRef")) ref(out, "PersistentVolumeClaim", c->get("name"), "spec.claimRef.name");
    } else if (kind == "StatefulSet") {
        if (const Value* t = spec->get("volumeClaimTemplates")) {
            std::size_t i = 0;
            for (const auto& c : t->items()) {
                std::string at = "spec.volumeClaimTemplates[" + std::to_string(i++) + "].spec.storageClassName";
                if (const Value* s = c.get("spec")) ref(out, "StorageClass", s->get("storageClassName"), at);
            }
        }
    }
    return out;
}

ObjectIndex::ObjectIndex(const Graph& graph) {
    for (const auto& a : graph.assets) {
        if (a.format != "kubernetes" || a.mode != AssetMode::Managed) continue;
        objects_[{a.root, std::string(kind_of(a)), namespace_of(a.attributes), name_of(a.attributes)}] = &a;
    }
}

const Asset* ObjectIndex::find(std::string_view root, std::string_view kind, std::string_view ns, std::string_view name) const {
    auto it = objects_.find(std::make_tuple(std::string(root), std::string(kind), std::string(ns), std::string(name)));
    return it == objects_.end() ? nullptr : it->second;
}

const Asset* ObjectIndex::find_from(const Asset& from, std::string_view kind, std::string_view name) const {
    // Cluster-scoped kinds that namespaced objects name.
    for (std::string_view k : {"StorageClass", "PersistentVolume", "RuntimeClass", "PriorityClass", "Namespace",
                               "ClusterRole", "IngressClass", "VolumeSnapshotClass"})
        if (k == kind) return find(from.root, kind, "", name);
    return find(from.root, kind, namespace_of(from.attributes), name);
}

}  // namespace residency::k8s
