// Where resources take their location from when the configuration does not set it on them.
#include "frontends/terraform/modules/provider_defaults.hpp"

#include <algorithm>
#include <iterator>

#include "core/value.hpp"

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
    // more-clouds.md section 1. Zone arguments that configurations usually fill from a data source
    // (alicloud `zone_id`, oci `availability_domain`) are left out: the provider's region says the same.
    static constexpr const char* kHetzner[] = {"location", "datacenter", "home_location"};
    static constexpr const char* kOvh[] = {"region", "region_name", "nodes.region"};
    static constexpr const char* kScaleway[] = {"region", "zone"};
    static constexpr const char* kIonos[] = {"location", "region"};
    static constexpr const char* kStackit[] = {"region"};
    static constexpr const char* kDigitalocean[] = {"region", "spec.region"};
    static constexpr const char* kIbm[] = {"region_location", "cross_region_location", "single_site_location",
                                           "location", "zone", "datacenter", "region"};
    if (cloud == "aws") return kAws;
    if (cloud == "google") return kGoogle;
    if (cloud == "azure") return kAzure;
    if (cloud == "hetzner") return kHetzner;
    if (cloud == "ovh") return kOvh;
    if (cloud == "scaleway") return kScaleway;
    if (cloud == "ionos") return kIonos;
    if (cloud == "stackit") return kStackit;
    if (cloud == "digitalocean") return kDigitalocean;
    if (cloud == "ibm") return kIbm;
    return {};
}

std::span<const char* const> location_arguments(std::string_view cloud, std::string_view type) {
    static constexpr const char* kSpanner[] = {"config"};
    if (cloud == "google" && type == "google_spanner_instance") return kSpanner;
    return location_arguments(cloud);
}

const Value* location_value(const Value& attrs, std::string_view name) {
    auto dot = name.find('.');
    if (dot == std::string_view::npos) return attrs.get(name);
    const Value* blocks = attrs.get(name.substr(0, dot));
    if (!blocks || blocks->items().empty()) return nullptr;
    return blocks->items().front().get(name.substr(dot + 1));
}

// Scaleway's zonal resources (more-clouds.md section 1) take the provider's zone, the others its region.
static bool scaleway_zonal(std::string_view type) {
    static constexpr std::string_view kPrefixes[] = {
        "scaleway_apple_silicon_", "scaleway_autoscaling_", "scaleway_baremetal_", "scaleway_block_",
        "scaleway_flexible_ip", "scaleway_instance_", "scaleway_ipam_ip", "scaleway_k8s_pool",
        "scaleway_lb", "scaleway_redis_cluster", "scaleway_vpc_public_gateway",
    };
    return std::any_of(std::begin(kPrefixes), std::end(kPrefixes), [&](std::string_view p) { return type.starts_with(p); });
}

std::span<const char* const> provider_location_arguments(std::string_view cloud, std::string_view type) {
    static constexpr const char* kRegion[] = {"region"};
    static constexpr const char* kScalewayRegional[] = {"region", "zone"};
    static constexpr const char* kScalewayZonal[] = {"zone", "region"};
    static constexpr const char* kStackit[] = {"default_region"};
    if (cloud == "oci" || cloud == "alibaba" || cloud == "ibm") return kRegion;
    if (cloud == "scaleway") return scaleway_zonal(type) ? kScalewayZonal : kScalewayRegional;
    if (cloud == "stackit") return kStackit;
    return {};
}

bool beyond_big_three(std::string_view cloud) {
    return !cloud.empty() && cloud != "aws" && cloud != "google" && cloud != "azure";
}

}  // namespace residency::terraform
