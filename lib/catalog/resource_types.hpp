// What kind of asset a Terraform resource type is, for rules that apply to data stores, compute,
// AI services and state backends but not to global control-plane objects such as IAM.
#pragma once

#include <string_view>

namespace residency::catalog {

enum class AssetClass {
    DataStore,     // holds data at rest: buckets, databases, volumes, registries, queues, secrets
    Compute,       // runs workloads that see data: instances, clusters, node pools, functions
    AiService,     // model hosting, training, inference: SageMaker, Bedrock, Vertex AI, Azure OpenAI
    StateBackend,  // Terraform state storage (its `terraform { backend }` block)
    Network,       // VPCs, subnets, load balancers: located, but hold no data
    Global,        // no data location: IAM, Route 53, CloudFront, organisations, billing
    Other,         // located configuration objects that hold no data (policies, attachments)
};

AssetClass classify(std::string_view resource_type);
std::string_view class_name(AssetClass c);  // "data-store", "compute", "ai-service", ...

// The cloud a resource type belongs to by its prefix: "aws", "google", "azure", or "".
std::string_view cloud_of_type(std::string_view resource_type);

}  // namespace residency::catalog
