// The Terraform frontend behind the engine's interface: which files are Terraform's, and loading
// a scan root's configurations and plans into the graph.
#include <algorithm>
#include <map>
#include <set>

#include "catalog/resource_types.hpp"
#include "core/json.hpp"
#include "frontends/terraform/plan/plan_json.hpp"
#include "frontends/terraform/terraform.hpp"

namespace residency::terraform {

namespace fs = std::filesystem;

namespace {

// Providers whose resources live nowhere (random values, local files, time) or where another part of
// the scan puts them (Kubernetes objects live in their cluster): no location to check.
constexpr std::string_view kPlacelessProviders[] = {"archive", "cloudinit", "external", "helm", "http", "kubectl",
                                                    "kubernetes", "local", "null", "random", "template", "terraform",
                                                    "time", "tls"};

// The cloud of a resource type the catalog does not know is its provider's name ("digitalocean"),
// so the scan can say which provider it cannot place rather than stay silent.
std::string provider_cloud(std::string_view type) {
    // Actions on, and updates of, Azure objects that exist elsewhere create nothing of their own.
    if (type == "azapi_resource_action" || type == "azapi_update_resource") return {};
    std::string_view provider = type.substr(0, type.find('_'));
    for (auto p : kPlacelessProviders)
        if (p == provider) return {};
    return std::string(provider);
}

bool is_variables_file(const std::string& name) {
    return name.ends_with(".tfvars") || name.ends_with(".tfvars.json");
}

// "module.a[\"x\"].aws_s3_bucket.b[0]" -> "module.a.aws_s3_bucket.b": an address without its keys.
std::string without_keys(std::string_view address) {
    std::string out;
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < address.size(); ++i) {
        char c = address[i];
        if (depth > 0 && c == '"' && address[i - 1] != '\\') quoted = !quoted;
        if (!quoted && c == '[') ++depth;
        if (depth == 0) out += c;
        if (!quoted && c == ']' && depth > 0) --depth;
    }
    return out;
}

// When the configuration that produced a plan is in the same scan (the plan file sits in its root
// module's directory), the plan's resolved values win: the configuration's copy of each planned
// asset is set aside and its block becomes a related location of the plan's asset.
void supersede_configuration(Graph& graph, std::size_t first, const std::string& config_root) {
    std::set<std::string> planned_static;  // addresses without instance keys
    for (std::size_t i = first; i < graph.assets.size(); ++i) {
        Asset& planned = graph.assets[i];
        planned_static.insert(without_keys(planned.address));
        auto hcl = graph.id_of(config_root, planned.address);
        if (!hcl || *hcl >= first) continue;
        Asset& configured = graph.assets[*hcl];
        planned.configuration_range = configured.header_range;
        configured.mode = AssetMode::Superseded;
    }
    // Instances the configuration could not expand (`[*]`: count or for_each unknown there) are
    // the plan's known instances.
    std::map<std::string, Range> unexpanded;  // static address -> the configuration's block
    for (std::size_t i = 0; i < first; ++i) {
        Asset& configured = graph.assets[i];
        if (configured.root != config_root || configured.address.find("[*]") == std::string::npos) continue;
        std::string key = without_keys(configured.address);
        if (!planned_static.count(key)) continue;
        configured.mode = AssetMode::Superseded;
        unexpanded.emplace(key, configured.header_range);
    }
    for (std::size_t i = first; i < graph.assets.size(); ++i) {
        Asset& planned = graph.assets[i];
        auto it = unexpanded.find(without_keys(planned.address));
        if (!planned.configuration_range.valid() && it != unexpanded.end()) planned.configuration_range = it->second;
    }
}

}  // namespace

bool is_configuration_file(const fs::path& path) {
    std::string name = path.filename().string();
    return name.ends_with(".tf") || name.ends_with(".tf.json");
}

// Plan and state JSON is recognised by content whatever the file is called; other JSON is not
// ours to judge. Variables files are claimed so that a given tfvars file scans its module.
bool TerraformFrontend::claims(const fs::path& file, const std::function<std::string_view()>& head) const {
    std::string name = file.filename().string();
    if (is_configuration_file(file) || is_variables_file(name)) return true;
    return file.extension() == ".json" && head().find("\"format_version\"") != std::string_view::npos;
}

void TerraformFrontend::load(LoadContext& context) {
    std::set<fs::path> dirs;
    std::vector<fs::path> plans;
    for (const auto& f : context.files) {
        if (is_configuration_file(f)) dirs.insert(f.parent_path());
        else if (!is_variables_file(f.filename().string())) plans.push_back(f);
    }
    std::size_t first = context.graph.assets.size();
    load_configurations({dirs.begin(), dirs.end()}, options_, context);
    if (!context.result.fatal.empty()) return;
    load_plans(plans, context);
    for (std::size_t i = first; i < context.graph.assets.size(); ++i) {
        Asset& a = context.graph.assets[i];
        a.format = "terraform";
        a.asset_class = a.type.starts_with("backend_") ? AssetClass::StateBackend : catalog::classify(a.type);
        if (a.cloud.empty() && a.mode == AssetMode::Managed && a.asset_class != AssetClass::StateBackend) a.cloud = provider_cloud(a.type);
    }
}

void load_plans(const std::vector<fs::path>& files, LoadContext& context) {
    for (const auto& path : files) {
        auto text = context.sources.read(path);
        if (!text) continue;
        auto next = static_cast<FileId>(context.sources.size());
        json::ParseResult parsed = json::parse(next, *text);
        if (!parsed.ok) {
            // It says it is a Terraform JSON document but cannot be read: say so rather than skip it.
            if (text->find("\"planned_values\"") == std::string::npos &&
                text->find("\"resource_changes\"") == std::string::npos)
                continue;
            FileId id = context.sources.add(context.display(path), path.string(), std::move(*text));
            Range at = parsed.error_range;
            at.file = id;
            context.result.syntax_errors.push_back({at, "plan JSON: " + parsed.error});
            continue;
        }
        if (!looks_like_plan(parsed.root)) continue;
        std::string shown = context.display(path);
        FileId id = context.sources.add(shown, path.string(), std::move(*text));
        std::size_t first = context.graph.assets.size();
        load_plan(id, parsed.root, shown, context.graph, context.result.syntax_errors);
        std::string config_root = fs::path(shown).parent_path().generic_string();
        supersede_configuration(context.graph, first, config_root.empty() ? "." : config_root);
    }
}

}  // namespace residency::terraform
