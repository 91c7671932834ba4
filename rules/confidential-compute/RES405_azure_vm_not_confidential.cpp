// RES405: an Azure VM or scale set is not a confidential VM.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/confidential-computing/confidential-vm-overview",
    "https://learn.microsoft.com/azure/confidential-computing/virtual-machine-options",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine#security_encryption_type",
};

constexpr AssetClass kApplies[] = {AssetClass::Compute};

constexpr RuleExample kBad[] = {
    {"a GPU VM, and a confidential size without a confidential OS disk", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tee: [vms]
-- main.tf --
resource "azurerm_linux_virtual_machine" "trainer" {
  name                  = "trainer"
  location              = "westeurope"
  resource_group_name   = "ml"
  size                  = "Standard_NC24ads_A100_v4"  # expect: RES405
  admin_username        = "azureuser"
  network_interface_ids = ["/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Network/networkInterfaces/trainer"]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}

resource "azurerm_linux_virtual_machine" "feature_server" {  # expect: RES405
  name                  = "feature-server"
  location              = "westeurope"
  resource_group_name   = "ml"
  size                  = "Standard_DC4as_v5"
  admin_username        = "azureuser"
  network_interface_ids = ["/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Network/networkInterfaces/fs"]
  secure_boot_enabled   = true
  vtpm_enabled          = true

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a confidential VM: confidential size and a confidential OS disk", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tee: [vms]
-- main.tf --
resource "azurerm_linux_virtual_machine" "feature_server" {
  name                  = "feature-server"
  location              = "westeurope"
  resource_group_name   = "ml"
  size                  = "Standard_DC4as_v5"
  admin_username        = "azureuser"
  network_interface_ids = ["/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Network/networkInterfaces/fs"]
  secure_boot_enabled   = true
  vtpm_enabled          = true

  os_disk {
    caching                  = "ReadWrite"
    storage_account_type     = "Premium_LRS"
    security_encryption_type = "DiskWithVMGuestState"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_without_tee(facts, out, "azure-cvm"); }

constexpr RuleMeta kMeta{
    .id = "RES405",
    .name = "azure-vm-not-confidential",
    .family = "confidential-compute",
    .severity = Severity::Medium,
    .title = "An Azure VM or scale set is not a confidential VM",
    .why = "An Azure confidential VM encrypts memory and VM state with keys the host cannot read. It takes "
           "two things: a confidential size and an OS disk with `security_encryption_type` (which makes the "
           "provider ask for securityType ConfidentialVM); `secure_boot_enabled` and `vtpm_enabled` alone "
           "give Trusted Launch, not a TEE. Scope: GPU VMs (N-series sizes) by default; every "
           "azurerm_linux_virtual_machine, azurerm_windows_virtual_machine and their scale sets with "
           "`require.tee: [vms]`. A VM whose size or OS disk setting is not known is not judged.",
    .fix = "Use a confidential size (DCasv5, DCadsv5, ECasv5, ECadsv5, DCesv5, DCedsv5, ECesv5, ECedsv5, their v6 "
           "successors, NCCadsH100v5 for GPUs) with `os_disk { security_encryption_type = \"VMGuestStateOnly\" }` "
           "or \"DiskWithVMGuestState\", `vtpm_enabled = true` and, for the latter, `secure_boot_enabled = true`.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "compute facts of Azure Linux and Windows VMs and scale sets",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES405{&kMeta, check};

}  // namespace residency::rules
