// The one interface between the engine and a format: a frontend claims files and loads them into
// the graph. The engine discovers files and asks; it knows no format.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/graph.hpp"
#include "core/source.hpp"

namespace residency {

class FileCache;

// A problem found while loading that the scan reports and goes on from.
struct LoadProblem {
    Range range;
    std::string message;
};

// What a frontend reports besides assets; each list feeds one diagnostic rule.
struct LoadResult {
    std::vector<LoadProblem> syntax_errors;          // RES001: the file cannot be read as its format
    std::vector<LoadProblem> unreadable_parts;       // RES002: parts whose assets the scan cannot see
    std::vector<LoadProblem> unsupported_functions;  // RES004 candidates; message: the function's name
    std::vector<std::string> fatal;                  // usage errors that stop the scan (exit code 2)
};

using DisplayPath = std::function<std::string(const std::filesystem::path&)>;

struct LoadContext {
    std::filesystem::path root;               // the scan root: nothing outside it is read unless asked
    std::vector<std::filesystem::path> files;  // the files this frontend claimed below root, sorted
    DisplayPath display;                      // absolute path -> path shown to users
    unsigned jobs = 0;                        // parser threads; 0: one per core (at most 8)
    // Every file's bytes are read through sources.read(path), and a directory is listed on disk only
    // when sources.provided_in(dir) is nullopt: `scan -` gives standard input in memory there.
    SourceSet& sources;
    Graph& graph;
    LoadResult& result;
    // Trees of files whose bytes were read before (`--cache-dir`); nullptr: no cache.
    FileCache* cache = nullptr;
};

class Frontend {
public:
    virtual ~Frontend() = default;
    virtual std::string_view name() const = 0;   // "terraform"
    virtual std::string_view reads() const = 0;  // for users: "Terraform (.tf, .tf.json, .tfvars, plan JSON)"
    // Whether the frontend reads this file. `head` returns the file's first bytes, read only when
    // a frontend asks (a `.json` file is a plan or not by its content).
    virtual bool claims(const std::filesystem::path& file, const std::function<std::string_view()>& head) const = 0;
    // Loads every claimed file of one scan root into the graph. Called once per root.
    virtual void load(LoadContext& context) = 0;
};

}  // namespace residency
