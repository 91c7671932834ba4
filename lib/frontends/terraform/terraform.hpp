// The Terraform frontend: HCL and JSON configurations, tfvars, and plan or state JSON become assets
// of the graph, with every value evaluated and every location resolved as far as the input allows.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/frontend.hpp"

namespace residency::terraform {

struct Options {
    std::vector<std::string> vars;       // "name=value", from --var, in order
    std::vector<std::string> var_files;  // from --var-file, in order
    bool allow_outside_root = false;     // follow local module sources that leave the scan root
};

using ParseProblem = LoadProblem;

// A Terraform configuration file: native syntax (.tf) or JSON syntax (.tf.json).
bool is_configuration_file(const std::filesystem::path& path);

class TerraformFrontend : public Frontend {
public:
    explicit TerraformFrontend(Options options) : options_(std::move(options)) {}
    std::string_view name() const override { return "terraform"; }
    std::string_view reads() const override { return "Terraform (.tf, .tf.json, .tfvars, plan and state JSON)"; }
    bool claims(const std::filesystem::path& file, const std::function<std::string_view()>& head) const override;
    void load(LoadContext& context) override;

private:
    Options options_;
};

// Configurations: `dirs` are the directories of the scan that hold configuration files, each once.
// Reads nothing outside `context.root` unless the options allow it.
void load_configurations(const std::vector<std::filesystem::path>& dirs, const Options& options, LoadContext& context);

// Plan and state JSON (`terraform show -json`). A plan in the directory of a root module of the same
// scan supersedes that configuration's copy of each planned asset.
void load_plans(const std::vector<std::filesystem::path>& files, LoadContext& context);

}  // namespace residency::terraform
