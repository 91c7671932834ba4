// Kubernetes objects: where workloads may run (node selectors and required node affinity on the
// topology labels of regions.md section 6), what they mount and request, their runtime class
// (confidential-computing.md section 4), how StorageClasses constrain provisioning, which class each
// claim uses, and Azure CSI classes that keep geo-redundant copies in the paired region.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "facts/adapters/adapters.hpp"
#include "facts/adapters/node_pools.hpp"
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
bool pool_key(std::string_view key) { return NodePools::pool_label(key); }

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
    std::vector<std::pair<std::string, const Value*>> pool_values;  // node-pool label, a name it may have
};

void read_placement(const Value& pod, Placement& p) {
    if (const Value* sel = pod.get("nodeSelector"); sel && sel->is_object())
        for (const auto& [k, v] : sel->fields()) {
            if (topology_key(k)) {
                p.constrained = true;
                p.pins.push_back(topology_value(k, v));
            }
            if (pool_key(k)) {
                p.constrained = p.pool = true;
                p.pool_values.emplace_back(k, &v);
            }
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
                if (pool_key(key)) {
                    this_term = p.pool = true;
                    for (const Value& v : values->items()) p.pool_values.emplace_back(key, &v);
                }
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

// The TEE of the pools a pod spec is pinned to: a pod runs with the TEE of whichever pool takes it.
struct PoolTee {
    ComputeFact::Tee tee = ComputeFact::Tee::Unknown;
    std::string technology, reason;
    Range range;
    const Asset* via = nullptr;
};
std::optional<PoolTee> pool_tee(const Facts& facts, std::span<const PoolLink> links) {
    if (links.empty()) return std::nullopt;
    std::optional<PoolTee> unknown, yes;
    for (const PoolLink& l : links) {
        PoolTee t;
        t.range = l.range;
        t.via = l.pool;
        std::string pool = fmt::format("node pool {} ({}={})", l.pool->address, l.label, l.value);
        const ComputeFact* c = nullptr;
        for (const ComputeFact& f : facts.compute)
            if (f.asset == l.pool && f.kind == ComputeFact::Kind::NodePool) c = &f;
        const Value* blocks = l.pool->attributes.get("node_pool");
        if (!l.ambiguous.empty()) {
            t.reason = l.ambiguous;
        } else if (l.pool->type == "google_container_cluster" && blocks && !blocks->is_null()) {
            t.reason = fmt::format("it runs on {}, a node_pool block whose confidential setting is not modelled", pool);
        } else if (!c) {
            t.reason = fmt::format("it runs on {}, whose TEE setting is not known", pool);
        } else {
            t.tee = c->tee;
            if (c->tee == ComputeFact::Tee::Yes) t.technology = fmt::format("{} with {}", pool, c->technology);
            else if (c->tee == ComputeFact::Tee::No) return PoolTee{c->tee, {}, fmt::format("runs on {}, which {}", pool, c->reason), l.range, l.pool};
            else t.reason = fmt::format("it runs on {}: {}", pool, c->reason);
        }
        (t.tee == ComputeFact::Tee::Yes ? yes : unknown) = t;
    }
    return unknown ? unknown : yes;
}

// A workload all of whose pods are pinned to node pools of the scan in one place runs there: its
// location is the pools', by way of the label. Several pools that could be meant make it unknown.
void locate_by_pools(Facts& facts, const Asset& a, const std::vector<std::vector<PoolLink>>& per_pod) {
    AssetFact& fact = facts.assets[static_cast<std::size_t>(&a - facts.graph->assets.data())];
    if (fact.location.state != LocationFact::State::NotApplicable) return;  // a region or zone label decides
    const PoolLink* first = nullptr;
    for (const auto& links : per_pod) {
        if (links.empty()) return;  // some pods run wherever the cluster puts them
        for (const PoolLink& l : links) {
            if (!l.ambiguous.empty()) {
                fact.location = LocationFact{};
                fact.location.state = LocationFact::State::Unknown;
                fact.location.reason = l.ambiguous;
                fact.location.range = l.range;
                return;
            }
            const LocationFact& pool = facts.fact(*l.pool).location;
            if (pool.state != LocationFact::State::Known) return;
            if (first && facts.fact(*first->pool).location.place.code != pool.place.code) return;  // RES204 judges each
            if (!first) first = &l;
        }
    }
    if (!first) return;
    fact.location = facts.fact(*first->pool).location;
    fact.location.provenance = prepend(fmt::format("{}={}: runs on node pool {}", first->label, first->value, first->pool->address),
                                       first->range, fact.location.provenance);
}

void workload(Facts& facts, const NodePools& node_pools, const Asset& a, std::span<const PodSpecAt> pods) {
    WorkloadFact w;
    w.asset = &a;
    bool any_constrained = false;
    bool all_constrained = true;
    std::vector<std::vector<PoolLink>> pod_pools;
    // The TEE of each pod spec: a confidential runtime class, or pods pinned to confidential nodes.
    struct PodTee {
        ComputeFact::Tee tee = ComputeFact::Tee::No;
        std::string technology, reason, runtime;
        Range range;
        const Asset* via = nullptr;
    };
    std::vector<PodTee> tees;
    for (std::size_t i = 0; i < pods.size(); ++i) {
        const Value& pod = *pods[i].spec;
        Placement p;
        read_placement(pod, p);
        any_constrained = any_constrained || p.constrained;
        all_constrained = all_constrained && p.constrained;
        for (auto& t : p.pins) w.pins.push_back(std::move(t));
        std::vector<PoolLink> links;
        for (const auto& [label, value] : p.pool_values)
            if (auto l = node_pools.link(label, *value)) links.push_back(std::move(*l));
        for (const PoolLink& l : links)
            if (l.ambiguous.empty()) facts.edges.push_back({"runs-on-node-pool", &a, l.pool, l.range});
        w.pools.insert(w.pools.end(), links.begin(), links.end());
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
            // The node pool decides: the scan's pool when the label names one (RES401-RES403 judge the pool).
            t.tee = ComputeFact::Tee::Unknown;
            t.reason = "it runs on a named node pool, whose TEE setting decides";
            if (auto pt = pool_tee(facts, links)) {
                t.tee = pt->tee;
                t.technology = pt->technology;
                t.reason = pt->reason;
                t.range = pt->range;
                t.via = pt->via;
            }
        } else if (t.runtime.empty()) {
            t.reason = "sets no runtimeClassName, so its pods run in the node's default runtime, outside any TEE";
        } else if (auto why = plain_runtime(t.runtime)) {
            t.reason = fmt::format("runs with runtimeClassName {} ({})", t.runtime, *why);
        } else {
            t.tee = ComputeFact::Tee::Unknown;
            t.reason = fmt::format("runtimeClassName {} is not a runtime class the catalog knows", t.runtime);
        }
        tees.push_back(std::move(t));
        pod_pools.push_back(std::move(links));
        read_labels(pods[i].labels, w);  // pod template labels (a Pod's are its metadata's)
    }
    locate_by_pools(facts, a, pod_pools);
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
        c.via = pick->via;
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

// A StorageClass's fields, in a manifest (camelCase) or a Terraform kubernetes_storage_class
// (snake_case, nested blocks as one-element lists): the same object wherever it is written.
struct ClassFields {
    const Value* metadata = nullptr;
    const Value* provisioner = nullptr;
    const Value* binding = nullptr;
    const Value* topologies = nullptr;
    const Value* params = nullptr;
    std::string_view expressions_key;
    bool terraform = false;
};

ClassFields class_fields(const Asset& a) {
    const Value& attrs = a.attributes;
    if (a.format == "kubernetes")
        return {attrs.get("metadata"), attrs.get("provisioner"), attrs.get("volumeBindingMode"),
                attrs.get("allowedTopologies"), attrs.get("parameters"), "matchLabelExpressions", false};
    return {nested_block(attrs.get("metadata")), attrs.get("storage_provisioner"), attrs.get("volume_binding_mode"),
            attrs.get("allowed_topologies"), attrs.get("parameters"), "match_label_expressions", true};
}

void storage_class(Facts& facts, const Asset& a) {
    StorageClassFact s;
    s.asset = &a;
    ClassFields f = class_fields(a);
    if (f.terraform) {
        s.topologies_field = "allowed_topologies";
        s.binding_field = "volume_binding_mode";
    }
    s.name = f.metadata ? text(f.metadata->get("name")) : std::string();
    s.display = f.terraform ? (s.name.empty() ? a.address : fmt::format("{} (StorageClass \"{}\")", a.address, s.name))
                            : fmt::format("StorageClass \"{}\"", s.name);
    s.provisioner = text(f.provisioner);
    if (const Value* b = f.binding; b && !b->is_null()) {
        s.binding_written = true;
        s.binding_range = b->range;
        // Not known: either mode, and both are judged alike when no topology constrains the class.
        s.immediate = b->is_string() && b->as_string() != "WaitForFirstConsumer";
    }
    s.is_default = text(f.metadata ? at(*f.metadata, {"annotations", "storageclass.kubernetes.io/is-default-class"})
                                   : nullptr) == "true";
    s.topology_range = a.header_range;
    if (const Value* topo = f.topologies; topo && !topo->is_null()) {
        s.topology_range = topo->range;
        if (!topo->is_list()) s.topology_unknown = true;
        else
            for (const Value& term : topo->items()) {
                const Value* exprs = term.get(f.expressions_key);
                if (!exprs || exprs->is_null()) continue;
                if (!exprs->is_list()) {
                    s.topology_unknown = true;
                    continue;
                }
                bool any_region = false;
                for (const Value& e : exprs->items()) {
                    const Value* key = e.get("key");
                    if (!key || !key->is_string()) {
                        s.topology_unknown = true;
                        continue;
                    }
                    if (!topology_key(key->as_string())) continue;
                    any_region = true;
                    const Value* values = e.get("values");
                    if (!values || !values->is_list()) {
                        s.topology_unknown = true;
                        continue;
                    }
                    for (const Value& v : values->items()) {
                        TopologyValue t = topology_value(key->as_string(), v);
                        if (!t.place) s.topology_unknown = true;
                        s.topology.push_back(std::move(t));
                    }
                }
                if (!any_region) s.topology_other = true;
            }
    }
    // Azure Files and Blob CSI classes whose storage account SKU is geo-redundant: the driver keeps a
    // copy in the Azure paired region. Parameter names are case-insensitive; skuName's alias is
    // storageAccountType; an existing storageAccount keeps its own SKU, so it is not judged.
    const Value* params = f.params;
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

// The claims a workload mounts, as edges to the PersistentVolumeClaims of the scan (same root and
// namespace): its data lives where they are provisioned.
void mount_edges(Facts& facts, const k8s::ObjectIndex& objects, const Asset& a) {
    for (const k8s::Reference& r : k8s::references(a))
        if (r.kind == "PersistentVolumeClaim")
            if (const Asset* claim = objects.find_from(a, r.kind, r.name))
                facts.edges.push_back({"mounts-claim", &a, claim, r.value ? r.value->range : a.header_range});
}

}  // namespace

void kubernetes(Facts& facts) {
    const NodePools node_pools(facts);
    const k8s::ObjectIndex& objects = facts.kubernetes_objects();
    for (const Asset& a : facts.graph->assets) {
        // A Terraform kubernetes_storage_class is the same StorageClass as a manifest's.
        if (a.format == "terraform" && a.mode != AssetMode::Superseded &&
            (a.type == "kubernetes_storage_class" || a.type == "kubernetes_storage_class_v1")) {
            storage_class(facts, a);
            continue;
        }
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
        workload(facts, node_pools, a, pods);
        mount_edges(facts, objects, a);
        if (kind == "StatefulSet")
            if (const Value* vct = at(a.attributes, {"spec", "volumeClaimTemplates"}); vct && vct->is_list())
                for (const Value& t : vct->items())
                    if (const Value* spec = t.get("spec"))
                        claim(facts, a, *spec, text(at(t, {"metadata", "name"})), t.range);
    }
    // Each claim's class: by name among the scan's classes (cluster-scoped, one name each), or the
    // class annotated as the default when it names none.
    std::map<std::string, std::vector<std::size_t>> by_name;
    std::optional<std::size_t> default_class;
    std::size_t defaults = 0;
    for (std::size_t i = 0; i < facts.k8s.storage_classes.size(); ++i) {
        const auto& s = facts.k8s.storage_classes[i];
        if (!s.name.empty()) by_name[s.name].push_back(i);
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
            if (default_class)
                facts.edges.push_back({"uses-storage-class", c.asset, facts.k8s.storage_classes[*default_class].asset, c.range});
            if (!default_class)
                c.unresolved = "it names no storageClassName, so the cluster's default StorageClass provisions it, "
                               "and no single class in the scan is annotated as the default";
            continue;
        }
        auto it = by_name.find(c.class_name);
        if (it != by_name.end()) {
            c.storage_class = it->second.front();
            c.same_name.assign(it->second.begin() + 1, it->second.end());
            if (c.same_name.empty())
                facts.edges.push_back({"uses-storage-class", c.asset, facts.k8s.storage_classes[it->second.front()].asset, c.range});
        }
        else
            c.unresolved = fmt::format("its StorageClass \"{}\" is not in the scan, so where the class provisions "
                                       "volumes cannot be judged",
                                       c.class_name);
    }
}

}  // namespace residency::adapters
