// RES308: a Cloud Run service or Cloud Function exposed through a global external load balancer,
// whose Google Front Ends terminate requests worldwide.
#include "rules/global_endpoint/endpoint_rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://cloud.google.com/load-balancing/docs/https",
    "https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_global_forwarding_rule",
};

constexpr RuleExample kBad[] = {
    {"Cloud Run behind a global external Application Load Balancer", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "google" {
  project = "ml-platform"
  region  = "europe-west1"
}

resource "google_cloud_run_v2_service" "inference" {
  name     = "inference"
  location = "europe-west1"
  template {
    containers {
      image = "europe-docker.pkg.dev/ml-platform/serving/llm:1"
    }
  }
}

resource "google_compute_region_network_endpoint_group" "inference" {
  name                  = "inference"
  region                = "europe-west1"
  network_endpoint_type = "SERVERLESS"
  cloud_run {
    service = google_cloud_run_v2_service.inference.name
  }
}

resource "google_compute_backend_service" "inference" {
  name                  = "inference"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  backend {
    group = google_compute_region_network_endpoint_group.inference.id
  }
}

resource "google_compute_url_map" "inference" {
  name            = "inference"
  default_service = google_compute_backend_service.inference.id
}

resource "google_compute_target_https_proxy" "inference" {
  name             = "inference"
  url_map          = google_compute_url_map.inference.id
  ssl_certificates = ["projects/ml-platform/global/sslCertificates/inference"]
}

resource "google_compute_global_forwarding_rule" "inference" {
  name                  = "inference"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  port_range            = "443"
  target                = google_compute_target_https_proxy.inference.id  # expect: RES308
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a regional external Application Load Balancer", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "google" {
  project = "ml-platform"
  region  = "europe-west1"
}

resource "google_cloud_run_v2_service" "inference" {
  name     = "inference"
  location = "europe-west1"
  template {
    containers {
      image = "europe-docker.pkg.dev/ml-platform/serving/llm:1"
    }
  }
}

resource "google_compute_region_network_endpoint_group" "inference" {
  name                  = "inference"
  network_endpoint_type = "SERVERLESS"
  cloud_run {
    service = google_cloud_run_v2_service.inference.name
  }
}

resource "google_compute_region_backend_service" "inference" {
  name                  = "inference"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  backend {
    group = google_compute_region_network_endpoint_group.inference.id
  }
}

resource "google_compute_region_url_map" "inference" {
  name            = "inference"
  default_service = google_compute_region_backend_service.inference.id
}

resource "google_compute_region_target_https_proxy" "inference" {
  name             = "inference"
  url_map          = google_compute_region_url_map.inference.id
  ssl_certificates = ["projects/ml-platform/regions/europe-west1/sslCertificates/inference"]
}

resource "google_compute_forwarding_rule" "inference" {
  name                  = "inference"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  port_range            = "443"
  target                = google_compute_region_target_https_proxy.inference.id
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const Endpoint& e : facts.endpoints) {
        if (e.mechanism != "global-load-balancer" || e.serves.empty()) continue;
        std::string scheme = e.by_default ? fmt::format("{}, the default", e.setting) : e.setting;
        out.report(e.asset, e.range,
                   fmt::format("{} is a global external load balancer ({}) in front of {}: Google Front Ends "
                               "worldwide terminate its requests outside {}",
                               e.asset->address, scheme, endpoint::served(facts, e), facts.jurisdiction_label()),
                   e.related, e.serves.front()->address);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES308",
    .name = "serverless-behind-global-load-balancer",
    .family = "global-endpoint",
    .severity = Severity::Medium,
    .title = "A Cloud Run service or Cloud Function is exposed through a global external load balancer",
    .why = "A global external Application Load Balancer (a global forwarding rule, target proxy, URL map and "
           "backend service) is served by Google Front Ends in Google's edge locations worldwide: clients "
           "connect to the nearest one, which terminates TLS and sees each request and response before it "
           "reaches the serverless network endpoint group in the service's region. Reported when the scan "
           "shows the whole chain from the forwarding rule to the Cloud Run service or Cloud Function. "
           "(Lambda function URLs are not reported: their endpoint is in the function's own region.)",
    .fix = "Expose the service through a regional external Application Load Balancer "
           "(google_compute_forwarding_rule with a region, google_compute_region_target_https_proxy, "
           "google_compute_region_url_map, google_compute_region_backend_service) in a region inside the "
           "jurisdiction.",
    .references = kReferences,
    .applies_to = {},
    .reads = "endpoints: google_compute_global_forwarding_rule (external schemes) -> target proxy -> "
             "google_compute_url_map -> google_compute_backend_service -> serverless "
             "google_compute_region_network_endpoint_group -> Cloud Run service or Cloud Function",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES308{&kMeta, check};

}  // namespace residency::rules
