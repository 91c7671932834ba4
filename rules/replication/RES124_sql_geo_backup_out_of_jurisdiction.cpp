// RES124: Azure SQL backups are geo-redundant (the default) and the server's paired region is outside
// the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/azure-sql/database/automated-backups-overview",
    "https://learn.microsoft.com/azure/reliability/regions-paired",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_database#storage_account_type",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_managed_instance#storage_account_type",
};

constexpr RuleExample kBad[] = {
    {"a database with default (geo-redundant) backups on a server in West Europe", R"(-- residency.yaml --
version: 1
jurisdiction: nl
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_mssql_server" "ml" {
  name                = "ml-metadata"
  resource_group_name = "ml"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_database" "runs" {  # expect: RES124
  name      = "runs"
  server_id = azurerm_mssql_server.ml.id
  sku_name  = "S0"
}

resource "azurerm_mssql_database" "labels" {
  name                 = "labels"
  server_id            = azurerm_mssql_server.ml.id
  storage_account_type = "GeoZone"  # expect: RES124
}
)"},
    {"a managed instance: backups default to GRS", R"(-- residency.yaml --
version: 1
jurisdiction: sg
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_mssql_managed_instance" "warehouse" {  # expect: RES124
  name                = "warehouse"
  resource_group_name = "data"
  location            = "southeastasia"
  license_type        = "BasePrice"
  sku_name            = "GP_Gen5"
  storage_size_in_gb  = 32
  vcores              = 4
  subnet_id           = "/subscriptions/0000/resourceGroups/data/providers/Microsoft.Network/virtualNetworks/v/subnets/mi"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"backups kept in the region, or a pair inside the jurisdiction", R"(-- residency.yaml --
version: 1
jurisdiction: nl
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_mssql_server" "ml" {
  name                = "ml-metadata"
  resource_group_name = "ml"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_database" "runs" {
  name                 = "runs"
  server_id            = azurerm_mssql_server.ml.id
  storage_account_type = "Zone"
}
)"},
    {"the default Geo backups stay inside the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_mssql_server" "ml" {
  name                = "ml-metadata"
  resource_group_name = "ml"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_database" "runs" {
  name      = "runs"
  server_id = azurerm_mssql_server.ml.id
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "sql-geo-backup"); }

constexpr RuleMeta kMeta{
    .id = "RES124",
    .name = "sql-geo-backup-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::Medium,
    .title = "Azure SQL backups are copied to a paired region outside the jurisdiction",
    .why = "Unless told otherwise, Azure SQL Database (`storage_account_type` defaults to Geo) and SQL Managed "
           "Instance (`storage_account_type` defaults to GRS) keep their automated backups in geo-redundant "
           "storage, which Azure copies to the paired region of the server's region. Full copies of the data then "
           "live in that region, outside the jurisdiction when the pair crosses a border (West Europe to Ireland, "
           "Southeast Asia to Hong Kong, Brazil South to the US).",
    .fix = "Set `storage_account_type` to Local or Zone (LRS or ZRS on a managed instance), or use a region whose "
           "pair is inside the jurisdiction.",
    .references = kReferences,
    .applies_to = {},
    .reads = "sql-geo-backup flows: azurerm_mssql_database and azurerm_mssql_managed_instance storage_account_type, "
             "and the server's location",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES124{&kMeta, check};

}  // namespace residency::rules
