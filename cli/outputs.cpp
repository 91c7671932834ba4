#include "outputs.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "report/sanitize.hpp"
#include "report/writers.hpp"

namespace residency::cli {

namespace {
const std::vector<std::string> kFormats = {"text", "json", "sarif", "junit", "github", "markdown", "gitlab"};

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

}  // namespace

// Each value FMT or FMT=PATH; at most one goes to standard output (or to --output).
std::optional<std::vector<OutputTarget>> parse_output_targets(const OutputArgs& args) {
    std::vector<OutputTarget> targets;
    std::vector<std::string> values = args.formats.empty() ? std::vector<std::string>{"text"} : args.formats;
    std::size_t to_stdout = 0;
    for (const std::string& value : values) {
        std::size_t eq = value.find('=');
        OutputTarget t{value.substr(0, eq), eq == std::string::npos ? std::string() : value.substr(eq + 1)};
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

bool write_outputs(const Report& report, const std::vector<OutputTarget>& targets, const OutputArgs& args) {
    for (const OutputTarget& target : targets) {
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
                return false;
            }
        }
    }
    return true;
}

std::optional<Baseline> read_baseline(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    if (!(in && content << in.rdbuf())) {
        std::cerr << "residency: " << sanitize_terminal(path) << ": cannot read the baseline\n";
        return std::nullopt;
    }
    auto parsed = parse_baseline(path, content.str());
    if (auto* error = std::get_if<std::string>(&parsed)) {
        std::cerr << "residency: " << sanitize_terminal(*error) << "\n";
        return std::nullopt;
    }
    return std::get<Baseline>(std::move(parsed));
}

int exit_code_of(const Report& report, const OutputArgs& args) {
    Severity threshold = parse_severity(args.fail_on).value_or(Severity::Low);
    auto fails = [&](const Finding& f) { return f.severity >= threshold; };
    bool failed = std::any_of(report.findings.begin(), report.findings.end(), fails) ||
                  (args.strict && std::any_of(report.diagnostics.begin(), report.diagnostics.end(), fails));
    return failed ? kExitFindings : kExitClean;
}

void add_output_options(CLI::App* cmd, OutputArgs& args) {
    cmd->add_option("-f,--format", args.formats,
                    "Output format: text, json, sarif, junit, github, markdown, gitlab; FMT=PATH writes a file "
                    "(repeatable: several formats at once, at most one to standard output)")
        ->allow_extra_args(false)
        ->type_name("FMT[=PATH]")
        ->default_str("text");
    cmd->add_option("-o,--output", args.output, "Write the report to this file instead of standard output");
    cmd->add_option("--fail-on", args.fail_on, "Lowest severity that makes the exit code 1")
        ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}))
        ->default_str("low");
    cmd->add_flag("--strict", args.strict, "Diagnostics (RES0xx) count towards the exit code too");
    cmd->add_flag("--show-suppressed", args.show_suppressed,
                  "Text format: list the findings silenced by ignores too, with their reasons");
    cmd->add_flag("-q,--quiet", args.quiet,
                  "Print only findings, diagnostics and errors: no summary lines, no notices (skipped files, nothing "
                  "to scan)");
}

}  // namespace residency::cli
