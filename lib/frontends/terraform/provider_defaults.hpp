// Provider knowledge both Terraform frontends (HCL and plan JSON) share: which Google resource types
// fall back to the provider's region, and which pick a fixed default of their own.
#pragma once

#include <string_view>

namespace residency::terraform {

// BigQuery datasets and transfer configs default to the US, GCS buckets did before provider 4.0:
// the provider's region does not apply to them.
bool google_ignores_provider_region(std::string_view type);
// Types whose optional region or zone defaults to the provider's.
bool google_takes_provider_region(std::string_view type);

}  // namespace residency::terraform
