// Kubernetes objects: where workloads may run (node selectors and required node affinity on the
// topology labels of regions.md section 6), what they mount and request, their runtime class
// (confidential-computing.md section 4), how StorageClasses constrain provisioning, which class each
// claim uses, and Azure CSI classes that keep geo-redundant copies in the paired region.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "facts/adapters/adapters.hpp"
#include "facts/kubernetes_objects.hpp"

namespace residency::adapters {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_kubernetes(const Asset& a) { return a.format == "kubernetes"; }
std::string_view kind_of(const Asset& a) {
    auto slash = a.type.rfind('/');
    return slash == std::string::npos ? std::string_view(a.type) : std::string_view(a.type).substr(slash + 1);
}
const Value* at(const Value& v, std::initializer_list<std::string_view> path) {
    const Value* cur = &v;
    for (auto step : path) {
        cur = cur->is_object() ? cur->get(step) : nullptr;
        if (!cur) return nullptr;
    }
    return cur;
}
std::string text(const Value* v) { return v && v->is_string() ? v->as_string() : std::string(); }
std::string name_of(const Asset& a) { return text(at(a.attributes, {"metadata", "name"})); }

bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }
// Region and zone labels: topology.kubernetes.io/{region,zone}, the legacy failure-domain.beta.*,
// and the CSI drivers' own zone keys (topology.ebs.csi.aws.com/zone, topology.gke.io/zone, ...).
bool topology_key(std::string_view key) { return ends_with(key, "/region") || ends_with(key, "/zone"); }
// Labels that pin pods to one node pool, which lives where its Terraform node pool lives.
bool pool_key(std::string_view key) {
    return key == "cloud.google.com/gke-nodepool" || key == "kubernetes.azure.com/agentpool" ||
           key == "eks.amazonaws.com/nodegroup";
}

// The region or zone a label value names: the place when exactly one cloud's catalog knows it.
std::optional<catalog::Place> resolve_any(std::string_view code) {
    std::optional<catalog::Place> found;
    for (std::string_view cloud : {"aws", "google", "azure"}) {
        auto p = catalog::resolve(cloud, code);
        if (!p) continue;
        if (found) return std::nullopt;  // two clouds: ambiguous, not judged
        found = std::move(p);
    }
    return found;
}

TopologyValue topology_value(std::string key, const Value& v) {
    TopologyValue t{std::move(key), text(&v), v.range, std::nullopt};
    if (!t.value.empty()) t.place = resolve_any(t.value);
    return t;
}

// Every pod spec under an object: an object with a `containers` list (Pod, pod templates of
// workloads and CronJobs, Kubeflow replica specs, Ray groups, KServe predictors).
// `parent` is the object holding it (a pod template, whose metadata labels the pods).
struct PodSpecAt {
    const Value* spec = nullptr;
    const Value* labels = nullptr;  // the template's metadata.labels
};
void pod_specs(const Value& v, std::vector<PodSpecAt>& out, const Value* parent = nullptr) {
    if (v.is_object()) {
        if (const Value* c = v.get("containers"); c && c->is_list()) {
            out.push_back({&v, parent ? at(*parent, {"metadata", "labels"}) : nullptr});
            return;
        }
        for (const auto& [k, child] : v.fields()) pod_specs(child, out, &v);
    } else if (v.is_list()) {
        for (const auto& child : v.items()) pod_specs(child, out);
    }
}

void each_container(const Value& pod, const auto& fn) {
    for (std::string_view list : {"initContainers", "containers"})
        if (const Value* l = pod.get(list); l && l->is_list())
            for (const Value& c : l->items())
                if (c.is_object()) fn(c);
}

bool named_for_models(std::string_view name) {
    std::string n = lower(name);
    return n.find("model") != std::string::npos || n.find("weight") != std::string::npos ||
           n.find("checkpoint") != std::string::npos;
}

// Kinds that exist to train or serve models.
bool ai_kind(const Asset& a) {
    std::string_view t = a.type;
    return t.starts_with("serving.kserve.io/") || t.starts_with("kubeflow.org/") || t.starts_with("ray.io/") ||
           t.starts_with("trainer.kubeflow.org/");
}

// Runtime classes (confidential-computing.md 4.1): confidential ones, and ones known to give none.
bool confidential_runtime(std::string_view rc) {
    if (rc.starts_with("kata-qemu-coco-dev")) return false;  // CoCo without a hardware TEE
    for (std::string_view p : {"kata-qemu-snp", "kata-qemu-tdx", "kata-qemu-nvidia-gpu-snp", "kata-qemu-nvidia-gpu-tdx",
                               "kata-qemu-se", "kata-qemu-sev", "kata-cc"})
        if (rc.starts_with(p)) return true;
    return false;
}
std::optional<std::string_view> plain_runtime(std::string_view rc) {
    if (rc == "kata-mshv-vm-isolation") return "AKS pod sandboxing: VM isolation without memory encryption";
    if (rc.starts_with("kata-qemu-coco-dev")) return "Confidential Containers without a hardware TEE (development)";
    for (std::string_view p : {"kata", "kata-qemu", "kata-clh", "kata-fc", "kata-dragonball"})
        if (rc == p) return "plain Kata Containers: VM isolation without memory encryption";
    if (rc == "runc" || rc == "nvidia" || rc == "gvisor" || rc == "runsc") return "no hardware TEE";
    return std::nullopt;
}
// Node labels that only confidential nodes carry (confidential-computing.md 4.2).
bool confidential_node_key(std::string_view key) {
    return key == "cloud.google.com/gke-confidential-nodes-instance-type" ||
           key == "amd.feature.node.kubernetes.io/snp" || key == "intel.feature.node.kubernetes.io/tdx";
}

struct Placement {
    bool constrained = false;
    bool pool = false;               // pinned to a node pool (its TEE is the pool's)
    bool confidential_node = false;  // pinned to confidential nodes
    std::vector<TopologyValue> pins;
};

void read_placement(const Value& pod, Placement& p) {
    if (const Value* sel = pod.get("nodeSelector"); sel && sel->is_object())
        for (const auto& [k, v] : sel->fields()) {
            if (topology_key(k)) {
                p.constrained = true;
                p.pins.push_back(topology_value(k, v));
            }
            if (pool_key(k)) p.constrained = p.pool = true;
            if (confidential_node_key(k)) p.confidential_node = true;
        }
    const Value* terms = at(pod, {"affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
                                  "nodeSelectorTerms"});
    if (!terms || !terms->is_list()) return;
    // Terms are ORed: the workload is constrained only when every term constrains it.
    bool all_terms = !terms->items().empty();
    for (const Value& term : terms->items()) {
        bool this_term = false;
        const Value* exprs = term.get("matchExpressions");
        if (!exprs || !exprs->is_list()) {
            all_terms = false;
            continue;
        }
        for (const Value& e : exprs->items()) {
            std::string key = text(e.get("key"));
            std::string op = text(e.get("operator"));
            const Value* values = e.get("values");
            if (op == "In" && values && values->is_list()) {
                if (topology_key(key)) {
                    this_term = true;
                    for (const Value& v : values->items()) p.pins.push_back(topology_value(key, v));
                }
                if (pool_key(key)) this_term = p.pool = true;
            }
            if (confidential_node_key(key) && (op == "In" || op == "Exists")) p.confidential_node = true;
        }
        all_terms = all_terms && this_term;
    }
    if (all_terms) p.constrained = true;
}

void read_labels(const Value* labels, WorkloadFact& w) {
    if (!labels) return;
    if (!labels->is_object() || labels->contains_unknown()) {
        w.labels_known = false;
        return;
    }
    for (const auto& [k, v] : labels->fields()) w.labels.push_back(k);
}

void workload(Facts& facts, const Asset& a, std::span<const PodSpecAt> pods) {
    WorkloadFact w;
    w.asset = &a;
    bool any_constrained = false;
    bool all_constrained = true;
    // The TEE of each pod spec: a confidential runtime class, or pods pinned to confidential nodes.
    struct PodTee {
        ComputeFact::Tee tee = ComputeFact::Tee::No;
        std::string technology, reason, runtime;
        Range range;
    };
    std::vector<PodTee> tees;
    for (std::size_t i = 0; i < pods.size(); ++i) {
        const Value& pod = *pods[i].spec;
        Placement p;
        read_placement(pod, p);
        any_constrained = any_constrained || p.constrained;
        all_constrained = all_constrained && p.constrained;
        for (auto& t : p.pins) w.pins.push_back(std::move(t));
        if (const Value* vols = pod.get("volumes"); vols && vols->is_list())
            for (const Value& v : vols->items()) {
                const Value* claim = at(v, {"persistentVolumeClaim", "claimName"});
                if (!claim) continue;
                if (w.data.empty()) {
                    w.data = fmt::format("PVC \"{}\"", text(claim));
                    w.data_range = v.range;
                }
                if (named_for_models(text(v.get("name"))) || named_for_models(text(claim))) w.ai = true;
            }
        each_container(pod, [&](const Value& c) {
            for (std::string_view part : {"limits", "requests"})
                if (const Value* r = at(c, {"resources", part}); r && r->is_object())
                    for (const auto& [k, v] : r->fields())
                        if ((k == "nvidia.com/gpu" || k == "amd.com/gpu") && w.gpu.empty()) {
                            w.gpu = k;
                            w.gpu_range = v.range;
                        }
        });
        const Value* rc = pod.get("runtimeClassName");
        PodTee t;
        t.runtime = text(rc);
        t.range = rc ? rc->range : a.header_range;
        if (p.confidential_node || confidential_runtime(t.runtime)) {
            t.tee = ComputeFact::Tee::Yes;
            t.technology = t.runtime.empty() || !confidential_runtime(t.runtime) ? "confidential nodes"
                                                                                 : "runtimeClassName " + t.runtime;
        } else if (p.pool && t.runtime.empty()) {
            t.tee = ComputeFact::Tee::Unknown;  // the node pool decides (RES401, RES402 judge it)
            t.reason = "it runs on a named node pool, whose TEE setting decides";
        } else if (t.runtime.empty()) {
            t.reason = "sets no runtimeClassName, so its pods run in the node's default runtime, outside any TEE";
        } else if (auto why = plain_runtime(t.runtime)) {
            t.reason = fmt::format("runs with runtimeClassName {} ({})", t.runtime, *why);
        } else {
            t.tee = ComputeFact::Tee::Unknown;
            t.reason = fmt::format("runtimeClassName {} is not a runtime class the catalog knows", t.runtime);
        }
        tees.push_back(std::move(t));
        read_labels(pods[i].labels, w);  // pod template labels (a Pod's are its metadata's)
    }
    w.constrained = any_constrained;
    w.every_pod_constrained = all_constrained && any_constrained;
    if (kind_of(a) == "StatefulSet")
        if (const Value* vct = at(a.attributes, {"spec", "volumeClaimTemplates"}); vct && vct->is_list())
            for (const Value& t : vct->items()) {
                std::string n = text(at(t, {"metadata", "name"}));
                if (w.data.empty()) {
                    w.data = fmt::format("volumeClaimTemplates \"{}\"", n);
                    w.data_range = t.range;
                }
                if (named_for_models(n)) w.ai = true;
            }
    const Value* labels = at(a.attributes, {"metadata", "labels"});
    read_labels(labels, w);
    w.labels_range = labels ? labels->range : a.header_range;
    if (!w.gpu.empty() || ai_kind(a)) w.ai = true;

    // A pod spec without a TEE decides (the first one); else one whose TEE is not known; else all have one.
    if (w.ai && !tees.empty()) {
        auto pick = std::find_if(tees.begin(), tees.end(), [](const PodTee& t) { return t.tee == ComputeFact::Tee::No; });
        if (pick == tees.end())
            pick = std::find_if(tees.begin(), tees.end(), [](const PodTee& t) { return t.tee == ComputeFact::Tee::Unknown; });
        if (pick == tees.end()) pick = tees.begin();
        ComputeFact c;
        c.asset = &a;
        c.mechanism = "k8s-workload";
        c.kind = ComputeFact::Kind::Workload;
        c.accelerator = !w.gpu.empty();
        c.tee = pick->tee;
        c.technology = pick->technology;
        c.reason = pick->reason;
        c.machine = pick->runtime;
        c.range = pick->range;
        facts.compute.push_back(std::move(c));
    }
    facts.k8s.workloads.push_back(std::move(w));
}

std::string param(const Value* params, std::string_view key) {
    if (!params || !params->is_object()) return {};
    for (const auto& [k, v] : params->fields())
        if (lower(k) == lower(key)) return text(&v);
    return {};
}
const Value* param_value(const Value* params, std::string_view key) {
    if (!params || !params->is_object()) return nullptr;
    for (const auto& [k, v] : params->fields())
        if (lower(k) == lower(key)) return &v;
    return nullptr;
}

void storage_class(Facts& facts, const Asset& a) {
    StorageClassFact s;
    s.asset = &a;
    s.name = name_of(a);
    s.provisioner = text(a.attributes.get("provisioner"));
    if (const Value* b = a.attributes.get("volumeBindingMode")) {
        s.binding_written = true;
        s.binding_range = b->range;
        s.immediate = text(b) != "WaitForFirstConsumer";
    }
    s.is_default = text(at(a.attributes, {"metadata", "annotations", "storageclass.kubernetes.io/is-default-class"})) ==
                   "true";
    s.topology_range = a.header_range;
    if (const Value* topo = a.attributes.get("allowedTopologies"); topo && topo->is_list()) {
        s.topology_range = topo->range;
        for (const Value& term : topo->items())
            if (const Value* exprs = term.get("matchLabelExpressions"); exprs && exprs->is_list())
                for (const Value& e : exprs->items()) {
                    std::string key = text(e.get("key"));
                    if (!topology_key(key)) continue;
                    if (const Value* values = e.get("values"); values && values->is_list())
                        for (const Value& v : values->items()) {
                            TopologyValue t = topology_value(key, v);
                            if (!t.place) s.topology_unknown = true;
                            s.topology.push_back(std::move(t));
                        }
                }
    }

    // Azure Files and Blob CSI classes whose storage account SKU is geo-redundant: the driver keeps a
    // copy in the Azure paired region. Parameter names are case-insensitive; skuName's alias is
    // storageAccountType; an existing storageAccount keeps its own SKU, so it is not judged.
    const Value* params = a.attributes.get("parameters");
    bool azure_files = s.provisioner == "file.csi.azure.com" || s.provisioner == "kubernetes.io/azure-file" ||
                       s.provisioner == "blob.csi.azure.com";
    const Value* sku = param_value(params, "skuName");
    if (!sku) sku = param_value(params, "storageAccountType");
    std::string sku_text = lower(text(sku));
    bool geo = sku_text.ends_with("grs") || sku_text.ends_with("gzrs");
    if (azure_files && geo && param(params, "storageAccount").empty()) {
        std::string location = lower(param(params, "location"));
        Flow f{"csi-geo-replication", &a, &a, sku->range, nullptr, {}};
        f.what = fmt::format("keeps geo-redundant copies (skuName {}) in the paired region", text(sku));
        if (location.empty()) {
            facts.flows.push_back(unresolved_flow(
                "csi-geo-replication", a, a, sku->range,
                fmt::format("the class sets skuName {} with no location, so the storage account is created in the "
                            "cluster's region, which the scan does not know, and its paired region is unknown",
                            text(sku))));
        } else if (auto pair = catalog::azure_pair(location)) {
            const Value* loc = param_value(params, "location");
            f.destination = locate_value("azure", Value::string(std::string(*pair), loc->range));
            f.origin_location = locate_value("azure", *loc);
            facts.flows.push_back(std::move(f));
        } else if (catalog::find_region("azure", location)) {
            // An unpaired region keeps no geo-redundant copy elsewhere.
        } else {
            facts.flows.push_back(unresolved_flow(
                "csi-geo-replication", a, a, sku->range,
                fmt::format("location {} is not an Azure region the catalog knows", param(params, "location"))));
        }
    }
    facts.k8s.storage_classes.push_back(std::move(s));
}

void claim(Facts& facts, const Asset& a, const Value& spec, std::string name, Range where) {
    ClaimFact c;
    c.asset = &a;
    c.name = std::move(name);
    c.range = where;
    const Value* cls = spec.get("storageClassName");
    if (cls) {
        if (!cls->is_string()) return;
        c.class_name = cls->as_string();
        c.range = cls->range;
        c.prebound = c.class_name.empty();  // binds to a pre-provisioned PersistentVolume: no class provisions it
    }
    facts.k8s.claims.push_back(std::move(c));
}

}  // namespace

void kubernetes(Facts& facts) {
    for (const Asset& a : facts.graph->assets) {
        if (!is_kubernetes(a)) continue;
        std::string_view kind = kind_of(a);
        if (kind == "StorageClass" && a.type.starts_with("storage.k8s.io/")) {
            storage_class(facts, a);
            continue;
        }
        if (kind == "PersistentVolumeClaim") {
            if (const Value* spec = a.attributes.get("spec")) {
                claim(facts, a, *spec, name_of(a), a.header_range);
                if (!facts.k8s.claims.empty() && facts.k8s.claims.back().asset == &a) {
                    WorkloadFact labels;
                    const Value* l = at(a.attributes, {"metadata", "labels"});
                    read_labels(l, labels);
                    ClaimFact& c = facts.k8s.claims.back();
                    c.labels = std::move(labels.labels);
                    c.labels_known = labels.labels_known;
                    c.labels_range = l ? l->range : a.header_range;
                }
            }
            continue;
        }
        // Workloads are the kinds the frontend runs pods for (not ServingRuntimes or PodTemplates).
        if (!k8s::is_workload_kind(kind)) continue;
        std::vector<PodSpecAt> pods;
        if (const Value* spec = a.attributes.get("spec")) {
            if (kind == "Pod") pods.push_back({spec, nullptr});
            else pod_specs(*spec, pods, &a.attributes);
        }
        // Pod specs without a containers list (a KServe predictor naming only its model format).
        if (pods.empty())
            for (const k8s::PodSpec& p : k8s::pod_specs(a)) pods.push_back({p.spec, nullptr});
        if (pods.empty()) continue;
        workload(facts, a, pods);
        if (kind == "StatefulSet")
            if (const Value* vct = at(a.attributes, {"spec", "volumeClaimTemplates"}); vct && vct->is_list())
                for (const Value& t : vct->items())
                    if (const Value* spec = t.get("spec"))
                        claim(facts, a, *spec, text(at(t, {"metadata", "name"})), t.range);
    }
    // Each claim's class: by name among the scan's classes (cluster-scoped, one name each), or the
    // class annotated as the default when it names none.
    std::map<std::string, std::size_t> by_name;
    std::optional<std::size_t> default_class;
    std::size_t defaults = 0;
    for (std::size_t i = 0; i < facts.k8s.storage_classes.size(); ++i) {
        const auto& s = facts.k8s.storage_classes[i];
        by_name.emplace(s.name, i);
        if (s.is_default) {
            default_class = i;
            ++defaults;
        }
    }
    if (defaults != 1) default_class.reset();
    for (ClaimFact& c : facts.k8s.claims) {
        if (c.prebound) continue;
        if (c.class_name.empty()) {
            c.storage_class = default_class;
            if (!default_class)
                c.unresolved = "it names no storageClassName, so the cluster's default StorageClass provisions it, "
                               "and no single class in the scan is annotated as the default";
            continue;
        }
        auto it = by_name.find(c.class_name);
        if (it != by_name.end()) c.storage_class = it->second;
        else
            c.unresolved = fmt::format("its StorageClass \"{}\" is not in the scan, so where the class provisions "
                                       "volumes cannot be judged",
                                       c.class_name);
    }
}

}  // namespace residency::adapters
