// The instantiated configuration: module instances with their inputs and provider maps, resource
// instances expanded from count/for_each, and lazy, memoised evaluation with cycle detection.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/value.hpp"
#include "frontends/terraform/evaluation/evaluator.hpp"
#include "frontends/terraform/modules/module_config.hpp"
#include "frontends/terraform/evaluation/type_constraints.hpp"

namespace residency::terraform {

struct ModuleInstance;

// A memoised evaluation; `busy` while it is being computed, so a reference back to it is a cycle.
struct Slot {
    bool busy = false;
    std::optional<Value> value;
};

struct ProviderConfig {
    std::string name;   // "aws", "aws.us"
    std::string label;  // provider "aws" (alias "us")
    const hcl::Block* block = nullptr;  // nullptr: implied by use, with no configuration
    ModuleInstance* owner = nullptr;
    Slot region;
    Slot zone;
    std::map<std::string, Slot, std::less<>> settings;  // other location arguments ("default_region")
};

struct ResourceInstance {
    std::string address;
    AssetRef ref;  // the address again, shared by every value read from this instance
    std::string type;
    bool is_data = false;
    const hcl::Block* block = nullptr;
    ModuleInstance* module = nullptr;
    Value count_index;  // Number, or Null
    Value each_key;     // String, or Null
    Value each_value;
    Slot attributes;
    Slot region;
    // What a lookup gets while the attributes or region are still being computed: a reference
    // cycle. Kept per instance so a caller's reference stays valid.
    Value cycle;
    bool region_from_resource = false;
    bool location_applies = true;  // false for a child or global resource with no location of its own
    ProviderConfig* provider = nullptr;
};

struct ResourceGroup {
    std::string address;  // without instance key
    const hcl::Block* block = nullptr;
    bool is_data = false;
    bool expanded = false;
    bool expanding = false;
    bool keyed = false;  // count or for_each: references need an index
    std::vector<std::unique_ptr<ResourceInstance>> instances;
};

struct ModuleInstance {
    const ModuleConfig* config = nullptr;
    std::string prefix;  // "" for a root, "module.a." / "module.a[\"x\"]." for children
    ModuleInstance* parent = nullptr;
    const hcl::Block* call = nullptr;  // the module block in the parent
    Value count_index;
    Value each_key;
    Value each_value;
    std::string unavailable;  // why the module's contents cannot be read ("" when fine)

    std::map<std::string, ProviderConfig*> providers;  // by "aws" / "aws.us"
    std::map<std::string, Slot> variables;
    std::map<std::string, Slot> locals;
    std::map<std::string, Slot> outputs;
    std::map<std::string, ResourceGroup> resources;  // by "type.name"
    std::map<std::string, ResourceGroup> data;
    // Module calls: name -> instances (one, or one per count/for_each key); built when instantiated.
    std::map<std::string, std::vector<ModuleInstance*>> children;
    std::map<std::string, bool> keyed_calls;
};

// A root-module variable value from tfvars, --var-file or --var, with where it was set.
struct RootValue {
    Value value;
    std::string label;  // "terraform.tfvars", "--var"
};

class Instances {
public:
    using ConfigLookup = std::function<const ModuleConfig*(const std::filesystem::path& dir)>;

    Instances(ConfigLookup lookup, std::filesystem::path root, bool allow_outside_root);

    // Builds the instance tree under a root module; `values` are its variable assignments.
    ModuleInstance* add_root(const ModuleConfig& config, std::map<std::string, RootValue> values);

    // Visits a module instance and every readable one below it, parents before children, in
    // address order.
    void for_each_module(ModuleInstance& root, const std::function<void(ModuleInstance&)>& visit);
    // Frees a root's module and provider instances with all they evaluated, once its assets are
    // built (`root` is gone afterwards), and forgets every pointer into the root's own syntax trees,
    // which the caller may then free: roots never refer to each other, and a scan of many roots
    // otherwise holds every root's evaluation and trees at once.
    void release(ModuleInstance& root);
    void expand(ResourceGroup& group, ModuleInstance& module);

    Value& attributes(ResourceInstance& r);
    Value& region(ResourceInstance& r);
    Value evaluate_in(ModuleInstance& m, const hcl::Expr& e, ResourceInstance* self = nullptr);

    Value variable(ModuleInstance& m, const std::string& name, Range use);
    Value local(ModuleInstance& m, const std::string& name, Range use);
    Value output(ModuleInstance& m, const std::string& name, Range use);
    Value provider_region(ProviderConfig& p);
    Value provider_zone(ProviderConfig& p);
    // A provider-block location argument by name; "region" is provider_region.
    Value provider_argument(ProviderConfig& p, const char* name);
    Value parent_location(ResourceInstance& r, std::string_view cloud);

    struct FunctionCall {
        std::string name;
        Range range;
    };
    std::vector<FunctionCall> unsupported_functions;  // calls the function library cannot evaluate

    // Module calls whose contents cannot be read (remote and not installed, outside the root):
    // the call's range and why, so the scan can say which assets it could not see.
    struct UnavailableCall {
        Range range;
        std::string reason;
    };
    std::vector<UnavailableCall> unavailable_calls;

private:
    friend class InstanceScope;
    void instantiate_children(ModuleInstance& m);
    void bind_providers(ModuleInstance& child, ModuleInstance& parent, const hcl::Block& call);
    ProviderConfig* provider_for(ModuleInstance& m, const hcl::Block& resource, std::string_view type);
    ProviderConfig* implied_provider(ModuleInstance& m, const std::string& name);
    ModuleInstance* new_module();
    std::optional<std::filesystem::path> installed_module(const ModuleInstance& m, const std::string& name);

    ConfigLookup lookup_;
    std::filesystem::path root_;
    bool allow_outside_root_ = false;
    std::size_t resource_instances_ = 0;
    std::size_t modules_made_ = 0;  // in the whole scan: kMaxModules bounds them all
    std::map<std::filesystem::path, std::map<std::string, std::filesystem::path>> installed_;
    std::vector<std::unique_ptr<ModuleInstance>> modules_;
    std::vector<std::unique_ptr<ProviderConfig>> providers_;
    std::vector<ModuleInstance*> roots_;
    std::map<const ModuleInstance*, std::map<std::string, RootValue>> root_values_;
    std::map<std::string, ResourceInstance*, std::less<>> by_address_;
    std::map<const hcl::Block*, ParsedType> variable_types_;  // by variable declaration
    int depth_ = 0;
};

}  // namespace residency::terraform
