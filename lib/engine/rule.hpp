// A rule: its metadata (which is also its documentation) and a free function over typed facts.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/graph.hpp"

namespace residency {

struct Facts;  // facts/facts.hpp
struct RuleOutput;

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
    // The asset classes whose facts it reads (Facts::of_classes); empty for rules over flows or diagnostics.
    std::span<const AssetClass> applies_to;
    std::string_view reads;     // what it reads, in words: "S3 replication flows", "data stores with a location"
    std::span<const RuleExample> bad;
    std::span<const RuleExample> good;
};

// Collects one rule's findings; fills in rule ID and severity (the engine adds identity and fingerprint).
struct RuleOutput {
    const RuleMeta* rule = nullptr;
    Severity severity = Severity::Medium;
    std::vector<Finding>* out = nullptr;
    // An asset whose existence is conditional (unknown count or for_each) says so in the message.
    // `key` tells apart findings of one rule at the same place: a dynamic block's several destinations.
    void report(const Asset* asset, Range range, std::string message, std::vector<RelatedLocation> related = {},
                std::string key = {});
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
