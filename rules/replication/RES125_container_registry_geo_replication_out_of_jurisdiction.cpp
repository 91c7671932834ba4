// RES125: a container registry is geo-replicated to a region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/container-registry/container-registry-geo-replication",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry#georeplications",
};

constexpr RuleExample kBad[] = {
    {"model-serving images replicated to East US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_container_registry" "models" {
  name                = "models"
  resource_group_name = "ml"
  location            = "westeurope"
  sku                 = "Premium"

  georeplications {
    location                = "East US"  # expect: RES125
    zone_redundancy_enabled = true
  }

  georeplications {
    location = "North Europe"
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"replicas inside the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_container_registry" "models" {
  name                = "models"
  resource_group_name = "ml"
  location            = "westeurope"
  sku                 = "Premium"

  georeplications {
    location = "germanywestcentral"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "acr-geo-replication"); }

constexpr RuleMeta kMeta{
    .id = "RES125",
    .name = "container-registry-geo-replication-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::Medium,
    .title = "A container registry is geo-replicated to a region outside the jurisdiction",
    .why = "Each `georeplications` location of a Premium registry holds a full copy of every repository: "
           "serving images often bake in model weights, tokenizers and fine-tuning data. The copy lives in that "
           "region under its law.",
    .fix = "Keep `georeplications` locations inside the jurisdiction, or remove them.",
    .references = kReferences,
    .applies_to = {},
    .reads = "acr-geo-replication flows: azurerm_container_registry georeplications location",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES125{&kMeta, check};

}  // namespace residency::rules
