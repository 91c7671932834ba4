// RES126: a backup vault keeps geo-redundant backups (the Recovery Services default) in a paired
// region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/backup/backup-create-recovery-services-vault#set-storage-redundancy",
    "https://learn.microsoft.com/azure/reliability/reliability-backup",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/recovery_services_vault#storage_mode_type",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_backup_vault#redundancy",
};

constexpr RuleExample kBad[] = {
    {"vaults in West Europe: geo-redundant storage copies to North Europe (Ireland)", R"(-- residency.yaml --
version: 1
jurisdiction: nl
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_recovery_services_vault" "vm_backups" {  # expect: RES126
  name                = "vm-backups"
  location            = "westeurope"
  resource_group_name = "ops"
  sku                 = "Standard"
}

resource "azurerm_data_protection_backup_vault" "disk_backups" {
  name                = "disk-backups"
  location            = "westeurope"
  resource_group_name = "ops"
  datastore_type      = "VaultStore"
  redundancy          = "GeoRedundant"  # expect: RES126
}
)"},
};

constexpr RuleExample kGood[] = {
    {"locally or zone-redundant vaults", R"(-- residency.yaml --
version: 1
jurisdiction: nl
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_recovery_services_vault" "vm_backups" {
  name                = "vm-backups"
  location            = "westeurope"
  resource_group_name = "ops"
  sku                 = "Standard"
  storage_mode_type   = "ZoneRedundant"
}

resource "azurerm_data_protection_backup_vault" "disk_backups" {
  name                = "disk-backups"
  location            = "westeurope"
  resource_group_name = "ops"
  datastore_type      = "VaultStore"
  redundancy          = "LocallyRedundant"
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "backup-vault-geo-pair"); }

constexpr RuleMeta kMeta{
    .id = "RES126",
    .name = "recovery-vault-geo-redundant-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::Medium,
    .title = "A backup vault keeps geo-redundant backups in a paired region outside the jurisdiction",
    .why = "A Recovery Services vault is geo-redundant unless `storage_mode_type` says otherwise, and a Data "
           "Protection backup vault is when `redundancy` is GeoRedundant: Azure Backup then copies every backup "
           "to the paired region of the vault's region (where cross-region restore reads it). Backups of VMs, "
           "disks and databases holding AI data then live in that region too.",
    .fix = "Set `storage_mode_type` (Recovery Services) or `redundancy` (Data Protection) to LocallyRedundant or "
           "ZoneRedundant, or use a region whose pair is inside the jurisdiction. Choose before protecting any "
           "item: the setting cannot change once backups exist.",
    .references = kReferences,
    .applies_to = {},
    .reads = "backup-vault-geo-pair flows: azurerm_recovery_services_vault storage_mode_type, "
             "azurerm_data_protection_backup_vault redundancy, and the vault's location",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES126{&kMeta, check};

}  // namespace residency::rules
