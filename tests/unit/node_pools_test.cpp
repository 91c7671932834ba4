// Manifests joined to Terraform (adapters/node_pools.cpp, adapters/kubernetes.cpp): a workload pinned
// to a node pool by its label runs where the scan's pool runs, with the pool's TEE; a Terraform
// kubernetes_storage_class is the class a manifest's claim names. What could be meant by several
// pools or classes is never a finding.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "facts/facts.hpp"
#include "support/project.hpp"

using namespace residency;
using residency::testing::Project;

namespace {

std::string pinned(std::string_view name, std::string_view label, std::string_view pool) {
    return fmt::format(R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: {}
spec:
  template:
    spec:
      nodeSelector:
        {}: {}
      containers:
        - name: c
          image: x
          resources:
            limits:
              nvidia.com/gpu: 1
)",
                       name, label, pool);
}

std::vector<std::string> findings(const ScanOutcome& out, std::string_view rule) {
    std::vector<std::string> messages;
    for (const auto* list : {&out.report.findings, &out.report.diagnostics})
        for (const Finding& f : *list)
            if (f.rule_id == rule) messages.push_back(f.message);
    return messages;
}

const LocationFact& location_of(const Facts& facts, std::string_view address) {
    for (const AssetFact& f : facts.assets)
        if (f.asset->address == address) return f.location;
    FAIL("no asset " << address);
    throw;
}

}  // namespace

TEST_CASE("node pools: EKS node groups, AKS default pools and GKE default pools carry the workload's location") {
    Project p("pools-clouds");
    p.write("main.tf", R"(
provider "aws" {
  region = "us-east-1"
}
resource "aws_eks_node_group" "gpu" {
  cluster_name    = "ml"
  node_group_name = "gpu-nodes"
  node_role_arn   = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids      = ["subnet-1"]
  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
}
resource "azurerm_kubernetes_cluster" "ml" {
  name                = "ml"
  location            = "germanywestcentral"
  resource_group_name = "ml"
  dns_prefix          = "ml"
  default_node_pool {
    name    = "system"
    vm_size = "Standard_DC4as_v5"
  }
}
resource "google_container_cluster" "small" {
  name     = "small"
  location = "europe-west4-a"
  project  = "p"
}
)");
    p.write("apps.yaml", pinned("eks", "eks.amazonaws.com/nodegroup", "gpu-nodes") + "---\n" +
                             pinned("aks", "kubernetes.azure.com/agentpool", "system") + "---\n" +
                             pinned("gke", "cloud.google.com/gke-nodepool", "default-pool") + "---\n" +
                             pinned("elsewhere", "cloud.google.com/gke-nodepool", "not-in-the-scan"));
    auto out = p.scan();
    REQUIRE(out->error == "");
    Facts facts = build_facts(out->graph, out->sources, {});

    const LocationFact& eks = location_of(facts, "apps/v1/Deployment/eks");
    REQUIRE(eks.state == LocationFact::State::Known);
    CHECK(eks.place.code == "us-east-1");
    auto chain = provenance_locations(eks.provenance);
    REQUIRE(!chain.empty());
    CHECK(chain.front().message == "eks.amazonaws.com/nodegroup=gpu-nodes: runs on node pool aws_eks_node_group.gpu");

    const LocationFact& aks = location_of(facts, "apps/v1/Deployment/aks");
    REQUIRE(aks.state == LocationFact::State::Known);
    CHECK(aks.place.code == "germanywestcentral");
    const LocationFact& gke = location_of(facts, "apps/v1/Deployment/gke");
    REQUIRE(gke.state == LocationFact::State::Known);
    CHECK(gke.place.code == "europe-west4-a");
    CHECK(location_of(facts, "apps/v1/Deployment/elsewhere").state == LocationFact::State::NotApplicable);

    // The links are edges of the graph; a pool the scan does not have is none.
    std::vector<std::string> edges;
    for (const Edge& e : facts.edges) edges.push_back(fmt::format("{} {} {}", e.from->address, e.kind, e.to->address));
    CHECK(edges == std::vector<std::string>{
                       "apps/v1/Deployment/eks runs-on-node-pool aws_eks_node_group.gpu",
                       "apps/v1/Deployment/aks runs-on-node-pool azurerm_kubernetes_cluster.ml",
                       "apps/v1/Deployment/gke runs-on-node-pool google_container_cluster.small",
                   });

    // The AKS default pool runs confidential VMs: the workload takes that TEE.
    for (const ComputeFact& c : facts.compute)
        if (c.asset->address == "apps/v1/Deployment/aks") CHECK(c.tee == ComputeFact::Tee::Yes);

    CHECK(findings(*out, "RES204") ==
          std::vector<std::string>{"apps/v1/Deployment/eks may run on nodes labelled "
                                   "eks.amazonaws.com/nodegroup=gpu-nodes, of the node pool aws_eks_node_group.gpu, in "
                                   "us-east-1 (US), outside eu"});
}

TEST_CASE("node pools: pools of one name in several places make the workload's location unknown, not a finding") {
    Project p("pools-ambiguous");
    auto pool = [](std::string_view region) {
        return fmt::format(R"(
provider "google" {{
  project = "p"
  region  = "{}"
}}
resource "google_container_node_pool" "gpu" {{
  name     = "gpu"
  cluster  = "shared"
}}
)",
                           region);
    };
    p.write("prod/main.tf", pool("europe-west4"));
    p.write("dr/main.tf", pool("us-central1"));
    p.write("app.yaml", pinned("llm", "cloud.google.com/gke-nodepool", "gpu"));
    auto out = p.scan_from({"."});
    REQUIRE(out->error == "");
    CHECK(findings(*out, "RES204").empty());
    auto unresolved = findings(*out, "RES002");
    REQUIRE(unresolved.size() == 1);
    CHECK(unresolved[0] ==
          "cannot resolve the location of apps/v1/Deployment/llm: several node pools of the scan are named "
          "\"gpu\": google_container_node_pool.gpu of dr (us-central1), google_container_node_pool.gpu of prod "
          "(europe-west4); the manifest does not say which cluster runs it (root .)");

    // Pools of that name in one place are one answer.
    p.write("dr/main.tf", pool("europe-west4"));
    auto same = p.scan_from({"."});
    CHECK(findings(*same, "RES002").empty());
}

TEST_CASE("node pools: a pool whose name is not known may be the one meant") {
    Project p("pools-unknown-name");
    p.write("main.tf", R"(
provider "google" {
  project = "p"
  region  = "us-central1"
}
variable "pool_name" {}
resource "google_container_node_pool" "named" {
  name     = "gpu"
  cluster  = "a"
}
resource "google_container_node_pool" "other" {
  name     = var.pool_name
  cluster  = "b"
  location = "europe-west4"
}
)");
    p.write("app.yaml", pinned("llm", "cloud.google.com/gke-nodepool", "gpu"));
    auto out = p.scan_from({"."});
    CHECK(findings(*out, "RES204").empty());
    auto unresolved = findings(*out, "RES002");
    REQUIRE(unresolved.size() == 1);
    CHECK(unresolved[0].find("google_container_node_pool.named (us-central1) is named \"gpu\", and "
                             "google_container_node_pool.other (europe-west4) may be too") != std::string::npos);
}

TEST_CASE("storage classes from Terraform: claims find them; values not known are not judged; namesakes must agree") {
    Project p("tf-storage-classes");
    p.write("main.tf", R"(
variable "zones" {
  type = list(string)
}
resource "kubernetes_storage_class" "zonal" {
  metadata {
    name = "zonal"
  }
  storage_provisioner = "ebs.csi.aws.com"
  allowed_topologies {
    match_label_expressions {
      key    = "topology.kubernetes.io/zone"
      values = var.zones
    }
  }
}
resource "kubernetes_storage_class" "open" {
  metadata {
    name = "open"
  }
  storage_provisioner = "ebs.csi.aws.com"
  volume_binding_mode = "WaitForFirstConsumer"
}
)");
    p.write("other/classes.yaml", R"(apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: open
provisioner: ebs.csi.aws.com
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/region
        values: [eu-west-1]
)");
    p.write("claims.yaml", R"(apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: a
spec:
  storageClassName: zonal
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: b
spec:
  storageClassName: open
)");
    auto out = p.scan_from({"."});
    REQUIRE(out->error == "");
    // The zones come from a variable with no value: neither the class nor its claim is judged.
    CHECK(findings(*out, "RES206") ==
          std::vector<std::string>{"kubernetes_storage_class.open (StorageClass \"open\") sets no allowed_topologies: "
                                   "each volume is provisioned wherever the first pod using it is scheduled, and "
                                   "nothing in the class keeps that inside eu (root .)"});
    // "open" is also a manifest's class that keeps volumes in the EU: which one provisions b is not known.
    CHECK(findings(*out, "RES207").empty());
    CHECK(findings(*out, "RES002").empty());
}
