// Azure replication flows through the real scan entry: Cosmos DB geo_location from a module's
// variable, geo-redundant settings whose value, pair or location cannot be known, and failover
// groups whose partner is or is not in the scan.
#include <doctest/doctest.h>

#include "frontends/frontends.hpp"
#include "support/project.hpp"

using namespace residency;

namespace {

using testing::Project;

std::vector<std::string> messages(const std::vector<Finding>& list, std::string_view rule = "") {
    std::vector<std::string> out;
    for (const auto& f : list)
        if (rule.empty() || f.rule_id == rule) out.push_back(f.message);
    return out;
}

}  // namespace

TEST_CASE("azure replication: Cosmos DB geo_location blocks from a module's variable; the account's own region is RES201's") {
    Project p("cosmos-geo");
    p.write("modules/cosmos/main.tf", R"(variable "location" {}
variable "geo_locations" {
  default = null
}

locals {
  geo = coalesce(var.geo_locations, [{ location = var.location, failover_priority = 0 }])
}

resource "azurerm_cosmosdb_account" "this" {
  name                = "rag"
  location            = var.location
  resource_group_name = "rag"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  dynamic "geo_location" {
    for_each = local.geo
    content {
      location          = geo_location.value.location
      failover_priority = geo_location.value.failover_priority
    }
  }
}
)");
    p.write("main.tf", R"(provider "azurerm" {
  features {}
}

module "single" {
  source   = "./modules/cosmos"
  location = "westeurope"
}

module "multi" {
  source   = "./modules/cosmos"
  location = "westeurope"
  geo_locations = [
    { location = "East US", failover_priority = 0 },
    { location = "westeurope", failover_priority = 1 },
    { location = "swedencentral", failover_priority = 2 },
  ]
}
)");
    auto out = p.scan({"eu"});
    CHECK(messages(out->report.findings) ==
          std::vector<std::string>{"module.multi.azurerm_cosmosdb_account.this (westeurope (NL)) writes its data "
                                   "(geo_location failover_priority 0, the write region) in eastus (US), outside eu"});
    CHECK(out->report.diagnostics.empty());
}

TEST_CASE("azure replication: geo-redundancy whose value, pair or location is not known") {
    Project p("geo-unknown");
    p.write("main.tf", R"(provider "azurerm" {
  features {}
}

variable "replication" {}
variable "server_id" {}

resource "azurerm_storage_account" "unknown_type" {
  name                     = "a"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = var.replication
}

resource "azurerm_storage_account" "unpaired" {
  name                     = "b"
  resource_group_name      = "rg"
  location                 = "polandcentral"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account" "unknown_type_unpaired" {
  name                     = "c"
  resource_group_name      = "rg"
  location                 = "polandcentral"
  account_tier             = "Standard"
  account_replication_type = var.replication
}

resource "azurerm_mssql_database" "elsewhere" {
  name      = "db"
  server_id = var.server_id
}

resource "azurerm_recovery_services_vault" "local" {
  name                = "v"
  location            = "westeurope"
  resource_group_name = "rg"
  sku                 = "Standard"
  storage_mode_type   = "LocallyRedundant"
}
)");
    auto out = p.scan({"eu"});
    CHECK(out->report.findings.empty());
    CHECK(messages(out->report.diagnostics, "RES002") ==
          std::vector<std::string>{
              "cannot resolve where azurerm_storage_account.unknown_type copies data to: the account_replication_type of "
              "azurerm_storage_account.unknown_type is not known: var.replication has no default: pass --var "
              "replication=... or add a tfvars file; GRS, RAGRS, GZRS, RAGZRS would keep geo-redundant copies in the "
              "paired region northeurope (IE)",
              "cannot resolve where azurerm_storage_account.unpaired copies data to: azurerm_storage_account.unpaired "
              "keeps geo-redundant copies (account_replication_type GRS) in the paired region, and polandcentral has "
              "no Azure region pair: Azure documents no geo-redundant secondary for it",
              "cannot resolve where azurerm_mssql_database.elsewhere copies data to: azurerm_mssql_database.elsewhere "
              "keeps its backups (storage_account_type Geo by default) in the paired region of its location, which "
              "this configuration does not give",
          });
}

TEST_CASE("azure replication: failover groups to a partner of the scan, or not") {
    Project p("failover");
    p.write("main.tf", R"(provider "azurerm" {
  features {}
}

resource "azurerm_mssql_managed_instance" "primary" {
  name                 = "primary"
  resource_group_name  = "rg"
  location             = "germanywestcentral"
  storage_account_type = "ZRS"
}

resource "azurerm_mssql_managed_instance" "secondary" {
  name                 = "secondary"
  resource_group_name  = "rg"
  location             = "switzerlandnorth"
  storage_account_type = "LRS"
}

resource "azurerm_mssql_managed_instance_failover_group" "fg" {
  name                        = "fg"
  location                    = "germanywestcentral"
  managed_instance_id         = azurerm_mssql_managed_instance.primary.id
  partner_managed_instance_id = azurerm_mssql_managed_instance.secondary.id

  read_write_endpoint_failover_policy {
    mode = "Manual"
  }
}

resource "azurerm_mssql_server" "primary" {
  name                = "primary"
  resource_group_name = "rg"
  location            = "germanywestcentral"
  version             = "12.0"
}

resource "azurerm_mssql_failover_group" "external" {
  name      = "external"
  server_id = azurerm_mssql_server.primary.id

  partner_server {
    id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/dr"
  }

  read_write_endpoint_failover_policy {
    mode = "Manual"
  }
}
)");
    auto out = p.scan({"de"});
    CHECK(messages(out->report.findings, "RES123") ==
          std::vector<std::string>{"azurerm_mssql_managed_instance_failover_group.fg replicates "
                                   "azurerm_mssql_managed_instance.primary (germanywestcentral (DE)) to "
                                   "azurerm_mssql_managed_instance.secondary in switzerlandnorth (CH), outside de"});
    CHECK(messages(out->report.diagnostics, "RES002") ==
          std::vector<std::string>{"cannot resolve where azurerm_mssql_failover_group.external copies data to: the partner "
                                   "is not defined in the scanned configuration: scan the configuration that creates it"});
}
