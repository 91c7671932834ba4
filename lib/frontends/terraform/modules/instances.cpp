// Module and resource instantiation, and the Scope that gives names their meaning inside a module.
#include "frontends/terraform/modules/instances.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include <sstream>

#include "catalog/resource_types.hpp"
#include "core/json.hpp"
#include "frontends/terraform/evaluation/functions_internal.hpp"
#include "frontends/terraform/modules/provider_defaults.hpp"

namespace residency::terraform {

namespace {

constexpr int kMaxDepth = 200;         // lazy evaluation nests; a chain deeper than this is refused
constexpr int kMaxModuleDepth = 32;    // module calls nested deeper than this are not followed
constexpr std::size_t kMaxInstances = 4096;  // count / for_each beyond this is treated as unknown
constexpr std::size_t kMaxModules = 10000;   // module instances in one scan
constexpr std::size_t kMaxResources = 200000;  // resource instances in one scan: counts multiply across modules

bool is_meta_argument(std::string_view name) {
    return name == "count" || name == "for_each" || name == "provider" || name == "depends_on";
}
bool is_meta_block(std::string_view type) {
    return type == "lifecycle" || type == "provisioner" || type == "connection";
}

// "aws" or "aws.us" from the traversal `aws` / `aws.us` written in `provider =` and `providers`.
std::string traversal_name(const hcl::Expr& e) {
    if (e.kind == hcl::ExprKind::Variable) return e.text;
    if (e.kind == hcl::ExprKind::String) return e.text;
    if (e.kind == hcl::ExprKind::GetAttr && e.children.size() == 1 &&
        e.children[0].kind == hcl::ExprKind::Variable)
        return e.children[0].text + "." + e.text;
    return {};
}

// for_each takes a map or a set of strings; anything else Terraform rejects, and we keep one
// unknown instance rather than lose the resource.
bool all_strings(const Value& list) {
    return std::all_of(list.items().begin(), list.items().end(), [](const Value& v) { return v.is_string(); });
}

std::string key_text(const Value& key) {
    if (key.is_number()) return fmt::format("[{}]", key.display());
    if (key.is_string()) return fmt::format("[\"{}\"]", key.as_string());
    return "[*]";
}

}  // namespace

// Gives names their meaning inside one module instance.
class InstanceScope : public hcl::Scope {
public:
    InstanceScope(Instances& in, ModuleInstance& m) : in_(in), m_(m) {}
    // Inside a counted or for_each'd resource or module call: count.index and each.* are its own.
    template <class Keyed>
    InstanceScope(Instances& in, ModuleInstance& m, const Keyed& keyed)
        : count_index(keyed.count_index), each_key(keyed.each_key), each_value(keyed.each_value), in_(in), m_(m) {}

    Value count_index;
    Value each_key;
    Value each_value;
    std::map<std::string, Value> iterators;  // dynamic block iterators

    Value resolve(std::string_view root, std::span<const hcl::TraversalStep> steps, Range range,
                  std::size_t& consumed) override;
    std::optional<std::string> read_file(std::string_view path, std::string& error) override;
    void unsupported_function(std::string_view name, Range range) override {
        in_.unsupported_functions.push_back({std::string(name), range});
    }

private:
    Value resource_ref(ResourceGroup& group, std::span<const hcl::TraversalStep> rest, Range range,
                       std::size_t& consumed);
    Value instance_attribute(ResourceInstance& r, const std::string& name, Range range);
    Value with_location(ResourceInstance& r);
    Value each_element(std::span<const hcl::TraversalStep> steps, std::size_t& consumed);
    Value module_ref(std::span<const hcl::TraversalStep> steps, Range range, std::size_t& consumed);

    const std::filesystem::path& root_module_dir() const {
        const ModuleInstance* r = &m_;
        while (r->parent) r = r->parent;
        return r->config->dir;
    }

    Instances& in_;
    ModuleInstance& m_;
};

static bool step_is_attr(std::span<const hcl::TraversalStep> steps, std::size_t i) {
    return i < steps.size() && !steps[i].is_index;
}

// An unknown for a reference Terraform itself would reject.
static Value invalid_reference(std::string reason, Range range) {
    return Value::unknown(std::move(reason), range, UnknownCause::Error);
}

// each.value and the steps after it that select inside it (`each.value.region`), with a provenance
// step at the element of the for_each collection where the selected value is written.
Value InstanceScope::each_element(std::span<const hcl::TraversalStep> steps, std::size_t& consumed) {
    Value v = each_value;
    std::string label = "each.value";
    consumed = 1;
    for (; consumed < steps.size() && !v.is_unknown(); ++consumed) {
        const hcl::TraversalStep& step = steps[consumed];
        const Value* next = nullptr;
        if (!step.is_index) {
            next = v.get(step.name);
            if (next) label += "." + step.name;
        } else if (step.key.is_string()) {
            next = v.get(step.key.as_string());
            if (next) label += fmt::format("[\"{}\"]", step.key.as_string());
        } else if (step.key.is_number() && v.is_list()) {
            double n = step.key.as_number();
            if (n >= 0 && n == static_cast<double>(static_cast<std::size_t>(n)) &&
                static_cast<std::size_t>(n) < v.items().size()) {
                next = &v.items()[static_cast<std::size_t>(n)];
                label += fmt::format("[{}]", static_cast<std::size_t>(n));
            }
        }
        if (!next) break;  // the evaluator applies the rest, and reports what fails
        v = hcl::detail::child_of(v, *next);
    }
    if (v.is_unknown() || !v.range.valid()) return v;
    return v.with_provenance(prepend(fmt::format("{} (for_each key \"{}\")", label, each_key.as_string()), v.range,
                                     v.provenance));
}

Value InstanceScope::resolve(std::string_view root, std::span<const hcl::TraversalStep> steps,
                             Range range, std::size_t& consumed) {
    consumed = 0;
    if (auto it = iterators.find(std::string(root)); it != iterators.end()) return it->second;
    if (root == "var" || root == "local") {
        if (!step_is_attr(steps, 0)) return invalid_reference(fmt::format("{} must be followed by a name", root), range);
        consumed = 1;
        return root == "var" ? in_.variable(m_, steps[0].name, range) : in_.local(m_, steps[0].name, range);
    }
    if (root == "count") {
        consumed = steps.empty() ? 0 : 1;
        if (step_is_attr(steps, 0) && steps[0].name == "index" && !count_index.is_null()) return count_index;
        return invalid_reference("count.index is only available where count is set", range);
    }
    if (root == "each") {
        consumed = steps.empty() ? 0 : 1;
        if (step_is_attr(steps, 0) && !each_key.is_null()) {
            if (steps[0].name == "value") return each_key.is_string() ? each_element(steps, consumed) : each_value;
            if (steps[0].name == "key") {
                // The key is written where its element is (a map key, or a set's string).
                if (!each_key.is_string() || !each_value.range.valid()) return each_key;
                return each_key.with_provenance(prepend(fmt::format("each.key \"{}\"", each_key.as_string()),
                                                        each_value.range, each_value.provenance));
            }
        }
        return invalid_reference("each.key and each.value are only available where for_each is set", range);
    }
    if (root == "path") {
        if (!step_is_attr(steps, 0)) return invalid_reference("path must be followed by module, root or cwd", range);
        consumed = 1;
        // Terraform runs in the root module's directory: paths are relative to it.
        const std::string& n = steps[0].name;
        if (n == "module") {
            std::string rel = m_.config->dir.lexically_relative(root_module_dir()).generic_string();
            return Value::string(rel.empty() ? "." : rel, range);
        }
        if (n == "root" || n == "cwd") return Value::string(".", range);
        return invalid_reference(fmt::format("path.{} is not a Terraform path value", n), range);
    }
    if (root == "terraform") {
        consumed = steps.empty() ? 0 : 1;
        if (step_is_attr(steps, 0) && steps[0].name == "workspace") return Value::string("default", range);
        return Value::unknown("unsupported terraform.* value", range, UnknownCause::Unsupported);
    }
    if (root == "self") return Value::unknown("self is known only during provisioning", range, UnknownCause::AfterApply);
    if (root == "module") return module_ref(steps, range, consumed);
    if (root == "data") {
        if (!step_is_attr(steps, 0) || !step_is_attr(steps, 1))
            return invalid_reference("data must be followed by a type and a name", range);
        auto key = steps[0].name + "." + steps[1].name;
        auto it = m_.data.find(key);
        if (it == m_.data.end())
            return invalid_reference(fmt::format("reference to undeclared data source data.{}", key), range);
        std::size_t inner = 0;
        Value v = resource_ref(it->second, steps.subspan(2), range, inner);
        consumed = 2 + inner;
        return v;
    }
    if (!step_is_attr(steps, 0))
        return invalid_reference(fmt::format("unknown name \"{}\"", root), range);
    auto key = std::string(root) + "." + steps[0].name;
    auto it = m_.resources.find(key);
    if (it == m_.resources.end())
        return invalid_reference(fmt::format("reference to undeclared resource {}", key), range);
    std::size_t inner = 0;
    Value v = resource_ref(it->second, steps.subspan(1), range, inner);
    consumed = 1 + inner;
    return v;
}

Value InstanceScope::resource_ref(ResourceGroup& group, std::span<const hcl::TraversalStep> rest,
                                  Range range, std::size_t& consumed) {
    in_.expand(group, m_);
    consumed = 0;
    ResourceInstance* inst = nullptr;
    if (group.keyed) {
        if (rest.empty() || !rest[0].is_index) {
            // The whole collection (for splats and length()): instances' configured attributes.
            if (group.instances.size() == 1 && group.instances[0]->address.ends_with("[*]")) {
                const ResourceInstance& any = *group.instances[0];
                const Value& why = any.count_index.is_unknown() ? any.count_index : any.each_key;
                return Value::unknown(fmt::format("the instances of {} are not known", group.address), range,
                                      why.is_unknown() ? why.unknown_cause() : UnknownCause::Error);
            }
            ValueList list;
            ValueMap map;
            bool by_key = false;
            for (auto& i : group.instances) {
                Value attrs = with_location(*i);
                if (i->each_key.is_string()) {
                    by_key = true;
                    map.emplace(i->each_key.as_string(), attrs);
                } else {
                    list.push_back(attrs);
                }
            }
            return by_key ? Value::object(std::move(map), range) : Value::list(std::move(list), range);
        }
        consumed = 1;
        const Value& k = rest[0].key;
        if (group.instances.size() == 1 && group.instances[0]->address.ends_with("[*]")) {
            inst = group.instances[0].get();
        } else if (k.is_unknown()) {
            return hcl::detail::propagate_unknown(k, range);
        } else {
            for (auto& i : group.instances) {
                bool match = (k.is_number() && i->count_index.is_number() &&
                              i->count_index.as_number() == k.as_number()) ||
                             (k.is_string() && i->each_key.is_string() &&
                              i->each_key.as_string() == k.as_string());
                if (match) inst = i.get();
            }
            if (!inst) return invalid_reference(fmt::format("{} has no instance {}", group.address, key_text(k)), range);
        }
    } else {
        if (group.instances.empty()) return invalid_reference(fmt::format("{} has no instances", group.address), range);
        inst = group.instances[0].get();
    }
    if (consumed < rest.size() && !rest[consumed].is_index) {
        const std::string& name = rest[consumed].name;
        ++consumed;
        return instance_attribute(*inst, name, range);
    }
    return with_location(*inst);
}

// A whole instance as an object: its arguments, plus the region or location Terraform computes
// when the configuration leaves it to the provider, so `aws_s3_bucket.b[*].region` resolves. The
// object is open: an attribute it does not list is computed (known after apply), not missing.
Value InstanceScope::with_location(ResourceInstance& r) {
    Value attrs = in_.attributes(r);
    std::string_view cloud = catalog::cloud_of_type(r.type);
    const char* key = cloud == "aws" ? "region" : cloud == "azure" ? "location" : nullptr;
    if (key && attrs.is_object() && (!attrs.get(key) || attrs.get(key)->is_null())) {
        Value region = in_.region(r);
        if (!region.is_null()) {
            ValueMap fields = attrs.fields();
            fields[key] = region.with_provenance(
                prepend(fmt::format("{} {}", r.address, key), r.block->header_range, region.provenance));
            attrs = Value::open_object(std::move(fields), attrs.range);
        }
    }
    attrs.ref_asset = r.ref;
    return attrs;
}

// One attribute of another resource instance: the value it is configured with, carrying a step
// at the place where it is written (then that value's own provenance); or the location its
// provider gives it; or, for a computed attribute, an unknown that still names the instance.
Value InstanceScope::instance_attribute(ResourceInstance& r, const std::string& name, Range range) {
    const Value& attrs = in_.attributes(r);
    std::string_view cloud = catalog::cloud_of_type(r.type);
    // A data source reads an existing object: only the ones that echo the provider's own region
    // are known statically (an existing resource group's location is read from Azure).
    bool region_like = (!r.is_data && cloud == "aws" && name == "region") ||
                       (!r.is_data && cloud == "azure" && name == "location") ||
                       (r.type == "aws_region" && (name == "region" || name == "name" || name == "id")) ||
                       (r.type == "google_client_config" && name == "region");
    if (const Value* v = attrs.get(name); v && !(region_like && v->is_null())) {
        Value out = *v;
        if (out.range.valid() && !out.is_unknown())
            out.provenance = prepend(fmt::format("{} {}", r.address, name), out.range, out.provenance);
        out.ref_asset = r.ref;
        return out;
    }
    if (region_like) {
        Value out = in_.region(r);
        if (out.is_null())
            out = Value::unknown(fmt::format("{} has no region: its provider sets none", r.address), range,
                                 UnknownCause::Input);
        else if (!out.is_unknown())
            out.provenance = prepend(fmt::format("{} {}", r.address, name), r.block->header_range, out.provenance);
        out.ref_asset = r.ref;
        return out;
    }
    if (r.is_data)
        return Value::unknown(fmt::format("{}.{} is read from the existing object when Terraform plans", r.address, name),
                              range, UnknownCause::AfterApply);
    Value out = Value::unknown(fmt::format("{}.{} is known only after apply", r.address, name), range,
                               UnknownCause::AfterApply);
    out.ref_asset = r.ref;
    return out;
}

Value InstanceScope::module_ref(std::span<const hcl::TraversalStep> steps, Range range, std::size_t& consumed) {
    if (!step_is_attr(steps, 0)) return invalid_reference("module must be followed by a name", range);
    const std::string& call = steps[0].name;
    auto it = m_.children.find(call);
    if (it == m_.children.end() || it->second.empty())
        return invalid_reference(fmt::format("reference to undeclared module module.{}", call), range);
    consumed = 1;
    ModuleInstance* child = it->second[0];
    if (m_.keyed_calls[call]) {
        if (steps.size() < 2 || !steps[1].is_index)
            return Value::unknown(fmt::format("module.{} has several instances: index it", call), range,
                                  UnknownCause::Unsupported);
        consumed = 2;
        const Value& k = steps[1].key;
        child = nullptr;
        for (auto* c : it->second) {
            if ((k.is_number() && c->count_index.is_number() && c->count_index.as_number() == k.as_number()) ||
                (k.is_string() && c->each_key.is_string() && c->each_key.as_string() == k.as_string()) ||
                c->prefix.ends_with("[*]."))
                child = c;
        }
        if (!child) {
            if (k.is_unknown()) return hcl::detail::propagate_unknown(k, range);
            return invalid_reference(fmt::format("module.{} has no instance {}", call, key_text(k)), range);
        }
    }
    if (!step_is_attr(steps, consumed))
        return Value::unknown(fmt::format("module.{} must be followed by an output name", call), range,
                              UnknownCause::Unsupported);
    const std::string& out = steps[consumed].name;
    ++consumed;
    if (!child->unavailable.empty()) return Value::unknown(child->unavailable, range, UnknownCause::Unsupported);
    return in_.output(*child, out, range);
}

std::optional<std::string> InstanceScope::read_file(std::string_view path, std::string& error) {
    namespace fs = std::filesystem;
    fs::path p(path);
    if (p.is_relative()) p = root_module_dir() / p;
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(p, ec);
    fs::path root = fs::weakly_canonical(in_.root_, ec);
    auto rel = canon.lexically_relative(root);
    if (rel.empty() || rel.native().starts_with("..")) {
        error = fmt::format("{} is outside the scan root", path);
        return std::nullopt;
    }
    if (!fs::exists(canon, ec)) {
        error = fmt::format("{} does not exist", path);
        return std::nullopt;
    }
    std::ifstream f;
    if (fs::is_regular_file(canon, ec)) f.open(canon, std::ios::binary);  // never a FIFO or device
    if (!f.is_open()) {  // a stream never opened is not in a failed state
        error = fmt::format("{} cannot be read", path);
        return std::nullopt;
    }
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// ---------------------------------------------------------------------------------------------

Instances::Instances(ConfigLookup lookup, std::filesystem::path root, bool allow_outside_root)
    : lookup_(std::move(lookup)), root_(std::move(root)), allow_outside_root_(allow_outside_root) {}

ModuleInstance* Instances::new_module() {
    ++modules_made_;
    modules_.push_back(std::make_unique<ModuleInstance>());
    return modules_.back().get();
}

static void declare_providers(ModuleInstance& m, std::vector<std::unique_ptr<ProviderConfig>>& store) {
    for (const hcl::Block* block : m.config->providers) {
        std::string name = block->labels[0];
        std::string label = fmt::format("provider \"{}\"", name);
        if (const auto* alias = block->body.attribute("alias"); alias && alias->value.kind == hcl::ExprKind::String) {
            name += "." + alias->value.text;
            label += fmt::format(" (alias \"{}\")", alias->value.text);
        }
        if (m.providers.count(name) && m.providers[name]->owner == &m) continue;
        // An empty block in a child module is a proxy (legacy syntax): the caller's configuration
        // still applies, as Terraform does.
        if (m.parent && m.providers.count(name) && block->body.attributes.size() <= 1 && block->body.blocks.empty() &&
            (block->body.attributes.empty() || block->body.attributes[0].name == "alias"))
            continue;
        auto p = std::make_unique<ProviderConfig>();
        p->name = name;
        p->label = label;
        p->block = block;
        p->owner = &m;
        m.providers[name] = p.get();
        store.push_back(std::move(p));
    }
}

static void declare_resources(ModuleInstance& m) {
    for (const auto& [key, block] : m.config->resources) {
        auto& g = m.resources[key];
        g.address = m.prefix + key;
        g.block = block;
    }
    for (const auto& [key, block] : m.config->data) {
        auto& g = m.data[key];
        g.address = m.prefix + "data." + key;
        g.block = block;
        g.is_data = true;
    }
}

ModuleInstance* Instances::add_root(const ModuleConfig& config, std::map<std::string, RootValue> values) {
    ModuleInstance* m = new_module();
    m->config = &config;
    declare_providers(*m, providers_);
    declare_resources(*m);
    root_values_[m] = std::move(values);
    roots_.push_back(m);
    instantiate_children(*m);
    return m;
}

void Instances::bind_providers(ModuleInstance& child, ModuleInstance& parent, const hcl::Block& call) {
    const hcl::Attribute* map = call.body.attribute("providers");
    if (map && map->value.kind == hcl::ExprKind::Object) {
        const auto& kids = map->value.children;
        for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
            std::string inner = traversal_name(kids[i]);
            std::string outer = traversal_name(kids[i + 1]);
            if (inner.empty() || outer.empty()) continue;
            auto it = parent.providers.find(outer);
            child.providers[inner] = it != parent.providers.end() ? it->second : implied_provider(parent, outer);
        }
    } else {
        for (const auto& [name, p] : parent.providers)
            if (name.find('.') == std::string::npos) child.providers[name] = p;
    }
}

namespace {

// The instances `count` or `for_each` ask for, for resources and module calls alike.
struct Expansion {
    enum class Kind { Single, Count, ForEach } kind = Kind::Single;
    std::vector<std::pair<Value, Value>> keys;  // (count index or each key, each value); no ranges
    std::optional<Value> unknown;               // set: one instance whose keys are not known, and why
    Range range;                                // the count or for_each expression
};

Expansion expansion(const hcl::Body& body, InstanceScope& scope, const std::function<bool(std::size_t)>& fits) {
    Expansion e;
    // Why the instances are not known: the unknown that decided it (its reason, cause and range), or
    // what is wrong with the value.
    auto unknown = [&](const Value& v, std::string reason, UnknownCause cause) {
        if (const Value* u = hcl::detail::find_unknown(v)) e.unknown = hcl::detail::propagate_unknown(*u, e.range);
        else e.unknown = Value::unknown(std::move(reason), e.range, cause);
    };
    if (const auto* c = body.attribute("count")) {
        e.kind = Expansion::Kind::Count;
        e.range = c->value.range;
        Value n = hcl::evaluate(c->value, scope);
        bool whole = n.is_number() && n.as_number() >= 0 && n.as_number() == std::floor(n.as_number());
        if (whole && n.as_number() <= static_cast<double>(kMaxResources) && fits(static_cast<std::size_t>(n.as_number())))
            for (int i = 0; i < static_cast<int>(n.as_number()); ++i) e.keys.emplace_back(Value::number(i), Value());
        else if (whole)
            unknown(n, "too many instances to expand", UnknownCause::Unsupported);
        else
            unknown(n, "count is not a whole number", UnknownCause::Error);
    } else if (const auto* fe = body.attribute("for_each")) {
        e.kind = Expansion::Kind::ForEach;
        e.range = fe->value.range;
        Value coll = hcl::evaluate(fe->value, scope);
        if (coll.is_object() && !coll.is_open() && fits(coll.fields().size())) {
            for (const auto& [k, v] : coll.fields()) e.keys.emplace_back(Value::string(k), hcl::detail::child_of(coll, v));
        } else if (coll.is_list() && !coll.contains_unknown() && fits(coll.items().size()) && all_strings(coll)) {
            for (const auto& v : coll.items()) e.keys.emplace_back(v, hcl::detail::child_of(coll, v));
        } else if (coll.is_open()) {
            e.unknown = hcl::detail::unlisted_attributes(coll, e.range);
        } else if (coll.is_list() && coll.contains_unknown()) {
            unknown(coll, "", UnknownCause::Error);  // an element (a key) not known yet
        } else if ((coll.is_object() || coll.is_list()) && all_strings(coll)) {
            unknown(coll, "too many instances to expand", UnknownCause::Unsupported);
        } else {
            unknown(coll, "for_each is not a map or set of strings", UnknownCause::Error);
        }
    }
    return e;
}

}  // namespace

void Instances::instantiate_children(ModuleInstance& m) {
    if (++depth_ > kMaxModuleDepth) {
        --depth_;
        return;
    }
    for (const auto& [name, call] : m.config->module_calls) {
        std::string source = module_source(*call);
        const ModuleConfig* config = nullptr;
        std::string unavailable;
        if (auto local = local_module_dir(m.config->dir, source)) {
            auto dir = *local;
            auto rel = dir.lexically_relative(root_.lexically_normal());
            if (!allow_outside_root_ && (rel.empty() || rel.native().starts_with(".."))) {
                unavailable = fmt::format("module.{} source \"{}\" is outside the scan root: scan a directory that "
                                          "contains it, or pass --allow-outside-root",
                                          name, source);
            } else if (!(config = lookup_(dir))) {
                std::error_code ec;
                unavailable = std::filesystem::is_directory(dir, ec)
                                  ? fmt::format("module.{} source \"{}\" has no Terraform files", name, source)
                                  : fmt::format("module.{} source \"{}\" does not exist: the module is put there by "
                                                "something outside this configuration (a script, a copy, a CI step)",
                                                name, source);
            }
        } else if (source.empty()) {
            unavailable = fmt::format("module.{} has no literal source", name);
        } else if (auto dir = installed_module(m, name)) {
            if (!(config = lookup_(*dir)))
                unavailable = fmt::format("module.{} is installed in {} but that directory has no Terraform files", name,
                                          dir->lexically_relative(root_).generic_string());
        } else {
            unavailable = fmt::format("module.{} source \"{}\" is a remote module that is not installed: run "
                                      "terraform init before scanning",
                                      name, source);
        }
        // Terraform rejects a module that calls itself (directly or through others); without this
        // check the expansion would double at every level.
        for (const ModuleInstance* a = &m; config && a; a = a->parent)
            if (a->config == config) {
                unavailable = fmt::format("module.{} source \"{}\" calls a module that is already on the call chain "
                                          "(a module cycle)",
                                          name, source);
                config = nullptr;
            }
        if (config && modules_made_ >= kMaxModules) {
            unavailable = fmt::format("module.{} is not expanded: the configuration has more than {} module instances",
                                      name, kMaxModules);
            config = nullptr;
        }
        if (!unavailable.empty()) unavailable_calls.push_back({call->header_range, unavailable});

        // count / for_each on the call decide its instances, evaluated in the caller.
        InstanceScope scope(*this, m);
        Expansion e = expansion(call->body, scope, [](std::size_t n) { return n <= kMaxInstances; });
        bool keyed = e.kind != Expansion::Kind::Single, by_count = e.kind == Expansion::Kind::Count;
        auto& keys = e.keys;
        if (!keyed) keys.emplace_back(Value(), Value());
        if (e.unknown)
            keys = {{Value::unknown(fmt::format("the instances of module.{} are not known: {}", name,
                                                e.unknown->unknown_reason()),
                                    e.unknown->range, e.unknown->unknown_cause()),
                     Value()}};
        m.keyed_calls[name] = keyed;

        auto& list = m.children[name];
        for (auto& [key, value] : keys) {
            ModuleInstance* child = new_module();
            child->config = config ? config : m.config;
            child->parent = &m;
            child->call = call;
            child->unavailable = unavailable;
            std::string suffix = keyed ? key_text(key) : "";
            child->prefix = m.prefix + "module." + name + suffix + ".";
            if (by_count) child->count_index = key;
            else if (keyed) {
                child->each_key = key;
                child->each_value = key.is_unknown() ? key : value;
            }
            list.push_back(child);
            if (!config) continue;
            bind_providers(*child, m, *call);
            declare_providers(*child, providers_);
            declare_resources(*child);
            instantiate_children(*child);
        }
    }
    --depth_;
}

// `terraform init` records where it put each remote module: .terraform/modules/modules.json in
// the root module's directory, keyed by the dotted chain of call names ("data.logs").
std::optional<std::filesystem::path> Instances::installed_module(const ModuleInstance& m, const std::string& name) {
    const ModuleInstance* root = &m;
    std::string key = name;
    for (const ModuleInstance* p = &m; p->parent; p = p->parent) {
        key = p->call->labels[0] + "." + key;
        root = p->parent;
    }
    const auto& dir = root->config->dir;
    auto it = installed_.find(dir);
    if (it == installed_.end()) {
        std::map<std::string, std::filesystem::path> found;
        if (auto text = read_file_bytes(dir / ".terraform" / "modules" / "modules.json")) {
            json::ParseResult doc = json::parse(kNoFile, *text);
            const json::Node* modules = doc.ok ? doc.root.get("Modules") : nullptr;
            if (modules && modules->is_array())
                for (const auto& entry : modules->items) {
                    const json::Node* key = entry.get("Key");
                    const json::Node* path = entry.get("Dir");
                    if (key && path && key->is_string() && path->is_string())
                        found[key->text] = (dir / path->text).lexically_normal();
                }
        }
        it = installed_.emplace(dir, std::move(found)).first;
    }
    auto m_it = it->second.find(key);
    if (m_it == it->second.end()) return std::nullopt;
    // An installed module still may not lead outside the scan root (a crafted modules.json could).
    auto rel = m_it->second.lexically_relative(root_.lexically_normal());
    if (!allow_outside_root_ && (rel.empty() || rel.native().starts_with(".."))) return std::nullopt;
    return m_it->second;
}

void Instances::for_each_module(ModuleInstance& root, const std::function<void(ModuleInstance&)>& visit) {
    visit(root);
    for (auto& [name, kids] : root.children)
        for (auto* k : kids)
            if (k->unavailable.empty()) for_each_module(*k, visit);
}

void Instances::release(ModuleInstance& root) {
    // Roots are evaluated one at a time, each added just before: every module and provider
    // instance there is belongs to this root, and so does the address index.
    by_address_.clear();
    // The caller may free the trees of the root and of the modules it called next: no type may
    // stay keyed by their blocks.
    variable_types_.clear();
    root_values_.erase(&root);
    std::erase(roots_, &root);
    modules_.clear();
    providers_.clear();
}

ProviderConfig* Instances::implied_provider(ModuleInstance& m, const std::string& name) {
    auto p = std::make_unique<ProviderConfig>();
    p->name = name;
    p->label = name.find('.') == std::string::npos
                   ? fmt::format("provider \"{}\"", name)
                   : fmt::format("provider \"{}\" (alias \"{}\")", name.substr(0, name.find('.')),
                                 name.substr(name.find('.') + 1));
    p->owner = &m;
    m.providers[name] = p.get();
    providers_.push_back(std::move(p));
    return m.providers[name];
}

ProviderConfig* Instances::provider_for(ModuleInstance& m, const hcl::Block& resource, std::string_view type) {
    std::string name;
    if (const auto* attr = resource.body.attribute("provider")) name = traversal_name(attr->value);
    if (name.empty()) name = std::string(type.substr(0, type.find('_')));
    auto it = m.providers.find(name);
    return it != m.providers.end() ? it->second : implied_provider(m, name);
}

void Instances::expand(ResourceGroup& group, ModuleInstance& m) {
    if (group.expanded || group.expanding) return;
    group.expanding = true;
    const hcl::Block& block = *group.block;
    std::string type = block.labels[0];
    auto make = [&](std::string address) {
        ++resource_instances_;
        auto r = std::make_unique<ResourceInstance>();
        r->address = std::move(address);
        r->ref = AssetRef(r->address);
        r->type = type;
        r->is_data = group.is_data;
        r->block = &block;
        r->module = &m;
        r->provider = provider_for(m, block, type);
        by_address_[r->address] = r.get();
        group.instances.push_back(std::move(r));
        return group.instances.back().get();
    };
    InstanceScope scope(*this, m);
    Expansion e = expansion(block.body, scope, [&](std::size_t n) {
        return n <= kMaxInstances && resource_instances_ + n <= kMaxResources;
    });
    group.keyed = e.kind != Expansion::Kind::Single;
    if (!group.keyed) {
        make(group.address);
    } else if (e.unknown) {
        auto* r = make(group.address + "[*]");
        const Value& why = *e.unknown;
        (e.kind == Expansion::Kind::Count ? r->count_index : r->each_key) = why;
        if (e.kind == Expansion::Kind::ForEach) r->each_value = why;
    } else {
        for (auto& [key, value] : e.keys) {
            auto* r = make(group.address + key_text(key));
            if (e.kind == Expansion::Kind::Count) {
                r->count_index = key.at(e.range);
            } else {
                r->each_key = Value::string(key.as_string(), e.range);
                r->each_value = value;
            }
        }
    }
    group.expanding = false;
    group.expanded = true;
}

static Value memo(Slot& slot, int& depth, const std::string& what, Range use, const std::function<Value()>& compute) {
    if (slot.value) return *slot.value;
    if (slot.busy) return Value::unknown(fmt::format("{} refers to itself (reference cycle)", what), use, UnknownCause::Error);
    if (depth > kMaxDepth)
        return Value::unknown(fmt::format("{} is nested too deeply to evaluate", what), use, UnknownCause::Unsupported);
    slot.busy = true;
    ++depth;
    Value v = compute();
    --depth;
    slot.busy = false;
    slot.value = v;
    return v;
}

Value Instances::evaluate_in(ModuleInstance& m, const hcl::Expr& e, ResourceInstance* self) {
    InstanceScope scope = self ? InstanceScope(*this, m, *self) : InstanceScope(*this, m);
    return hcl::evaluate(e, scope);
}

Value Instances::variable(ModuleInstance& m, const std::string& name, Range use) {
    auto decl_it = m.config->variables.find(name);
    if (decl_it == m.config->variables.end())
        return Value::unknown(fmt::format("var.{} is not declared", name), use, UnknownCause::Error);
    const hcl::Block& decl = *decl_it->second;
    auto type_it = variable_types_.find(&decl);
    if (type_it == variable_types_.end()) {  // once per declaration, however many instances its module has
        const auto* type = decl.body.attribute("type");
        type_it = variable_types_.emplace(&decl, type ? parse_type_constraint(type->value) : ParsedType{}).first;
    }
    const ParsedType& type = type_it->second;
    return memo(m.variables[name], depth_, "var." + name, use, [&]() -> Value {
        // Terraform converts whatever a variable receives to its type, so `optional` defaults apply
        // and values not of the type are refused.
        auto typed = [&](const Value& v) {
            if (type.error.empty()) return convert(v, type.type, "var." + name);
            return Value::unknown(fmt::format("var.{} has an invalid type: {}", name, type.error), v.range)
                .with_provenance(v.provenance);
        };
        // nullable = false: a null assignment means "use the default".
        const auto* nullable = decl.body.attribute("nullable");
        bool takes_null = !nullable || nullable->value.kind != hcl::ExprKind::Bool || nullable->value.boolean;
        std::string null_from;
        if (!m.parent) {
            auto& values = root_values_[&m];
            if (auto it = values.find(name); it != values.end()) {
                const Value& v = it->second.value;
                if (takes_null || !v.is_null())
                    return typed(v.with_provenance(
                        prepend(fmt::format("var.{} from {}", name, it->second.label), v.range, v.provenance)));
                null_from = it->second.label;
            }
        } else if (const auto* arg = m.call->body.attribute(name)) {
            InstanceScope scope(*this, *m.parent, m);  // the call's arguments see the instance's keys
            Value v = hcl::evaluate(arg->value, scope);
            std::string call = m.prefix.substr(0, m.prefix.size() - 1);
            if (takes_null || !v.is_null())
                return typed(v.with_provenance(prepend(fmt::format("{} input {}", call, name), arg->range, v.provenance)));
            null_from = call;
        }
        if (const auto* def = decl.body.attribute("default")) {
            InstanceScope scope(*this, m);
            Value v = hcl::evaluate(def->value, scope);
            if (!takes_null && v.is_null())
                return Value::unknown(fmt::format("var.{} is not nullable but its default is null", name), def->range);
            return typed(v.with_provenance(prepend(fmt::format("var.{} default", name), def->range, v.provenance)));
        }
        if (!null_from.empty())
            return Value::unknown(fmt::format("var.{} is not nullable and has no default, but {} sets it to null", name,
                                              null_from),
                                  decl.header_range);
        Provenance declared = prepend(fmt::format("var.{} is declared without a default", name), decl.header_range, nullptr);
        if (!m.parent)
            return Value::unknown(fmt::format("var.{0} has no default: pass --var {0}=... or add a tfvars file", name),
                                  decl.header_range, UnknownCause::Input)
                .with_provenance(declared);
        std::string call = m.prefix.substr(0, m.prefix.size() - 1);
        return Value::unknown(fmt::format("var.{} has no default and {} does not set it", name, call), decl.header_range,
                              UnknownCause::Error)
            .with_provenance(declared);
    });
}

Value Instances::local(ModuleInstance& m, const std::string& name, Range use) {
    auto it = m.config->locals.find(name);
    if (it == m.config->locals.end())
        return Value::unknown(fmt::format("local.{} is not declared", name), use, UnknownCause::Error);
    const hcl::Attribute& attr = *it->second;
    return memo(m.locals[name], depth_, "local." + name, use, [&]() -> Value {
        Value v = evaluate_in(m, attr.value);
        return v.with_provenance(prepend("local." + name, attr.range, v.provenance));
    });
}

Value Instances::output(ModuleInstance& m, const std::string& name, Range use) {
    auto it = m.config->outputs.find(name);
    std::string call = m.prefix.substr(0, m.prefix.size() - 1);
    if (it == m.config->outputs.end())
        return Value::unknown(fmt::format("{} has no output \"{}\"", call, name), use, UnknownCause::Error);
    const hcl::Attribute* value = it->second->body.attribute("value");
    if (!value) return Value::unknown(fmt::format("output \"{}\" of {} has no value", name, call), use);
    return memo(m.outputs[name], depth_, fmt::format("{}.{}", call, name), use, [&]() -> Value {
        Value v = evaluate_in(m, value->value);
        return v.with_provenance(prepend(fmt::format("{} output {}", call, name), value->range, v.provenance));
    });
}

Value Instances::provider_region(ProviderConfig& p) {
    // No block at all: a reusable module meant to be called, or a root that leaves the region to
    // the environment. Either way this configuration does not say, which is not a violation.
    if (!p.block)
        return Value::unknown(fmt::format("{0} is not configured in this directory: the region comes from the "
                                          "configuration that calls this module (scan that one), or from the "
                                          "environment when it runs as a root module",
                                          p.label),
                              Range{}, UnknownCause::Input);
    const hcl::Attribute* attr = p.block->body.attribute("region");
    if (!attr) return Value::null(p.block->header_range);
    return memo(p.region, depth_, p.label + " region", attr->range, [&]() -> Value {
        Value v = evaluate_in(*p.owner, attr->value);
        return v.with_provenance(prepend(p.label + " region", attr->range, v.provenance));
    });
}

Value Instances::provider_zone(ProviderConfig& p) {
    if (!p.block) return Value::null();
    const hcl::Attribute* attr = p.block->body.attribute("zone");
    if (!attr) return Value::null();
    return memo(p.zone, depth_, p.label + " zone", attr->range, [&]() -> Value {
        Value v = evaluate_in(*p.owner, attr->value);
        return v.with_provenance(prepend(p.label + " zone", attr->range, v.provenance));
    });
}

Value Instances::provider_argument(ProviderConfig& p, const char* name) {
    if (std::string_view(name) == "region" || !p.block) return provider_region(p);
    const hcl::Attribute* attr = p.block->body.attribute(name);
    if (!attr) return Value::null();
    return memo(p.settings[name], depth_, fmt::format("{} {}", p.label, name), attr->range, [&]() -> Value {
        Value v = evaluate_in(*p.owner, attr->value);
        return v.with_provenance(prepend(fmt::format("{} {}", p.label, name), attr->range, v.provenance));
    });
}

// An attribute's value points at where the attribute is written (a finding about the argument
// belongs there); where the value came from stays in its provenance. An unknown's own range is
// what caused it (an unsupported call, a computed attribute, a cycle): it ends the chain as its
// last step, unless a step already shows it.
static Value written_at(Value v, Range written) {
    if (v.is_unknown() && v.range.valid() && v.range != written) {
        bool inside = v.range.file == written.file && written.begin <= v.range.begin && v.range.end <= written.end;
        auto chain = steps(v.provenance);
        bool shown = std::any_of(chain.begin(), chain.end(), [&](const ProvenanceStep* s) { return s->range == v.range; });
        if (!inside && !shown) {
            Provenance p = prepend(v.unknown_reason(), v.range, nullptr);
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) p = prepend((*it)->label, (*it)->range, std::move(p));
            v.provenance = std::move(p);
        }
    }
    v.range = written;
    return v;
}

// Evaluates a block body into an object: arguments, nested blocks as lists of objects, and
// `dynamic` blocks expanded over their collections. The object is open: the provider computes
// attributes the configuration does not set.
static Value evaluate_body(Instances& in, ModuleInstance& m, const hcl::Body& body, ResourceInstance& r,
                           std::map<std::string, Value>& iterators, bool top) {
    ValueMap fields;
    for (const auto& attr : body.attributes) {
        if (top && is_meta_argument(attr.name)) continue;
        InstanceScope scope(in, m, r);
        scope.iterators = iterators;
        fields[attr.name] = written_at(hcl::evaluate(attr.value, scope), attr.value.range);
    }
    std::map<std::string, ValueList> nested;
    for (const auto& block : body.blocks) {
        if (top && is_meta_block(block.type)) continue;
        if (block.type == "dynamic" && block.labels.size() == 1) {
            const auto* fe = block.body.attribute("for_each");
            const auto content = block.body.blocks_of("content");
            if (!fe || content.empty()) continue;
            std::string iter = block.labels[0];
            if (const auto* it = block.body.attribute("iterator"); it && it->value.kind == hcl::ExprKind::Variable)
                iter = it->value.text;
            InstanceScope scope(in, m, r);
            scope.iterators = iterators;
            Value coll = hcl::evaluate(fe->value, scope);
            auto& out = nested[block.labels[0]];
            auto emit = [&](Value key, Value value) {
                auto inner = iterators;
                inner[iter] = Value::object(ValueMap{{"key", std::move(key)}, {"value", std::move(value)}});
                out.push_back(evaluate_body(in, m, content[0]->body, r, inner, false).at(content[0]->range));
            };
            if (coll.is_object() && !coll.is_open()) {
                for (const auto& [k, v] : coll.fields()) emit(Value::string(k), hcl::detail::child_of(coll, v));
            } else if (coll.is_list()) {
                double i = 0;
                for (const auto& v : coll.items()) emit(Value::number(i++), hcl::detail::child_of(coll, v));
            } else {
                // Unknown collection: an unknown item stands for the blocks it makes, beside the
                // blocks of the same type that are known, whatever their order.
                Value why = coll.is_unknown() ? coll
                            : coll.is_open()  ? hcl::detail::unlisted_attributes(coll, fe->value.range)
                                              : Value::unknown("dynamic block for_each is not a collection",
                                                               fe->value.range, UnknownCause::Error);
                out.push_back(written_at(std::move(why), fe->value.range));
            }
            continue;
        }
        nested[block.type].push_back(evaluate_body(in, m, block.body, r, iterators, false).at(block.range));
    }
    for (auto& [type, list] : nested) fields[type] = Value::list(std::move(list));
    return Value::open_object(std::move(fields));
}

Value& Instances::attributes(ResourceInstance& r) {
    if (r.attributes.value) return *r.attributes.value;
    if (r.attributes.busy) {
        r.cycle = Value::unknown(fmt::format("{} refers to itself (reference cycle)", r.address), Range{}, UnknownCause::Error);
        return r.cycle;
    }
    r.attributes.busy = true;
    ++depth_;
    std::map<std::string, Value> iterators;
    Value v = depth_ > kMaxDepth ? Value::unknown(fmt::format("{} is nested too deeply to evaluate", r.address))
                                 : evaluate_body(*this, *r.module, r.block->body, r, iterators, true);
    --depth_;
    v.range = r.block->range;
    r.attributes.busy = false;
    r.attributes.value = std::move(v);
    return *r.attributes.value;
}

// The location argument a resource type of each cloud carries, in the order the provider reads them.
static Value own_location(Instances& in, ResourceInstance& r, std::string_view cloud, const char*& which) {
    const Value& attrs = in.attributes(r);
    if (attrs.is_unknown()) {  // the attributes depend on this resource itself
        which = "attributes";
        return attrs;
    }
    for (const char* name : location_arguments(cloud, r.type)) {
        // "nodes.region": the argument of the first nested block of that type.
        std::string_view path(name);
        const hcl::Body* body = &r.block->body;
        if (auto dot = path.find('.'); dot != std::string_view::npos) {
            auto blocks = body->blocks_of(path.substr(0, dot));
            if (blocks.empty()) continue;
            body = &blocks.front()->body;
            path = path.substr(dot + 1);
        }
        const hcl::Attribute* attr = body->attribute(path);
        const Value* v = location_value(attrs, name);
        if (!attr || !v || v->is_null()) continue;
        which = name;
        std::string label = fmt::format("{} {}", r.address, name);
        return v->with_provenance(prepend(label, attr->range, v->provenance));
    }
    return Value::null();
}

// How strongly an argument names the parent a child resource lives in: `server_id`,
// `storage_account_id`, `bucket`, `dataset_id` do; `tags` or a secret's `value` never do.
static int parent_rank(std::string_view name) {
    static constexpr std::string_view kParents[] = {"account", "bucket", "cluster", "database", "dataset",
                                                    "entitytype", "featurestore", "instance", "repository",
                                                    "server", "service", "topic", "vault", "workspace"};
    if (name == "resource_group_name") return 3;
    if (name.ends_with("_id")) return 0;
    if (std::find(std::begin(kParents), std::end(kParents), name) != std::end(kParents)) return 1;
    if (name.ends_with("_name")) return 2;
    return -1;
}

// A child resource (azurerm has no provider location; many Google resources have no location
// argument) lives where the parent named by one of its arguments does.
Value Instances::parent_location(ResourceInstance& r, std::string_view cloud) {
    const Value& attrs = attributes(r);
    const Value* best = nullptr;
    std::string best_name;
    int best_rank = 99;
    ResourceInstance* parent = nullptr;
    for (const auto& [name, v] : attrs.fields()) {
        int rank = parent_rank(name);
        if (rank < 0 || rank >= best_rank || v.ref_asset.empty()) continue;
        auto it = by_address_.find(v.ref_asset.str());
        if (it == by_address_.end() || it->second == &r || catalog::cloud_of_type(it->second->type) != cloud) continue;
        best = &v;
        best_rank = rank;
        best_name = name;
        parent = it->second;
    }
    if (!best) return Value::null();
    Value pv = region(*parent);
    if (pv.is_null()) return pv;
    return pv.with_provenance(prepend(fmt::format("{} lives with {} ({})", r.address, parent->address, best_name),
                                      best->range, pv.provenance));
}

Value& Instances::region(ResourceInstance& r) {
    if (r.region.value) return *r.region.value;
    if (r.region.busy) {
        r.cycle = Value::unknown(fmt::format("the region of {} depends on itself", r.address), Range{}, UnknownCause::Error);
        return r.cycle;
    }
    r.region.busy = true;
    std::string_view cloud = catalog::cloud_of_type(r.type);
    const char* which = nullptr;
    Value v = own_location(*this, r, cloud, which);
    if (which) {
        r.region_from_resource = true;
    } else if (cloud == "aws") {
        v = provider_region(*r.provider);
    } else if (beyond_big_three(cloud)) {
        // Hetzner, OVHcloud, IONOS and DigitalOcean have no provider location: a child lives with
        // its parent (an IONOS server with its datacenter). The others fall back to the provider's.
        auto defaults = provider_location_arguments(cloud, r.type);
        if (defaults.empty()) v = parent_location(r, cloud);
        for (const char* name : defaults)
            if (v.is_null()) v = provider_argument(*r.provider, name);
    } else if (cloud == "google" && google_ignores_provider_region(r.type)) {
        // stays null: the service's fixed default applies (RES202)
    } else if (cloud == "google" || cloud == "azure") {
        v = parent_location(r, cloud);
        if (v.is_null() && cloud == "google" && google_takes_provider_region(r.type)) {
            v = provider_region(*r.provider);
            if (v.is_null()) v = provider_zone(*r.provider);
        } else if (v.is_null()) {
            r.location_applies = false;
        }
    }
    r.region.busy = false;
    r.region.value = std::move(v);
    return *r.region.value;
}

}  // namespace residency::terraform
