// Terraform plan and state JSON (`terraform show -json`): resource instances become located assets.
#pragma once

#include <string_view>
#include <vector>

#include "core/graph.hpp"
#include "core/json.hpp"
#include "frontends/terraform/terraform.hpp"

namespace residency::terraform {

// True when a JSON document is a Terraform plan or state representation (format_version plus
// planned_values, configuration or state values), whatever the file name.
bool looks_like_plan(const json::Node& root);

// Adds one asset per resource instance of planned_values (or a state's values), root module and
// child modules, with `root_name` (the plan file's display path) as each asset's root.
void load_plan(FileId file, const json::Node& root, std::string_view root_name, Graph& graph,
               std::vector<ParseProblem>& problems);

}  // namespace residency::terraform
