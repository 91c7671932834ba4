// The register and graph: Report::inventory and the graph built from facts, the JSON against
// docs/inventory-schema.json, links to endpoints outside the scan, and escaping of untrusted names.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "engine/inventory.hpp"
#include "report/inventory_writers.hpp"
#include "support/json_schema.hpp"
#include "support/project.hpp"

using residency::testing::Project;

namespace residency {
namespace {

nlohmann::json inventory_schema() {
    std::ifstream f(std::filesystem::path(RESIDENCY_SOURCE_DIR) / "docs" / "inventory-schema.json");
    std::stringstream s;
    s << f.rdbuf();
    return nlohmann::json::parse(s.str());
}

const char* kBuckets = R"(provider "aws" {
  region = "eu-west-1"
}
resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}
resource "aws_s3_bucket" "dr" {
  region = "us-east-2"
  bucket = "weights-dr"
}
resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = "arn:aws:iam::123456789012:role/r"
  rule {
    id     = "dr"
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.dr.arn
    }
  }
}
resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = "{}"
}
)";

}  // namespace

TEST_CASE("inventory: every managed asset with its verdict and provenance; the JSON conforms to its schema") {
    Project p("inventory-json");
    p.write("main.tf", kBuckets);
    auto out = p.scan_from({"."});
    const Report& r = out->report;
    REQUIRE(r.inventory.size() == 4);
    std::map<std::string, const InventoryEntry*> by;
    for (const auto& e : r.inventory) by[e.address] = &e;
    CHECK(by["aws_s3_bucket.weights"]->verdict == "inside");
    CHECK(by["aws_s3_bucket.weights"]->place_code == "eu-west-1");
    CHECK(by["aws_s3_bucket.weights"]->provenance.size() == 1);
    CHECK(by["aws_s3_bucket.dr"]->verdict == "outside");
    CHECK(by["aws_iam_role.r"]->verdict == "not-applicable");
    REQUIRE(r.graph_edges.size() == 1);
    CHECK(r.graph_edges[0].kind == "s3-replication");
    CHECK(r.graph_edges[0].crosses_border);
    CHECK(r.graph_nodes[r.graph_edges[0].to].label == "aws_s3_bucket.dr");
    auto doc = nlohmann::json::parse(write_inventory_json(r, {true}));
    CHECK(residency::test::schema_errors(inventory_schema(), doc) == std::vector<std::string>{});
    CHECK(doc["evidence"]["files"].size() == 1);
    CHECK(doc["evidence"]["files"][0]["sha256"].get<std::string>().size() == 64);
}

TEST_CASE("inventory: the registers of the example and of the inventory cases conform to the schema") {
    for (const char* dir : {"examples", "tests/inventory/cases/replication-and-pools"}) {
        CAPTURE(dir);
        ScanOptions o;
        o.paths = {(std::filesystem::path(RESIDENCY_SOURCE_DIR) / dir).string()};
        auto out = run_scan(o);
        auto doc = nlohmann::json::parse(write_inventory_json(out->report, {true}));
        CHECK(residency::test::schema_errors(inventory_schema(), doc) == std::vector<std::string>{});
        CHECK(doc["assets"].size() == out->report.asset_count);
        for (const auto& link : doc["links"])
            if (!link["from_asset"].is_null()) CHECK(doc["assets"][link["from_asset"].get<std::size_t>()].is_object());
    }
}

TEST_CASE("graph: an edge to an endpoint outside the scan is a node placed by its location") {
    Project p("inventory-external");
    p.write("main.tf", kBuckets);
    auto out = p.scan_from({"."});
    Facts facts = build_facts(out->graph, out->sources, {});
    facts.jurisdictions = {"eu"};
    const Asset* bucket = out->graph.find(".", "aws_s3_bucket.weights");
    if (!bucket) bucket = out->graph.find("", "aws_s3_bucket.weights");
    REQUIRE(bucket);
    Edge e{"tracks-to", bucket, nullptr, bucket->header_range, "https://api.wandb.ai",
           locate_value("aws", Value::string("us-east-1", bucket->header_range))};
    facts.edges.push_back(e);
    Edge unknown{"stores-artifacts-in", bucket, nullptr, bucket->header_range, "s3://elsewhere/", {}};
    facts.edges.push_back(unknown);
    Report r;
    r.sources = &out->sources;
    build_inventory(facts, r);
    bool tracked = false, stored = false;
    for (const GraphEdge& g : r.graph_edges) {
        const GraphNode& to = r.graph_nodes[g.to];
        if (g.kind == "tracks-to") {
            tracked = true;
            CHECK(to.kind == "endpoint");
            CHECK(to.label == "https://api.wandb.ai (us-east-1 (US))");
            CHECK(to.group == "US");
            CHECK(g.crosses_border);
        }
        if (g.kind == "stores-artifacts-in") {
            stored = true;
            CHECK(to.label == "s3://elsewhere/");
            CHECK(to.verdict == "not-applicable");
            CHECK_FALSE(g.crosses_border);
        }
    }
    CHECK(tracked);
    CHECK(stored);
    CHECK(write_graph_dot(r).find("\"https://api.wandb.ai (us-east-1 (US))\"") != std::string::npos);
}

TEST_CASE("graph: a Kubernetes workload mounts the claim of its namespace") {
    Project p("inventory-mounts");
    p.write("app.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: serving
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: data
        - name: other
          persistentVolumeClaim:
            claimName: missing
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: serving
spec:
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: other
spec:
  resources:
    requests:
      storage: 1Gi
)");
    auto out = p.scan_from({"."});
    const Report& r = out->report;
    std::vector<std::string> mounts;
    for (const GraphEdge& g : r.graph_edges)
        if (g.kind == "mounts-claim") mounts.push_back(r.graph_nodes[g.from].label + " -> " + r.graph_nodes[g.to].label);
    CHECK(mounts == std::vector<std::string>{"apps/v1/Deployment/serving/api -> v1/PersistentVolumeClaim/serving/data"});
}

TEST_CASE("graph and inventory: names from scanned files are escaped for each format") {
    CHECK(dot_escape("a\"b\\c\nd") == "a\\\"b\\\\c\\\\x0ad");
    CHECK(mermaid_escape("x\"]<b>#1;`end") == "x#34;#93;#60;b#62;#35;1#59;#96;end");
    CHECK(html_escape("<script>\"'&") == "&lt;script&gt;&quot;&#39;&amp;");
    CHECK(html_escape("\xe2\x80\xae" "evil") == "\\u202eevil");
}

TEST_CASE("inventory: CSV cells that a spreadsheet would run as formulas are text") {
    Project p("inventory-csv");
    p.write("=HYPERLINK(1)/main.tf", "provider \"aws\" {\n  region = \"eu-west-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n");
    auto out = p.scan_from({"."});
    std::string csv = write_inventory_csv(out->report);
    CHECK(csv.find("\"'=HYPERLINK(1)\",\"aws_s3_bucket.b\"") != std::string::npos);
    CHECK(csv.find("\r\n") != std::string::npos);
    CHECK(csv.find(",\"=") == std::string::npos);
}

}  // namespace residency

namespace residency {

TEST_CASE("graph: a CDN routing to a bucket crosses the border: edge locations are worldwide") {
    Project p("inventory-cdn");
    p.write("main.tf", R"(provider "aws" {
  region = "eu-west-1"
}
resource "aws_s3_bucket" "outputs" {
  bucket = "generated-images"
}
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "outputs"
    domain_name = aws_s3_bucket.outputs.bucket_regional_domain_name
  }
}
)");
    auto out = p.scan_from({"."});
    const Report& r = out->report;
    REQUIRE(r.graph_edges.size() == 1);
    const GraphEdge& e = r.graph_edges[0];
    CHECK(e.kind == "routes-to (edge)");
    CHECK(r.graph_nodes[e.from].label == "aws_cloudfront_distribution.cdn");
    CHECK(r.graph_nodes[e.to].label == "aws_s3_bucket.outputs");
    CHECK(e.crosses_border);
}

}  // namespace residency
