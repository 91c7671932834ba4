// RES201: an asset that holds or processes data is located outside the jurisdiction.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection_en",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/enhanced-region-support",
};

constexpr RuleExample kBad[] = {
    {"a bucket through a provider alias in the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "us"
  region = var.us_region
}

variable "us_region" {
  default = "us-east-1"
}

resource "aws_s3_bucket" "datasets" {  # expect: RES201
  provider = aws.us
  bucket   = "training-datasets"
}
)"},
    {"a state backend and a dataset outside the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
terraform {
  backend "s3" {  # expect: RES201
    bucket = "tf-state"
    key    = "platform.tfstate"
    region = "us-east-2"
  }
}

resource "google_bigquery_dataset" "features" {  # expect: RES201
  dataset_id = "features"
  location   = "US"
}

resource "azurerm_storage_account" "lake" {  # expect: RES201
  name                     = "lake"
  resource_group_name      = "ml"
  location                 = "East US"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
)"},
    {"a Hetzner server in Ashburn and an Oracle Cloud bucket in its provider's US region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "oci" {
  region = "us-ashburn-1"
}

resource "hcloud_server" "trainer" {  # expect: RES201
  name        = "trainer"
  server_type = "cpx31"
  image       = "ubuntu-24.04"
  location    = "ash"
}

resource "oci_objectstorage_bucket" "weights" {  # expect: RES201
  compartment_id = "ocid1.compartment.oc1..example"
  namespace      = "example"
  name           = "weights"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"everything in the EU; IAM has no location", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "datasets" {
  bucket = "training-datasets"
}

resource "aws_iam_role" "trainer" {
  name               = "trainer"
  assume_role_policy = "{}"
}

resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "West Europe"
}

resource "azurerm_storage_account" "lake" {
  name                     = "lake"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = azurerm_resource_group.ml.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "google_storage_bucket" "eu" {
  name     = "eu-weights"
  location = "EU"
}

resource "google_kms_key_ring" "keys" {  # residency:ignore RES802 -- keys are the encryption family's, not RES201's
  name     = "keys"
  location = "global"
}
)"},
    {"EU locations on Hetzner, Scaleway, Oracle Cloud, IONOS, OVHcloud and DigitalOcean", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "scaleway" {
  region = "nl-ams"
}

provider "oci" {
  region = "eu-frankfurt-1"
}

resource "hcloud_server" "trainer" {
  name        = "trainer"
  server_type = "cpx31"
  image       = "ubuntu-24.04"
  datacenter  = "nbg1-dc3"
}

resource "hcloud_volume" "weights" {
  name      = "weights"
  size      = 100
  server_id = hcloud_server.trainer.id
}

resource "scaleway_object_bucket" "weights" {
  name = "weights"
}

resource "scaleway_instance_server" "serving" {
  type  = "GPU-3070-S"
  image = "ubuntu_jammy"
  zone  = "fr-par-2"
}

resource "oci_objectstorage_bucket" "weights" {
  compartment_id = "ocid1.compartment.oc1..example"
  namespace      = "example"
  name           = "weights"
}

resource "ionoscloud_datacenter" "ml" {
  name     = "ml"
  location = "de/fra"
}

resource "ionoscloud_server" "trainer" {
  name          = "trainer"
  datacenter_id = ionoscloud_datacenter.ml.id
  cores         = 8
  ram           = 32768
}

resource "ovh_cloud_project_kube" "serving" {
  service_name = "0123456789abcdef"
  name         = "serving"
  region       = "GRA9"
}

resource "ovh_cloud_project_database" "features" {
  service_name = "0123456789abcdef"
  engine       = "postgresql"
  version      = "16"
  plan         = "essential"
  flavor       = "db1-4"
  nodes {
    region = "SBG"
  }
}

resource "digitalocean_droplet" "api" {
  name   = "api"
  region = "fra1"
  size   = "s-2vcpu-4gb"
  image  = "ubuntu-24-04-x64"
}
)"},
};

// AI services are RES203's (a region outside) and RES307's (the global location).
constexpr AssetClass kClasses[] = {AssetClass::DataStore, AssetClass::Compute, AssetClass::StateBackend};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const AssetFact* fp : facts.of_classes(kClasses)) {
        const AssetFact& f = *fp;
        // A Kubernetes workload's pins are RES204's, each at the value that allows the place.
        if (f.asset->format == "kubernetes" && f.asset->asset_class == AssetClass::Compute) continue;
        bool global = f.location.state == LocationFact::State::Global;
        if (!global && (f.location.state != LocationFact::State::Known || facts.inside(f.location.place))) continue;
        // Partly inside (a dual-region with one member abroad): the copies abroad are the replication
        // rule's finding, not the asset's place.
        if (!global && partly_inside(facts, *f.asset, f.location.place)) continue;
        std::string what = f.asset->asset_class == AssetClass::StateBackend
                               ? fmt::format("Terraform state ({})", f.asset->address)
                               : f.asset->address;
        // "global" pins the data to no region: the service may keep or process it anywhere.
        std::string message = global ? fmt::format("{} is at the global location, which guarantees no region, so not "
                                                   "inside {}",
                                                   what, facts.jurisdiction_label())
                             : fmt::format("{} is in {}, {}", what, describe_place(f.location.place),
                                           outside_phrase(facts, f.location.place));
        out.report(f.asset, f.asset->header_range, std::move(message), provenance_locations(f.location.provenance));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES201",
    .name = "asset-outside-jurisdiction",
    .family = "location",
    .severity = Severity::High,
    .title = "A data store, compute or state backend is located outside the jurisdiction",
    .why = "Data at rest in a region is subject to that country's law and access by its authorities; "
           "compute there sees the data it processes. Terraform state holds every attribute of the "
           "configuration, secrets included. AI services are RES203's (a region outside) and RES307's (the "
           "global location); Kubernetes workloads pinned to a region or zone are RES204's. Global control-plane objects such as IAM hold no data and are not checked. A "
           "place spanning several known regions (a dual-region, a Spanner configuration) is reported here "
           "only when none of its regions is inside; when some are, the copies in the others are reported by "
           "the service's replication rule (RES112, RES113).",
    .fix = "Set the region (the resource's own `region`/`location`, or its provider's) to one inside the "
           "jurisdiction, or, if the placement is intended, allow the region in residency.yaml.",
    .references = kReferences,
    .applies_to = kClasses,
    .reads = "data stores, compute (aws_*, google_*, azurerm_*, and those of Hetzner, OVHcloud, Scaleway, IONOS, "
             "STACKIT, DigitalOcean, Oracle Cloud, Alibaba Cloud and IBM Cloud) and terraform backends; AI services "
             "are RES203's",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES201{&kMeta, check};

}  // namespace residency::rules
