// One directory's Terraform configuration, parsed once and indexed by declaration.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::terraform {

struct ModuleConfig {
    std::filesystem::path dir;
    std::string display;  // the directory as shown to users ("." for the scan's own)
    std::vector<hcl::ParsedFile> files;

    std::map<std::string, const hcl::Block*> variables;
    std::map<std::string, const hcl::Block*> outputs;
    std::map<std::string, const hcl::Block*> module_calls;
    std::map<std::string, const hcl::Attribute*> locals;
    std::vector<const hcl::Block*> providers;
    std::map<std::string, const hcl::Block*> resources;  // "type.name", sorted
    std::map<std::string, const hcl::Block*> data;       // "type.name"
    const hcl::Block* backend = nullptr;
};

// Indexes the declarations of already parsed files; a later duplicate declaration is ignored
// (Terraform itself rejects it, and the first one is what a reader sees first).
void index_declarations(ModuleConfig& config);

// The literal `source` of a module call, or "" when it is not a plain string.
std::string module_source(const hcl::Block& call);

// The directory a local module source ("./x", "../x/") names, normalised without a trailing
// separator; nullopt for a remote source.
std::optional<std::filesystem::path> local_module_dir(const std::filesystem::path& caller, const std::string& source);

}  // namespace residency::terraform
