// Experiment trackers and artifact stores (ai-endpoints.md sections 7 and 8): MLflow clients
// (MLFLOW_TRACKING_URI, MLFLOW_REGISTRY_URI), MLflow servers (`mlflow server` flags and their
// MLFLOW_* environment twins), W&B clients (WANDB_BASE_URL, or an API key and no base URL: the
// multi-tenant cloud). Each endpoint is located by the asset of the scan it names (a Terraform
// bucket or storage account, a Kubernetes Service), by a region in its host name, or not at all.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "facts/adapters/adapters.hpp"
#include "facts/adapters/aws_arn.hpp"
#include "facts/kubernetes_objects.hpp"
#include "facts/mlops/settings.hpp"
#include "facts/mlops/uri.hpp"

namespace residency::adapters {
namespace {

using Role = MlopsEndpoint::Role;
using Reach = MlopsEndpoint::Reach;

const Value* string_setting(const mlops::ProcessSettings& ps, std::string_view name) {
    auto it = ps.env.find(name);
    return it != ps.env.end() && it->second.is_string() && !it->second.as_string().empty() ? &it->second : nullptr;
}

// W&B's multi-tenant cloud runs in Google Cloud's North America regions (ai-endpoints.md section 7).
const catalog::Place& wandb_cloud() {
    static const catalog::Place place = [] {
        std::vector<std::string> members;
        for (const auto& r : catalog::regions("google"))
            if (r.code.starts_with("us-") || r.code.starts_with("northamerica-")) members.emplace_back(r.code);
        return *catalog::place_of_regions("google", "W&B multi-tenant cloud", catalog::PlaceKind::MultiRegion, members,
                                          "W&B's multi-tenant cloud (Google Cloud North America regions)");
    }();
    return place;
}

// Terraform buckets and storage accounts by the name a URI uses, and Kubernetes Services.
class Targets {
public:
    Targets(const Facts& facts, const k8s::ObjectIndex& objects) : facts_(facts), objects_(objects) {
        for (const Asset& a : facts.graph->assets) {
            if (a.format == "kubernetes")
                if (std::string ns = k8s::namespace_of(a.attributes); !ns.empty()) namespaces_.insert(ns);
            if (a.format != "terraform" || a.mode == AssetMode::Superseded) continue;
            const char* attr = a.type == "aws_s3_bucket"             ? "bucket"
                               : a.type == "google_storage_bucket"   ? "name"
                               : a.type == "azurerm_storage_account" ? "name"
                                                                     : nullptr;
            if (!attr) continue;
            const Value* name = a.attributes.get(attr);
            if (name && name->is_string()) by_name_[{a.type, name->as_string()}].push_back(&a);
        }
    }

    // The asset named, and its location; Unknown with why when the scan has none or several.
    std::pair<const Asset*, LocationFact> find(std::string_view type, const std::string& name, std::string_view what) const {
        LocationFact unknown;
        unknown.state = LocationFact::State::Unknown;
        auto it = by_name_.find({std::string(type), name});
        if (it == by_name_.end()) {
            unknown.reason = fmt::format("no {} of the scan is named \"{}\": scan the Terraform that creates {} "
                                         "together with this configuration",
                                         type, name, what);
            return {nullptr, unknown};
        }
        const Asset* first = it->second.front();
        const LocationFact& loc = facts_.fact(*first).location;
        for (const Asset* other : it->second) {
            const LocationFact& l = facts_.fact(*other).location;
            if (l.state != loc.state || l.place.code != loc.place.code) {
                unknown.reason = fmt::format("several {} of the scan are named \"{}\" ({} and {}), in different places",
                                             type, name, first->address, other->address);
                return {nullptr, unknown};
            }
        }
        return {first, loc};
    }

    // The Kubernetes Service a host names from a workload: "svc", "svc.ns", "svc.ns.svc.cluster.local".
    const Asset* service(const Asset& from, std::string_view host) const {
        if (from.format != "kubernetes") return nullptr;
        std::string name(host.substr(0, host.find('.')));
        std::string_view rest = host.find('.') == std::string_view::npos ? std::string_view() : host.substr(host.find('.') + 1);
        std::string ns(rest.substr(0, rest.find('.')));
        if (ns.empty() || ns == "svc") return objects_.find_from(from, "Service", name);
        return objects_.find(from.root, "Service", ns, name);
    }

    // "<service>.<namespace>" from a workload, when the scan has objects in that namespace.
    bool namespaced_service(const Asset& from, std::string_view host) const {
        auto dot = host.find('.');
        return from.format == "kubernetes" && dot != std::string_view::npos && host.find('.', dot + 1) == std::string_view::npos &&
               namespaces_.contains(std::string(host.substr(dot + 1)));
    }

private:
    const Facts& facts_;
    std::set<std::string> namespaces_;
    const k8s::ObjectIndex& objects_;
    std::map<std::pair<std::string, std::string>, std::vector<const Asset*>> by_name_;
};

struct Endpoints {
    const Facts& facts;
    const Targets& targets;
    const mlops::ProcessSettings& ps;
    std::vector<MlopsEndpoint>& out;

    MlopsEndpoint start(std::string_view product, Role role, std::string setting, const Value& v) const {
        MlopsEndpoint e;
        e.asset = ps.asset;
        e.container = ps.container;
        e.product = product;
        e.role = role;
        e.setting = std::move(setting);
        e.range = v.range;
        e.provenance = v.provenance;
        return e;
    }

    void locate_host(MlopsEndpoint& e) const {
        if (mlops::in_cluster_host(e.host) || targets.namespaced_service(*ps.asset, e.host)) {
            e.reach = Reach::InCluster;
            e.linked = targets.service(*ps.asset, e.host);
            return;
        }
        e.reach = Reach::External;
        if (e.host == "api.wandb.ai" || e.host == "wandb.ai") {
            e.vendor_cloud = true;
            e.location.state = LocationFact::State::Known;
            e.location.place = wandb_cloud();
            e.location.range = e.range;
            return;
        }
        if (auto r = mlops::region_in_host(e.host)) {
            e.location = locate_value(r->cloud, Value::string(r->region, e.range));
            e.location.provenance = prepend(fmt::format("the host name {} names {}", e.host, r->region), e.range, nullptr);
            return;
        }
        e.location.state = LocationFact::State::Unknown;
        e.location.reason = fmt::format("the host name {} says nothing of where it runs", e.host);
        e.location.range = e.range;
    }

    // A URI that names a tracker, a backend store or an artifact store.
    void add(std::string_view product, Role role, std::string setting, const Value& v) {
        mlops::Uri uri = mlops::parse_uri(v.as_string());
        MlopsEndpoint e = start(product, role, std::move(setting), v);
        e.uri = uri.shown;
        e.host = uri.host;
        const Value* s3_endpoint = string_setting(ps, "MLFLOW_S3_ENDPOINT_URL");
        mlops::Uri endpoint = s3_endpoint ? mlops::parse_uri(s3_endpoint->as_string()) : mlops::Uri{};
        if ((uri.scheme == "s3" || uri.scheme == "s3a") && s3_endpoint && !endpoint.host.ends_with(".amazonaws.com")) {
            // An S3-compatible store (MinIO, Ceph): the bucket lives where that endpoint runs.
            e.host = endpoint.host;
            e.setting += " with MLFLOW_S3_ENDPOINT_URL " + endpoint.shown;
            locate_host(e);
        } else if (uri.scheme == "s3" || uri.scheme == "s3a" || uri.scheme == "gs") {
            std::string_view type = uri.scheme == "gs" ? "google_storage_bucket" : "aws_s3_bucket";
            std::tie(e.linked, e.location) = targets.find(type, uri.bucket, "the bucket");
            // A regional S3 endpoint serves only the buckets of its region.
            auto region = s3_endpoint && uri.scheme != "gs" ? mlops::region_in_host(endpoint.host) : std::nullopt;
            if (!e.linked && region) {
                e.location = locate_value(region->cloud, Value::string(region->region, s3_endpoint->range));
                e.location.provenance = prepend(fmt::format("MLFLOW_S3_ENDPOINT_URL {} names {}", s3_endpoint->as_string(), region->region),
                                                s3_endpoint->range, s3_endpoint->provenance);
            }
        } else if (auto arn = uri.scheme == "arn" ? arn_location(v) : std::nullopt) {
            // SageMaker's managed MLflow: the tracking URI is the tracking server's ARN, which names its region.
            e.location = *arn;
        } else if (!uri.account.empty()) {
            std::tie(e.linked, e.location) = targets.find("azurerm_storage_account", uri.account, "the storage account");
        } else if (uri.host.empty()) {
            e.reach = Reach::Local;  // a path, file:, sqlite:, mlflow-artifacts: (through the server), databricks
        } else {
            locate_host(e);
        }
        if (e.linked) {
            e.location.provenance = prepend(fmt::format("{} names {}", e.uri, e.linked->address), v.range, e.location.provenance);
        } else if (e.location.state == LocationFact::State::Unknown && !e.location.range.valid()) {
            e.location.range = v.range;
        }
        out.push_back(std::move(e));
    }
};

// `mlflow server ...` or `mlflow ui ...` in a command line, directly or inside `sh -c "..."`: its
// flags, each with the value that follows or is joined by "=".
std::vector<std::pair<std::string, Value>> server_flags(const std::vector<Value>& argv) {
    std::vector<Value> words;
    for (const Value& a : argv) {
        if (!a.is_string()) {
            words.push_back(a);
            continue;
        }
        const std::string& s = a.as_string();
        if (s.find(' ') != std::string::npos && s.find("mlflow") != std::string::npos) {
            for (auto& w : mlops::shell_words(s)) words.push_back(Value::string(std::move(w), a.range).with_provenance(a.provenance));
        } else {
            words.push_back(a);
        }
    }
    std::vector<std::pair<std::string, Value>> flags;
    bool server = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Value& w = words[i];
        std::string t = w.is_string() ? w.as_string() : std::string();
        if (t == ";" || t == "&" || t == "|") {
            server = false;
            continue;
        }
        std::string_view base = std::string_view(t).substr(t.rfind('/') == std::string::npos ? 0 : t.rfind('/') + 1);
        if (base == "mlflow" && i + 1 < words.size() && words[i + 1].is_string() &&
            (words[i + 1].as_string() == "server" || words[i + 1].as_string() == "ui")) {
            server = true;
            ++i;
            continue;
        }
        if (!server || !t.starts_with("--")) continue;
        auto eq = t.find('=');
        if (eq != std::string::npos) {
            flags.emplace_back(t.substr(0, eq), Value::string(t.substr(eq + 1), w.range).with_provenance(w.provenance));
        } else if (i + 1 < words.size()) {
            flags.emplace_back(t, words[i + 1]);
            ++i;
        }
    }
    return flags;
}

void process(const Facts& facts, const Targets& targets, const mlops::ProcessSettings& ps, std::vector<MlopsEndpoint>& out) {
    Endpoints eps{facts, targets, ps, out};
    // MLflow clients.
    for (std::string_view name : {"MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI"})
        if (const Value* v = string_setting(ps, name)) {
            std::string uri = v->as_string();
            if (uri == "databricks" || uri.starts_with("databricks://") || uri.starts_with("databricks-uc")) {
                if (const Value* host = string_setting(ps, "DATABRICKS_HOST"))
                    eps.add("MLflow", Role::Tracker, fmt::format("{} {} on DATABRICKS_HOST", name, uri), *host);
            } else {
                eps.add("MLflow", Role::Tracker, std::string(name), *v);
            }
        }
    // MLflow servers: flags win over their environment twins.
    struct ServerOption {
        std::string_view flag, env;
        Role role;
    };
    constexpr ServerOption kServer[] = {
        {"--backend-store-uri", "MLFLOW_BACKEND_STORE_URI", Role::BackendStore},
        {"--registry-store-uri", "MLFLOW_REGISTRY_STORE_URI", Role::BackendStore},
        {"--default-artifact-root", "MLFLOW_DEFAULT_ARTIFACT_ROOT", Role::ArtifactStore},
        {"--artifacts-destination", "MLFLOW_ARTIFACTS_DESTINATION", Role::ArtifactStore},
    };
    auto flags = server_flags(ps.argv);
    for (const ServerOption& o : kServer) {
        auto flag = std::find_if(flags.begin(), flags.end(), [&](const auto& f) { return f.first == o.flag; });
        if (flag != flags.end()) {
            if (flag->second.is_string()) eps.add("MLflow", o.role, std::string(o.flag), flag->second);
        } else if (const Value* v = string_setting(ps, o.env)) {
            eps.add("MLflow", o.role, std::string(o.env), *v);
        }
    }
    // W&B clients: offline and disabled modes send nothing.
    // A mode that is not known may be offline: nothing is judged.
    if (auto m = ps.env.find("WANDB_MODE"); m != ps.env.end() && !m->second.is_string()) return;
    if (const Value* mode = string_setting(ps, "WANDB_MODE");
        mode && (mode->as_string() == "offline" || mode->as_string() == "disabled" || mode->as_string() == "dryrun"))
        return;
    if (const Value* base = string_setting(ps, "WANDB_BASE_URL")) {
        eps.add("W&B", Role::Tracker, "WANDB_BASE_URL", *base);
        return;
    }
    auto key = ps.env.find("WANDB_API_KEY");
    bool base_unknown = ps.env.contains("WANDB_BASE_URL");  // set to something not known
    bool key_set = key != ps.env.end() && !(key->second.is_string() && key->second.as_string().empty());
    if (key_set && !base_unknown && ps.incomplete.empty()) {
        MlopsEndpoint e = eps.start("W&B", Role::Tracker, "WANDB_API_KEY without WANDB_BASE_URL", key->second);
        e.uri = "https://api.wandb.ai";
        e.host = "api.wandb.ai";
        eps.locate_host(e);
        e.location.provenance = prepend("the W&B SDK's default base_url https://api.wandb.ai", key->second.range, nullptr);
        out.push_back(std::move(e));
    }
}

}  // namespace

void mlops(Facts& facts) {
    const k8s::ObjectIndex& objects = facts.kubernetes_objects();
    const Targets targets(facts, objects);
    for (const mlops::ProcessSettings& ps : mlops::collect_settings(*facts.graph, objects))
        process(facts, targets, ps, facts.mlops);
    for (const MlopsEndpoint& e : facts.mlops) {
        if (e.reach == Reach::Local) continue;
        Edge edge{e.role == Role::ArtifactStore ? "stores-artifacts-in" : "tracks-to", e.asset, e.linked, e.range};
        if (!e.linked) {
            edge.target = e.uri;
            edge.target_location = e.location;
        }
        facts.edges.push_back(std::move(edge));
    }
}

}  // namespace residency::adapters
