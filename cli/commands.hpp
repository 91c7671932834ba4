// The sub-commands: each file registers one on the application and runs it when chosen.
#pragma once

#include <CLI/CLI.hpp>

namespace residency::cli {

// One version, CMake's project version, so that the binary, the reports and the package agree.
inline constexpr const char* kVersion = RESIDENCY_VERSION;

// Exit codes (DESIGN.md): 0 clean, 1 findings at or above --fail-on, 2 usage/policy/input error.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

void add_scan(CLI::App& app, int& exit_code);
void add_rules(CLI::App& app, int& exit_code);
void add_explain(CLI::App& app, int& exit_code);
void add_regions(CLI::App& app, int& exit_code);
void add_version(CLI::App& app, int& exit_code);
void add_docs(CLI::App& app, int& exit_code);
void add_inventory(CLI::App& app, int& exit_code);
void add_graph(CLI::App& app, int& exit_code);
void add_baseline(CLI::App& app, int& exit_code);
void add_init(CLI::App& app, int& exit_code);
void add_man(CLI::App& app, int& exit_code);
void add_merge(CLI::App& app, int& exit_code);

// Splits "a,b" arguments given once or repeatedly into one list.
std::vector<std::string> split_commas(const std::vector<std::string>& values);

}  // namespace residency::cli
