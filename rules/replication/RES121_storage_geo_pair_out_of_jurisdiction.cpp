// RES121: a geo-redundant storage account copies its data to a paired region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/storage/common/storage-redundancy",
    "https://learn.microsoft.com/azure/reliability/regions-paired",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#account_replication_type",
};

constexpr RuleExample kBad[] = {
    {"GRS in West Europe copies to North Europe (Ireland), outside the Netherlands", R"(-- residency.yaml --
version: 1
jurisdiction: nl
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "West Europe"
}

resource "azurerm_storage_account" "datasets" {
  name                     = "mldatasets"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = azurerm_resource_group.ml.location
  account_tier             = "Standard"
  account_replication_type = "GRS"  # expect: RES121
}
)"},
    {"Brazil South pairs with South Central US; an unpaired region has no documented secondary", R"(-- residency.yaml --
version: 1
jurisdiction: br
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "features" {
  name                     = "features"
  resource_group_name      = "ml"
  location                 = "brazilsouth"
  account_tier             = "Standard"
  account_replication_type = "RAGZRS"  # expect: RES121
}

resource "azurerm_storage_account" "logs" {  # expect: RES201
  name                     = "logs"
  resource_group_name      = "ml"
  location                 = "italynorth"
  account_tier             = "Standard"
  account_replication_type = "GRS"  # expect: RES002
}
)"},
};

constexpr RuleExample kGood[] = {
    {"locally or zone-redundant, or a pair inside the jurisdiction", R"(-- residency.yaml --
version: 1
jurisdiction: de
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "datasets" {
  name                     = "mldatasets"
  resource_group_name      = "ml"
  location                 = "germanywestcentral"
  account_tier             = "Standard"
  account_replication_type = "GZRS"
}

resource "azurerm_storage_account" "scratch" {
  name                     = "scratch"
  resource_group_name      = "ml"
  location                 = "germanywestcentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "storage-geo-pair"); }

constexpr RuleMeta kMeta{
    .id = "RES121",
    .name = "storage-geo-pair-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "A geo-redundant storage account copies its data to a paired region outside the jurisdiction",
    .why = "With `account_replication_type` GRS, RAGRS, GZRS or RAGZRS, Azure Storage copies every blob, file, "
           "queue and table asynchronously to the paired region of the account's location. The pair is fixed by "
           "Azure and cannot be chosen: West Europe (Netherlands) pairs with North Europe (Ireland), Brazil South "
           "with South Central US, East Asia (Hong Kong) with Southeast Asia (Singapore). Datasets and model "
           "weights then live in that country too.",
    .fix = "Use LRS or ZRS, or put the account in a region whose pair is inside the jurisdiction (Germany West "
           "Central pairs with Germany North, France Central with France South). For disaster recovery across "
           "regions of your choice, replicate objects yourself (azurerm_storage_object_replication) to an account "
           "inside the jurisdiction.",
    .references = kReferences,
    .applies_to = {},
    .reads = "storage-geo-pair flows: azurerm_storage_account account_replication_type and location",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES121{&kMeta, check};

}  // namespace residency::rules
