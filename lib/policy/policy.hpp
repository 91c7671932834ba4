// The `residency.yaml` policy file: its model, the strict parser that validates it, and discovery.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/finding.hpp"

namespace residency {

struct RuleSetting {
    std::string rule_id;  // upper case, "RES205"
    bool enabled = true;
    std::optional<Severity> severity;
    bool ignorable = true;  // false: `residency:ignore` comments and annotations of this rule do not apply
};

struct Policy {
    std::string path;  // display path of the file ("" when built-in)
    int version = 1;
    std::vector<std::string>
        jurisdictions;  // lower case, sorted, unique; empty: infer the home one
    std::vector<std::string> allow_regions;  // as written, lower-cased, first occurrence kept
    std::vector<std::string> allow_hosts;   // lower-cased; may hold globs ("*.internal.example.eu")
    std::vector<std::string> require_tags;  // as written (tag keys are case-sensitive in clouds)
    std::vector<std::string> require_tee;   // subset of node-pools, vms, workloads; sorted, unique
    bool require_customer_managed_keys = false;  // AI data stores must be encrypted with the user's own keys
    std::vector<RuleSetting> rules;         // sorted by rule id
    std::vector<std::string> exclude;       // glob patterns (policy/glob.hpp), as written
    bool suppressions_require_reason = false;  // `suppressions: {require_reason: true}`
};

// line and column are 1-based; line 0 means the error concerns the whole file.
struct PolicyError {
    std::string path;
    std::uint32_t line = 0, column = 0;
    std::string message;
    // "residency.yaml:3:15: error: unknown jurisdiction \"europe\"..." ("residency.yaml: error:
    // ..." when there is no position).
    std::string to_string() const;
};

// Validates strictly: an unknown key, a wrong type or an unknown value is an error, because a typo
// in a policy silently ignored would weaken the check it was written for. Aliases and explicit
// YAML tags are rejected (nothing in a policy needs them, and aliases are how YAML bombs work).
// Stops at the first error.
std::variant<Policy, PolicyError> parse_policy(
    std::string_view display_path, std::string_view text,
    const std::function<bool(std::string_view rule_id)>& rule_exists);

// Walks up from scan_root (a directory, or a file's directory) to the repository root (the first
// ancestor holding .git) or the filesystem root, and returns the first residency.yaml found.
std::optional<std::filesystem::path> find_policy(const std::filesystem::path& scan_root);

}  // namespace residency
