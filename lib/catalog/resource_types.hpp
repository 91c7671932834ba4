// What kind of asset a Terraform resource type is, for rules that apply to data stores, compute,
// AI services and state backends but not to global control-plane objects such as IAM.
#pragma once

#include <string_view>

#include "core/graph.hpp"

namespace residency::catalog {

using residency::AssetClass;
using residency::class_name;

AssetClass classify(std::string_view resource_type);

// The cloud a resource type belongs to by its prefix: "aws", "google", "azure", "hetzner" (hcloud_),
// "alibaba" (alicloud_), "ionos" (ionoscloud_), "ovh", "scaleway", "stackit", "oci", "digitalocean",
// "ibm", or "".
std::string_view cloud_of_type(std::string_view resource_type);

}  // namespace residency::catalog
