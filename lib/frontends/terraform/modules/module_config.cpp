// Indexing of a module directory's top-level declarations.
#include "frontends/terraform/modules/module_config.hpp"

namespace residency::terraform {

static std::string two_labels(const hcl::Block& b) {
    return b.labels.size() >= 2 ? b.labels[0] + "." + b.labels[1] : std::string();
}

void index_declarations(ModuleConfig& config) {
    for (const auto& file : config.files) {
        for (const auto& block : file.body.blocks) {
            const std::string& t = block.type;
            if (t == "variable" && block.labels.size() == 1) {
                config.variables.emplace(block.labels[0], &block);
            } else if (t == "output" && block.labels.size() == 1) {
                config.outputs.emplace(block.labels[0], &block);
            } else if (t == "module" && block.labels.size() == 1) {
                config.module_calls.emplace(block.labels[0], &block);
            } else if (t == "locals") {
                for (const auto& attr : block.body.attributes) config.locals.emplace(attr.name, &attr);
            } else if (t == "provider" && block.labels.size() == 1) {
                config.providers.push_back(&block);
            } else if (t == "resource" && block.labels.size() == 2) {
                config.resources.emplace(two_labels(block), &block);
            } else if (t == "data" && block.labels.size() == 2) {
                config.data.emplace(two_labels(block), &block);
            } else if (t == "terraform") {
                for (const auto* backend : block.body.blocks_of("backend"))
                    if (!config.backend && backend->labels.size() == 1) config.backend = backend;
                for (const auto* cloud : block.body.blocks_of("cloud"))
                    (void)cloud;  // HCP Terraform keeps state in its own SaaS region; not an asset we can place
            }
        }
    }
}

std::string module_source(const hcl::Block& call) {
    const hcl::Attribute* source = call.body.attribute("source");
    if (!source || source->value.kind != hcl::ExprKind::String) return {};
    return source->value.text;
}

std::optional<std::filesystem::path> local_module_dir(const std::filesystem::path& caller, const std::string& source) {
    if (!source.starts_with("./") && !source.starts_with("../") && source != "." && source != "..") return std::nullopt;
    auto dir = (caller / source).lexically_normal();
    if (!dir.has_filename() && dir.has_parent_path()) dir = dir.parent_path();  // "./modules/b/"
    return dir;
}

}  // namespace residency::terraform
