// RES122: a Cosmos DB account holds its data in a geo_location region, or keeps periodic backups in a
// paired region, outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/cosmos-db/distribute-data-globally",
    "https://learn.microsoft.com/azure/cosmos-db/periodic-backup-storage-redundancy",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#geo_location",
};

constexpr RuleExample kBad[] = {
    {"the write region (failover priority 0) is East US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rag" {
  name     = "rag"
  location = "westeurope"
}

resource "azurerm_cosmosdb_account" "embeddings" {
  name                = "embeddings"
  location            = azurerm_resource_group.rag.location
  resource_group_name = azurerm_resource_group.rag.name
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "eastus"  # expect: RES122
    failover_priority = 0
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 1
  }
}
)"},
    {"periodic backups are geo-redundant by default: West Europe pairs with North Europe (Ireland)", R"(-- residency.yaml --
version: 1
jurisdiction: nl
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_cosmosdb_account" "chat_history" {
  name                = "chat-history"
  location            = "westeurope"
  resource_group_name = "chat"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }

  backup {
    type                = "Periodic"  # expect: RES122
    interval_in_minutes = 240
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"regions inside the EU, continuous backups", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_cosmosdb_account" "embeddings" {
  name                = "embeddings"
  location            = "westeurope"
  resource_group_name = "rag"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }

  geo_location {
    location          = "swedencentral"
    failover_priority = 1
  }

  backup {
    type = "Continuous"
    tier = "Continuous7Days"
  }
}
)"},
    {"periodic backups kept locally", R"(-- residency.yaml --
version: 1
jurisdiction: nl
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_cosmosdb_account" "chat_history" {
  name                = "chat-history"
  location            = "westeurope"
  resource_group_name = "chat"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }

  backup {
    type               = "Periodic"
    storage_redundancy = "Local"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    report_flows_outside(facts, out, "cosmos-geo-location");
    report_flows_outside(facts, out, "cosmos-backup-geo-pair");
}

constexpr RuleMeta kMeta{
    .id = "RES122",
    .name = "cosmos-geo-location-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "A Cosmos DB account holds data in a region outside the jurisdiction",
    .why = "Every `geo_location` of a Cosmos DB account holds a full replica of its data; the one with "
           "`failover_priority` 0 is the write region. The account's `location` argument only says where the "
           "Azure resource is registered, so an account 'in West Europe' can write all its data in East US. "
           "Periodic backups are, by default (`storage_redundancy` Geo), copied to the paired region of the "
           "write region as well.",
    .fix = "List only regions inside the jurisdiction in `geo_location`. For periodic backups set "
           "`storage_redundancy` to Local or Zone, or use continuous backups, or choose a write region whose pair "
           "is inside the jurisdiction.",
    .references = kReferences,
    .applies_to = {},
    .reads = "cosmos-geo-location and cosmos-backup-geo-pair flows: azurerm_cosmosdb_account geo_location, "
             "backup type and storage_redundancy",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES122{&kMeta, check};

}  // namespace residency::rules
