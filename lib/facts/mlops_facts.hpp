// Facts about experiment trackers and artifact stores (adapters/mlops.cpp): which MLflow or W&B
// endpoint a workload, compose service or configuration file sends runs, metrics, models and
// artifacts to, and where that endpoint is. Facts from shared/reference/ai-endpoints.md sections 7-8.
#pragma once

#include <string>
#include <string_view>

#include "core/graph.hpp"
#include "facts/location_fact.hpp"

namespace residency {

struct MlopsEndpoint {
    enum class Role : std::uint8_t {
        Tracker,        // where runs, parameters and metrics go: MLFLOW_TRACKING_URI, W&B's server
        BackendStore,   // an MLflow server's --backend-store-uri: the database behind the tracker
        ArtifactStore,  // where models, checkpoints and artifacts are written
    };
    // How far the endpoint is from the process that uses it.
    enum class Reach : std::uint8_t {
        External,   // a host on the internet or a cloud service
        InCluster,  // a service name of the cluster or compose project, a private address: the workload's own placement
        Local,      // a local file or database: the process's own disk
    };

    const Asset* asset = nullptr;  // the workload, compose service or file that configures it
    std::string container;         // the Kubernetes container ("" for other sources)
    std::string_view product;      // "MLflow", "W&B"
    Role role = Role::Tracker;
    Reach reach = Reach::External;
    std::string setting;  // what sets it: "MLFLOW_TRACKING_URI", "--default-artifact-root", "WANDB_API_KEY without WANDB_BASE_URL"
    std::string uri;      // as written, without user information (no passwords in messages)
    std::string host;     // lower case; "" for bucket URIs without a host and local stores
    Range range;          // where the value is written (the API key, for W&B's default cloud)
    Provenance provenance;  // where the value came from when not written in place (a ConfigMap, an env_file)
    // The asset of the scan it is: a Terraform bucket or storage account named by the URI, a
    // Kubernetes Service named by the host. Null when none.
    const Asset* linked = nullptr;
    // W&B's multi-tenant cloud: the SDK's default server when an API key is set and no base URL.
    bool vendor_cloud = false;
    // Where it is: the linked asset's location, a region in the host name, W&B's cloud; Unknown with
    // why (a host that names no region); NotApplicable for in-cluster and local endpoints.
    LocationFact location;
};

}  // namespace residency
