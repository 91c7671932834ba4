// Where Google resources take their location from when the configuration does not set it.
#include "frontends/terraform/modules/provider_defaults.hpp"

#include <algorithm>
#include <iterator>

namespace residency::terraform {

// Google services that pick their own default location rather than the provider's region.
bool google_ignores_provider_region(std::string_view type) {
    return type == "google_bigquery_dataset" || type == "google_bigquery_data_transfer_config" ||
           type == "google_storage_bucket";
}

// Google resource types whose optional region or zone defaults to the provider's (provider docs:
// "If it is not provided, the provider region/zone is used"). Other Google types without a location
// argument are children that live with their parent, or global.
bool google_takes_provider_region(std::string_view type) {
    static constexpr std::string_view kTypes[] = {
        "google_artifact_registry_repository", "google_client_config", "google_cloudfunctions_function",
        "google_composer_environment",
        "google_compute_address", "google_compute_disk", "google_compute_forwarding_rule",
        "google_compute_instance", "google_compute_instance_group", "google_compute_instance_group_manager",
        "google_compute_node_group", "google_compute_region_backend_service", "google_compute_region_disk",
        "google_compute_region_instance_group_manager", "google_compute_region_instance_template",
        "google_compute_reservation", "google_compute_resource_policy", "google_compute_router",
        "google_compute_router_nat", "google_compute_subnetwork", "google_container_cluster",
        "google_container_node_pool", "google_dataflow_flex_template_job", "google_dataflow_job",
        "google_dataproc_cluster", "google_dataproc_job", "google_filestore_instance", "google_memcache_instance",
        "google_redis_instance", "google_sql_database_instance", "google_tpu_node", "google_workflows_workflow",
    };
    if (type.starts_with("google_vertex_ai_")) return true;
    return std::binary_search(std::begin(kTypes), std::end(kTypes), type);
}

std::span<const char* const> location_arguments(std::string_view cloud) {
    static constexpr const char* kAws[] = {"region"};
    static constexpr const char* kGoogle[] = {"location", "region", "zone"};
    static constexpr const char* kAzure[] = {"location"};
    if (cloud == "aws") return kAws;
    if (cloud == "google") return kGoogle;
    if (cloud == "azure") return kAzure;
    return {};
}

std::span<const char* const> location_arguments(std::string_view cloud, std::string_view type) {
    static constexpr const char* kSpanner[] = {"config"};
    if (cloud == "google" && type == "google_spanner_instance") return kSpanner;
    return location_arguments(cloud);
}

}  // namespace residency::terraform
