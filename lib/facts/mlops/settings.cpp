#include "facts/mlops/settings.hpp"

#include <fmt/format.h>


namespace residency::mlops {
namespace {

std::string text(const Value* v) { return v && v->is_string() ? v->as_string() : std::string(); }

// Kubernetes expands $(VAR) in env values, command and args from the variables defined before it;
// $$ escapes. A reference to a variable whose value is not known makes the whole value unknown.
Value expand(const Value& v, const std::map<std::string, Value, std::less<>>& env) {
    if (!v.is_string() || v.as_string().find("$(") == std::string::npos) return v;
    const std::string& s = v.as_string();
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '$') {
            out += '$';
            ++i;
            continue;
        }
        if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '(') {
            auto close = s.find(')', i + 2);
            if (close != std::string::npos) {
                std::string name = s.substr(i + 2, close - i - 2);
                auto it = env.find(name);
                if (it != env.end()) {
                    if (!it->second.is_string())
                        return Value::unknown(fmt::format("it uses $({}), whose value is not known: {}", name,
                                                          it->second.unknown_reason()),
                                              v.range, UnknownCause::Input);
                    out += it->second.as_string();
                    i = close;
                    continue;
                }
            }
        }
        out += s[i];
    }
    return Value::string(std::move(out), v.range).with_provenance(v.provenance);
}

Value from(const Value& v, std::string label, Range at) { return v.with_provenance(prepend(std::move(label), at, v.provenance)); }

void container_settings(const k8s::ObjectIndex& index, const Asset& a, const Value& c, std::vector<ProcessSettings>& out) {
    ProcessSettings ps;
    ps.asset = &a;
    ps.container = text(c.get("name"));
    if (const Value* sources = c.get("envFrom"); sources && sources->is_list())
        for (const Value& s : sources->items()) {
            std::string prefix = text(s.get("prefix"));
            for (std::string_view kind : {"ConfigMap", "Secret"}) {
                const Value* ref = s.get(kind == "ConfigMap" ? "configMapRef" : "secretRef");
                if (!ref) continue;
                std::string name = text(ref->get("name"));
                const Asset* obj = index.find_from(a, kind, name);
                if (!obj) {
                    if (ps.incomplete.empty())
                        ps.incomplete = fmt::format("envFrom names {} \"{}\", which is not in the scan", kind, name);
                    continue;
                }
                std::string label = fmt::format("envFrom {} {}", kind, name);
                for (std::string_view field : {"data", "stringData"})
                    if (const Value* data = obj->attributes.get(field); data && data->is_object())
                        for (const auto& [key, v] : data->fields()) {
                            // Secrets are not read: the variable is set, to a value the scan does not use.
                            Value value = kind == "ConfigMap" ? from(v, label, ref->range)
                                                              : Value::unknown(fmt::format("the value of Secret {} key {}, which is not read", name, key),
                                                                               ref->range, UnknownCause::Input);
                            ps.env.insert_or_assign(prefix + key, std::move(value));
                        }
            }
        }
    if (const Value* env = c.get("env"); env && env->is_list())
        for (const Value& e : env->items()) {
            std::string name = text(e.get("name"));
            if (name.empty()) continue;
            if (const Value* v = e.get("value")) {
                ps.env.insert_or_assign(name, expand(*v, ps.env));
                continue;
            }
            const Value* vf = e.get("valueFrom");
            if (!vf) {
                ps.env.insert_or_assign(name, Value::string("", e.range));
                continue;
            }
            // An optional reference leaves the variable unset when its source lacks the key: whether it is
            // set at all is not known, so it is left out rather than guessed.
            bool optional = false;
            for (std::string_view ref : {"configMapKeyRef", "secretKeyRef"})
                if (const Value* r = vf->get(ref); r && r->get("optional") && r->get("optional")->is_bool() && r->get("optional")->as_bool())
                    optional = true;
            if (optional) continue;
            // Points at the variable's entry: where the setting is made.
            Value value = Value::unknown("its value comes from the pod at run time", e.range, UnknownCause::AfterApply);
            if (const Value* ref = vf->get("configMapKeyRef")) {
                std::string cm = text(ref->get("name"));
                std::string key = text(ref->get("key"));
                const Asset* obj = index.find_from(a, "ConfigMap", cm);
                const Value* data = obj ? obj->attributes.get("data") : nullptr;
                const Value* v = data ? data->get(key) : nullptr;
                value = v ? from(*v, fmt::format("valueFrom ConfigMap {} key {}", cm, key), ref->range)
                          : Value::unknown(fmt::format("ConfigMap {} key {} is not in the scan", cm, key), e.range,
                                           UnknownCause::Input);
            } else if (const Value* ref = vf->get("secretKeyRef")) {
                value = Value::unknown(fmt::format("the value of Secret {} key {}, which is not read", text(ref->get("name")),
                                                   text(ref->get("key"))),
                                       e.range, UnknownCause::Input);
            }
            ps.env.insert_or_assign(name, std::move(value));
        }
    for (std::string_view part : {"command", "args"})
        if (const Value* list = c.get(part); list && list->is_list())
            for (const Value& arg : list->items()) ps.argv.push_back(expand(arg, ps.env));
    out.push_back(std::move(ps));
}

}  // namespace

std::vector<ProcessSettings> collect_settings(const Graph& graph, const k8s::ObjectIndex& objects) {
    std::vector<ProcessSettings> out;
    for (const Asset& a : graph.assets) {
        if (a.format == "kubernetes" && k8s::is_workload_kind(k8s::kind_of(a))) {
            for (const k8s::PodSpec& pod : k8s::pod_specs(a))
                for (std::string_view list : {"initContainers", "containers"})
                    if (const Value* cs = pod.spec->get(list); cs && cs->is_list())
                        for (const Value& c : cs->items())
                            if (c.is_object()) container_settings(objects, a, c, out);
        } else if (a.format == "mlops") {
            ProcessSettings ps;
            ps.asset = &a;
            if (const Value* env = a.attributes.get("environment"); env && env->is_object())
                for (const auto& [k, v] : env->fields()) ps.env.insert_or_assign(k, v);
            // A .env file adds to the environment of whatever loads it, which may set more.
            if (a.type == "dotenv/file") ps.incomplete = "a .env file adds to an environment the scan does not see";
            if (const Value* why = a.attributes.get("environment_incomplete"); why && why->is_string())
                ps.incomplete = why->as_string();
            if (const Value* argv = a.attributes.get("command"); argv && argv->is_list())
                for (const Value& v : argv->items()) ps.argv.push_back(v);
            out.push_back(std::move(ps));
        }
    }
    return out;
}

}  // namespace residency::mlops
