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
#include "frontends/frontends.hpp"
#include "report/baseline.hpp"
#include "report/sanitize.hpp"
#include "report/writers.hpp"

namespace residency::cli {

namespace {
struct ScanArgs {
    std::vector<std::string> paths;
    std::string stdin_filename;
    std::vector<std::string> formats;  // --format FMT or FMT=PATH, repeatable (default: text)
    std::string output;
    std::vector<std::string> jurisdictions;
    std::string policy;
    std::string fail_on = "low";
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    std::vector<std::string> vars;
    std::vector<std::string> var_files;
    bool strict = false;
    bool allow_outside_root = false;
    unsigned jobs = 0;
    // Suppressions and baseline (issue 10).
    bool show_suppressed = false;
    std::string baseline;
    // --quiet: no summary lines, no notices; findings, diagnostics and errors stay.
    bool quiet = false;
};

// --format: each value FMT or FMT=PATH; at most one goes to standard output (or to --output).
struct Target {
    std::string format;
    std::string path;  // "" for standard output
};

const std::vector<std::string> kFormats = {"text", "json", "sarif", "junit", "github", "markdown", "gitlab"};

std::optional<std::vector<Target>> parse_targets(const ScanArgs& args) {
    std::vector<Target> targets;
    std::vector<std::string> values = args.formats.empty() ? std::vector<std::string>{"text"} : args.formats;
    std::size_t to_stdout = 0;
    for (const std::string& value : values) {
        std::size_t eq = value.find('=');
        Target t{value.substr(0, eq), eq == std::string::npos ? std::string() : value.substr(eq + 1)};
        if (std::find(kFormats.begin(), kFormats.end(), t.format) == kFormats.end()) {
            std::cerr << "residency: --format " << sanitize_terminal(value)
                      << ": the format must be one of text, json, sarif, junit, github, markdown, gitlab (FMT or FMT=PATH)\n";
            return std::nullopt;
        }
        if (eq != std::string::npos && t.path.empty()) {
            std::cerr << "residency: --format " << sanitize_terminal(value) << ": a path must follow =\n";
            return std::nullopt;
        }
        if (t.path.empty()) ++to_stdout;
        targets.push_back(std::move(t));
    }
    if (to_stdout > 1) {
        std::cerr << "residency: at most one --format goes to standard output: write the others to files (FMT=PATH)\n";
        return std::nullopt;
    }
    if (!args.output.empty()) {
        if (targets.size() > 1) {
            std::cerr << "residency: --output takes a single --format; with several, write each to a file (FMT=PATH)\n";
            return std::nullopt;
        }
        if (!targets[0].path.empty()) {
            std::cerr << "residency: --output and --format FMT=PATH both name the file: use one\n";
            return std::nullopt;
        }
        targets[0].path = args.output;
    }
    return targets;
}

std::string write_report(const Report& report, const std::string& format) {
    if (format == "json") return write_json(report);
    // %SRCROOT% stays symbolic: an absolute URI would make the output depend on where the
    // repository is checked out, and code scanning resolves it to the checkout anyway.
    if (format == "sarif") return write_sarif(report);
    if (format == "junit") return write_junit(report);
    if (format == "github") return write_github(report);
    if (format == "markdown") return write_markdown(report);
    return write_gitlab(report);
}

int run(const ScanArgs& args) {
    auto targets = parse_targets(args);
    if (!targets) return kExitError;
    auto severity = parse_severity(args.fail_on);
    if (!severity) {
        std::cerr << "residency: --fail-on must be one of info, low, medium, high, critical\n";
        return kExitError;
    }
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
    // Progress on a terminal only, never with --quiet: drawn in place once the scan has run half a
    // second, at most ten times a second, and cleared before anything else is written.
    bool drew_progress = false;
    auto started = std::chrono::steady_clock::now();
    auto last_drawn = started;
    if (!args.quiet && isatty(STDERR_FILENO))
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
    if (!args.quiet)
        for (const auto& notice : outcome->notices) std::cerr << "residency: " << sanitize_terminal(notice) << "\n";
    if (!outcome->error.empty()) {
        // Errors quote the input (policy keys, paths): sanitised like every other terminal output.
        std::cerr << "residency: " << sanitize_terminal(outcome->error) << "\n";
        return kExitError;
    }
    if (!args.baseline.empty()) {
        std::ifstream in(args.baseline, std::ios::binary);
        std::ostringstream content;
        if (!(in && content << in.rdbuf())) {
            std::cerr << "residency: " << sanitize_terminal(args.baseline) << ": cannot read the baseline\n";
            return kExitError;
        }
        auto parsed = parse_baseline(args.baseline, content.str());
        if (auto* error = std::get_if<std::string>(&parsed)) {
            std::cerr << "residency: " << sanitize_terminal(*error) << "\n";
            return kExitError;
        }
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
        apply_baseline(std::get<Baseline>(parsed), args.baseline, outcome->report, files_only ? only_paths : std::vector<std::string>{});
    }
    const Report& report = outcome->report;
    for (const Target& target : *targets) {
        std::string text;
        if (target.format == "text") {
            TextOptions opts;
            opts.color = target.path.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
            opts.show_suppressed = args.show_suppressed;
            opts.summary = !args.quiet;
            text = write_text(report, opts);
        } else {
            text = write_report(report, target.format);
        }
        if (target.path.empty()) {
            std::cout << text;
            std::cout.flush();
        } else {
            std::ofstream f(target.path, std::ios::binary);
            if (!(f << text)) {
                std::cerr << "residency: cannot write " << sanitize_terminal(target.path) << "\n";
                return kExitError;
            }
        }
    }
    auto fails = [&](const Finding& f) { return f.severity >= *severity; };
    bool failed = std::any_of(report.findings.begin(), report.findings.end(), fails) ||
                  (args.strict && std::any_of(report.diagnostics.begin(), report.diagnostics.end(), fails));
    return failed ? kExitFindings : kExitClean;
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
    cmd->add_option("-f,--format", args->formats,
                    "Output format: text, json, sarif, junit, github, markdown, gitlab; FMT=PATH writes a file "
                    "(repeatable: several formats at once, at most one to standard output)")
        ->allow_extra_args(false)
        ->type_name("FMT[=PATH]")
        ->default_str("text");
    cmd->add_option("-o,--output", args->output, "Write the report to this file instead of standard output");
    cmd->add_option("-j,--jurisdiction", args->jurisdictions,
                    "Home jurisdiction(s): eu, eea or a country code (overrides the policy; comma-separated)");
    cmd->add_option("--policy", args->policy, "Policy file (default: residency.yaml found walking up from the scan root)");
    cmd->add_option("--fail-on", args->fail_on, "Lowest severity that makes the exit code 1")
        ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}))
        ->default_str("low");
    cmd->add_option("--select", args->select, "Only these rules: IDs or prefixes such as RES1 (comma-separated)");
    cmd->add_option("--ignore", args->ignore, "Skip these rules: IDs or prefixes (comma-separated)");
    cmd->add_option("--var", args->vars, "Set a root module variable: name=value (repeatable)");
    cmd->add_option("--var-file", args->var_files, "Read root module variables from a .tfvars file (repeatable)");
    cmd->add_flag("--strict", args->strict, "Diagnostics (RES0xx) count towards the exit code too");
    cmd->add_option("--jobs", args->jobs, "Files parsed in parallel (default: one per core, at most 8)")
        ->check(CLI::Range(1u, 64u));
    cmd->add_flag("--allow-outside-root", args->allow_outside_root,
                  "Follow local module sources that lead outside the scanned directory");
    // Suppressions and baseline.
    cmd->add_flag("--show-suppressed", args->show_suppressed,
                  "Text format: list the findings silenced by ignores too, with their reasons");
    cmd->add_option("--baseline", args->baseline,
                     "Report only findings not in this baseline (written by `residency baseline`); list those fixed since")
        ->type_name("FILE");
    cmd->add_flag("-q,--quiet", args->quiet,
                  "Print only findings, diagnostics and errors: no summary lines, no notices (skipped files, nothing "
                  "to scan)");
    cmd->callback([args, &exit_code]() { exit_code = run(*args); });
}

}  // namespace residency::cli
