// What `inventory` and `graph` share with `scan`: the inputs and their options, the pipeline run,
// writing the output, and drawing a graph with Graphviz.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "engine/scan.hpp"

namespace residency::cli {

struct InputArgs {
    std::vector<std::string> paths;
    std::vector<std::string> jurisdictions;
    std::string policy;
    std::vector<std::string> vars;
    std::vector<std::string> var_files;
    bool allow_outside_root = false;
    unsigned jobs = 0;
    std::string output;
    std::string cache_dir;  // --cache-dir
    bool no_cache = false;  // --no-cache
};

void add_input_options(CLI::App* cmd, InputArgs& args);
// --cache-dir and --no-cache, for every command that scans.
void add_cache_options(CLI::App* cmd, std::string& dir, bool& no_cache);
// The cache those options ask for: --cache-dir, else the user's cache directory, else none.
void set_cache(ScanOptions& options, const std::string& dir, bool no_cache);
// The scan's Report, or nullptr after saying why on stderr (exit code 2).
std::unique_ptr<ScanOutcome> scan_inputs(const InputArgs& args);
// Standard output, or the file; false after saying why.
bool write_output(const std::string& text, const std::string& path);

// `dot -Tsvg` (found on PATH, run without a shell): the SVG, or nullopt with why in `error`.
std::optional<std::string> render_svg(const std::string& dot, std::string& error);

}  // namespace residency::cli
