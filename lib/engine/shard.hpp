// `scan --shard K/N`: the part of a scan one CI job does. The files found are split into groups that
// a scan judges together, and the groups into N shards; the shards' JSON reports, joined by
// `residency merge`, are the report of one scan.
#pragma once

#include <filesystem>
#include <map>
#include <string_view>
#include <vector>

#include "engine/frontend.hpp"

namespace residency {

struct ShardSpec {
    unsigned index = 0;  // 1..count
    unsigned count = 0;  // 0: no sharding
};

// Keeps, in every root's discovered files, only those of the groups that fall to `shard`.
//
// A group never splits what one scan joins: a directory is one unit with the directories it calls
// as local modules (by `source = "./..."`, read as text: Terraform requires a literal) and those
// that call it; every non-Terraform file (Kubernetes, Helm output, MLOps configuration) is in one
// group, with every Terraform unit that names a resource type those join (node pools and clusters,
// StorageClasses, buckets). Groups go to shards by size, largest first, each to the least loaded
// shard: the same on every machine that has the same files.
void keep_shard(std::vector<std::map<Frontend*, std::vector<std::filesystem::path>>>& discovered, ShardSpec shard);

// Local module sources (`source = "../x"`) in one Terraform file's text, as directories relative
// to the file's directory, normalised.
std::vector<std::filesystem::path> local_module_sources(const std::filesystem::path& dir, std::string_view text);

}  // namespace residency
