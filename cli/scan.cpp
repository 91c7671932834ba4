// `residency scan`: runs the pipeline and writes the report in the chosen format.
#include <unistd.h>

#include <cstdlib>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "frontends/frontends.hpp"
#include "report/sanitize.hpp"
#include "report/writers.hpp"

namespace residency::cli {

namespace {
struct ScanArgs {
    std::vector<std::string> paths;
    std::string stdin_filename;
    std::string format = "text";
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
    // --quiet: no summary lines, no notices; findings, diagnostics and errors stay.
    bool quiet = false;
};

int run(const ScanArgs& args) {
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
    const Report& report = outcome->report;
    std::string text;
    if (args.format == "json") {
        text = write_json(report);
    } else if (args.format == "sarif") {
        // %SRCROOT% stays symbolic: an absolute URI would make the output depend on where the
        // repository is checked out, and code scanning resolves it to the checkout anyway.
        text = write_sarif(report);
    } else {
        TextOptions opts;
        opts.color = args.output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
        opts.summary = !args.quiet;
        text = write_text(report, opts);
    }
    if (args.output.empty()) {
        std::cout << text;
        std::cout.flush();
    } else {
        std::ofstream f(args.output, std::ios::binary);
        if (!(f << text)) {
            std::cerr << "residency: cannot write " << args.output << "\n";
            return kExitError;
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
    cmd->add_option("-f,--format", args->format, "Output format")
        ->check(CLI::IsMember({"text", "json", "sarif"}))
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
    cmd->add_flag("-q,--quiet", args->quiet,
                  "Print only findings, diagnostics and errors: no summary lines, no notices (skipped files, nothing "
                  "to scan)");
    cmd->callback([args, &exit_code]() { exit_code = run(*args); });
}

}  // namespace residency::cli
