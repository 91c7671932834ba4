// The scan pipeline as one call: discover files, load them, compute facts, run the rules and
// build the Report. The CLI only parses arguments and writes what this returns.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/graph.hpp"
#include "core/source.hpp"
#include "frontends/terraform/terraform.hpp"
#include "policy/policy.hpp"
#include "report/report.hpp"

namespace residency {

struct ScanOptions {
    std::vector<std::string> paths;          // files or directories; none means "."
    std::string policy_path;                 // --policy; "" to search upwards
    std::vector<std::string> jurisdictions;  // --jurisdiction, overrides the policy
    terraform::Options terraform;
    std::vector<std::string> select;         // rule IDs or prefixes ("RES1")
    std::vector<std::string> ignore;
    std::string tool_version;
};

struct ScanOutcome {
    SourceSet sources;
    Graph graph;
    Report report;
    std::string error;  // set when a usage, policy or input error stopped the scan (exit code 2)
};

std::unique_ptr<ScanOutcome> run_scan(const ScanOptions& options);

// True when `id` is selected by the prefixes (an empty list selects everything).
bool rule_matches(std::string_view id, const std::vector<std::string>& prefixes);

}  // namespace residency
