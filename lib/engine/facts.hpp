// Facts computed once per scan from the graph: each asset's class and resolved location, the
// home jurisdiction, and the index rules use to find buckets by name. Rules read only these.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/resource_types.hpp"
#include "core/finding.hpp"
#include "core/graph.hpp"
#include "engine/rule.hpp"

namespace residency {

struct Policy;

struct LocationFact {
    enum class State {
        Known,         // resolved to a catalog place
        Unknown,       // depends on something the scan cannot know (reason says what)
        NotInCatalog,  // a literal code the catalog does not know
        Unset,         // nothing sets a location: the cloud's default applies
        NotApplicable, // global services, or assets that take no location
    };
    State state = State::NotApplicable;
    catalog::Place place;   // Known
    std::string written;    // the code as written (Known, NotInCatalog)
    std::string reason;     // Unknown
    Range range;            // where the code or the unknown came from
    Provenance provenance;
};

struct AssetFact {
    const Asset* asset = nullptr;
    catalog::AssetClass asset_class = catalog::AssetClass::Other;
    LocationFact location;
};

// One S3 replication rule's destination, resolved through the graph (a reference to the bucket
// resource, or an ARN naming a bucket defined in the same configuration).
struct ReplicationFact {
    const Asset* configuration = nullptr;  // the replication configuration (or bucket with inline rules)
    Range range;                           // the destination `bucket` value
    const Asset* destination = nullptr;    // nullptr when it cannot be resolved
    std::string unresolved;                // why, when destination is nullptr
};

struct ParseProblemFact {
    Range range;
    std::string message;
};

struct Facts {
    const Graph* graph = nullptr;
    const SourceSet* sources = nullptr;
    std::vector<AssetFact> assets;            // by AssetId
    std::vector<std::string> jurisdictions;   // the home jurisdiction(s), lower case
    std::vector<std::string> allow_regions;   // lower case
    std::vector<ParseProblemFact> parse_problems;
    std::vector<ParseProblemFact> unreadable_modules;  // module calls whose assets cannot be seen
    std::vector<ParseProblemFact> unsupported_functions;  // message: the function's name
    std::vector<ReplicationFact> s3_replications;         // enabled rules only

    // Located assets are inside when their whole place lies in a home jurisdiction, or every
    // region they span is explicitly allowed.
    bool inside(const catalog::Place& place) const;
    bool has_jurisdiction() const { return !jurisdictions.empty(); }
    std::string jurisdiction_label() const;  // "eu", "de or fr"

    // S3 buckets by their literal `bucket` name, per root.
    const Asset* s3_bucket_named(std::string_view root, std::string_view name) const;
    const AssetFact& fact(const Asset& a) const;
    std::map<std::string, AssetId, std::less<>> s3_buckets;  // root + '\n' + name
};

// Whether rules about placement apply to this asset at all (data, compute, AI, state backends).
bool holds_or_processes_data(catalog::AssetClass c);

LocationFact locate(const Asset& asset);

// Fills facts.s3_replications from aws_s3_bucket_replication_configuration rules and the legacy
// inline replication_configuration of aws_s3_bucket; needs facts.s3_buckets.
void collect_s3_replications(Facts& facts);

// "us-east-1 (US)", "EU multi-region", "EUR5 (BE, GB)"
std::string describe_place(const catalog::Place& place);

// "region us-east-1 <- provider "aws" (alias "us") region <- var.dr_region from terraform.tfvars"
// as related locations, outermost first.
std::vector<RelatedLocation> provenance_locations(const Provenance& p);

// Collects one rule's findings; fills in rule ID, severity and fingerprint.
struct RuleOutput {
    const RuleMeta* rule = nullptr;
    Severity severity = Severity::Medium;
    std::vector<Finding>* out = nullptr;
    void report(const Asset* asset, Range range, std::string message, std::vector<RelatedLocation> related = {});
};

}  // namespace residency
