// Findings (rule results) and diagnostics (family 0: the scan could not read or resolve something).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"

namespace residency {

enum class Severity { Info, Low, Medium, High, Critical };
std::string_view severity_name(Severity s);  // "info" ... "critical"
std::optional<Severity> parse_severity(std::string_view s);

struct RelatedLocation {
    Range range;
    std::string message;  // "region set here: var.region default", "destination bucket"
};

// Diagnostics use the same shape with a RES0xx rule ID; the report keeps them apart.
struct Finding {
    std::string rule_id;
    Severity severity = Severity::Medium;
    std::string message;
    Range range;
    std::vector<RelatedLocation> related;
    std::string root;         // the root (module, manifest set) of the asset ("" for file-level diagnostics)
    std::string asset;        // address of the asset it is about ("" for file-level diagnostics)
    std::string key;          // tells apart findings of one rule at one place (a flow's destination)
    std::string fingerprint;  // stable: hash of rule, root, asset, file and the text at the range; no line numbers
    std::string justification;  // for a finding suppressed in source: the reason written there
    bool suppressed_on_asset = false;  // suppressed by the asset itself (a `residency.io/ignore` annotation)
    // For a suppressed finding (and, before the engine decides, an annotation naming the rule):
    // the ignore's expiry date as written ("" when none) and where the ignore is.
    std::string until;
    Range suppression_range;
    std::string suppressed_at;  // "main.tf:3": set by the engine on suppressed findings
};

bool is_diagnostic(std::string_view rule_id);  // RES0xx

// A scan of several roots names each finding's root in its message: " (root envs/prod)".
void name_roots(std::vector<Finding>& findings);

// The report's order (file path, position, rule, root, asset, key, message), duplicates removed.
// One scan and `residency merge` both use it, so that merged shards read as that scan.
void sort_findings(std::vector<Finding>& findings, const SourceSet& sources);

}  // namespace residency
