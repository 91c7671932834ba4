// AWS replicas and copies whose other end is named by a reference or a literal ARN: DynamoDB table
// replicas, RDS read replicas and Aurora global databases, RDS automated backup replication, KMS
// replica keys (all created in their own region, copying from a source elsewhere), ECR registry
// replication and AWS Backup copy actions (copying from here to a region or vault they name).
#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "facts/adapters/adapters.hpp"
#include "facts/adapters/aws_arn.hpp"

namespace residency::adapters {
namespace {

using State = LocationFact::State;

// A resource type that can be the source, how a literal identifier names it, and the prefix of its
// ARN's resource part ("db:" in arn:aws:rds:eu-west-1:123456789012:db:main).
struct SourceKind {
    std::string_view type;
    std::string_view id_attribute;  // "" when only references and ARNs name it
    std::string_view arn_prefix;
};

constexpr SourceKind kDbInstance[] = {{"aws_db_instance", "identifier", "db:"}};
constexpr SourceKind kClusterOrInstance[] = {{"aws_rds_cluster", "cluster_identifier", "cluster:"},
                                             {"aws_db_instance", "identifier", "db:"}};
constexpr SourceKind kCluster[] = {{"aws_rds_cluster", "cluster_identifier", "cluster:"}};
constexpr SourceKind kTable[] = {{"aws_dynamodb_table", "name", "table/"}};
constexpr SourceKind kKey[] = {{"aws_kms_key", "", "key/"}, {"aws_kms_external_key", "", "key/"}};
constexpr SourceKind kVault[] = {{"aws_backup_vault", "name", "backup-vault:"},
                                 {"aws_backup_logically_air_gapped_vault", "name", "backup-vault:"}};

// Where the other end of a replica or copy is, as far as the configuration says.
struct End {
    bool absent = false;        // no value: nothing is replicated
    const Asset* asset = nullptr;  // an asset of the scan
    LocationFact location;      // when it is not: the region of a literal ARN (NotApplicable otherwise)
    std::string name;           // how messages name it when it is not an asset of the scan
    bool bare_identifier = false;  // a literal that is not an ARN and names no asset of the scan
    bool unknown = false;       // the value is not known, or names an existing resource read elsewhere
    bool may_be_null = false;   // the value is not known at all: it may turn out null
    std::string reason;         // why, when unknown
};

bool is_type(const Asset& a, std::span<const SourceKind> kinds) {
    return std::any_of(kinds.begin(), kinds.end(), [&](const SourceKind& k) { return a.type == k.type; });
}

const Asset* by_identifier(const Graph& graph, const Asset& from, std::span<const SourceKind> kinds,
                           std::string_view id, bool from_arn) {
    for (const Asset& a : graph.assets) {
        if (a.mode != AssetMode::Managed || a.root != from.root) continue;
        for (const auto& k : kinds) {
            if (a.type != k.type || k.id_attribute.empty()) continue;
            std::string_view wanted = id;
            if (from_arn) {
                if (!wanted.starts_with(k.arn_prefix)) continue;
                wanted.remove_prefix(k.arn_prefix.size());
            }
            const Value* v = a.attributes.get(k.id_attribute);
            if (v && v->is_string() && v->as_string() == wanted) return &a;
        }
    }
    return nullptr;
}

// Resolves the value that names the other end: a reference to an asset of the scan, a literal
// identifier or ARN of one, or else what a literal ARN says of its region. `what` names it in messages.
End resolve(const Facts& facts, const Asset& from, const Value* v, std::span<const SourceKind> kinds,
            std::string_view what) {
    End end;

    if (!v || v->is_null() || (v->is_string() && v->as_string().empty())) {
        end.absent = true;
        return end;
    }
    if (!v->ref_asset.empty()) {
        if (const Asset* a = facts.graph->find(from.root, v->ref_asset)) {
            if (a->mode == AssetMode::Managed && is_type(*a, kinds)) {
                end.asset = a;
                return end;
            }
            if (a->mode == AssetMode::Read) {
                end.unknown = true;
                end.reason = fmt::format("{} is the existing resource read by {}: its region is not in this configuration",
                                         what, a->address);
                end.name = fmt::format("{} read by {}", what, a->address);
                return end;
            }
        }
    }
    if (v->is_string()) {
        const std::string& text = v->as_string();
        if (auto arn = parse_arn(text)) {
            if (const Asset* a = by_identifier(*facts.graph, from, kinds, arn->resource, true)) {
                end.asset = a;
                return end;
            }
            end.name = fmt::format("{} {}", what, text);
            if (auto l = arn_location(*v)) {
                end.location = std::move(*l);
            } else {
                end.unknown = true;
                end.reason = fmt::format("the ARN \"{}\" names no region", text);
            }
            return end;
        }
        if (const Asset* a = by_identifier(*facts.graph, from, kinds, text, false)) {
            end.asset = a;
            return end;
        }
        end.bare_identifier = true;
        end.name = fmt::format("{} \"{}\"", what, text);
        return end;
    }
    end.unknown = true;
    end.may_be_null = v->is_unknown();
    end.reason = v->is_unknown() ? fmt::format("{} is not known: {}", what, v->unknown_reason())
                                 : fmt::format("{} is not a string", what);
    end.name = v->is_unknown() ? fmt::format("{} (not known: {})", what, v->unknown_reason())
                               : fmt::format("{} (not a string)", what);
    return end;
}

bool holds_data(const Asset& a) {
    return a.asset_class == AssetClass::DataStore || a.asset_class == AssetClass::Compute ||
           a.asset_class == AssetClass::AiService || a.asset_class == AssetClass::StateBackend;
}

bool same_place(const LocationFact& a, const LocationFact& b) {
    return a.state == State::Known && b.state == State::Known && a.place.code == b.place.code;
}

const LocationFact& origin_location(const Facts& facts, const Flow& f) {
    return f.origin_location.state != State::NotApplicable ? f.origin_location : facts.fact(*f.origin).location;
}

// A replica created in `via`'s own region, copying from `source`. A source that cannot be resolved
// leaves `via` as the origin, with a name that says so. When the argument is optional (a read
// replica's source), an unknown value may be null (no replica at all) and a bare identifier names
// a source in the same region: neither is a flow.
void into_own_region(Facts& facts, std::string_view mechanism, const Asset& via, Range range, const End& source,
                     bool optional_source) {
    if (source.absent || (optional_source && (source.bare_identifier || source.may_be_null))) return;
    const LocationFact& here = facts.fact(via).location;
    const Asset& origin = source.asset ? *source.asset : via;
    if (here.state == State::Unknown) {
        // A data asset's own unknown location is RES002's already; say it here for the others (keys).
        if (holds_data(via)) return;
        facts.flows.push_back(unresolved_flow(mechanism, origin, via, range,
                                              fmt::format("the region of {} is not known: {}", via.address, here.reason)));
        return;
    }
    Flow f{mechanism, &origin, &via, range, nullptr, here};
    if (!source.asset) {
        f.origin_name = source.name;
        f.origin_location = source.location;
        if (source.unknown) {
            f.origin_location.state = State::Unknown;
            f.origin_location.reason = source.reason;
        }
    }
    if (same_place(origin_location(facts, f), here)) return;  // a copy within one region
    facts.flows.push_back(std::move(f));
}

// aws_rds_global_cluster: the primary cluster replicates to every other member cluster (those whose
// global_cluster_identifier names it). The primary is the cluster source_db_cluster_identifier names;
// or, for a member whose source_region is set (a secondary), the member in that region. With
// neither, which member is the primary is not written: each member then receives the global
// database's data from the first member known to be in another region, and the message says so.
void rds_global_cluster(Facts& facts, const Asset& g) {
    End primary = resolve(facts, g, g.attributes.get("source_db_cluster_identifier"), kCluster, "the primary cluster");
    const Value* gid = g.attributes.get("global_cluster_identifier");
    std::vector<std::pair<const Asset*, Range>> members;
    for (const Asset& c : facts.graph->assets) {
        if (c.mode != AssetMode::Managed || c.type != "aws_rds_cluster" || c.root != g.root) continue;
        const Value* v = c.attributes.get("global_cluster_identifier");
        if (!v) continue;
        bool joins = v->ref_asset == g.address ||
                     (v->is_string() && gid && gid->is_string() && v->as_string() == gid->as_string());
        if (joins && &c != primary.asset) members.emplace_back(&c, v->range);
    }
    auto source_region = [](const Asset& c) -> const Value* {
        const Value* sr = c.attributes.get("source_region");
        return sr && sr->is_string() && !sr->as_string().empty() ? sr : nullptr;
    };
    bool secondaries_marked = std::any_of(members.begin(), members.end(), [&](const auto& m) { return source_region(*m.first); });
    for (const auto& [m, range] : members) {
        const LocationFact& here = facts.fact(*m).location;
        if (here.state != State::Known) continue;  // unknown: RES002's; unset: the provider's default
        Flow f{"rds-replica", primary.asset, m, range, nullptr, here};
        if (!f.origin) {
            if (const Value* sr = source_region(*m)) {
                LocationFact from = locate_value("aws", *sr);
                for (const auto& [other, r] : members)
                    if (other != m && same_place(facts.fact(*other).location, from)) f.origin = other;
                if (!f.origin) {
                    f.origin = &g;
                    f.origin_name = fmt::format("the primary cluster of {}", g.address);
                    f.origin_location = std::move(from);
                }
            } else if (secondaries_marked) {
                continue;  // the other members name their source region: this one is the primary
            } else {
                for (const auto& [other, r] : members) {
                    const LocationFact& there = facts.fact(*other).location;
                    if (other != m && there.state == State::Known && !same_place(there, here)) {
                        f.origin = &g;
                        f.origin_name = fmt::format("the global database {} shared with {}", g.address, other->address);
                        f.origin_location = there;
                        break;
                    }
                }
                if (!f.origin) continue;
            }
        }
        const LocationFact& from = origin_location(facts, f);
        if (from.state != State::Known || same_place(from, here)) continue;
        facts.flows.push_back(std::move(f));
    }
}

// The prefixes a rule's repository_filter blocks narrow replication to, for the message.
std::string ecr_repositories(const Value& rule) {
    const Value* filters = rule.get("repository_filter");
    if (!filters || filters->items().empty()) {
        if (filters && filters->is_unknown()) return "the registry's repositories its repository_filter selects";
        return "every repository of the registry";
    }
    std::string prefixes;
    for (const Value& f : filters->items()) {
        const Value* filter = f.get("filter");
        if (!filter || !filter->is_string()) return "the registry's repositories its repository_filter selects";
        prefixes += fmt::format("{}\"{}\"", prefixes.empty() ? "" : " or ", filter->as_string());
    }
    return "the registry's repositories starting with " + prefixes;
}

// Iterates a list of nested blocks; a list or block that is not known becomes an unresolved flow.
template <typename F>
void each_block(Facts& facts, std::string_view mechanism, const Asset& via, const Value* blocks, std::string_view what,
                F&& f) {
    if (!blocks) return;
    if (blocks->is_unknown()) {
        facts.flows.push_back(unresolved_flow(mechanism, via, via, blocks->range,
                                              fmt::format("the {} of {} are not known: {}", what, via.address,
                                                          blocks->unknown_reason())));
        return;
    }
    for (const Value& b : blocks->items()) {
        if (b.is_unknown()) {  // a dynamic block whose instances are not known
            facts.flows.push_back(unresolved_flow(mechanism, via, via, b.range,
                                                  fmt::format("the {} of {} are not known: {}", what, via.address,
                                                              b.unknown_reason())));
            continue;
        }
        f(b);
    }
}

void ecr_replication(Facts& facts, const Asset& a) {
    constexpr std::string_view kMechanism = "ecr-replication";
    const LocationFact& here = facts.fact(a).location;
    each_block(facts, kMechanism, a, a.attributes.get("replication_configuration"), "replication configurations",
               [&](const Value& config) {
        each_block(facts, kMechanism, a, config.get("rule"), "replication rules", [&](const Value& rule) {
            std::string repositories = ecr_repositories(rule);
            each_block(facts, kMechanism, a, rule.get("destination"), "replication destinations", [&](const Value& d) {
                const Value* region = d.get("region");
                if (!region || region->is_null()) return;
                Flow f{kMechanism, &a, &a, region->range, nullptr, locate_value("aws", *region)};
                f.destination.provenance = prepend(fmt::format("{} destination region", a.address), region->range,
                                                   region->provenance);
                f.origin_name = repositories;
                if (same_place(here, f.destination)) return;
                facts.flows.push_back(std::move(f));
            });
        });
    });
}

// aws_backup_plan: each rule's copy_action copies the recovery points of the rule's vault
// (target_vault_name) to the vault its destination_vault_arn names.
void backup_copies(Facts& facts, const Asset& plan) {
    constexpr std::string_view kMechanism = "backup-copy";
    each_block(facts, kMechanism, plan, plan.attributes.get("rule"), "backup rules", [&](const Value& rule) {
        End source = resolve(facts, plan, rule.get("target_vault_name"), kVault, "the backup vault");
        const Asset& origin = source.asset ? *source.asset : plan;
        each_block(facts, kMechanism, plan, rule.get("copy_action"), "copy actions", [&](const Value& copy) {
            const Value* arn = copy.get("destination_vault_arn");
            End to = resolve(facts, plan, arn, kVault, "the destination vault");
            if (to.absent) return;
            if (to.unknown || to.bare_identifier) {
                facts.flows.push_back(unresolved_flow(
                    kMechanism, origin, plan, arn->range,
                    to.unknown ? to.reason
                               : fmt::format("{} is not an ARN and names no vault of this configuration", to.name)));
                return;
            }
            Flow f{kMechanism, &origin, &plan, arn->range, to.asset, to.asset ? facts.fact(*to.asset).location : to.location};
            if (same_place(facts.fact(origin).location, f.destination)) return;
            facts.flows.push_back(std::move(f));
        });
    });
}

}  // namespace

void aws_replication(Facts& facts) {
    for (const Asset& a : facts.graph->assets) {
        if (a.mode != AssetMode::Managed) continue;
        const Value* v = nullptr;
        if (a.type == "aws_dynamodb_table_replica") {
            v = a.attributes.get("global_table_arn");
            into_own_region(facts, "dynamodb-replica", a, v ? v->range : a.header_range,
                            resolve(facts, a, v, kTable, "the table"), false);
        } else if (a.type == "aws_db_instance") {
            v = a.attributes.get("replicate_source_db");
            // In the same region the source is named by its identifier; in another, by its ARN.
            if (v) into_own_region(facts, "rds-replica", a, v->range, resolve(facts, a, v, kDbInstance, "the source instance"), true);
        } else if (a.type == "aws_rds_cluster") {
            v = a.attributes.get("replication_source_identifier");
            if (v)
                into_own_region(facts, "rds-replica", a, v->range,
                                resolve(facts, a, v, kClusterOrInstance, "the source"), true);
        } else if (a.type == "aws_rds_global_cluster") {
            rds_global_cluster(facts, a);
        } else if (a.type == "aws_db_instance_automated_backups_replication") {
            v = a.attributes.get("source_db_instance_arn");
            if (v)
                into_own_region(facts, "rds-backup-replication", a, v->range,
                                resolve(facts, a, v, kDbInstance, "the source instance"), false);
        } else if (a.type == "aws_kms_replica_key" || a.type == "aws_kms_replica_external_key") {
            v = a.attributes.get("primary_key_arn");
            if (v)
                into_own_region(facts, "kms-replica-key", a, v->range, resolve(facts, a, v, kKey, "the primary key"),
                                false);
        } else if (a.type == "aws_ecr_replication_configuration") {
            ecr_replication(facts, a);
        } else if (a.type == "aws_backup_plan") {
            backup_copies(facts, a);
        }
    }
}

}  // namespace residency::adapters
