// Kubernetes manifests into the graph: which YAML files hold objects, charts that must be rendered
// first, and one asset per object with its class, location pin, origin and suppressions.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <set>

#include "catalog/catalog.hpp"
#include "core/parallel.hpp"
#include "facts/kubernetes_objects.hpp"
#include "frontends/kubernetes/kubernetes.hpp"
#include "frontends/kubernetes/yaml_codec.hpp"
#include "policy/suppressions.hpp"

namespace residency::kubernetes {

namespace fs = std::filesystem;

namespace {

bool is_yaml(const fs::path& file) {
    auto ext = file.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

bool is_chart_file(const fs::path& file) { return file.filename() == "Chart.yaml"; }

// Whether a line of `text` starts (after indentation) with `key`.
bool has_key_line(std::string_view text, std::string_view key) {
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
        std::string_view line = text.substr(pos, next - pos);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '-')) line.remove_prefix(1);
        if (line.starts_with(key)) return true;
        pos = next;
    }
    return false;
}

// A chart directory whose templates are not rendered: `templates/` holds `{{`.
bool has_unrendered_templates(const fs::path& chart_dir) {
    std::error_code ec;
    fs::path templates = chart_dir / "templates";
    if (!fs::is_directory(templates, ec)) return false;
    for (fs::recursive_directory_iterator it(templates, fs::directory_options::skip_permission_denied, ec), end;
         it != end; it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
        auto text = read_file_bytes(it->path());
        if (text && text->find("{{") != std::string::npos) return true;
    }
    return false;
}

std::string text_field(const Value& v, std::string_view key) {
    const Value* f = v.get(key);
    return f && f->is_string() ? f->as_string() : std::string();
}

// The clouds the catalog knows, in its order.
const std::vector<std::string>& catalog_clouds() {
    static const std::vector<std::string> clouds = [] {
        std::vector<std::string> out;
        for (const auto& r : catalog::regions())
            if (out.empty() || out.back() != r.cloud) out.emplace_back(r.cloud);
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return clouds;
}

constexpr std::string_view kTopologyLabels[] = {"topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region",
                                               "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"};

// Where one pod spec (or PersistentVolume) is pinned: a value, several values, or nothing.
struct Pin {
    bool pinned = false;
    std::vector<Value> values;  // one: pinned there; several: any of them
};

Value labelled(const Value& v, std::string label) {
    return v.with_provenance(prepend(std::move(label), v.range, nullptr));
}

// Required node selector terms (ORed): pinned only when every term pins.
Pin pin_of_terms(const Value* terms, std::string_view what) {
    Pin pin;
    if (!terms || terms->items().empty()) return pin;
    for (const auto& term : terms->items()) {
        bool found = false;
        for (auto label : kTopologyLabels) {
            for (const auto& expr : (term.get("matchExpressions") ? term.get("matchExpressions")->items() : ValueList{})) {
                if (text_field(expr, "key") != label || text_field(expr, "operator") != "In") continue;
                const Value* values = expr.get("values");
                if (!values) continue;
                for (const auto& v : values->items())
                    if (v.is_string()) pin.values.push_back(labelled(v, std::string(what) + " " + std::string(label)));
                found = !values->items().empty();
                if (found) break;
            }
            if (found) break;
        }
        if (!found) return Pin{};
    }
    pin.pinned = true;
    return pin;
}

Pin pin_of_pod(const Value& spec) {
    if (const Value* selector = spec.get("nodeSelector"))
        for (auto label : kTopologyLabels)
            if (const Value* v = selector->get(label); v && v->is_string())
                return Pin{true, {labelled(*v, "nodeSelector " + std::string(label))}};
    const Value* na = spec.get("affinity");
    na = na ? na->get("nodeAffinity") : nullptr;
    const Value* req = na ? na->get("requiredDuringSchedulingIgnoredDuringExecution") : nullptr;
    return pin_of_terms(req ? req->get("nodeSelectorTerms") : nullptr, "node affinity");
}

// The location of a pinned workload or volume, and the cloud whose catalog knows it.
// `unpinned`: the pod specs of a workload that some of whose pod specs are pinned and others not.
void locate(Asset& a, const std::vector<Pin>& pins, const std::vector<std::string>& unpinned) {
    if (!pins.empty() && !unpinned.empty()) {
        std::string list;
        for (const auto& u : unpinned) list += (list.empty() ? "" : ", ") + u;
        const Value& first = pins.front().values.front();
        a.location = Value::unknown("some of its pods are pinned (to " + first.as_string() + ") and others not (" + list +
                                        "): the cluster decides where those run",
                                    first.range, UnknownCause::Input)
                         .with_provenance(first.provenance);
        return;
    }
    std::vector<Value> values;
    for (const auto& p : pins)
        for (const auto& v : p.values)
            if (std::none_of(values.begin(), values.end(), [&](const Value& w) { return w.as_string() == v.as_string(); }))
                values.push_back(v);
    if (values.empty()) {
        a.location = Value::null();
        a.location_applies = false;
        return;
    }
    if (values.size() > 1) {
        std::string list;
        for (const auto& v : values) list += (list.empty() ? "" : ", ") + v.as_string();
        a.location = Value::unknown("the pods may run in several places: " + list, values.front().range, UnknownCause::Input)
                         .with_provenance(values.front().provenance);
        return;
    }
    a.location = values.front();
    a.location_from_asset = true;
    std::vector<std::string> matches;
    std::vector<std::vector<std::string>> countries;
    for (const auto& cloud : catalog_clouds())
        if (auto place = catalog::resolve(cloud, a.location.as_string())) {
            matches.push_back(cloud);
            countries.push_back(place->countries);
        }
    // Several clouds use one code ("eu-west-1" is AWS's Ireland and Alibaba Cloud's London). When
    // they all lie in the same countries, the place is known whichever cloud runs the cluster; when
    // not, the code is read as the one of AWS, Google Cloud or Azure that knows it (those are the
    // managed clusters the topology labels mostly come from), and the provenance says so.
    if (matches.size() > 1) {
        bool same = std::all_of(countries.begin(), countries.end(), [&](const auto& c) { return !c.empty() && c == countries.front(); });
        std::vector<std::string> majors;
        for (const auto& c : matches)
            if (c == "aws" || c == "google" || c == "azure") majors.push_back(c);
        if (same || majors.size() == 1) {
            std::string chosen = same ? matches.front() : majors.front();
            std::string others;
            for (const auto& c : matches)
                if (c != chosen) others += (others.empty() ? "" : ", ") + c;
            if (!same)
                if (const Provenance& p = a.location.provenance)
                    a.location = a.location.with_provenance(prepend(
                        p->label + " (read as " + std::string(catalog::cloud_label(chosen)) + "'s; also a code of " + others + ")",
                        p->range, p->next));
            matches = {chosen};
        }
    }
    if (matches.size() == 1) {
        a.cloud = matches.front();
    } else if (matches.size() > 1) {
        std::string list;
        for (const auto& c : matches) list += (list.empty() ? "" : ", ") + c;
        a.location = Value::unknown("\"" + a.location.as_string() + "\" names a place in several clouds (" + list +
                                        "); the manifest does not say which cloud runs the cluster",
                                    a.location.range, UnknownCause::Input)
                         .with_provenance(a.location.provenance);
    }
}

AssetClass class_of(std::string_view group, std::string_view kind) {
    if (k8s::is_workload_kind(kind)) return AssetClass::Compute;
    if (kind == "PersistentVolumeClaim" || kind == "PersistentVolume") return AssetClass::DataStore;
    if (kind == "Service" || kind == "Ingress" || kind == "NetworkPolicy" || kind == "Gateway" || kind == "HTTPRoute" ||
        kind == "GRPCRoute" || kind == "TCPRoute" || kind == "TLSRoute" || kind == "EndpointSlice" || kind == "Endpoints" ||
        group == "networking.istio.io" || group == "security.istio.io")
        return AssetClass::Network;
    return AssetClass::Other;
}

// `residency.io/ignore: "RES205 -- reason"` (IDs separated by commas; "--" or ":" before the reason).
std::vector<Asset::Ignore> ignores_of(const Value& object) {
    std::vector<Asset::Ignore> out;
    const Value* m = object.get("metadata");
    const Value* ann = m ? m->get("annotations") : nullptr;
    const Value* v = ann ? ann->get("residency.io/ignore") : nullptr;
    if (!v || !v->is_string()) return out;
    std::string_view s = v->as_string();
    auto trim = [](std::string_view x) {
        while (!x.empty() && std::isspace(static_cast<unsigned char>(x.front()))) x.remove_prefix(1);
        while (!x.empty() && std::isspace(static_cast<unsigned char>(x.back()))) x.remove_suffix(1);
        return x;
    };
    s = trim(s);
    std::size_t end = 0;
    while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == ',' || s[end] == ' ')) {
        // A space ends the IDs unless a comma follows ("RES205, RES301").
        if (s[end] == ' ') {
            std::size_t k = end;
            while (k < s.size() && s[k] == ' ') ++k;
            if (!(k < s.size() && s[k] == ',') && !(end > 0 && s[end - 1] == ',')) break;
        }
        ++end;
    }
    // "RES205 until 2027-03-31 -- reason": the date is checked by the engine (a diagnostic when malformed).
    std::string reason, until;
    std::size_t until_offset = std::string_view::npos;
    split_until_reason(s.substr(end), until, until_offset, reason);
    std::string_view ids = s.substr(0, end);
    while (!ids.empty()) {
        std::size_t comma = ids.find(',');
        std::string id(trim(ids.substr(0, comma)));
        for (auto& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (id.size() >= 4 && id.starts_with("RES")) out.push_back({id, reason, until, v->range});
        if (comma == std::string_view::npos) break;
        ids.remove_prefix(comma + 1);
    }
    return out;
}

bool is_object(const Value& v) {
    if (!v.is_object()) return false;
    const Value* api = v.get("apiVersion");
    const Value* kind = v.get("kind");
    return api && api->is_string() && kind && kind->is_string() && !kind->as_string().empty();
}

// Kustomize's own files describe how to build manifests, not objects in a cluster.
bool is_build_file(const Value& v) {
    return text_field(v, "apiVersion").starts_with("kustomize.config.k8s.io/") ||
           text_field(v, "apiVersion").starts_with("config.kubernetes.io/");
}

void add_object(const Value& object, const yaml::Document& doc, const std::string& root, Graph& graph) {
    std::string api = text_field(object, "apiVersion");
    std::string kind = text_field(object, "kind");
    auto slash = api.find('/');
    std::string group = slash == std::string::npos ? "core" : api.substr(0, slash);
    std::string name = k8s::name_of(object);
    if (name.empty()) {
        const Value* m = object.get("metadata");
        const Value* g = m ? m->get("generateName") : nullptr;
        name = g && g->is_string() ? g->as_string() + "*" : "(unnamed)";
    }
    std::string ns = k8s::namespace_of(object);
    Asset a;
    a.format = "kubernetes";
    a.root = root;
    a.type = group + "/" + kind;
    a.address = api + "/" + kind + "/" + (ns.empty() ? "" : ns + "/") + name;
    a.asset_class = class_of(group, kind);
    a.range = object.range;
    const Value* m = object.get("metadata");
    const Value* n = m ? m->get("name") : nullptr;
    a.header_range = n ? n->range : Range{object.range.file, object.range.begin, object.range.begin};
    a.attributes = object;
    a.origin_note = doc.source_note;
    a.origin_range = doc.source_note_range;
    a.ignores = ignores_of(object);
    std::vector<Pin> pins;
    std::vector<std::string> unpinned;
    if (kind == "PersistentVolume") {
        const Value* spec = object.get("spec");
        const Value* na = spec ? spec->get("nodeAffinity") : nullptr;
        const Value* req = na ? na->get("required") : nullptr;
        Pin p = pin_of_terms(req ? req->get("nodeSelectorTerms") : nullptr, "nodeAffinity");
        if (p.pinned) pins.push_back(std::move(p));
    } else {
        for (const auto& spec : k8s::pod_specs(kind, object)) {
            Pin p = pin_of_pod(*spec.spec);
            if (p.pinned) pins.push_back(std::move(p));
            else unpinned.push_back(spec.path);
        }
    }
    locate(a, pins, unpinned);
    graph.add(std::move(a));
}

}  // namespace

bool looks_like_manifest(std::string_view text) {
    return has_key_line(text, "apiVersion:") && has_key_line(text, "kind:");
}

bool KubernetesFrontend::claims(const fs::path& file, const std::function<std::string_view()>& head) const {
    if (!is_yaml(file) || file.filename() == "residency.yaml") return false;
    if (is_chart_file(file)) return true;
    return looks_like_manifest(head());
}

void load_manifest(FileId file, std::string_view text, const std::string& root, Graph& graph, LoadResult& result,
                   FileCache* cache) {
    yaml::Stream stream = yaml::parse_stream_cached(file, text, cache);
    for (const auto& doc : stream.documents) {
        const Value& v = doc.root;
        if (!is_object(v) || is_build_file(v)) continue;
        std::string kind = text_field(v, "kind");
        const Value* items = v.get("items");
        if (kind.ends_with("List") && items && items->is_list()) {
            for (const auto& item : items->items())
                if (is_object(item)) add_object(item, doc, root, graph);
            continue;
        }
        add_object(v, doc, root, graph);
    }
    for (auto& e : stream.errors) result.syntax_errors.push_back(std::move(e));
    for (auto& w : stream.warnings) result.syntax_errors.push_back(std::move(w));
}

void KubernetesFrontend::load(LoadContext& context) {
    // Charts first: their files are templates, not YAML.
    std::vector<fs::path> charts;
    for (const auto& f : context.files)
        if (is_chart_file(f) && has_unrendered_templates(f.parent_path())) charts.push_back(f.parent_path());
    auto in_chart = [&](const fs::path& f) {
        return std::any_of(charts.begin(), charts.end(), [&](const fs::path& c) {
            auto rel = f.lexically_relative(c);
            return !rel.empty() && !rel.native().starts_with("..");
        });
    };
    for (const auto& f : context.files) {
        if (!is_chart_file(f) || std::find(charts.begin(), charts.end(), f.parent_path()) == charts.end()) continue;
        auto text = context.sources.read(f);
        if (!text) continue;
        std::string shown_dir = context.display(f.parent_path());
        if (shown_dir.empty()) shown_dir = ".";
        std::size_t eol = text->find('\n');
        auto line_end = static_cast<std::uint32_t>(eol == std::string::npos ? text->size() : eol);
        FileId id = context.sources.add(context.display(f), f.string(), std::move(*text));
        context.result.unreadable_parts.push_back(
            {Range{id, 0, line_end},
             "chart: " + shown_dir + ": a Helm chart whose templates are not rendered; render it and scan the output: "
             "helm template <release> " + shown_dir + " | residency scan - --stdin-filename rendered.yaml"});
    }
    // Manifests are read and parsed in parallel, like Terraform files. Every file that may hold
    // objects gets its FileId first, in file order, so ids (and the output) never depend on which
    // thread parsed what; one found to hold no object is unlisted afterwards, keeping the ids of the
    // files after it.
    std::vector<fs::path> candidates;
    for (const auto& f : context.files)
        if (!is_chart_file(f) && !in_chart(f)) candidates.push_back(f);
    std::vector<std::optional<std::string>> texts(candidates.size());
    parallel_for(candidates.size(), context.jobs, [&](std::size_t i) {
        texts[i] = context.sources.read(candidates[i]);
        if (texts[i] && !looks_like_manifest(*texts[i])) texts[i].reset();
    });
    struct Manifest {
        FileId id = kNoFile;
        Graph graph;
        LoadResult problems;
    };
    std::vector<Manifest> manifests;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!texts[i]) continue;
        manifests.push_back({context.sources.add(context.display(candidates[i]), candidates[i].string(), std::move(*texts[i])), {}, {}});
    }
    texts.clear();
    parallel_for(manifests.size(), context.jobs, [&](std::size_t i) {
        Manifest& m = manifests[i];
        load_manifest(m.id, context.sources.get(m.id).text, "", m.graph, m.problems, context.cache);
    });
    for (std::size_t i = 0; i < manifests.size(); ++i) {
        Manifest& m = manifests[i];
        const SourceFile& source = context.sources.get(m.id);
        bool templated = source.text.find("{{") != std::string::npos;
        if (m.graph.assets.empty() && (m.problems.syntax_errors.empty() || templated)) {
            // Not Kubernetes objects, or a lone template that is not YAML yet.
            if (templated && !m.problems.syntax_errors.empty())
                context.result.unreadable_parts.push_back(
                    {Range{m.id, 0, 0}, "template: " + source.path +
                                            ": it holds template syntax ({{ ... }}) and is not YAML yet; render it "
                                            "(helm template, kustomize build) and scan the output"});
            else
                context.sources.unlist(m.id);
            continue;
        }
        std::string root = fs::path(source.path).parent_path().generic_string();
        if (root.empty()) root = ".";
        for (auto& a : m.graph.assets) {
            a.root = root;
            context.graph.add(std::move(a));
        }
        for (auto& e : m.problems.syntax_errors) context.result.syntax_errors.push_back(std::move(e));
    }
}

}  // namespace residency::kubernetes
