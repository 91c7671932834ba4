// The Terraform frontend's entry: turns the Terraform configurations found under the scan paths
// into assets of the graph, with every value evaluated and every location resolved as far as the
// configuration allows.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/graph.hpp"
#include "core/source.hpp"

namespace residency::terraform {

struct Options {
    std::vector<std::string> vars;       // "name=value", from --var, in order
    std::vector<std::string> var_files;  // from --var-file, in order
    bool allow_outside_root = false;     // follow local module sources that leave the scan root
    unsigned jobs = 0;                   // parser threads; 0: one per core (at most 8)
};

// A problem with the input that the scan reports and goes on from (RES001).
struct ParseProblem {
    Range range;
    std::string message;
};

struct Result {
    std::vector<ParseProblem> problems;
    std::vector<ParseProblem> unreadable_modules;  // module calls whose assets the scan cannot see
    std::vector<ParseProblem> unsupported_functions;  // message: the function's name
    std::vector<std::string> fatal;  // usage errors that stop the scan (a --var-file that is missing)
};

// `dirs` are every directory of the scan that holds Terraform files, each given once; `display`
// turns an absolute path into the path shown to users. Reads nothing outside `root`.
// A Terraform configuration file: native syntax (.tf) or JSON syntax (.tf.json).
bool is_configuration_file(const std::filesystem::path& path);

using DisplayPath = std::function<std::string(const std::filesystem::path&)>;
Result load(const std::vector<std::filesystem::path>& dirs, const std::filesystem::path& root,
            const Options& options, const DisplayPath& display, SourceSet& sources, Graph& graph);

}  // namespace residency::terraform
