// RES401: a GKE node pool (or a cluster's default pool) runs without Confidential GKE Nodes.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://cloud.google.com/kubernetes-engine/docs/how-to/confidential-gke-nodes",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#confidential_nodes",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#confidential_nodes",
};

constexpr AssetClass kApplies[] = {AssetClass::Compute};

constexpr RuleExample kBad[] = {
    {"a GPU node pool and a default pool without confidential nodes", R"(-- main.tf --
provider "google" {
  region = "europe-west4"
}

resource "google_container_cluster" "training" {
  name                     = "training"
  location                 = "europe-west4"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "gpu" {  # expect: RES401
  name     = "gpu"
  cluster  = google_container_cluster.training.id
  location = "europe-west4"

  node_config {
    machine_type = "a2-highgpu-1g"
  }
}

resource "google_container_cluster" "serving" {  # expect: RES401
  name               = "serving"
  location           = "europe-west4"
  initial_node_count = 1

  node_config {
    machine_type = "e2-standard-4"
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"confidential nodes for the whole cluster, and for one pool", R"(-- main.tf --
provider "google" {
  region = "europe-west4"
}

resource "google_container_cluster" "training" {
  name                     = "training"
  location                 = "europe-west4"
  remove_default_node_pool = true
  initial_node_count       = 1

  confidential_nodes {
    enabled = true
  }
}

resource "google_container_node_pool" "cpu" {
  name     = "cpu"
  cluster  = google_container_cluster.training.id
  location = "europe-west4"

  node_config {
    machine_type = "n2d-standard-8"
  }
}

resource "google_container_cluster" "serving" {
  name                     = "serving"
  location                 = "europe-west4"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "snp" {
  name     = "snp"
  cluster  = google_container_cluster.serving.id
  location = "europe-west4"

  node_config {
    machine_type = "n2d-standard-8"

    confidential_nodes {
      enabled                    = true
      confidential_instance_type = "SEV_SNP"
    }
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_without_tee(facts, out, "gke"); }

constexpr RuleMeta kMeta{
    .id = "RES401",
    .name = "gke-node-pool-without-confidential-nodes",
    .family = "confidential-compute",
    .severity = Severity::Medium,
    .title = "A GKE node pool runs without Confidential GKE Nodes",
    .why = "Pods on a GKE node see prompts, features and model weights in clear memory. Confidential GKE "
           "Nodes run every node as a Confidential VM (AMD SEV or SEV-SNP, Intel TDX), so memory is encrypted "
           "with keys the host and the cloud operator cannot read: data stays protected even from access that "
           "another jurisdiction's law could compel from the operator. Scope: every google_container_node_pool "
           "and the default pool of a google_container_cluster (not Autopilot, not when "
           "remove_default_node_pool is set) under the default scope or `require.tee: [node-pools]`; a pool "
           "whose cluster is not in the scan is not judged.",
    .fix = "Enable `confidential_nodes { enabled = true }` on the cluster (it covers every pool), or "
           "`node_config { confidential_nodes { enabled = true } }` on the pool, on a machine family that "
           "supports it (N2D or C2D for SEV, N2D for SEV_SNP, C3 for TDX).",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "compute facts of google_container_cluster (default pool) and google_container_node_pool",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES401{&kMeta, check};

}  // namespace residency::rules
