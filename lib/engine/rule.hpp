// A rule: its metadata (which is also its documentation) and a free function over typed facts.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace residency {

struct Facts;       // engine/facts.hpp
struct RuleOutput;  // engine/facts.hpp

// An inline example: one file, or several separated by lines `-- path --`. In a bad example each
// line that must fire ends with `# expect: RESxxx`.
struct RuleExample {
    std::string_view title;
    std::string_view source;
};

struct RuleMeta {
    std::string_view id;        // "RES101"
    std::string_view name;      // kebab-case, names the bad pattern: "s3-replication-out-of-jurisdiction"
    std::string_view family;    // "replication"
    Severity severity;          // default
    std::string_view title;     // one line
    std::string_view why;       // why it matters for residency
    std::string_view fix;       // how to fix it
    std::span<const std::string_view> references;  // URLs
    std::string_view reads;     // the asset kinds it reads: "aws_s3_bucket_replication_configuration, aws_s3_bucket"
    std::span<const RuleExample> bad;
    std::span<const RuleExample> good;
};

using RuleCheck = void (*)(const Facts& facts, RuleOutput& out);

struct Rule {
    const RuleMeta* meta;
    RuleCheck check;
};

// Every rule, sorted by ID: the one explicit list (engine/registry.cpp).
std::span<const Rule> all_rules();
const Rule* find_rule(std::string_view id);  // case-insensitive

std::string_view family_of(std::string_view rule_id);  // from the family digit

}  // namespace residency
