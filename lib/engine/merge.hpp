// `residency merge`: the shards' JSON reports (`scan --shard K/N --format json`) joined into the
// Report one scan of everything gives, so that every writer renders it as that scan would.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "report/report.hpp"

namespace residency {

struct ShardReport {
    std::string path;  // as shown in errors
    std::string text;
};

struct MergeOutcome {
    SourceSet sources;  // the scanned files, read again (their SHA-256 must match the reports')
    Report report;
    std::string error;  // set when the reports cannot be joined (exit code 2)
};

// The scanned files are read from the paths the reports show, relative to the working directory:
// merge runs where the scans ran, on the same files.
std::unique_ptr<MergeOutcome> merge_shards(const std::vector<ShardReport>& shards, const std::string& tool_version);

}  // namespace residency
