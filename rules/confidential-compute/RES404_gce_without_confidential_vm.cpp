// RES404: a Compute Engine instance or instance template is not a Confidential VM.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://cloud.google.com/confidential-computing/confidential-vm/docs/supported-configurations",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#confidential_instance_config",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance_template#confidential_instance_config",
};

constexpr AssetClass kApplies[] = {AssetClass::Compute};

constexpr RuleExample kBad[] = {
    {"a GPU instance, and a template when every VM is in scope", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tee: [vms]
-- main.tf --
provider "google" {
  region = "europe-west4"
}

resource "google_compute_instance" "trainer" {  # expect: RES404
  name         = "trainer"
  zone         = "europe-west4-a"
  machine_type = "a2-highgpu-1g"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
  }
}

variable "confidential_compute" {
  type    = string
  default = null
}

resource "google_compute_instance_template" "workers" {  # expect: RES404
  name_prefix  = "workers-"
  machine_type = "n2d-standard-8"

  dynamic "confidential_instance_config" {
    for_each = var.confidential_compute != null ? [""] : []
    content {
      enable_confidential_compute = true
    }
  }

  disk {
    source_image = "debian-cloud/debian-12"
  }

  network_interface {
    network = "default"
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"SEV-SNP and TDX Confidential VMs", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tee: [vms]
-- main.tf --
provider "google" {
  region = "europe-west4"
}

resource "google_compute_instance" "feature_server" {
  name             = "feature-server"
  zone             = "europe-west4-a"
  machine_type     = "n2d-standard-8"
  min_cpu_platform = "AMD Milan"

  confidential_instance_config {
    confidential_instance_type = "SEV_SNP"
  }

  scheduling {
    on_host_maintenance = "TERMINATE"
  }

  boot_disk {
    initialize_params {
      image = "ubuntu-os-cloud/ubuntu-2204-lts"
    }
  }

  network_interface {
    network = "default"
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "c3-standard-8"

  confidential_instance_config {
    confidential_instance_type = "TDX"
  }

  scheduling {
    on_host_maintenance = "TERMINATE"
  }

  disk {
    source_image = "ubuntu-os-cloud/ubuntu-2204-lts"
  }

  network_interface {
    network = "default"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_without_tee(facts, out, "gce"); }

constexpr RuleMeta kMeta{
    .id = "RES404",
    .name = "gce-without-confidential-vm",
    .family = "confidential-compute",
    .severity = Severity::Medium,
    .title = "A Compute Engine instance or template is not a Confidential VM",
    .why = "A Confidential VM encrypts its memory with a key held by the CPU (AMD SEV or SEV-SNP, Intel TDX), "
           "out of reach of the host and of the cloud operator; an ordinary VM's memory, where training data and "
           "model weights are processed, is not. Scope: GPU or accelerator instances and templates (A2, A3, A4, "
           "G2 machines, or guest_accelerator blocks) by default; every google_compute_instance, "
           "google_compute_instance_template and google_compute_region_instance_template with "
           "`require.tee: [vms]`.",
    .fix = "Add `confidential_instance_config { confidential_instance_type = \"SEV_SNP\" }` (or \"SEV\", "
           "\"TDX\") on a machine family that supports it (N2D or C2D for SEV, N2D with min_cpu_platform "
           "\"AMD Milan\" for SEV_SNP, C3 for TDX), with `on_host_maintenance = \"TERMINATE\"`.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "compute facts of google_compute_instance and (regional) instance templates",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES404{&kMeta, check};

}  // namespace residency::rules
