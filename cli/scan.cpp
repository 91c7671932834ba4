// `residency scan`: runs the pipeline and writes the report in the chosen format.
#include <unistd.h>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "inputs.hpp"
#include "outputs.hpp"
#include "frontends/frontends.hpp"
#include "report/baseline.hpp"
#include "report/sanitize.hpp"
#include "report/writers.hpp"

namespace residency::cli {

namespace {

// The outcome of the scan, left to the process's end (see run).
ScanOutcome* kept_until_exit = nullptr;

std::optional<ShardSpec> parse_shard(const std::string& text) {
    unsigned k = 0, n = 0;
    char slash = 0, extra = 0;
    std::istringstream in(text);
    if (!(in >> k >> slash >> n) || slash != '/' || (in >> extra) || k < 1 || k > n || n > 1000) return std::nullopt;
    return ShardSpec{k, n};
}

struct ScanArgs {
    std::vector<std::string> paths;
    std::string stdin_filename;
    OutputArgs out;  // --format, --output, --show-suppressed, --quiet
    std::vector<std::string> jurisdictions;
    std::string policy;
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    std::vector<std::string> vars;
    std::vector<std::string> var_files;
    bool allow_outside_root = false;
    unsigned jobs = 0;
    std::string baseline;
    std::string shard;  // K/N
    // The scan cache: --cache-dir DIR, --no-cache.
    std::string cache_dir;
    bool no_cache = false;
};


int run(const ScanArgs& args) {
    auto targets = parse_output_targets(args.out);
    if (!targets) return kExitError;
    ScanOptions options;
    // `scan -`: checked before standard input is read, so that a usage error never waits for it.
    bool piped = std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end();
    if (piped && args.paths.size() > 1) {
        std::cerr << "residency: - (standard input) cannot be combined with paths\n";
        return kExitError;
    }
    if (piped && args.stdin_filename.empty()) {
        std::cerr << "residency: scan - needs --stdin-filename NAME: the name (main.tf, rendered.yaml) decides how "
                     "standard input is read and is the path findings show\n";
        return kExitError;
    }
    if (!piped && !args.stdin_filename.empty()) {
        std::cerr << "residency: --stdin-filename names standard input: use it with `scan -`\n";
        return kExitError;
    }
    if (piped) {
        std::ostringstream content;
        content << std::cin.rdbuf();
        if (std::cin.bad()) {
            std::cerr << "residency: cannot read standard input\n";
            return kExitError;
        }
        options.stdin_file = InMemoryFile{args.stdin_filename, std::move(content).str()};
    } else {
        options.paths = args.paths;
    }
    options.policy_path = args.policy;
    options.jurisdictions = split_commas(args.jurisdictions);
    if (!args.jurisdictions.empty() && options.jurisdictions.empty()) {
        std::cerr << "residency: --jurisdiction needs a value: eu, eea or a country code\n";
        return kExitError;
    }
    FrontendOptions formats;
    formats.terraform.vars = args.vars;
    formats.terraform.var_files = args.var_files;
    formats.terraform.allow_outside_root = args.allow_outside_root;
    options.jobs = args.jobs;
    options.select = split_commas(args.select);
    options.ignore = split_commas(args.ignore);
    options.tool_version = kVersion;
    options.build_inventory = false;
    if (!args.shard.empty()) {
        auto shard = parse_shard(args.shard);
        if (!shard) {
            std::cerr << "residency: --shard " << sanitize_terminal(args.shard)
                      << ": write K/N with 1 <= K <= N <= 1000, such as 2/4\n";
            return kExitError;
        }
        if (!args.baseline.empty()) {
            std::cerr << "residency: --baseline applies to the whole scan: give it to `residency merge`, not to a shard\n";
            return kExitError;
        }
        options.shard = *shard;
    }
    set_cache(options, args.cache_dir, args.no_cache);
    // Progress on a terminal only, never with --quiet: drawn in place once the scan has run half a
    // second, at most ten times a second, and cleared before anything else is written.
    bool drew_progress = false;
    auto started = std::chrono::steady_clock::now();
    auto last_drawn = started;
    if (!args.out.quiet && isatty(STDERR_FILENO))
        options.progress = [&](std::size_t done, std::size_t total) {
            auto now = std::chrono::steady_clock::now();
            if (now - started < std::chrono::milliseconds(500)) return;
            if (drew_progress && done < total && now - last_drawn < std::chrono::milliseconds(100)) return;
            last_drawn = now;
            drew_progress = true;
            std::cerr << "\rresidency: parsed " << done << "/" << total << " files\x1b[K" << std::flush;
        };
    auto outcome = run_scan(options, formats);
    if (drew_progress) std::cerr << "\r\x1b[K" << std::flush;
    if (!args.out.quiet)
        for (const auto& notice : outcome->notices) std::cerr << "residency: " << sanitize_terminal(notice) << "\n";
    if (!outcome->error.empty()) {
        // Errors quote the input (policy keys, paths): sanitised like every other terminal output.
        std::cerr << "residency: " << sanitize_terminal(outcome->error) << "\n";
        return kExitError;
    }
    if (!args.baseline.empty()) {
        auto baseline = read_baseline(args.baseline);
        if (!baseline) return kExitError;
        // Files given (a pre-commit hook's): entries of other files are out of scope, not fixed.
        std::vector<std::string> only_paths;
        std::error_code ec;
        for (const auto& p : options.paths)
            if (std::filesystem::is_regular_file(p, ec)) {
                auto abs = std::filesystem::absolute(p, ec).lexically_normal();
                for (FileId id = 0; id < outcome->sources.size(); ++id)
                    if (std::filesystem::path(outcome->sources.get(id).abs_path).lexically_normal() == abs)
                        only_paths.push_back(outcome->sources.get(id).path);
            }
        bool files_only = !options.paths.empty() && std::all_of(options.paths.begin(), options.paths.end(), [&](const std::string& p) {
            return std::filesystem::is_regular_file(p, ec);
        });
        if (options.stdin_file) {
            files_only = true;
            only_paths = {std::filesystem::path(options.stdin_file->name).lexically_normal().generic_string()};
        }
        if (files_only && only_paths.empty()) only_paths.push_back("");  // nothing given was read
        apply_baseline(*baseline, args.baseline, outcome->report, files_only ? only_paths : std::vector<std::string>{});
    }
    const Report& report = outcome->report;
    int code = write_outputs(report, *targets, args.out) ? exit_code_of(report, args.out) : kExitError;
    // The process ends next and the system takes its memory back at once: freeing the scan's
    // millions of small objects one by one took about 8% of a scan. Kept reachable, so leak
    // checkers do not count it.
    kept_until_exit = outcome.release();
    return code;
}
}  // namespace

void add_scan(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ScanArgs>();
    CLI::App* cmd = app.add_subcommand("scan", "Scan infrastructure code for residency problems");
    cmd->add_option("paths", args->paths,
                    "Files or directories to scan (default: .); - reads standard input, named by --stdin-filename");
    cmd->add_option("--stdin-filename", args->stdin_filename,
                    "With -: what standard input is (main.tf, k8s/rendered.yaml, relative to the working directory); "
                    "picks the frontend and is the path findings show")
        ->type_name("NAME");
    add_output_options(cmd, args->out);
    cmd->add_option("-j,--jurisdiction", args->jurisdictions,
                    "Home jurisdiction(s): eu, eea or a country code (overrides the policy; comma-separated)");
    cmd->add_option("--policy", args->policy, "Policy file (default: residency.yaml found walking up from the scan root)");
    cmd->add_option("--select", args->select, "Only these rules: IDs or prefixes such as RES1 (comma-separated)");
    cmd->add_option("--ignore", args->ignore, "Skip these rules: IDs or prefixes (comma-separated)");
    cmd->add_option("--var", args->vars, "Set a root module variable: name=value (repeatable)");
    cmd->add_option("--var-file", args->var_files, "Read root module variables from a .tfvars file (repeatable)");
    cmd->add_option("--jobs", args->jobs, "Files parsed in parallel (default: one per core, at most 8)")
        ->check(CLI::Range(1u, 64u));
    cmd->add_flag("--allow-outside-root", args->allow_outside_root,
                  "Follow local module sources that lead outside the scanned directory");
    cmd->add_option("--baseline", args->baseline,
                     "Report only findings not in this baseline (written by `residency baseline`); list those fixed since")
        ->type_name("FILE");
    cmd->add_option("--shard", args->shard,
                    "Scan only part K of N (K/N), for CI jobs in parallel: groups of files that are judged together, "
                    "split the same way on every machine; join the parts' JSON reports with `residency merge`")
        ->type_name("K/N");
    add_cache_options(cmd, args->cache_dir, args->no_cache);
    cmd->callback([args, &exit_code]() { exit_code = run(*args); });
}

}  // namespace residency::cli
