// RES402: an AKS node pool runs on a VM size that is not a confidential VM family.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/azure/confidential-computing/confidential-node-pool-aks",
    "https://learn.microsoft.com/azure/confidential-computing/virtual-machine-options",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster_node_pool#vm_size",
};

constexpr AssetClass kApplies[] = {AssetClass::Compute};

constexpr RuleExample kBad[] = {
    {"a default pool and a GPU pool on ordinary sizes", R"(-- main.tf --
resource "azurerm_kubernetes_cluster" "ml" {
  name                = "ml"
  location            = "westeurope"
  resource_group_name = "ml"
  dns_prefix          = "ml"

  default_node_pool {
    name       = "system"
    node_count = 2
    vm_size    = "Standard_D4s_v5"  # expect: RES402
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.ml.id
  vm_size               = "Standard_NC24ads_A100_v4"  # expect: RES402
  node_count            = 1
}
)"},
};

constexpr RuleExample kGood[] = {
    {"confidential VM sizes (SEV-SNP, and the H100 confidential GPU)", R"(-- main.tf --
resource "azurerm_kubernetes_cluster" "ml" {
  name                = "ml"
  location            = "westeurope"
  resource_group_name = "ml"
  dns_prefix          = "ml"

  default_node_pool {
    name       = "system"
    node_count = 2
    vm_size    = "Standard_DC4as_v5"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.ml.id
  vm_size               = "Standard_NCC40ads_H100_v5"
  node_count            = 1
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_without_tee(facts, out, "aks"); }

constexpr RuleMeta kMeta{
    .id = "RES402",
    .name = "aks-node-pool-not-confidential",
    .family = "confidential-compute",
    .severity = Severity::Medium,
    .title = "An AKS node pool runs on a VM size that is not a confidential VM family",
    .why = "An AKS node is confidential only when its VM size is a confidential family: there is no switch "
           "on the pool. On any other size the host and the cloud operator can read the memory in which pods "
           "handle prompts, features and weights. Scope: the default_node_pool of azurerm_kubernetes_cluster and "
           "every azurerm_kubernetes_cluster_node_pool, under the default scope or `require.tee: [node-pools]`; a "
           "pool whose vm_size is not known or not set is not judged.",
    .fix = "Use a confidential VM size: DCasv5, DCadsv5, ECasv5, ECadsv5 (AMD SEV-SNP), DCesv5, DCedsv5, ECesv5, "
           "ECedsv5 (Intel TDX), their v6 successors, or NCCadsH100v5 for confidential GPUs "
           "(`vm_size = \"Standard_DC4as_v5\"`).",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "compute facts of azurerm_kubernetes_cluster default_node_pool and azurerm_kubernetes_cluster_node_pool",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES402{&kMeta, check};

}  // namespace residency::rules
