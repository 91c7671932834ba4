// Endpoint URIs as MLflow and W&B take them: which scheme, host and bucket they name, whether the
// host is the cluster's own, and the cloud region a host name carries.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace residency::mlops {

struct Uri {
    std::string scheme;   // lower case: "https", "s3", "gs", "wasbs", "abfss", "postgresql+psycopg2", "file"; "" for a path
    std::string host;     // lower case, without user information and port; "" when none
    std::string bucket;   // s3:// and gs://: the bucket; wasbs:// and abfss://: the container
    std::string account;  // wasbs:// and abfss://: the storage account of <container>@<account>.blob|dfs.core.windows.net
    std::string shown;    // the URI without user information: what messages print
};

Uri parse_uri(std::string_view text);

// A name the cluster or the compose project resolves itself: a bare service name, *.svc,
// *.cluster.local, localhost, a private or loopback address, host.docker.internal.
bool in_cluster_host(std::string_view host);

struct HostRegion {
    std::string cloud;   // "aws", "azure", "google"
    std::string region;  // catalog code
};
// The region a cloud service's host name names: AWS "<...>.<region>.amazonaws.com" (and the legacy
// "s3-<region>" label), Google "<region>-aiplatform.googleapis.com", Azure Databricks
// "<region>.azuredatabricks.net". nullopt when the name carries none.
std::optional<HostRegion> region_in_host(std::string_view host);

// Splits a shell command line into words the way sh does for plain words and quotes (no expansion).
std::vector<std::string> shell_words(std::string_view line);

}  // namespace residency::mlops
