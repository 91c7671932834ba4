// The Terraform frontend through the real scan entry: instances, default tags, evaluation limits.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "frontends/frontends.hpp"
#include "support/project.hpp"

namespace fs = std::filesystem;
using namespace residency;

namespace {

using testing::asset;
using testing::Project;

}  // namespace

TEST_CASE("AWS default_tags and Google default_labels are merged under the resource's own") {
    Project p("tags");
    p.write("main.tf", R"(
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { team = "ml", jurisdiction = "eu" }
  }
}
provider "google" {
  region         = "europe-west4"
  default_labels = { team = "ml" }
}
resource "aws_s3_bucket" "weights" {
  bucket = "w"
  tags   = { team = "research" }
}
resource "google_storage_bucket" "data" {
  name     = "d"
  location = "EU"
  labels   = { tier = "gold" }
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    CHECK(asset(*out, "aws_s3_bucket.weights").attributes.get("tags_all")->display() ==
          "{jurisdiction = \"eu\", team = \"research\"}");
    CHECK(asset(*out, "google_storage_bucket.data").attributes.get("terraform_labels")->display() ==
          "{team = \"ml\", tier = \"gold\"}");
}

TEST_CASE("count and for_each expand to instances with Terraform addresses; unknown collections give one") {
    Project p("instances");
    p.write("main.tf", R"(
variable "names" {}
provider "aws" { region = "eu-west-1" }
resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "b-${count.index}"
}
resource "aws_s3_bucket" "keyed" {
  for_each = { a = "eu-west-1", b = "eu-north-1" }
  region   = each.value
  bucket   = each.key
}
resource "aws_s3_bucket" "unknown" {
  for_each = var.names
  bucket   = each.key
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    CHECK(asset(*out, "aws_s3_bucket.counted[1]").attributes.get("bucket")->as_string() == "b-1");
    CHECK(asset(*out, "aws_s3_bucket.keyed[\"b\"]").location.as_string() == "eu-north-1");
    const Asset& u = asset(*out, "aws_s3_bucket.unknown[*]");
    CHECK(u.attributes.get("bucket")->is_unknown());
    CHECK(out->report.findings.empty());
}

TEST_CASE("values that double at every step are shared, not copied: evaluation stays linear") {
    Project p("doubling");
    std::string locals = "locals {\n  l0 = [\"eu-west-1\"]\n";
    for (int i = 1; i <= 40; ++i)
        locals += "  l" + std::to_string(i) + " = concat(local.l" + std::to_string(i - 1) + ", local.l" +
                  std::to_string(i - 1) + ")\n";
    locals += "}\n";
    p.write("main.tf", locals + R"(
provider "aws" { region = "eu-west-1" }
resource "aws_s3_bucket" "x" {
  bucket = "x"
  region = length(local.l20) > 0 ? local.l0[0] : "us-east-1"
}
)");
    auto start = std::chrono::steady_clock::now();
    auto out = p.scan();
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(out->error == "");
    CHECK(asset(*out, "aws_s3_bucket.x").location.as_string() == "eu-west-1");
    CHECK(seconds < 20);  // a bound against exponential blow-up, not a timing test
}

TEST_CASE("a long chain of locals is evaluated without exhausting the stack") {
    Project p("chain");
    std::string locals = "locals {\n  c0 = \"eu-west-1\"\n";
    for (int i = 1; i <= 5000; ++i)
        locals += "  c" + std::to_string(i) + " = local.c" + std::to_string(i - 1) + "\n";
    locals += "}\n";
    p.write("main.tf", locals + R"(
resource "aws_s3_bucket" "x" {
  bucket = "x"
  region = local.c5000
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    const Asset& x = asset(*out, "aws_s3_bucket.x");
    CHECK(x.location.is_unknown());
    CHECK(x.location.unknown_reason().find("nested too deeply") != std::string::npos);
}

TEST_CASE("a module that calls itself is a cycle diagnostic, not an exponential expansion") {
    Project p("module-cycle");
    p.write("main.tf", R"(
provider "aws" { region = "eu-west-1" }
module "a" { source = "./" }
module "b" { source = "./" }
resource "aws_s3_bucket" "x" { bucket = "x" }
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    CHECK(out->graph.assets.size() == 1);
    REQUIRE(out->report.diagnostics.size() == 2);
    CHECK(out->report.diagnostics[0].message.find("module cycle") != std::string::npos);
}

TEST_CASE("symlink loops and links out of the project are not followed") {
    Project p("links");
    p.write("main.tf", "provider \"aws\" { region = \"eu-west-1\" }\nresource \"aws_s3_bucket\" \"x\" { bucket = \"x\" }\n");
    fs::create_symlink("terraform.tfvars", p.dir / "terraform.tfvars");  // a loop onto itself
    fs::create_symlink("/etc/passwd", p.dir / "outside.tf");
    auto out = p.scan();
    REQUIRE(out->error == "");
    CHECK(out->report.files.size() == 1);

    fs::create_symlink("/etc/passwd", p.dir / "residency.yaml");
    ScanOptions o;
    o.paths = {p.dir.string()};
    auto refused = run_scan(o);
    CHECK(refused->error.find("residency.yaml links outside its directory") != std::string::npos);
    CHECK(refused->error.find("root") == std::string::npos);  // nothing of the target is echoed
}

TEST_CASE("nested for-expressions over large ranges stop at the evaluation budget") {
    Project p("budget");
    p.write("main.tf", R"(
provider "aws" { region = "eu-west-1" }
locals {
  cube = [for x in range(1000) : [for y in range(1000) : [for z in range(1000) : z]]]
}
resource "aws_s3_bucket" "x" {
  bucket = "x"
  region = length(local.cube) > 0 ? "us-east-1" : "eu-west-1"
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    CHECK(asset(*out, "aws_s3_bucket.x").location.is_unknown());
    CHECK(out->report.findings.empty());
}

TEST_CASE("dynamic blocks expand, and templatefile reads inside the scan root") {
    Project p("dynamic");
    p.write("regions.tpl", "%{ for r in regions ~}${r},%{ endfor ~}");
    p.write("main.tf", R"(
provider "aws" { region = "eu-west-1" }
locals {
  replicas = { dr = "us-east-1", eu = "eu-central-1" }
  listed   = templatefile("${path.module}/regions.tpl", { regions = ["eu-north-1", "eu-west-3"] })
}
resource "aws_s3_bucket" "src" { bucket = "src" }
resource "aws_s3_bucket" "copy" {
  for_each = local.replicas
  region   = each.value
  bucket   = "copy-${each.key}"
}
resource "aws_s3_bucket" "from_template" {
  bucket = "t"
  region = split(",", local.listed)[1]
}
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = aws_s3_bucket.src.id
  role   = "arn:aws:iam::123456789012:role/r"
  dynamic "rule" {
    for_each = local.replicas
    content {
      id     = rule.key
      status = "Enabled"
      destination {
        bucket = aws_s3_bucket.copy[rule.key].arn
      }
    }
  }
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    CHECK(asset(*out, "aws_s3_bucket.from_template").location.as_string() == "eu-west-3");
    std::vector<std::string> replication;
    for (const auto& f : out->report.findings)
        if (f.rule_id == "RES101") replication.push_back(f.message);
    CHECK(replication == std::vector<std::string>{
                             "aws_s3_bucket_replication_configuration.r replicates aws_s3_bucket.src (eu-west-1 (IE)) to "
                             "aws_s3_bucket.copy[\"dr\"] in us-east-1 (US), outside eu"});
}
