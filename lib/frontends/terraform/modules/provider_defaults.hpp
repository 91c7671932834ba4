// Provider knowledge both Terraform frontends (HCL and plan JSON) share: the arguments that locate a
// resource, which resource types fall back to the provider's region, and which pick a fixed default.
#pragma once

#include <span>
#include <string_view>

namespace residency {
class Value;
}

namespace residency::terraform {

// BigQuery datasets and transfer configs default to the US, GCS buckets did before provider 4.0:
// the provider's region does not apply to them.
bool google_ignores_provider_region(std::string_view type);
// Types whose optional region or zone defaults to the provider's.
bool google_takes_provider_region(std::string_view type);

// The arguments a resource of a cloud names its own location with, in the order the provider
// reads them: aws `region` (provider v6); google `location`, `region`, `zone`; azurerm `location`.
// Hetzner `location`/`datacenter`/`home_location`; OVHcloud `region`/`region_name` and a database's
// `nodes[0].region`; Scaleway `region`/`zone`; IONOS `location`/`region`; STACKIT `region`;
// DigitalOcean `region` and an app's `spec[0].region`; IBM Cloud's bucket locations, `location`,
// `zone`, `datacenter`, `region`; none for OCI and Alibaba Cloud (their provider's region applies).
std::span<const char* const> location_arguments(std::string_view cloud);
// The same for one resource type: a few types name their location with another argument
// (google_spanner_instance: `config`, an instance configuration such as "regional-europe-west1").
std::span<const char* const> location_arguments(std::string_view cloud, std::string_view type);
// The value of one of those arguments in a resource's attributes: "nodes.region" reads the first
// `nodes` block's `region`. nullptr when absent.
const Value* location_value(const Value& attrs, std::string_view name);

// For the clouds beyond AWS, Google and Azure: the provider-block arguments a resource falls back
// to, in order (Scaleway `zone` then `region` for zonal types, `region` then `zone` for the rest;
// STACKIT `default_region`; OCI, Alibaba and IBM `region`). Empty where the provider sets no
// location (Hetzner, OVHcloud, IONOS, DigitalOcean).
std::span<const char* const> provider_location_arguments(std::string_view cloud, std::string_view type);
bool beyond_big_three(std::string_view cloud);  // a cloud the catalog knows other than aws, google, azure

}  // namespace residency::terraform
