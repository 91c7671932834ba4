// RES202: a data store sets no location, and the cloud's default places it elsewhere.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset#location",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_data_transfer_config#location",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs#region",
    "https://registry.terraform.io/providers/scaleway/scaleway/latest/docs#arguments-reference",
    "https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/spaces_bucket#region",
};

constexpr RuleExample kBad[] = {
    {"a BigQuery dataset and a GCS bucket with no location", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "google" {
  region = "europe-west4"
}

resource "google_bigquery_dataset" "prompts" {  # expect: RES202
  dataset_id = "prompts"
}

resource "google_storage_bucket" "weights" {  # expect: RES202
  name = "weights"
}

resource "google_bigquery_data_transfer_config" "prompt_export" {  # expect: RES202
  display_name   = "prompt-export"
  data_source_id = "scheduled_query"
  params = {
    query = "SELECT * FROM prompts.log"
  }
}
)"},
    {"an AWS provider with no region at all", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {}

resource "aws_s3_bucket" "weights" {  # expect: RES202
  bucket = "weights"
}

resource "aws_instance" "trainer" {  # expect: RES202 RES403
  ami           = "ami-0a1b2c3d4e5f67890"
  instance_type = "p4d.24xlarge"
}

resource "aws_sagemaker_endpoint" "llm" {  # expect: RES202
  endpoint_config_name = "llm"
}
)"},
    {"a Vertex AI dataset with no region, on a Google provider with none", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "google" {
  project = "ml"
}

resource "google_vertex_ai_dataset" "prompts" {  # expect: RES202
  display_name        = "prompts"
  metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml"
}
)"},
    {"a Hetzner server, a Scaleway bucket and a DigitalOcean Spaces bucket with no location", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "scaleway" {}

resource "hcloud_server" "trainer" {  # expect: RES202
  name        = "trainer"
  server_type = "cx22"
  image       = "ubuntu-24.04"
}

resource "scaleway_object_bucket" "weights" {  # expect: RES202
  name = "weights"
}

resource "digitalocean_spaces_bucket" "datasets" {  # expect: RES202
  name = "datasets"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"explicit EU locations", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-north-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}

resource "google_bigquery_dataset" "prompts" {
  dataset_id = "prompts"
  location   = "EU"
}

provider "google" {
  region = "europe-west4"
}

# No region of its own: Vertex AI takes the provider's.
resource "google_vertex_ai_dataset" "prompts" {
  display_name        = "prompts"
  metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml"
}
)"},
};

// Types whose service picks a fixed default location instead of the provider's region.
struct FixedDefault {
    std::string_view type;
    std::string_view code;
    std::string_view wording;
};
constexpr FixedDefault kFixedDefaults[] = {
    {"google_bigquery_dataset", "US", "BigQuery creates the dataset in the US multi-region"},
    {"google_bigquery_data_transfer_config", "US",
     "BigQuery Data Transfer creates the transfer config in the US multi-region"},
    {"google_storage_bucket", "US",
     "Google provider versions before 4.0 create the bucket in the US multi-region (later ones refuse the plan)"},
    {"digitalocean_spaces_bucket", "nyc3", "the DigitalOcean provider creates the bucket in nyc3 (New York)"},
};

// Where an unset location comes from when Terraform runs, as each provider documents it; a
// generic wording where the provider documents no environment variable.
std::string unset_source(std::string_view cloud) {
    if (cloud == "aws") return "AWS_REGION or the AWS profile";
    if (cloud == "google") return "GOOGLE_REGION";
    if (cloud == "scaleway") return "SCW_DEFAULT_REGION / SCW_DEFAULT_ZONE (fr-par / fr-par-1 when unset)";
    if (cloud == "ibm") return "IC_REGION (us-south when unset)";
    if (cloud == "alibaba") return "ALICLOUD_REGION";
    if (cloud == "hetzner" || cloud == "ovh" || cloud == "ionos" || cloud == "digitalocean")
        return fmt::format("{} places it", catalog::cloud_label(cloud));
    return "the environment";
}

void check(const Facts& facts, RuleOutput& out) {
    for (const AssetFact* f : facts.of_classes(kDataClasses)) {
        if (f->location.state != LocationFact::State::Unset) continue;
        const Asset& a = *f->asset;
        const FixedDefault* fixed = nullptr;
        for (const auto& d : kFixedDefaults)
            if (d.type == a.type) fixed = &d;
        if (fixed) {
            auto place = catalog::resolve(a.cloud, fixed->code);
            if (!facts.has_jurisdiction() || !place || facts.inside(*place)) continue;
            out.report(&a, a.header_range,
                       fmt::format("{} sets no location: {}, outside {}", a.address, fixed->wording,
                                   facts.jurisdiction_label()));
            continue;
        }
        std::string provider = a.provider_config.empty() ? a.cloud : a.provider_config;
        std::string where = unset_source(a.cloud);
        bool placed = where.ends_with(" places it");  // no provider-level location to set
        out.report(&a, a.header_range,
                   placed ? fmt::format("{} has no location: it sets none and provider \"{}\" has no region "
                                        "setting, so it is created wherever {}",
                                        a.address, provider, where)
                          : fmt::format("{} has no location: neither it nor provider \"{}\" sets a region, so it is "
                                        "created wherever {} points when Terraform runs",
                                        a.address, provider, where));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES202",
    .name = "no-location-constraint",
    .family = "location",
    .severity = Severity::Medium,
    .title = "A data store, compute or AI service has no location constraint",
    .why = "Without an explicit location the data lands, or is processed, wherever the service's default "
           "or the environment of whoever runs Terraform puts it: BigQuery datasets default to the US, and "
           "an AWS provider without a region takes it from AWS_REGION or the local profile, for a training "
           "instance or an inference endpoint as much as for a bucket.",
    .fix = "Set the location explicitly on the resource (`location = \"EU\"`, `location = "
           "\"europe-west4\"`) or on its provider (`region = \"eu-central-1\"`).",
    .references = kReferences,
    .applies_to = kDataClasses,
    .reads = "data stores, compute, AI services and state backends whose location nothing sets",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES202{&kMeta, check};

}  // namespace residency::rules
