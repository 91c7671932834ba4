// The compute and tags facts: what is known, what is not, and what the scope covers.
#include <doctest/doctest.h>

#include "facts/facts.hpp"
#include "support/project.hpp"

using namespace residency;
using residency::testing::Project;

namespace {

const ComputeFact* compute_of(const Facts& facts, std::string_view address) {
    for (const auto& c : facts.compute)
        if (c.asset->address == address) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("compute facts: a pool whose cluster is not scanned, a template a node group uses, an unknown size") {
    Project p("tee-facts");
    p.write("main.tf", R"(
variable "size" {}

provider "google" {
  region = "europe-west4"
}

provider "aws" {
  region = "eu-west-1"
}

resource "google_container_node_pool" "elsewhere" {
  name    = "elsewhere"
  cluster = "projects/p/locations/europe-west4/clusters/shared"
}

resource "aws_launch_template" "nodes" {
  instance_type = "g5.xlarge"
}

resource "aws_eks_node_group" "gpu" {
  cluster_name = "ml"
  launch_template {
    id      = aws_launch_template.nodes.id
    version = "1"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "unknown" {
  name                  = "unknown"
  kubernetes_cluster_id = "x"
  vm_size               = var.size
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    Facts facts = build_facts(out->graph, out->sources, {});

    const ComputeFact* pool = compute_of(facts, "google_container_node_pool.elsewhere");
    REQUIRE(pool);
    CHECK(pool->tee == ComputeFact::Tee::Unknown);
    CHECK(pool->kind == ComputeFact::Kind::NodePool);

    // The launch template is judged as the node group that uses it, not twice.
    CHECK(compute_of(facts, "aws_launch_template.nodes") == nullptr);
    const ComputeFact* group = compute_of(facts, "aws_eks_node_group.gpu");
    REQUIRE(group);
    CHECK(group->tee == ComputeFact::Tee::No);
    CHECK(group->accelerator);
    CHECK(group->capable == "M6a, R6a and C6a");
    CHECK(group->via != nullptr);

    const ComputeFact* aks = compute_of(facts, "azurerm_kubernetes_cluster_node_pool.unknown");
    REQUIRE(aks);
    CHECK(aks->tee == ComputeFact::Tee::Unknown);

    // Scope: node pools and accelerators by default; require.tee replaces it.
    CHECK(facts.tee_required(*pool));
    facts.require_tee = {"vms"};
    CHECK_FALSE(facts.tee_required(*group));
}

TEST_CASE("tags facts: provider defaults merged, unknown tags, types that take none") {
    Project p("tags-facts");
    p.write("main.tf", R"(
variable "tags" {
  type = map(string)
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      jurisdiction = "eu"
    }
  }
}

resource "aws_s3_bucket" "merged" {
  bucket = "merged"
  tags = {
    team = "ml"
  }
}

resource "aws_s3_bucket" "unknown" {
  bucket = "unknown"
  tags   = var.tags
}

resource "aws_dynamodb_table_item" "item" {
  table_name = "t"
  hash_key   = "id"
  item       = "{}"
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    Facts facts = build_facts(out->graph, out->sources, {});
    auto tags_of = [&](std::string_view address) -> const TagsFact& {
        for (const auto& t : facts.tags)
            if (t.asset->address == address) return t;
        FAIL("no such asset");
        return facts.tags.front();
    };
    const TagsFact& merged = tags_of("aws_s3_bucket.merged");
    CHECK(merged.state == TagsFact::State::Known);
    REQUIRE(merged.tags.size() == 2);
    CHECK(merged.tags[0].first == "jurisdiction");
    CHECK(merged.tags[1].first == "team");
    CHECK(tags_of("aws_s3_bucket.unknown").state == TagsFact::State::Unknown);
    CHECK(tags_of("aws_dynamodb_table_item.item").state == TagsFact::State::NotTaggable);
}
