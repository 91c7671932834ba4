// RES127: a Kubernetes StorageClass whose Azure storage account SKU keeps geo-redundant copies in a
// paired region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://github.com/kubernetes-sigs/azurefile-csi-driver/blob/master/docs/driver-parameters.md",
    "https://github.com/kubernetes-sigs/blob-csi-driver/blob/master/docs/driver-parameters.md",
    "https://learn.microsoft.com/azure/storage/common/storage-redundancy",
    "https://learn.microsoft.com/azure/reliability/cross-region-replication-azure",
};

constexpr RuleExample kBad[] = {
    {"Azure Files geo-redundant in West Europe (NL), whose pair is North Europe (IE), under nl; a class with no location", R"(-- residency.yaml --
version: 1
jurisdiction: nl
-- classes.yaml --
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: shared-models
provisioner: file.csi.azure.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/region
        values: [westeurope]
parameters:
  skuName: Standard_RAGRS  # expect: RES127
  location: westeurope
---
# No location: the cluster's region, which the scan does not know, so neither is its pair.
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: shared-datasets
provisioner: file.csi.azure.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/region
        values: [westeurope]
parameters:
  skuname: Standard_GZRS  # expect: RES002
)"},
};

constexpr RuleExample kGood[] = {
    {"locally or zone-redundant, a pair inside, and an existing account", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- classes.yaml --
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: files-zrs
provisioner: file.csi.azure.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/region
        values: [westeurope]
parameters:
  skuName: Premium_ZRS
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: files-grs
provisioner: file.csi.azure.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/region
        values: [germanywestcentral]
parameters:
  skuName: Standard_GRS
  location: germanywestcentral
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: files-existing
provisioner: file.csi.azure.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/region
        values: [westeurope]
parameters:
  skuName: Standard_GRS
  storageAccount: mlshared
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "csi-geo-replication"); }

constexpr RuleMeta kMeta{
    .id = "RES127",
    .name = "csi-geo-replicated-storage",
    .family = "replication",
    .severity = Severity::High,
    .title = "A StorageClass's Azure storage SKU replicates volumes to a paired region outside the jurisdiction",
    .why = "The Azure Files and Azure Blob CSI drivers (file.csi.azure.com, the in-tree kubernetes.io/azure-file, "
           "blob.csi.azure.com) create a storage account of the class's `skuName` (alias `storageAccountType`; "
           "parameter names are case-insensitive). A geo-redundant SKU (Standard_GRS, Standard_RAGRS, "
           "Standard_GZRS, Standard_RAGZRS, StandardV2_GRS, StandardV2_GZRS) keeps a copy of every volume in the "
           "region's fixed Azure pair, which is in another country for several regions (Switzerland North pairs "
           "with Switzerland West, Brazil South with South Central US). The pair is taken from the class's "
           "`location`; without one the driver uses the cluster's region, which the scan does not know, so that "
           "class gets the diagnostic RES002 rather than a finding. Azure Disk SKUs are LRS or ZRS only and never "
           "leave the region. A class naming an existing `storageAccount` keeps that account's SKU and is not "
           "judged.",
    .fix = "Use a locally or zone-redundant SKU (Standard_LRS, Standard_ZRS, Premium_LRS, Premium_ZRS), or a "
           "`location` whose paired region is inside the jurisdiction.",
    .references = kReferences,
    .applies_to = {},
    .reads = "csi-geo-replication flows: Azure Files and Blob CSI StorageClasses with a geo-redundant skuName",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES127{&kMeta, check};

}  // namespace residency::rules
