// The inputs `inventory` and `graph` read, as `scan` reads them.
#include "inputs.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>

#include "frontends/frontends.hpp"
#include "report/sanitize.hpp"

namespace residency::cli {

void add_input_options(CLI::App* cmd, InputArgs& args) {
    cmd->add_option("paths", args.paths, "Files or directories to scan (default: .)");
    cmd->add_option("-o,--output", args.output, "Write to this file instead of standard output");
    cmd->add_option("-j,--jurisdiction", args.jurisdictions,
                    "Home jurisdiction(s): eu, eea or a country code (overrides the policy; comma-separated)");
    cmd->add_option("--policy", args.policy, "Policy file (default: residency.yaml found walking up from the scan root)");
    cmd->add_option("--var", args.vars, "Set a root module variable: name=value (repeatable)");
    cmd->add_option("--var-file", args.var_files, "Read root module variables from a .tfvars file (repeatable)");
    cmd->add_option("--jobs", args.jobs, "Files parsed in parallel (default: one per core, at most 8)")
        ->check(CLI::Range(1u, 64u));
    cmd->add_flag("--allow-outside-root", args.allow_outside_root,
                  "Follow local module sources that lead outside the scanned directory");
}

std::unique_ptr<ScanOutcome> scan_inputs(const InputArgs& args) {
    if (std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end()) {
        std::cerr << "residency: standard input (-) is read by `scan` only; pass files or directories\n";
        return nullptr;
    }
    ScanOptions options;
    options.paths = args.paths;
    options.policy_path = args.policy;
    options.jurisdictions = split_commas(args.jurisdictions);
    if (!args.jurisdictions.empty() && options.jurisdictions.empty()) {
        std::cerr << "residency: --jurisdiction needs a value: eu, eea or a country code\n";
        return nullptr;
    }
    options.jobs = args.jobs;
    options.tool_version = kVersion;
    FrontendOptions formats;
    formats.terraform.vars = args.vars;
    formats.terraform.var_files = args.var_files;
    formats.terraform.allow_outside_root = args.allow_outside_root;
    auto outcome = run_scan(options, formats);
    for (const auto& notice : outcome->notices) std::cerr << "residency: " << sanitize_terminal(notice) << "\n";
    if (!outcome->error.empty()) {
        std::cerr << "residency: " << sanitize_terminal(outcome->error) << "\n";
        return nullptr;
    }
    return outcome;
}

bool write_output(const std::string& text, const std::string& path) {
    if (path.empty()) {
        std::cout << text;
        std::cout.flush();
        return true;
    }
    std::ofstream f(path, std::ios::binary);
    if (!(f << text)) {
        std::cerr << "residency: cannot write " << sanitize_terminal(path) << "\n";
        return false;
    }
    return true;
}

}  // namespace residency::cli
