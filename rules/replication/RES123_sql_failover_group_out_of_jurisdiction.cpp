// RES123: an Azure SQL failover group replicates to a partner server outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/azure-sql/database/failover-group-sql-db",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_failover_group",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_managed_instance_failover_group",
};

constexpr RuleExample kBad[] = {
    {"the partner server is in East US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_mssql_server" "primary" {
  name                = "features-primary"
  resource_group_name = "ml"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_server" "secondary" {  # expect: RES201
  name                = "features-secondary"
  resource_group_name = "ml"
  location            = "eastus"
  version             = "12.0"
}

resource "azurerm_mssql_failover_group" "features" {
  name      = "features"
  server_id = azurerm_mssql_server.primary.id

  partner_server {
    id = azurerm_mssql_server.secondary.id  # expect: RES123
  }

  read_write_endpoint_failover_policy {
    mode          = "Automatic"
    grace_minutes = 60
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"the partner server is in another EU region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_mssql_server" "primary" {
  name                = "features-primary"
  resource_group_name = "ml"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_server" "secondary" {
  name                = "features-secondary"
  resource_group_name = "ml"
  location            = "northeurope"
  version             = "12.0"
}

resource "azurerm_mssql_failover_group" "features" {
  name      = "features"
  server_id = azurerm_mssql_server.primary.id

  partner_server {
    id = azurerm_mssql_server.secondary.id
  }

  read_write_endpoint_failover_policy {
    mode          = "Automatic"
    grace_minutes = 60
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "sql-failover-group"); }

constexpr RuleMeta kMeta{
    .id = "RES123",
    .name = "sql-failover-group-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "An Azure SQL failover group replicates to a partner outside the jurisdiction",
    .why = "A failover group geo-replicates every database it contains, continuously, to the partner server "
           "(or partner managed instance), and fails over to it. The partner's location is where the data lives "
           "as well, whatever the primary's region.",
    .fix = "Use a partner server or managed instance in a region inside the jurisdiction.",
    .references = kReferences,
    .applies_to = {},
    .reads = "sql-failover-group flows: azurerm_mssql_failover_group partner_server, "
             "azurerm_mssql_managed_instance_failover_group partner_managed_instance_id, and the partner's location",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES123{&kMeta, check};

}  // namespace residency::rules
