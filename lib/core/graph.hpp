// The resource graph: assets (resources, data sources, state backends, ...) with their attributes
// and effective location. Frontends build it; facts are computed from it; links between assets are
// values that name them (Value::ref_asset), read by the adapters that need them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/source.hpp"
#include "core/value.hpp"

namespace residency {

using AssetId = std::uint32_t;

// What an asset is, for rules that read data stores, compute and AI services but not global
// control-plane objects such as IAM. Frontends classify; rules declare the classes they read.
enum class AssetClass : std::uint8_t {
    DataStore,     // holds data at rest: buckets, databases, volumes, registries, queues, secrets
    Compute,       // runs workloads that see data: instances, clusters, node pools, functions
    AiService,     // model hosting, training, inference: SageMaker, Bedrock, Vertex AI, Azure OpenAI
    StateBackend,  // infrastructure state storage (Terraform's `backend` block)
    Key,           // encryption keys and key rings
    Network,       // VPCs, subnets, load balancers: located, but hold no data
    Global,        // no data location: IAM, Route 53, CloudFront, organisations, billing
    Other,         // located configuration objects that hold no data (policies, attachments)
};
inline constexpr std::size_t kAssetClassCount = 8;
std::string_view class_name(AssetClass c);  // "data-store", "compute", "ai-service", ...

enum class AssetMode : std::uint8_t {
    Managed,     // created by the configuration or manifests
    Read,        // read from an object that exists elsewhere (a Terraform data source): placed by it
    Superseded,  // the same asset from a plan in the scan replaces this one
};

struct Asset {
    std::string format;   // the frontend that produced it: "terraform"
    std::string root;     // the root module (or manifest set) it belongs to: addresses are unique within one
    std::string address;  // Terraform-style: "module.ml.aws_s3_bucket.weights", "terraform.backend.s3"
    std::string type;     // "aws_s3_bucket", "backend_s3"
    AssetMode mode = AssetMode::Managed;
    std::string cloud;    // "aws" | "google" | "azure" | ""
    AssetClass asset_class = AssetClass::Other;
    // Why the asset may not exist at all ("count depends on var.replicas"); "" when it certainly does.
    std::string condition;
    Range range;          // the whole definition
    Range header_range;   // where findings about the asset point (block header)
    Range configuration_range;  // for an asset from a plan: the HCL block that produced it, when scanned
    Value attributes;     // object: arguments, and nested blocks as lists of objects
    std::string provider_config;  // "aws", "aws.us" ("" when none applies)

    // The effective location as written (a region, zone, multi-region or "global"), already followed
    // through references, variables and the provider configuration: a String with provenance,
    // Unknown with the reason, or Null when nothing anywhere sets one (the cloud's default applies).
    Value location;
    // Set when the location came from the asset's own argument rather than its provider.
    bool location_from_asset = false;
    // False for a resource that has no location of its own (a child living with a parent that is not
    // in the scan, a global object): a null region then means "not applicable", not "unset".
    bool location_applies = true;

    // What the asset was rendered from, for messages and related locations: a Helm template
    // ("chart/templates/deployment.yaml", from the `# Source:` comment `helm template` writes),
    // with the range of that note. "" / invalid when none.
    std::string origin_note;
    Range origin_range;
    // Suppressions written on the asset itself (a Kubernetes `residency.io/ignore` annotation):
    // rule IDs or prefixes with the reason, as for `# residency:ignore` comments.
    struct Ignore {
        std::string rule;    // "RES205", or a prefix of at least 4 characters ("RES2")
        std::string reason;  // "" when none was written
        std::string until;   // the date after `until` as written ("" when none); checked by the engine
        Range range;         // the annotation's value
    };
    std::vector<Ignore> ignores;
};

struct Graph {
    std::vector<Asset> assets;

    AssetId add(Asset asset);
    // Looks an address up within one root (addresses repeat across the root modules of a scan).
    const Asset* find(std::string_view root, std::string_view address) const;
    std::optional<AssetId> id_of(std::string_view root, std::string_view address) const;

private:
    std::unordered_map<std::string, AssetId> by_address_;
};

}  // namespace residency
