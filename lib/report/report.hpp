// The Report: everything a writer needs, and nothing of the graph or the syntax trees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/source.hpp"
#include "engine/rule.hpp"

namespace residency {

struct JurisdictionInfo {
    std::vector<std::string> codes;  // lower case, sorted ("eu")
    std::string origin;              // "policy" | "flag" | "inferred" | "none"
    std::string explanation;         // "inferred from 9 of 11 located assets in eu" / policy path
};

struct ScannedFile {
    FileId id = kNoFile;
    std::string sha256;  // hex, of the bytes read
};

// One asset of the register (`residency inventory`): what it is, where it is written, where it
// is, and how that location was found.
struct InventoryEntry {
    std::string root;
    std::string address;
    std::string type;
    std::string format;       // "terraform", "kubernetes"
    std::string asset_class;  // "data-store", ...
    Range range;              // the asset's header
    std::string location_state;  // "known", "unknown", "not-in-catalog", "global", "unset", "not-applicable", "cloud-not-in-catalog"
    std::string place_code;         // Known: "eu-west-1"
    std::string place_description;  // Known: the catalog's description
    std::vector<std::string> countries;  // Known, upper case, sorted
    std::string location;     // "eu-west-1 (IE)", or what is known of it; Unknown: the reason
    std::string verdict;      // against the home jurisdiction: "inside", "outside", "unknown", "not-applicable"
    std::vector<RelatedLocation> provenance;  // outermost first (provenance_locations)
};

// The graph of `residency graph`: assets and the places or endpoints outside the scan they link to.
struct GraphNode {
    std::string label;   // the address, a place ("us-east-2 (US)") or an endpoint ("https://api.wandb.ai")
    std::string group;   // the jurisdiction or country cluster: "EU", "US", "several countries", "unknown location"
    std::string verdict;  // as InventoryEntry::verdict
    std::string kind;    // "asset", "place", "endpoint"
    std::size_t entry = static_cast<std::size_t>(-1);  // index in Report::inventory for assets
};

struct GraphEdge {
    std::size_t from = 0;  // indexes in Report::graph_nodes
    std::size_t to = 0;
    std::string kind;      // a flow's mechanism ("s3-replication"), an Edge's kind, or "routes-to"
    bool crosses_border = false;  // ends in different jurisdictions or countries, or one inside and one outside
    Range range;           // where the link is written
};

// A finding recorded in a baseline file (`residency baseline`), identified by its fingerprint.
struct BaselineEntry {
    std::string fingerprint;
    std::string rule;
    std::string severity;
    std::string root;   // "" for file-level diagnostics
    std::string asset;  // "" for file-level diagnostics
    std::string path;   // the file, relative to the scan root ("" when none)
    std::string message;
};

// `scan --shard K/N`: which part of a scan this is, and what `residency merge` needs to join the
// parts (findings then do not name their root: only the whole scan knows whether roots are several).
struct ShardInfo {
    unsigned index = 0;
    unsigned count = 0;  // 0: not a shard
    std::vector<std::string> roots;  // the roots of the shard's assets, sorted ("" included)
    // RES004 calls counted in `unreported`, as "path:offset": a module read by several shards
    // is counted once when they are merged.
    std::vector<std::string> unreported_at;
};

struct Report {
    std::string tool_version;
    std::string policy_path;  // "" when no policy file was used
    JurisdictionInfo jurisdiction;
    const SourceSet* sources = nullptr;
    std::vector<ScannedFile> files;          // sorted by path
    std::vector<Finding> findings;           // sorted: file, line, column, rule, asset
    std::vector<Finding> diagnostics;        // RES0xx, same order
    std::vector<Finding> suppressed;         // silenced by `residency:ignore` comments, same order
    std::vector<const RuleMeta*> rules;      // every rule that was enabled, by ID
    // Diagnostics counted but not listed, by rule: RES004 for calls that decide no location.
    std::vector<std::pair<std::string, std::size_t>> unreported;
    std::size_t asset_count = 0;
    std::string policy_sha256;  // hex, of the policy file's bytes; "" when none
    std::vector<InventoryEntry> inventory;  // managed assets, sorted by file, line, address
    std::vector<GraphNode> graph_nodes;     // sorted by group, then label
    std::vector<GraphEdge> graph_edges;     // sorted by ends and kind
    std::size_t located_asset_count = 0;
    // `scan --baseline F`: findings and diagnostics whose fingerprint is in the baseline are left
    // out (counted as unchanged); baseline entries that no longer occur are listed as absent (fixed).
    std::string baseline_path;  // "" when no baseline was used
    std::size_t baseline_unchanged = 0;
    std::vector<BaselineEntry> baseline_absent;  // in the baseline file's order
    ShardInfo shard;
};

}  // namespace residency
