// Terraform's evaluation semantics through the real scan: why values are unknown, what try() and
// `==` know beside unknown parts, structure kept around computed attributes, provenance to literals.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "frontends/frontends.hpp"
#include "support/project.hpp"

namespace fs = std::filesystem;
using namespace residency;

namespace {

using testing::asset;
using testing::find_asset;
using testing::Project;

// "path:line label" for every related location of a finding, and for every provenance step.
std::vector<std::string> places(const ScanOutcome& out, const std::vector<RelatedLocation>& related, const fs::path& dir) {
    std::vector<std::string> result;
    for (const auto& r : related) {
        if (!r.range.valid()) continue;
        const SourceFile& f = out.sources.get(r.range.file);
        result.push_back(fmt::format("{}:{} {}", fs::path(f.abs_path).lexically_relative(dir).generic_string(),
                                     f.line_col(r.range.begin).line, r.message));
    }
    return result;
}

std::vector<std::string> places(const ScanOutcome& out, const Provenance& chain, const fs::path& dir) {
    std::vector<RelatedLocation> related;
    for (const auto* s : steps(chain)) related.push_back({s->range, s->label});
    return places(out, related, dir);
}

const Finding* finding(const ScanOutcome& out, std::string_view rule, std::string_view asset_address) {
    for (const auto& f : out.report.findings)
        if (f.rule_id == rule && f.asset == asset_address) return &f;
    return nullptr;
}

std::string all_findings(const ScanOutcome& out) {
    std::string s;
    for (const auto* list : {&out.report.findings, &out.report.diagnostics})
        for (const auto& f : *list) s += fmt::format("  {} {}: {}\n", f.rule_id, f.asset, f.message);
    return s;
}

}  // namespace

TEST_CASE("a known object whose attributes are known only after apply is not null: count is decided") {
    // Reduced from Azure/terraform-azurerm-aks: the workspace is created only when none is given.
    Project p("known-compare");
    p.write("main.tf", R"(provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "main" {
  name     = "ml"
  location = "westeurope"
}

resource "azurerm_log_analytics_workspace" "main" {
  name                = "ml-logs"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
}

module "aks" {
  source              = "./aks"
  resource_group_name = azurerm_resource_group.main.name
  log_analytics_workspace = {
    id   = azurerm_log_analytics_workspace.main.id
    name = azurerm_log_analytics_workspace.main.name
  }
}
)");
    p.write("aks/main.tf", R"(variable "resource_group_name" {}
variable "log_analytics_workspace" {
  default = null
}

locals {
  create_analytics_workspace = var.log_analytics_workspace == null
}

resource "azurerm_log_analytics_workspace" "main" {
  count               = local.create_analytics_workspace ? 1 : 0
  name                = "aks-logs"
  location            = "eastus"
  resource_group_name = var.resource_group_name
}

resource "azurerm_log_analytics_workspace" "given" {
  count               = var.log_analytics_workspace != null ? 1 : 0
  name                = var.log_analytics_workspace.name
  location            = "westeurope"
  resource_group_name = var.resource_group_name
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    INFO("findings:\n", all_findings(*out));
    for (const auto& a : out->graph.assets) CHECK(a.address.find("module.aks.azurerm_log_analytics_workspace.main") == std::string::npos);
    CHECK(find_asset(*out, "module.aks.azurerm_log_analytics_workspace.given[0]") != nullptr);
    CHECK(out->report.findings.empty());
}

TEST_CASE("a replication destination written with computed attributes is still followed to its bucket") {
    // Reduced from terraform-aws-s3-bucket's examples/s3-replication: the module builds its
    // destination blocks with try(flatten(...)) over objects whose attributes are known after apply.
    Project p("replication");
    p.write("main.tf", R"(provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "replica" {
  provider = aws.us
}

resource "aws_s3_bucket" "replica" {
  provider = aws.us
  bucket   = "weights-replica"
}

module "weights" {
  source = "./bucket"
  bucket = "weights"
  replication_configuration = {
    role = "arn:aws:iam::123456789012:role/replication"
    rules = [
      {
        id     = "all"
        status = true
        destination = {
          bucket             = aws_s3_bucket.replica.arn
          replica_kms_key_id = aws_kms_key.replica.arn
          account_id         = data.aws_caller_identity.current.account_id
          storage_class      = "STANDARD"
        }
      },
    ]
  }
}
)");
    p.write("bucket/main.tf", R"(variable "bucket" {}
variable "replication_configuration" {
  type    = any
  default = {}
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

resource "aws_s3_bucket_replication_configuration" "this" {
  count  = length(keys(var.replication_configuration)) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id
  role   = var.replication_configuration["role"]

  dynamic "rule" {
    for_each = flatten(try([var.replication_configuration["rule"]], [var.replication_configuration["rules"]], []))

    content {
      id     = try(rule.value.id, null)
      status = try(tobool(rule.value.status) ? "Enabled" : "Disabled", title(lower(rule.value.status)), "Enabled")

      dynamic "destination" {
        for_each = try(flatten([rule.value.destination]), [])

        content {
          bucket        = destination.value.bucket
          storage_class = try(destination.value.storage_class, null)
          account       = try(destination.value.account_id, destination.value.account, null)

          dynamic "encryption_configuration" {
            for_each = flatten([try(destination.value.encryption_configuration.replica_kms_key_id, destination.value.replica_kms_key_id, [])])

            content {
              replica_kms_key_id = encryption_configuration.value
            }
          }
        }
      }
    }
  }
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    INFO("findings:\n", all_findings(*out));
    const Asset& config = asset(*out, "module.weights.aws_s3_bucket_replication_configuration.this[0]");
    const Value* rules = config.attributes.get("rule");
    REQUIRE(rules != nullptr);
    REQUIRE(rules->is_list());
    REQUIRE(rules->items().size() == 1);
    const Value& rule = rules->items()[0];
    CHECK(rule.get("status")->display() == R"("Enabled")");
    const Value* destinations = rule.get("destination");
    REQUIRE(destinations != nullptr);
    REQUIRE(destinations->items().size() == 1);
    const Value& dest = destinations->items()[0];
    CHECK(dest.get("bucket")->is_unknown());
    CHECK(dest.get("bucket")->ref_asset == "aws_s3_bucket.replica");
    CHECK(dest.get("storage_class")->display() == R"("STANDARD")");
    CHECK(dest.get("account")->is_unknown());  // read by the data source, not the fallback
    const Finding* f = finding(*out, "RES101", "module.weights.aws_s3_bucket_replication_configuration.this[0]");
    REQUIRE(f != nullptr);
    CHECK(f->message == "module.weights.aws_s3_bucket_replication_configuration.this[0] replicates "
                        "module.weights.aws_s3_bucket.this (eu-west-1 (IE)) to aws_s3_bucket.replica in us-east-1 (US), "
                        "outside eu");
}

TEST_CASE("provenance follows another resource's attribute to the line that writes its value") {
    Project p("provenance-attribute");
    p.write("main.tf", R"(variable "location" {
  default = "westeurope"
}

resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "westeurope"
}

resource "azurerm_resource_group" "from_var" {
  name     = "from-var"
  location = var.location
}

resource "azurerm_storage_account" "weights" {
  name                     = "weights"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = azurerm_resource_group.ml.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "datasets" {
  name                     = "datasets"
  resource_group_name      = azurerm_resource_group.from_var.name
  location                 = azurerm_resource_group.from_var.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
)");
    auto out = p.scan({"us"});
    REQUIRE(out->error == "");
    INFO("findings:\n", all_findings(*out));
    auto weights = places(*out, asset(*out, "azurerm_storage_account.weights").location.provenance, p.dir);
    CHECK(weights == std::vector<std::string>{
                         fmt::format("main.tf:{} azurerm_storage_account.weights location",
                                     p.line_of("main.tf", "location                 = azurerm_resource_group.ml")),
                         fmt::format("main.tf:{} azurerm_resource_group.ml location", p.line_of("main.tf", "location = \"westeurope\"")),
                     });
    auto datasets = places(*out, asset(*out, "azurerm_storage_account.datasets").location.provenance, p.dir);
    CHECK(datasets == std::vector<std::string>{
                          fmt::format("main.tf:{} azurerm_storage_account.datasets location",
                                      p.line_of("main.tf", "location                 = azurerm_resource_group.from_var")),
                          fmt::format("main.tf:{} azurerm_resource_group.from_var location", p.line_of("main.tf", "location = var.location")),
                          fmt::format("main.tf:{} var.location default", p.line_of("main.tf", "default = \"westeurope\"")),
                      });
    // The finding's related locations reach the literal.
    const Finding* f = finding(*out, "RES201", "azurerm_storage_account.weights");
    REQUIRE(f != nullptr);
    auto related = places(*out, f->related, p.dir);
    CHECK(std::find(related.begin(), related.end(),
                    fmt::format("main.tf:{} azurerm_resource_group.ml location", p.line_of("main.tf", "location = \"westeurope\""))) !=
          related.end());
}

TEST_CASE("provenance follows each.value from a caller's for_each map to the element that writes it") {
    Project p("provenance-each");
    p.write("main.tf", R"(locals {
  sites = {
    paris = {
      region = "eu-west-3"
      tier   = "gold"
    }
    virginia = {
      region = "us-east-1"
      tier   = "silver"
    }
  }
}

module "site" {
  source   = "./site"
  for_each = local.sites
  region   = each.value.region
  name     = each.key
}

resource "aws_s3_bucket" "by_key" {
  for_each = toset(["us-west-2"])
  region   = each.key
  bucket   = "by-key"
}
)");
    p.write("site/main.tf", R"(variable "region" {}
variable "name" {}

resource "aws_s3_bucket" "data" {
  region = var.region
  bucket = "data-${var.name}"
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    INFO("findings:\n", all_findings(*out));
    auto chain = places(*out, asset(*out, "module.site[\"virginia\"].aws_s3_bucket.data").location.provenance, p.dir);
    CHECK(chain == std::vector<std::string>{
                       "site/main.tf:5 module.site[\"virginia\"].aws_s3_bucket.data region",
                       fmt::format("main.tf:{} module.site[\"virginia\"] input region", p.line_of("main.tf", "region   = each.value")),
                       fmt::format("main.tf:{} each.value.region (for_each key \"virginia\")", p.line_of("main.tf", "\"us-east-1\"")),
                       "main.tf:2 local.sites",
                   });
    const Finding* f = finding(*out, "RES201", "module.site[\"virginia\"].aws_s3_bucket.data");
    REQUIRE(f != nullptr);
    auto related = places(*out, f->related, p.dir);
    CHECK(std::find(related.begin(), related.end(),
                    fmt::format("main.tf:{} each.value.region (for_each key \"virginia\")", p.line_of("main.tf", "\"us-east-1\""))) !=
          related.end());
    auto by_key = places(*out, asset(*out, "aws_s3_bucket.by_key[\"us-west-2\"]").location.provenance, p.dir);
    CHECK(by_key == std::vector<std::string>{
                        fmt::format("main.tf:{} aws_s3_bucket.by_key[\"us-west-2\"] region", p.line_of("main.tf", "region   = each.key")),
                        fmt::format("main.tf:{} each.key \"us-west-2\"", p.line_of("main.tf", "toset([\"us-west-2\"])")),
                    });
}

TEST_CASE("unknowns from a configuration say why: a missing input, a computed attribute, a modelling gap") {
    Project p("causes");
    p.write("main.tf", R"(variable "region" {}

provider "aws" {
  region = var.region
}

locals {
  hashed = md5("eu-west-1")
  bucket = aws_s3_bucket.input
}

resource "aws_s3_bucket" "input" {
  bucket = "input"
}

resource "aws_s3_bucket" "computed" {
  region = aws_s3_bucket.input.bucket_domain_name
  bucket = "computed"
}

resource "aws_s3_bucket" "gap" {
  region = local.hashed
  bucket = "gap"
}

data "aws_caller_identity" "current" {}

resource "aws_s3_bucket" "tries" {
  bucket = "tries"
  tags = {
    arn      = try(aws_s3_bucket.input.arn, "fallback")
    id       = try(local.bucket.id, "fallback")
    nested   = try(aws_s3_bucket.input.versioning[0].mfa_delete, "fallback")
    account  = try(data.aws_caller_identity.current.account_id, "fallback")
    gap      = try(local.hashed, "fallback")
    can_arn  = can(aws_s3_bucket.input.arn)
    missing  = try(local.plain.nope, "fallback")
  }
}

locals {
  plain = { a = 1 }
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    const Value& input = asset(*out, "aws_s3_bucket.input").location;
    REQUIRE(input.is_unknown());
    CHECK(input.unknown_cause() == UnknownCause::Input);
    const Value& computed = asset(*out, "aws_s3_bucket.computed").location;
    REQUIRE(computed.is_unknown());
    CHECK(computed.unknown_cause() == UnknownCause::AfterApply);
    CHECK(computed.unknown_reason() == "aws_s3_bucket.input.bucket_domain_name is known only after apply");
    const Value& gap = asset(*out, "aws_s3_bucket.gap").location;
    REQUIRE(gap.is_unknown());
    CHECK(gap.unknown_cause() == UnknownCause::Unsupported);
    // The unsupported call is the last step of the chain, so a diagnostic can point at it.
    auto chain = places(*out, gap.provenance, p.dir);
    REQUIRE(!chain.empty());
    CHECK(chain.back() == fmt::format("main.tf:{} function \"md5\" is not supported", p.line_of("main.tf", "md5(")));

    const Value* tags = asset(*out, "aws_s3_bucket.tries").attributes.get("tags");
    REQUIRE(tags != nullptr);
    for (const char* key : {"arn", "id", "nested", "account", "can_arn"}) {
        INFO(key);
        REQUIRE(tags->get(key) != nullptr);
        CHECK(tags->get(key)->is_unknown());
        CHECK(tags->get(key)->unknown_cause() == UnknownCause::AfterApply);
    }
    CHECK(tags->get("arn")->ref_asset == "aws_s3_bucket.input");
    CHECK(tags->get("id")->ref_asset == "aws_s3_bucket.input");
    CHECK(tags->get("gap")->unknown_cause() == UnknownCause::Unsupported);
    CHECK(tags->get("missing")->display() == R"("fallback")");
}
