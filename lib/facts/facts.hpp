// Facts, by concept, computed once per scan from the graph and read by every rule: where each asset
// is, where its data flows, and the home jurisdiction. Rules read only these, never a format's syntax.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "core/finding.hpp"
#include "core/graph.hpp"
#include "engine/frontend.hpp"
#include "facts/endpoints.hpp"
#include "facts/kubernetes_facts.hpp"
#include "facts/kubernetes_objects.hpp"
#include "facts/location_fact.hpp"
#include "facts/mlops_facts.hpp"
#include "facts/tee_tags.hpp"

namespace residency {

struct AssetFact {
    const Asset* asset = nullptr;
    LocationFact location;
};

// Data copied, replicated, backed up or sent from an asset to a place or to another asset.
struct Flow {
    std::string_view mechanism;            // "s3-replication", "dynamodb-replica", ...
    const Asset* origin = nullptr;         // the asset whose data moves
    const Asset* via = nullptr;            // the asset whose configuration creates the flow (may be origin)
    Range range;                           // the argument that names the destination
    const Asset* destination_asset = nullptr;  // when the destination is an asset of the scan
    LocationFact destination;              // Unknown, with the reason, when it cannot be resolved
    // What is copied and how, when the plain "replicates to" does not say it: "keeps geo-redundant
    // copies (account_replication_type GRS) in the paired region"; placed before the destination.
    std::string what = {};
    // When what moves is not the origin asset as a whole, or not an asset of the scan: how messages
    // name it ("the table arn:aws:dynamodb:eu-west-1:...:table/x", "the registry's repositories
    // starting with \"prod-\""); and its location when known apart from the origin asset's (the
    // region of a literal ARN). NotApplicable: the origin asset's own location.
    std::string origin_name = {};
    LocationFact origin_location = {};
};

// A typed link from an asset to another asset or to an endpoint outside the scan, possibly across
// formats: a workload runs on a Terraform node pool, a claim is provisioned by a StorageClass, a
// workload mounts a claim, an MLflow configuration stores artifacts in a bucket. Read by the
// inventory and graph outputs.
struct Edge {
    std::string_view kind;  // "runs-on-node-pool", "uses-storage-class", "mounts-claim", "stores-artifacts-in", "tracks-to"
    const Asset* from = nullptr;
    const Asset* to = nullptr;  // null when the other end is not an asset of the scan
    Range range;                // where `from` names the other end
    // When `to` is null: how the other end is named ("https://api.wandb.ai", "s3://weights/") and
    // where it is, as far as known (NotApplicable: not known at all).
    std::string target = {};
    LocationFact target_location = {};
};

// Keys (adapters/keys.cpp): where each key is and whether it is multi-region.
struct KeyFact {
    const Asset* key = nullptr;        // aws_kms_key, google_kms_key_ring / _crypto_key, azurerm_key_vault / _key, ...
    LocationFact location;             // a Google crypto key: its key ring's; an Azure vault key: its vault's
    const Asset* container = nullptr;  // the key ring or vault of the scan it lives in, when it lives in one
    bool multi_region = false;         // aws_kms_key multi_region = true, literally
    Range multi_region_range;
    Provenance multi_region_provenance;  // where the value came from (a module argument, a variable)
};

// A data or AI asset that names the key encrypting it: which assets a key protects.
struct KeyUse {
    const Asset* asset = nullptr;  // whose data the key protects
    const Asset* via = nullptr;    // whose argument names the key (an S3 encryption configuration); may be asset
    Range range;                   // the argument that names the key
    std::string attribute;         // "server_side_encryption.kms_key_arn"
    const Asset* key = nullptr;    // the key asset (resource or data source) the argument refers to, through aliases
    bool certain = true;           // false when the argument is unknown and may turn out null (no key at all)
    LocationFact location;         // where the key is: from the key asset, an ARN or a key name; Unknown with why
};

// Whether a data or AI asset that can take a customer-managed key has one (the table in adapters/keys.cpp).
struct CustomerKeyFact {
    enum class State { Set, None, Unknown };
    const Asset* asset = nullptr;
    State state = State::None;
    std::string how;     // where one is set: "kms_key_id", "aws_s3_bucket_server_side_encryption_configuration ..."
    std::string reason;    // Unknown
};

struct Facts {
    const Graph* graph = nullptr;
    const SourceSet* sources = nullptr;
    // The graph's Kubernetes objects by root, kind, namespace and name, built on first use: the
    // Kubernetes and MLOps adapters both look objects up (each built its own: 7% of a manifest scan).
    const k8s::ObjectIndex& kubernetes_objects() const;
    std::vector<AssetFact> assets;            // by AssetId
    std::vector<Flow> flows;                  // in asset order, then as written
    std::vector<Edge> edges;                  // links that are not flows: by adapter, then in asset order
    std::vector<Endpoint> endpoints;          // serving and routing surfaces and their reach (endpoints.hpp)
    std::vector<ComputeFact> compute;         // node pools, VMs and templates, in asset order (adapters/compute_tee.cpp)
    std::vector<TagsFact> tags;               // by AssetId (adapters/tags.cpp)
    std::vector<KeyFact> keys;                // key assets, in asset order
    std::vector<KeyUse> key_uses;             // in asset order, then as written
    std::vector<CustomerKeyFact> customer_keys;  // data and AI assets that can take a customer-managed key
    KubernetesFacts k8s;                      // workloads, StorageClasses and claims (adapters/kubernetes.cpp)
    std::vector<MlopsEndpoint> mlops;         // trackers and artifact stores, in asset order (adapters/mlops.cpp)
    std::vector<std::string> jurisdictions;   // the home jurisdiction(s), lower case
    std::vector<std::string> allow_regions;   // lower case
    // What the policy requires beyond the location (policy.hpp): tag keys every data asset carries
    // (empty: the default residency keys), where TEEs are required (empty: the default scope), and
    // whether AI data stores must use customer-managed keys.
    std::vector<std::string> require_tags;
    std::vector<std::string> require_tee;
    // Hosts the policy allows traffic to (allow.hosts, lower case; "*." globs match subdomains).
    std::vector<std::string> allow_hosts;
    bool host_allowed(std::string_view host) const;
    bool require_customer_managed_keys = false;
    // Whether the TEE scope covers this compute: require.tee's node-pools and vms, or by default
    // node pools and accelerator compute; "the default TEE scope (...)" or "require.tee: vms".
    bool tee_required(const ComputeFact& c) const;
    std::string tee_scope_label() const;
    std::array<std::vector<AssetId>, kAssetClassCount> by_class;  // assets by class, in id order
    mutable std::shared_ptr<const k8s::ObjectIndex> kubernetes_objects_;  // see kubernetes_objects()
    LoadResult load;  // what the frontends could not read, resolve or evaluate
    // With no policy or flag: located data assets by the legal area or country they are in, most
    // first ("" for places spanning several countries); what inference decided from.
    std::vector<std::pair<std::string, std::size_t>> located_split;
    std::string located_split_text() const;  // "eu 19, us 8, several countries 1"

    // Located assets are inside when their whole place lies in a home jurisdiction, or every
    // region they span is explicitly allowed.
    bool inside(const catalog::Place& place) const;
    bool has_jurisdiction() const { return !jurisdictions.empty(); }
    std::string jurisdiction_label() const;  // "eu", "de or fr"

    const AssetFact& fact(const Asset& a) const;
    // The assets of these classes, in id order: what a rule declares it reads.
    std::vector<const AssetFact*> of_classes(std::span<const AssetClass> classes) const;
};

// Builds every fact but the home jurisdiction (which the engine decides from policy, flags or inference).
Facts build_facts(const Graph& graph, const SourceSet& sources, LoadResult load);

LocationFact locate(const Asset& asset);
// A value naming a location of `cloud` (a region, zone, multi-region or "global") as a fact, with the
// value's range and provenance; null is Unset.
LocationFact locate_value(std::string_view cloud, const Value& value);

// "us-east-1 (US)", "EU multi-region", "EUR5 (BE, GB)"
std::string describe_place(const catalog::Place& place);
// The place of a known location, or what is known of it: "global", "not in the catalog (\"mars-1\")".
std::string describe_location(const LocationFact& location);

// "region us-east-1 <- provider "aws" (alias "us") region <- var.dr_region from terraform.tfvars"
// as related locations, outermost first.
std::vector<RelatedLocation> provenance_locations(const Provenance& p);

}  // namespace residency
