// Loads `terraform show -json` plans and states into assets, regions followed through the recorded provider configuration.
#include "frontends/terraform/plan/plan_json.hpp"
#include "frontends/terraform/modules/provider_defaults.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "catalog/resource_types.hpp"

namespace residency::terraform {

namespace {

// Module inputs chain at most once per nesting level; anything longer is a malformed plan.
constexpr int kMaxHops = 64;

const json::Node* member(const json::Node* n, std::string_view key) {
    return n && n->is_object() ? n->get(key) : nullptr;
}

std::string string_member(const json::Node* n, std::string_view key) {
    const json::Node* m = member(n, key);
    return m && m->is_string() ? m->text : std::string();
}

const char* kind_noun(const Value& v) { return v.is_list() ? "a list" : "a map"; }

// `module.logs["us"].module.db[0]` -> `module.logs.module.db`: configuration is per module, not per instance.
std::string static_path(std::string_view address) {
    std::string out;
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < address.size(); ++i) {
        char c = address[i];
        if (quoted) {
            if (c == '\\') ++i;
            else if (c == '"') quoted = false;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']') {
            if (depth > 0) --depth;
        } else if (c == '"' && depth > 0) {
            quoted = true;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

std::string parent_path(std::string_view path) {
    auto pos = path.rfind(".module.");
    return pos == std::string_view::npos ? std::string() : std::string(path.substr(0, pos));
}

bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string_view take_ident(std::string_view s, std::size_t& pos) {
    std::size_t begin = pos;
    while (pos < s.size() && ident_char(s[pos])) ++pos;
    return s.substr(begin, pos - begin);
}

// Length of a `[...]` index at `pos` (quote aware), or 0.
std::size_t index_length(std::string_view s, std::size_t pos) {
    if (pos >= s.size() || s[pos] != '[') return 0;
    bool quoted = false;
    for (std::size_t i = pos + 1; i < s.size(); ++i) {
        if (quoted) {
            if (s[i] == '\\') ++i;
            else if (s[i] == '"') quoted = false;
        } else if (s[i] == '"') {
            quoted = true;
        } else if (s[i] == ']') {
            return i - pos + 1;
        }
    }
    return 0;
}

// The resource a reference names (`aws_s3_bucket.replica[0].arn` -> `aws_s3_bucket.replica[0]`),
// or nothing for variables, locals, module outputs and other non-resource roots.
std::optional<std::string> resource_of_reference(std::string_view ref) {
    static const std::set<std::string_view> not_resources{"var", "local", "module", "each", "count",
                                                          "path", "terraform", "self"};
    std::size_t pos = 0;
    std::string_view first = take_ident(ref, pos);
    if (first.empty() || not_resources.count(first)) return std::nullopt;
    std::string out(first);
    int parts = first == "data" ? 2 : 1;
    for (int i = 0; i < parts; ++i) {
        if (pos >= ref.size() || ref[pos] != '.') return std::nullopt;
        ++pos;
        std::string_view part = take_ident(ref, pos);
        if (part.empty()) return std::nullopt;
        out.append(1, '.').append(part);
    }
    if (std::size_t n = index_length(ref, pos)) out.append(ref.substr(pos, n));
    return out;
}

// Follows `.attr`, `["key"]` and `[0]` steps of a reference into a value.
std::optional<Value> follow_steps(Value v, std::string_view steps) {
    std::size_t pos = 0;
    while (pos < steps.size()) {
        if (steps[pos] == '.') {
            ++pos;
            std::string_view name = take_ident(steps, pos);
            const Value* f = v.get(name);
            if (name.empty() || !f) return std::nullopt;
            v = Value(*f).with_provenance(v.provenance);
        } else if (std::size_t n = index_length(steps, pos)) {
            std::string_view key = steps.substr(pos + 1, n - 2);
            pos += n;
            if (key.size() >= 2 && key.front() == '"') {
                const Value* f = v.get(key.substr(1, key.size() - 2));
                if (!f) return std::nullopt;
                v = Value(*f).with_provenance(v.provenance);
            } else {
                std::size_t i = 0;
                for (char c : key) {
                    if (c < '0' || c > '9') return std::nullopt;
                    i = i * 10 + static_cast<std::size_t>(c - '0');
                }
                if (key.empty() || i >= v.items().size()) return std::nullopt;
                v = Value(v.items()[i]).with_provenance(v.provenance);
            }
        } else {
            return std::nullopt;
        }
    }
    return v;
}

// An expression object ({"references": [...]} or {"constant_value": ...}) rather than a block body.
bool is_expression(const json::Node* n) {
    return n && n->is_object() && (n->get("references") || n->get("constant_value"));
}

// Where an expression is written, for carets: its constant, or the reference it makes.
Range written_at(const json::Node& expr) {
    if (const json::Node* c = member(&expr, "constant_value")) return c->range;
    const json::Node* refs = member(&expr, "references");
    if (refs && refs->is_array() && !refs->items.empty()) return refs->items.front().range;
    return expr.range;
}

struct PlanLoader {
    FileId file;
    const json::Node& root;
    std::string root_name;
    Graph& graph;
    std::vector<ParseProblem>& problems;

    const json::Node* configuration = nullptr;
    const json::Node* provider_configs = nullptr;
    std::map<std::string, const json::Node*> config_modules;  // static module path -> configuration module
    std::map<std::string, const json::Node*> module_calls;    // static module path -> the call in its parent
    std::map<std::string, const json::Node*> config_resources;  // static module path + '\n' + address
    std::map<std::string, const json::Node*> changes;         // instance address -> resource_changes entry

    void problem(const json::Node* at, std::string message) {
        problems.push_back({at ? at->range : Range{file, 0, 0}, "plan JSON: " + std::move(message)});
    }

    void index_config_module(const json::Node& module, const std::string& path) {
        config_modules[path] = &module;
        if (const json::Node* resources = member(&module, "resources"); resources && resources->is_array())
            for (const auto& r : resources->items)
                if (std::string address = string_member(&r, "address"); !address.empty())
                    config_resources.emplace(path + '\n' + address, &r);
        const json::Node* calls = member(&module, "module_calls");
        if (!calls) return;
        if (!calls->is_object()) return problem(calls, "\"module_calls\" must be an object");
        for (const auto& [name, call] : calls->members) {
            std::string child = path.empty() ? "module." + name : path + ".module." + name;
            const json::Node* body = member(&call, "module");
            if (!body || !body->is_object()) continue;
            module_calls[child] = &call;
            index_config_module(*body, child);
        }
    }

    void index() {
        configuration = root.get("configuration");
        if (configuration && !configuration->is_object()) {
            problem(configuration, "\"configuration\" must be an object");
            configuration = nullptr;
        }
        provider_configs = member(configuration, "provider_config");
        if (provider_configs && !provider_configs->is_object()) {
            problem(provider_configs, "\"provider_config\" must be an object");
            provider_configs = nullptr;
        }
        if (const json::Node* m = member(configuration, "root_module")) {
            if (m->is_object()) index_config_module(*m, "");
            else problem(m, "\"configuration.root_module\" must be an object");
        }
        if (const json::Node* rc = root.get("resource_changes")) {
            if (!rc->is_array()) return problem(rc, "\"resource_changes\" must be an array");
            for (const auto& c : rc->items) {
                std::string address = string_member(&c, "address");
                if (!address.empty()) changes[address] = &c;
            }
        }
    }

    const json::Node* config_resource(const std::string& module_path, const std::string& config_address) {
        auto it = config_resources.find(module_path + '\n' + config_address);
        return it == config_resources.end() ? nullptr : it->second;
    }

    // --- Expressions, variables and provider regions -------------------------------------------

    Value variable(const std::string& module_path, std::string_view name, Range use, int hops) {
        if (hops > kMaxHops) return Value::unknown(fmt::format("var.{} is passed through too many modules", name), use);
        if (module_path.empty()) {
            const json::Node* value = member(member(root.get("variables"), name), "value");
            if (!value)
                return Value::unknown(fmt::format("var.{} has no value in the plan's variables", name), use);
            Value v = json::to_value(*value);
            return v.with_provenance(prepend(fmt::format("var.{}", name), value->range, nullptr));
        }
        auto call = module_calls.find(module_path);
        const json::Node* input = call == module_calls.end() ? nullptr : member(member(call->second, "expressions"), name);
        if (input) {
            std::string label = fmt::format("{} input {}", module_path, name);
            Value v = expression(*input, parent_path(module_path), label, hops + 1);
            return v.with_provenance(prepend(label, written_at(*input), v.provenance));
        }
        auto module = config_modules.find(module_path);
        const json::Node* def = module == config_modules.end()
                                    ? nullptr
                                    : member(member(member(module->second, "variables"), name), "default");
        if (def) {
            std::string label = fmt::format("{} var.{} default", module_path, name);
            return json::to_value(*def).with_provenance(prepend(label, def->range, nullptr));
        }
        return Value::unknown(fmt::format("{} input {} is not set and has no default", module_path, name), use);
    }

    // The value of one recorded expression: a constant, or a single reference that plan JSON lets us
    // follow (a root variable, or a module input back up to one). `what` names it in reasons.
    Value expression(const json::Node& expr, const std::string& module_path, const std::string& what, int hops) {
        if (const json::Node* c = member(&expr, "constant_value")) return json::to_value(*c);
        const json::Node* refs = member(&expr, "references");
        std::vector<std::string> names;
        if (refs && refs->is_array())
            for (const auto& r : refs->items)
                if (r.is_string()) names.push_back(r.text);
        if (names.empty())
            return Value::unknown(fmt::format("{} is an expression whose value plan JSON does not record", what), written_at(expr));
        // Terraform lists a traversal and its prefixes (`var.m["k"]`, `var.m`); anything else is a
        // combination of several values, which plan JSON does not record.
        const std::string& ref = names.front();
        for (const auto& other : names) {
            bool prefix = ref.starts_with(other) && (other.size() == ref.size() || ref[other.size()] == '.' ||
                                                     ref[other.size()] == '[');
            if (!prefix) {
                std::string all;
                for (std::size_t i = 0; i < names.size(); ++i) all += (i ? ", " : "") + names[i];
                return Value::unknown(fmt::format("{} combines {}, and plan JSON records only which values an "
                                                  "expression uses, not how",
                                                  what, all),
                                      written_at(expr));
            }
        }
        if (!ref.starts_with("var."))
            return Value::unknown(fmt::format("{} refers to {}, which plan JSON does not record", what, ref), written_at(expr));
        std::size_t pos = 4;
        std::string name(take_ident(ref, pos));
        Value v = variable(module_path, name, written_at(expr), hops);
        if (v.is_unknown() || pos == ref.size()) return v;
        auto stepped = follow_steps(v, std::string_view(ref).substr(pos));
        if (!stepped) return Value::unknown(fmt::format("{} refers to {}, which var.{} does not have", what, ref, name), written_at(expr));
        return *stepped;
    }

    struct Provider {
        const json::Node* node = nullptr;
        std::string name;   // "aws", "aws.us"
        std::string label;  // `provider "aws" (alias "us")`, `module.logs provider "aws"`
    };

    // The provider configuration a resource uses. Keys of resources in modules that inherit their
    // parent's default provider may name no entry (and plans before Terraform 0.13 key module
    // resources by the call name only), so the default configuration is looked up the module tree.
    Provider provider_of(const std::string& key, const std::string& module_path) {
        Provider p;
        std::string local = key.substr(key.rfind(':') == std::string::npos ? 0 : key.rfind(':') + 1);
        auto find = [&](const std::string& k) { return provider_configs ? provider_configs->get(k) : nullptr; };
        p.node = find(key);
        if (!p.node && local.find('.') == std::string::npos) {
            for (std::string path = module_path;; path = parent_path(path)) {
                p.node = find(path.empty() ? local : path + ":" + local);
                if (p.node || path.empty()) break;
            }
        }
        p.name = local;
        if (!p.node) return p;
        std::string name = string_member(p.node, "name"), alias = string_member(p.node, "alias");
        std::string module = string_member(p.node, "module_address");
        if (name.empty()) name = local.substr(0, local.find('.'));
        p.name = alias.empty() ? name : name + "." + alias;
        p.label = fmt::format("provider \"{}\"", name);
        if (!alias.empty()) p.label += fmt::format(" (alias \"{}\")", alias);
        if (!module.empty()) p.label = module + " " + p.label;
        return p;
    }

    Value provider_setting(const Provider& p, const char* setting) {
        const json::Node* expr = member(member(p.node, "expressions"), setting);
        if (!expr) return Value::null(p.node ? p.node->range : Range{});
        std::string label = fmt::format("{} {}", p.label, setting);
        Value v = expression(*expr, string_member(p.node, "module_address"), label, 0);
        if (v.is_list() || v.is_object())
            v = Value::unknown(fmt::format("{} is {}, not a region name: plan JSON does not record how the "
                                           "expression picks from it",
                                           label, kind_noun(v)),
                               written_at(*expr));
        return v.with_provenance(prepend(label, written_at(*expr), v.provenance));
    }

    // --- Assets --------------------------------------------------------------------------------

    struct Conversion {
        std::string_view address;
        std::string_view module_prefix;  // "module.logs[\"us\"]" or ""

        std::string referenced(const json::Node* expr) const {
            const json::Node* refs = member(expr, "references");
            if (!refs || !refs->is_array()) return {};
            for (const auto& r : refs->items)
                if (r.is_string())
                    if (auto res = resource_of_reference(r.text))
                        return module_prefix.empty() ? *res : fmt::format("{}.{}", module_prefix, *res);
            return {};
        }

        Value unknown(const json::Node* mark, const json::Node* expr, const std::string& path) const {
            Range r = is_expression(expr) ? written_at(*expr) : mark->range;
            Value v = Value::unknown(fmt::format("{}.{} is known only after apply", address, path), r);
            v.ref_asset = referenced(expr);
            return v;
        }

        // `values` with the unknown marks of `after_unknown` laid over them (plan JSON leaves unknown
        // attributes out) and each reference the configuration records kept on its value.
        Value convert(const json::Node& n, const json::Node* marks, const json::Node* expr, const std::string& path) const {
            if (marks && marks->kind == json::Node::Kind::Bool && marks->boolean) return unknown(marks, expr, path);
            Value v;
            if (n.is_object()) {
                ValueMap fields;
                bool body = expr && expr->is_object() && !is_expression(expr);
                for (const auto& [key, value] : n.members) {
                    std::string sub = path.empty() ? key : path + "." + key;
                    fields[key] = convert(value, member(marks, key), body ? expr->get(key) : nullptr, sub);
                }
                if (marks && marks->is_object())
                    for (const auto& [key, mark] : marks->members) {
                        auto it = fields.find(key);
                        if (mark.kind != json::Node::Kind::Bool || !mark.boolean || (it != fields.end() && !it->second.is_null()))
                            continue;
                        std::string sub = path.empty() ? key : path + "." + key;
                        fields[key] = unknown(&mark, body ? expr->get(key) : nullptr, sub);
                    }
                v = Value::object(std::move(fields), n.range);
            } else if (n.is_array()) {
                ValueList items;
                for (std::size_t i = 0; i < n.items.size(); ++i) {
                    const json::Node* m = marks && marks->is_array() && i < marks->items.size() ? &marks->items[i] : nullptr;
                    const json::Node* e = expr && expr->is_array() && i < expr->items.size() ? &expr->items[i] : nullptr;
                    items.push_back(convert(n.items[i], m, e, fmt::format("{}[{}]", path, i)));
                }
                v = Value::list(std::move(items), n.range);
            } else {
                v = json::to_value(n);
            }
            if (is_expression(expr)) v.ref_asset = referenced(expr);
            return v;
        }
    };

    Value region_of(Asset& a, const json::Node* values, const json::Node* config, const Provider& p) {
        const json::Node* exprs = member(config, "expressions");
        bool more = beyond_big_three(a.cloud);
        for (const char* name : location_arguments(a.cloud, a.type)) {
            const Value* v = location_value(a.attributes, name);
            if (!v || v->is_null()) continue;
            // AWS provider v6 records the region its provider gives every resource: a computed
            // unknown there is the provider's region, unless the configuration sets it.
            bool configured = !config || member(exprs, name) != nullptr || std::string_view(name).find('.') != std::string_view::npos;
            if (v->is_unknown() && !configured && !more) continue;
            a.location_from_asset = configured;
            const json::Node* at = member(values, name);
            return v->with_provenance(prepend(fmt::format("{} {}", a.address, name), at ? at->range : v->range, v->provenance));
        }
        if (a.cloud == "google" && google_ignores_provider_region(a.type)) return Value::null(a.header_range);
        if (a.cloud == "azure" || (a.cloud == "google" && !google_takes_provider_region(a.type))) {
            // A child (or global) resource with no location of its own: it lives with its parent.
            a.location_applies = false;
            return Value::null(a.header_range);
        }
        auto defaults = more ? provider_location_arguments(a.cloud, a.type) : std::span<const char* const>{};
        if (more && defaults.empty()) return Value::null(a.header_range);
        if (a.cloud != "aws" && a.cloud != "google" && !more) return Value::null(a.header_range);
        if (!configuration)
            return Value::unknown(fmt::format("{} takes its region from its provider, and this file records no "
                                              "provider configuration",
                                              a.address),
                                  a.header_range);
        // A key with no entry, or an entry with no expressions (what Terraform 1.1 and earlier
        // record for a configuration passed into a module), says nothing about the region: it is
        // unknown, not missing.
        if (!p.node || !member(p.node, "expressions"))
            return Value::unknown(fmt::format("the plan records no settings for provider configuration \"{}\" used by {} "
                                              "(a configuration passed in from a calling module): scan the configuration "
                                              "or a plan from a newer Terraform",
                                              p.name, a.address),
                                  a.header_range);
        if (more) {
            Value v = Value::null(a.header_range);
            for (const char* name : defaults)
                if (v.is_null()) v = provider_setting(p, name);
            return v;
        }
        Value v = provider_setting(p, "region");
        if (v.is_null() && a.cloud == "google") v = provider_setting(p, "zone");
        return v;
    }

    void add_resource(const json::Node& r, const std::string& module_prefix) {
        if (!r.is_object()) return problem(&r, "a resource must be an object");
        const json::Node* address = r.get("address");
        std::string type = string_member(&r, "type"), name = string_member(&r, "name");
        std::string mode = string_member(&r, "mode");
        if (!address || !address->is_string() || address->text.empty())
            return problem(&r, "a resource has no \"address\" string");
        if (type.empty() || name.empty())
            return problem(&r, fmt::format("resource {} has no \"type\" or \"name\" string", address->text));
        if (mode != "managed" && mode != "data")
            return problem(r.get("mode") ? r.get("mode") : &r,
                           fmt::format("resource {} has mode \"{}\", expected \"managed\" or \"data\"", address->text, mode));
        const json::Node* change = changes.count(address->text) ? changes[address->text] : nullptr;
        if (const json::Node* actions = member(member(change, "change"), "actions");
            actions && actions->is_array() && actions->items.size() == 1 && actions->items[0].text == "delete")
            return;  // being destroyed: it will hold no data
        if (graph.id_of(root_name, address->text))
            return problem(address, fmt::format("resource {} appears more than once", address->text));
        const json::Node* values = r.get("values");
        if (values && !values->is_object()) {
            problem(values, fmt::format("the \"values\" of {} must be an object", address->text));
            values = nullptr;
        }
        std::string module_path = static_path(module_prefix);
        std::string config_address = mode == "data" ? fmt::format("data.{}.{}", type, name) : type + "." + name;
        const json::Node* config = config_resource(module_path, config_address);
        const json::Node* exprs = member(config, "expressions");

        Asset a;
        a.root = root_name;
        a.address = address->text;
        a.type = type;
        a.mode = mode == "managed" ? AssetMode::Managed : AssetMode::Read;
        a.cloud = std::string(catalog::cloud_of_type(type));
        a.range = r.range;
        a.header_range = address->range;
        Conversion conv{a.address, module_prefix};
        const json::Node* marks = member(member(change, "change"), "after_unknown");
        a.attributes = values ? conv.convert(*values, marks, exprs, "") : Value::object({}, r.range);
        std::string provider_key = string_member(config, "provider_config_key");
        if (provider_key.empty()) {
            // Without configuration the local provider name is the type's prefix, as Terraform infers it.
            provider_key = type.substr(0, type.find('_'));
        }
        Provider provider = provider_of(provider_key, module_path);
        if (!a.cloud.empty()) a.provider_config = provider.name;
        a.location = region_of(a, values, config, provider);
        graph.add(std::move(a));
    }

    void add_module(const json::Node& module, const std::string& module_prefix) {
        if (!module.is_object()) return problem(&module, "a module must be an object");
        if (const json::Node* resources = module.get("resources")) {
            if (!resources->is_array()) problem(resources, "\"resources\" must be an array");
            else
                for (const auto& r : resources->items) add_resource(r, module_prefix);
        }
        if (const json::Node* children = module.get("child_modules")) {
            if (!children->is_array()) return problem(children, "\"child_modules\" must be an array");
            for (const auto& child : children->items) {
                const json::Node* address = member(&child, "address");
                if (!address || !address->is_string()) {
                    problem(&child, "a child module has no \"address\" string");
                    continue;
                }
                add_module(child, address->text);
            }
        }
    }

};

}  // namespace

bool looks_like_plan(const json::Node& root) {
    if (!root.is_object()) return false;
    const json::Node* version = root.get("format_version");
    if (!version || !version->is_string()) return false;
    return root.get("planned_values") || root.get("configuration") || root.get("resource_changes") ||
           member(root.get("values"), "root_module");
}

void load_plan(FileId file, const json::Node& root, std::string_view root_name, Graph& graph,
               std::vector<ParseProblem>& problems) {
    PlanLoader loader{file, root, std::string(root_name), graph, problems, nullptr, nullptr, {}, {}, {}, {}};
    if (!root.is_object()) return loader.problem(&root, "expected an object");
    const json::Node* version = root.get("format_version");
    if (!version || !version->is_string())
        return loader.problem(&root, "no \"format_version\" string: not a `terraform show -json` document");
    // The format's own rule: minor versions only add, a new major version may change anything.
    if (!version->text.starts_with("0.") && !version->text.starts_with("1."))
        return loader.problem(version, fmt::format("format_version \"{}\" is not supported (expected 0.x or 1.x)", version->text));
    const json::Node* values = root.get("planned_values");
    if (!values) values = root.get("values");
    if (!values) return;
    if (!values->is_object()) return loader.problem(values, "\"planned_values\" must be an object");
    loader.index();
    if (const json::Node* module = values->get("root_module")) loader.add_module(*module, "");
}

}  // namespace residency::terraform
