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
    std::size_t located_asset_count = 0;
};

}  // namespace residency
