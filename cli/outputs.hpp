// The report's outputs, shared by `scan` and `merge`: --format FMT[=PATH] (repeatable), --output,
// and the exit code the findings give.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "report/baseline.hpp"
#include "report/report.hpp"

namespace residency::cli {

struct OutputTarget {
    std::string format;
    std::string path;  // "" for standard output
};

struct OutputArgs {
    std::vector<std::string> formats;  // FMT or FMT=PATH (default: text)
    std::string output;
    bool show_suppressed = false;
    bool quiet = false;  // text: no summary lines; the command says no notices either
    std::string fail_on = "low";
    bool strict = false;  // diagnostics count towards the exit code too
};

// --format, --output, --fail-on, --strict, --show-suppressed, --quiet.
void add_output_options(CLI::App* cmd, OutputArgs& args);

// Checks the formats and paths; nullopt (with the error said on stderr) when they conflict.
std::optional<std::vector<OutputTarget>> parse_output_targets(const OutputArgs& args);

// Writes the report to every target; false (with the error said) when a file cannot be written.
bool write_outputs(const Report& report, const std::vector<OutputTarget>& targets, const OutputArgs& args);

// The baseline file for --baseline; nullopt (with the error said) when it cannot be read or parsed.
std::optional<Baseline> read_baseline(const std::string& path);

// 1 when a finding (or with --strict a diagnostic) is at or above --fail-on, else 0.
int exit_code_of(const Report& report, const OutputArgs& args);

}  // namespace residency::cli
