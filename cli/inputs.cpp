// The inputs `inventory` and `graph` read, as `scan` reads them.
#include "inputs.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cache/file_cache.hpp"
#include "frontends/frontends.hpp"
#include "report/sanitize.hpp"

namespace residency::cli {

namespace {

// Where the cache lives without --cache-dir: $XDG_CACHE_HOME/residency, else ~/.cache/residency
// (each only when set to an absolute path and usable); "" (no cache, no error) when neither is.
std::string default_cache_dir() {
    for (auto [var, sub] : {std::pair{"XDG_CACHE_HOME", "residency"}, std::pair{"HOME", ".cache/residency"}}) {
        const char* v = std::getenv(var);
        if (v && *v == '/' && FileCache::prepare_dir(std::filesystem::path(v) / sub)) return (std::filesystem::path(v) / sub).string();
    }
    return "";
}

}  // namespace

void add_cache_options(CLI::App* cmd, std::string& dir, bool& no_cache) {
    cmd->add_option("--cache-dir", dir,
                    "Keep parsed files here for the next scans (default: $XDG_CACHE_HOME/residency or "
                    "~/.cache/residency); entries are keyed by content hash and tool build")
        ->type_name("DIR");
    cmd->add_flag("--no-cache", no_cache, "Neither read nor write the scan cache");
}

void set_cache(ScanOptions& options, const std::string& dir, bool no_cache) {
    if (no_cache) return;
    options.cache_dir_given = !dir.empty();
    options.cache_dir = options.cache_dir_given ? dir : default_cache_dir();
}

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
    add_cache_options(cmd, args.cache_dir, args.no_cache);
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
    set_cache(options, args.cache_dir, args.no_cache);
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
