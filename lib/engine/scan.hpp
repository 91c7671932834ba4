// The scan pipeline as one call: discover files, let the frontends load them, compute facts, run
// the rules and build the Report. The CLI only parses arguments and writes what this returns.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/graph.hpp"
#include "core/source.hpp"
#include "engine/frontend.hpp"
#include "engine/shard.hpp"
#include "report/report.hpp"

namespace residency {

// Content scanned as if it were the file `name` (`scan - --stdin-filename NAME`): the name decides
// which frontend reads it and is the path findings show; nothing is written to disk.
struct InMemoryFile {
    std::string name;  // relative to the working directory, which is the scan root
    std::string text;
};

struct ScanOptions {
    std::vector<std::string> paths;          // files or directories; none means "."
    std::optional<InMemoryFile> stdin_file;  // `scan -`: the only input; paths must be empty
    std::string policy_path;                 // --policy; "" to search upwards
    std::vector<std::string> jurisdictions;  // --jurisdiction, overrides the policy
    std::vector<std::string> select;         // rule IDs or prefixes ("RES1")
    std::vector<std::string> ignore;
    unsigned jobs = 0;                       // parser threads; 0: one per core (at most 8)
    std::string tool_version;
    // "Today" for ignores with `until` (YYYY-MM-DD); "" reads RESIDENCY_TODAY, else the UTC date.
    std::string today;
    // Files read so far and the files the frontends claimed, called as files are read (from parser
    // threads, serialised by the engine; `done` never exceeds `total`); empty: no progress.
    std::function<void(std::size_t done, std::size_t total)> progress;
    // --shard K/N: only the groups of files that fall to shard K (engine/shard.hpp).
    ShardSpec shard;
    // The scan cache (lib/cache/file_cache.hpp): its directory, "" for none. When the directory
    // cannot be used the scan runs without it, saying so only when it was given (`--cache-dir`).
    std::string cache_dir;
    bool cache_dir_given = false;
    // The residency register and graph (Report::inventory, graph_nodes, graph_edges): for
    // `inventory` and `graph`; `scan`'s reports never show them and skip the work.
    bool build_inventory = true;
};

struct ScanOutcome {
    SourceSet sources;
    Graph graph;
    Report report;
    std::vector<std::string> notices;  // said on stderr: skipped files, nothing to scan
    std::string error;  // set when a usage, policy or input error stopped the scan (exit code 2)
};

// Every format is a frontend; the engine knows them only through that interface.
std::unique_ptr<ScanOutcome> run_pipeline(const ScanOptions& options, std::span<Frontend* const> frontends);

// True when `id` is selected by the prefixes (an empty list selects everything).
bool rule_matches(std::string_view id, const std::vector<std::string>& prefixes);

}  // namespace residency
