// S3 replication: rules of aws_s3_bucket_replication_configuration and the legacy inline
// replication_configuration of aws_s3_bucket, resolved to the destination bucket of the scan
// (a reference, or an ARN naming a bucket defined in the same root).
#include <fmt/format.h>

#include <map>

#include "facts/adapters/adapters.hpp"

namespace residency::adapters {
namespace {

constexpr std::string_view kMechanism = "s3-replication";

constexpr std::string_view kArnPrefix = "arn:aws:s3:::";

std::string_view without_arn(std::string_view name) {
    if (name.starts_with(kArnPrefix)) name.remove_prefix(kArnPrefix.size());
    return name;
}

// Managed buckets of the scan by literal name, and by the pattern of a name known only after apply.
// A pattern two buckets share names neither: it is ambiguous, never the first one found.
struct BucketIndex {
    const Graph& graph;
    std::map<std::string, const Asset*, std::less<>> by_name;     // root + '\n' + bucket name
    std::map<std::string, const Asset*, std::less<>> by_pattern;  // root + '\n' + pattern; nullptr when shared

    static const Asset* find(const std::map<std::string, const Asset*, std::less<>>& index, std::string_view root,
                             std::string_view name) {
        std::string key;
        key.append(root).append(1, '\n').append(without_arn(name));
        auto it = index.find(key);
        return it == index.end() ? nullptr : it->second;
    }

    // A literal name or ARN of a bucket of the same root; a name built from the same references as
    // one ("replica-${random_pet.this.id}"); or the bucket whose own attribute (id, arn) it is.
    const Asset* bucket(const Asset& from, const Value& v) const {
        if (v.is_string()) return find(by_name, from.root, v.as_string());
        if (v.is_unknown() && v.pattern()) return find(by_pattern, from.root, *v.pattern());
        if (v.ref_asset.empty()) return nullptr;
        const Asset* a = graph.find(from.root, v.ref_asset);
        return a && a->type == "aws_s3_bucket" && a->mode == AssetMode::Managed ? a : nullptr;
    }
};

// A rule whose status is literally "Disabled" copies nothing; an unknown status may be enabled.
bool disabled(const Value& rule) {
    const Value* status = rule.get("status");
    return status && status->is_string() && status->as_string() == "Disabled";
}

std::string why_unresolved(const Graph& graph, const Asset& from, const Value& v) {
    if (!v.ref_asset.empty())
        if (const Asset* a = graph.find(from.root, v.ref_asset); a && a->mode == AssetMode::Read)
            return fmt::format("the destination is the existing bucket read by {}: its region is not in this configuration",
                               a->address);
    if (v.is_unknown() && v.pattern())
        return "the destination bucket's name is known only after apply and names no one bucket of this configuration: " +
               v.unknown_reason();
    if (v.is_unknown()) return "the destination bucket is not known: " + v.unknown_reason();
    if (!v.is_string()) return "the destination bucket is not a string";
    return fmt::format("bucket \"{}\" is not defined in the scanned configuration: scan the configuration that creates it",
                       without_arn(v.as_string()));
}

void collect_rules(Facts& facts, const BucketIndex& index, const Asset& via, const Asset& origin, const Value* rules) {
    if (!rules) return;
    if (rules->is_unknown()) {
        facts.flows.push_back(unresolved_flow(kMechanism, origin, via, rules->range,
                                              "the replication rules are not known: " + rules->unknown_reason()));
        return;
    }
    for (const auto& rule : rules->items()) {
        if (rule.is_unknown()) {  // a dynamic block whose instances are not known
            facts.flows.push_back(unresolved_flow(kMechanism, origin, via, rule.range,
                                                  "the replication rules are not known: " + rule.unknown_reason()));
            continue;
        }
        const Value* destinations = rule.get("destination");
        if (!destinations || disabled(rule)) continue;
        if (destinations->is_unknown()) {
            facts.flows.push_back(unresolved_flow(kMechanism, origin, via, destinations->range,
                                                  "the replication destination is not known: " +
                                                      destinations->unknown_reason()));
            continue;
        }
        for (const auto& d : destinations->items()) {
            if (d.is_unknown()) {
                facts.flows.push_back(unresolved_flow(kMechanism, origin, via, d.range,
                                                      "the replication destination is not known: " + d.unknown_reason()));
                continue;
            }
            const Value* bucket = d.get("bucket");
            if (!bucket) continue;
            const Asset* to = index.bucket(via, *bucket);
            if (!to) {
                facts.flows.push_back(unresolved_flow(kMechanism, origin, via, bucket->range, why_unresolved(*facts.graph, via, *bucket)));
                continue;
            }
            facts.flows.push_back(Flow{kMechanism, &origin, &via, bucket->range, to, facts.fact(*to).location});
        }
    }
}

}  // namespace

void s3_replication(Facts& facts) {
    BucketIndex index{*facts.graph, {}, {}};
    for (const Asset& a : facts.graph->assets)
        if (a.type == "aws_s3_bucket" && a.mode == AssetMode::Managed)
            if (const Value* b = a.attributes.get("bucket")) {
                if (b->is_string()) index.by_name.emplace(a.root + '\n' + b->as_string(), &a);
                if (b->is_unknown() && b->pattern()) {
                    auto [it, added] = index.by_pattern.emplace(a.root + '\n' + *b->pattern(), &a);
                    if (!added) it->second = nullptr;
                }
            }
    for (const Asset& a : facts.graph->assets) {
        if (a.mode != AssetMode::Managed) continue;
        if (a.type == "aws_s3_bucket_replication_configuration") {
            const Value* source = a.attributes.get("bucket");
            const Asset* origin = source ? index.bucket(a, *source) : nullptr;
            collect_rules(facts, index, a, origin ? *origin : a, a.attributes.get("rule"));
        }
        if (a.type == "aws_s3_bucket")
            // Wholly unknown, it is the provider's computed attribute (a plan marks it so for every
            // bucket); a configuration's dynamic block that is not known is an unknown item.
            if (const Value* inline_config = a.attributes.get("replication_configuration"))
                for (const auto& c : inline_config->items())
                    collect_rules(facts, index, a, a, c.is_unknown() ? &c : c.get("rules"));
    }
}

}  // namespace residency::adapters
