// Provider knowledge both Terraform frontends (HCL and plan JSON) share: which Google resource types
// fall back to the provider's region, and which pick a fixed default of their own.
#pragma once

#include <span>
#include <string_view>

namespace residency::terraform {

// BigQuery datasets and transfer configs default to the US, GCS buckets did before provider 4.0:
// the provider's region does not apply to them.
bool google_ignores_provider_region(std::string_view type);
// Types whose optional region or zone defaults to the provider's.
bool google_takes_provider_region(std::string_view type);

// The arguments a resource of a cloud names its own location with, in the order the provider
// reads them: aws `region` (provider v6); google `location`, `region`, `zone`; azurerm `location`.
std::span<const char* const> location_arguments(std::string_view cloud);
// The same for one resource type: a few types name their location with another argument
// (google_spanner_instance: `config`, an instance configuration such as "regional-europe-west1").
std::span<const char* const> location_arguments(std::string_view cloud, std::string_view type);

}  // namespace residency::terraform
