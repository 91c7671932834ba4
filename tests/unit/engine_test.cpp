// The engine through the real scan entry: finding identity across roots, given files, modules
// outside the root, jurisdiction inference, coverage of every data class, and what is left unsaid.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "frontends/frontends.hpp"
#include "support/project.hpp"

namespace fs = std::filesystem;
using namespace residency;

namespace {

using testing::Project;

std::vector<std::string> messages(const std::vector<Finding>& list, std::string_view rule = "") {
    std::vector<std::string> out;
    for (const auto& f : list)
        if (rule.empty() || f.rule_id == rule) out.push_back(f.message);
    return out;
}

constexpr const char* kBucketModule = R"(resource "aws_s3_bucket" "this" {
  bucket = "weights"
}
)";

std::string env(const char* region) {
    return std::string("provider \"aws\" {\n  region = \"") + region + "\"\n}\n\nmodule \"bucket\" {\n  source = \"../../modules/bucket\"\n}\n";
}

}  // namespace

TEST_CASE("one module file used by two roots gives a finding per root, each naming its root") {
    Project p("roots");
    p.write("modules/bucket/main.tf", kBucketModule);
    p.write("envs/prod/main.tf", env("us-east-1"));
    p.write("envs/staging/main.tf", env("ap-northeast-1"));
    auto out = p.scan_from({"."});
    REQUIRE(out->error == "");
    CHECK(messages(out->report.findings) ==
          std::vector<std::string>{
              "module.bucket.aws_s3_bucket.this is in us-east-1 (US), outside eu (root envs/prod)",
              "module.bucket.aws_s3_bucket.this is in ap-northeast-1 (JP), outside eu (root envs/staging)",
          });
    REQUIRE(out->report.findings.size() == 2);
    CHECK(out->report.findings[0].root == "envs/prod");
    CHECK(out->report.findings[0].fingerprint != out->report.findings[1].fingerprint);

    // Given one root's file, as pre-commit does: that root's finding, still there (the only root
    // loaded, so not named), with the same fingerprint as in the whole scan.
    auto given = p.scan_from({"envs/staging/main.tf"});
    CHECK(messages(given->report.findings) ==
          std::vector<std::string>{"module.bucket.aws_s3_bucket.this is in ap-northeast-1 (JP), outside eu"});
    REQUIRE(given->report.findings.size() == 1);
    CHECK(given->report.findings[0].fingerprint == out->report.findings[1].fingerprint);
    CHECK(given->report.files.size() == 2);  // its directory and the module it calls, not envs/prod

    // Given the module's file: the roots that call it are found and loaded, so it is judged where used.
    auto module = p.scan_from({"modules/bucket/main.tf"});
    CHECK(messages(module->report.findings) == messages(out->report.findings));
}

TEST_CASE("fingerprints do not move with lines") {
    Project p("fingerprint");
    p.write("main.tf", "provider \"aws\" {\n  region = \"us-east-1\"\n}\nresource \"aws_s3_bucket\" \"w\" {\n  bucket = \"w\"\n}\n");
    auto before = p.scan_from({"."});
    p.write("main.tf", "# moved\n\nprovider \"aws\" {\n  region = \"us-east-1\"\n}\n\nresource \"aws_s3_bucket\" \"w\" {\n  bucket = \"w\"\n}\n");
    auto after = p.scan_from({"."});
    REQUIRE(before->report.findings.size() == 1);
    REQUIRE(after->report.findings.size() == 1);
    CHECK(before->report.findings[0].fingerprint == after->report.findings[0].fingerprint);
}

TEST_CASE("--allow-outside-root reads a module outside the scanned directory, for every call of it") {
    Project p("outside");
    p.write("main.tf", kBucketModule);
    p.write("examples/replica/main.tf", R"(provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "de"
  region = "eu-central-1"
}

module "primary" {
  source = "../../"
}

module "replica" {
  source    = "../../"
  providers = { aws = aws.de }
}
)");
    auto refused = p.scan_from({"examples/replica"}, {"ie"});
    CHECK(messages(refused->report.findings).empty());
    CHECK(messages(refused->report.diagnostics, "RES002").size() == 2);

    FrontendOptions allow;
    allow.terraform.allow_outside_root = true;
    auto out = p.scan_from({"examples/replica"}, {"ie"}, allow);
    REQUIRE(out->error == "");
    CHECK(messages(out->report.findings) ==
          std::vector<std::string>{"module.replica.aws_s3_bucket.this is in eu-central-1 (DE), outside ie"});
    CHECK(out->report.diagnostics.empty());
}

TEST_CASE("a jurisdiction is inferred only from three quarters of the located assets; a split is a diagnostic") {
    Project p("infer");
    std::string main = "provider \"aws\" {\n  region = \"eu-west-1\"\n}\nprovider \"aws\" {\n  alias  = \"us\"\n  region = \"us-east-1\"\n}\n";
    for (const char* b : {"a", "b", "c"}) main += std::string("resource \"aws_s3_bucket\" \"") + b + "\" {\n  bucket = \"" + b + "\"\n}\n";
    p.write("main.tf", main + "resource \"aws_s3_bucket\" \"us\" {\n  provider = aws.us\n  bucket = \"us\"\n}\n");
    auto clear = p.scan_from({"."}, {});
    CHECK(clear->report.jurisdiction.codes == std::vector<std::string>{"eu"});
    CHECK(clear->report.jurisdiction.explanation == "inferred: 3 of the 4 located data stores, compute and AI services are in it");
    CHECK(messages(clear->report.findings) == std::vector<std::string>{"aws_s3_bucket.us is in us-east-1 (US), outside eu"});

    p.write("more.tf", "resource \"aws_s3_bucket\" \"us2\" {\n  provider = aws.us\n  bucket = \"us2\"\n}\n");
    auto split = p.scan_from({"."}, {});
    CHECK(split->report.jurisdiction.codes.empty());
    CHECK(split->report.findings.empty());
    CHECK(messages(split->report.diagnostics) ==
          std::vector<std::string>{
              "no home jurisdiction: no jurisdiction holds three quarters of the 5 located data stores, compute and AI "
              "services (eu 3, us 2); set `jurisdiction` in residency.yaml or pass --jurisdiction, and nothing is "
              "judged until then"});
}

TEST_CASE("every class that holds or processes data needs a location; other providers are named") {
    Project p("coverage");
    p.write("main.tf", R"(provider "aws" {}

resource "aws_instance" "trainer" {
  ami           = "ami-123"
  instance_type = "p4d.24xlarge"
}

resource "aws_sagemaker_endpoint" "llm" {
  endpoint_config_name = "llm"
}

resource "linode_object_storage_bucket" "weights" {
  label  = "weights"
  region = "eu-central"
}

resource "random_id" "suffix" {
  byte_length = 4
}
)");
    auto out = p.scan_from({"."});
    CHECK(messages(out->report.findings, "RES202") ==
          std::vector<std::string>{
              "aws_instance.trainer has no location: neither it nor provider \"aws\" sets a region, so it is created "
              "wherever AWS_REGION or the AWS profile points when Terraform runs",
              "aws_sagemaker_endpoint.llm has no location: neither it nor provider \"aws\" sets a region, so it is "
              "created wherever AWS_REGION or the AWS profile points when Terraform runs",
          });
    CHECK(messages(out->report.diagnostics) ==
          std::vector<std::string>{
              "provider \"linode\" is not in the catalog: the location of linode_object_storage_bucket.weights is not checked"});
}

TEST_CASE("diagnostics only where a rule reads the value: global places, unused function calls") {
    Project p("noise");
    p.write("main.tf", R"(provider "google" {
  region = "europe-west4"
}

resource "google_project_iam_member" "reader" {
  project = "p"
  role    = "roles/viewer"
  member  = "user:${md5("x")}@example.com"
}

resource "google_kms_key_ring" "ring" {
  name     = "ring"
  location = "global"
}

resource "google_storage_bucket" "weights" {
  name     = "weights-${sha256("salt")}"
  location = "EU"
}
)");
    auto out = p.scan_from({"."});
    // The key ring at `global` is a finding of the encryption family (RES802), not a diagnostic.
    REQUIRE(out->report.findings.size() == 1);
    CHECK(out->report.findings[0].rule_id == "RES802");
    CHECK(out->report.diagnostics.empty());
    CHECK(out->report.unreported == std::vector<std::pair<std::string, std::size_t>>{{"RES004", 2}});
}

TEST_CASE("a scan with nothing to read says so; a file no frontend reads is skipped, not a reason to scan") {
    Project p("nothing");
    p.write("README.md", "# hello\n");
    auto out = p.scan_from({"."});
    REQUIRE(out->error == "");
    REQUIRE(out->notices.size() == 1);
    CHECK(out->notices[0] == "no file to scan under .: residency reads Terraform (.tf, .tf.json, .tfvars, plan and state JSON), MLOps configuration (compose and .env files, MLproject, W&B settings), "
          "Kubernetes manifests (.yaml, .yml)");

    p.write("main.tf", "provider \"aws\" {\n  region = \"us-east-1\"\n}\nresource \"aws_s3_bucket\" \"w\" {\n  bucket = \"w\"\n}\n");
    auto skipped = p.scan_from({"README.md"});
    CHECK(skipped->notices == std::vector<std::string>{"skipped README.md: no frontend reads it"});
    CHECK(skipped->report.files.empty());
    CHECK(skipped->report.findings.empty());
}

TEST_CASE("an asset whose count is unknown may exist: a known location outside is reported with the condition") {
    Project p("condition");
    p.write("main.tf", R"(variable "replicas" {}

provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "replica" {
  count  = var.replicas
  bucket = "replica"
}
)");
    auto out = p.scan_from({"."});
    CHECK(messages(out->report.findings) ==
          std::vector<std::string>{
              "aws_s3_bucket.replica[*] is in us-east-1 (US), outside eu (if created: count is not known: var.replicas "
              "has no default: pass --var replicas=... or add a tfvars file)"});
}

TEST_CASE("fingerprints do not depend on the directory the scan runs from") {
    Project p("cwd");
    p.write("modules/bucket/main.tf", kBucketModule);
    p.write("envs/prod/main.tf", env("us-east-1"));
    auto here = p.scan_from({"."});
    ScanOptions o;
    o.paths = {p.dir.string()};
    o.jurisdictions = {"eu"};
    fs::path was = fs::current_path();
    fs::current_path(p.dir / "modules");
    auto elsewhere = run_scan(o);
    fs::current_path(was);
    REQUIRE(here->report.findings.size() == 1);
    REQUIRE(elsewhere->report.findings.size() == 1);
    CHECK(here->report.findings[0].fingerprint == elsewhere->report.findings[0].fingerprint);
}

TEST_CASE("replication: several destinations of one block, unknown blocks beside known ones, names that only look alike") {
    Project p("flows");
    p.write("main.tf", R"(variable "regions" {}
variable "blue" {}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_dynamodb_table" "two" {
  name     = "two"
  hash_key = "id"
  dynamic "replica" {
    for_each = ["us-east-1", "ap-south-1"]
    content {
      region_name = replica.value
    }
  }
}

resource "aws_dynamodb_table" "mixed" {
  name     = "mixed"
  hash_key = "id"
  dynamic "replica" {
    for_each = var.regions
    content {
      region_name = replica.value
    }
  }
  replica {
    region_name = "us-west-2"
  }
}

resource "random_pet" "p" {}

resource "aws_s3_bucket" "src" {
  bucket = "src"
}

resource "aws_s3_bucket" "upper_us" {
  provider = aws.us
  bucket   = "data-${upper(random_pet.p.id)}"
}

resource "aws_s3_bucket" "blue_us" {
  provider = aws.us
  bucket   = "w-${var.blue ? "blue" : "green"}"
}

resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = aws_s3_bucket.src.id
  role   = "arn:aws:iam::123456789012:role/r"
  rule {
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::data-${random_pet.p.id}"
    }
  }
  rule {
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::w-${var.blue ? "green" : "blue"}"
    }
  }
}

data "aws_s3_bucket" "existing" {
  bucket = "existing"
}

resource "aws_s3_bucket_replication_configuration" "to_existing" {
  bucket = aws_s3_bucket.src.id
  role   = "arn:aws:iam::123456789012:role/r"
  rule {
    status = "Enabled"
    destination {
      bucket = data.aws_s3_bucket.existing.arn
    }
  }
}
)");
    auto out = p.scan_from({"."});
    std::vector<std::string> replication = messages(out->report.findings, "RES102");
    CHECK(replication == std::vector<std::string>{
                             "aws_dynamodb_table.two (eu-west-1 (IE)) replicates to ap-south-1 (IN), outside eu",
                             "aws_dynamodb_table.two (eu-west-1 (IE)) replicates to us-east-1 (US), outside eu",
                             "aws_dynamodb_table.mixed (eu-west-1 (IE)) replicates to us-west-2 (US), outside eu",
                         });
    std::set<std::string> fingerprints;
    for (const auto& f : out->report.findings) fingerprints.insert(f.fingerprint);
    CHECK(fingerprints.size() == out->report.findings.size());
    CHECK(messages(out->report.findings, "RES101").empty());  // no destination is either US bucket
    CHECK(messages(out->report.diagnostics, "RES002") ==
          std::vector<std::string>{
              "cannot resolve where aws_dynamodb_table.mixed copies data to: the replica blocks of "
              "aws_dynamodb_table.mixed are not known: var.regions has no default: pass --var regions=... or add a "
              "tfvars file",
              "cannot resolve where aws_s3_bucket_replication_configuration.r copies data to: the destination bucket's "
              "name is known only after apply and names no one bucket of this configuration: random_pet.p.id is "
              "known only after apply",
              "cannot resolve where aws_s3_bucket_replication_configuration.r copies data to: the destination bucket "
              "is not known: var.blue has no default: pass --var blue=... or add a tfvars file",
              "cannot resolve where aws_s3_bucket_replication_configuration.to_existing copies data to: the "
              "destination bucket is not known: data.aws_s3_bucket.existing.arn is read from the existing object "
              "when Terraform plans",
          });
}

TEST_CASE("with files given, an undecided jurisdiction is still said, and counted from their roots") {
    Project p("given-split");
    p.write("a/main.tf", "provider \"aws\" {\n  region = \"eu-west-1\"\n}\nresource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n}\n");
    p.write("b/main.tf", "provider \"aws\" {\n  region = \"us-east-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n");
    p.write("b/providers.tf", "provider \"aws\" {\n  alias  = \"eu\"\n  region = \"eu-west-1\"\n}\nresource \"aws_s3_bucket\" \"c\" {\n  provider = aws.eu\n  bucket   = \"c\"\n}\n");
    auto out = p.scan_from({"b/providers.tf"}, {});
    CHECK(messages(out->report.diagnostics) ==
          std::vector<std::string>{
              "no home jurisdiction: no jurisdiction holds three quarters of the 2 located data stores, compute and AI "
              "services (eu 1, us 1); set `jurisdiction` in residency.yaml or pass --jurisdiction, and nothing is "
              "judged until then"});
}

TEST_CASE("provenance through a for-expression's template reaches the variable that writes the region") {
    Project p("for-template");
    p.write("main.tf", R"(variable "region" {
  default = "us-central1"
}

variable "zones" {
  default = ["b"]
}

locals {
  zones = { for z in var.zones : z => "${var.region}-${z}" }
}

resource "google_compute_instance" "vm" {
  for_each     = local.zones
  name         = "vm-${each.key}"
  zone         = each.value
  machine_type = "e2-small"
}
)");
    auto out = p.scan_from({"."});
    REQUIRE(out->report.findings.size() == 1);
    std::vector<std::string> related;
    for (const auto& r : out->report.findings[0].related)
        related.push_back(r.message + " @" + std::to_string(out->sources.get(r.range.file).line_col(r.range.begin).line));
    CHECK(related == std::vector<std::string>{"google_compute_instance.vm[\"b\"] zone @16",
                                              "each.value (for_each key \"b\") @10", "var.region default @2"});
}
