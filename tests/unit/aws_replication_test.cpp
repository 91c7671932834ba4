// AWS replicas and copies (RES102-RES107): sources named by reference, identifier or literal ARN;
// what is not a cross-region flow; what cannot be resolved.
#include <doctest/doctest.h>

#include "facts/adapters/aws_arn.hpp"
#include "frontends/frontends.hpp"
#include "support/project.hpp"

using namespace residency;

namespace {

using testing::Project;

std::vector<std::string> messages(const std::vector<Finding>& list, std::string_view rule) {
    std::vector<std::string> out;
    for (const auto& f : list)
        if (f.rule_id == rule) out.push_back(f.message);
    return out;
}

constexpr const char* kProviders = R"(provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

provider "aws" {
  alias  = "fra"
  region = "eu-central-1"
}
)";

}  // namespace

TEST_CASE("ARNs: parts, and the region as a location") {
    auto arn = adapters::parse_arn("arn:aws:rds:eu-west-1:123456789012:db:main");
    REQUIRE(arn);
    CHECK(arn->service == "rds");
    CHECK(arn->region == "eu-west-1");
    CHECK(arn->resource == "db:main");
    CHECK(adapters::parse_arn("arn:aws:backup:us-east-1:1:backup-vault:a:b")->resource == "backup-vault:a:b");
    CHECK_FALSE(adapters::parse_arn("main"));
    CHECK_FALSE(adapters::parse_arn("arn:aws:s3"));
    auto l = adapters::arn_location(Value::string("arn:aws:kms:ap-south-1:123456789012:key/mrk-1"));
    REQUIRE(l);
    CHECK(describe_place(l->place) == "ap-south-1 (IN)");
    CHECK_FALSE(adapters::arn_location(Value::string("arn:aws:s3:::bucket")));  // S3 ARNs carry no region
}

TEST_CASE("RDS: replicas by reference, identifier and ARN; same-region and unknown sources are no flows") {
    Project p("aws-rds-replicas");
    p.write("main.tf", std::string(kProviders) + R"(
variable "source_db" {}

resource "aws_db_instance" "main" {
  identifier     = "main"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "by_ref" {
  provider            = aws.us
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.main.identifier
}

resource "aws_db_instance" "by_arn_of_the_scan" {
  provider            = aws.us
  instance_class      = "db.t3.micro"
  replicate_source_db = "arn:aws:rds:eu-west-1:123456789012:db:main"
}

resource "aws_db_instance" "same_region" {
  instance_class      = "db.t3.micro"
  replicate_source_db = "not-in-the-scan"
}

resource "aws_db_instance" "unknown" {
  provider            = aws.us
  instance_class      = "db.t3.micro"
  replicate_source_db = var.source_db
}

resource "aws_db_instance" "inside" {
  provider            = aws.fra
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.main.arn
}

resource "aws_rds_cluster" "src" {
  cluster_identifier = "src"
}

resource "aws_rds_cluster" "cross" {
  provider                      = aws.us
  cluster_identifier            = "cross"
  replication_source_identifier = aws_rds_cluster.src.arn
}
)");
    auto out = p.scan_from({"."});
    CHECK(messages(out->report.findings, "RES103") ==
          std::vector<std::string>{
              "aws_db_instance.by_ref replicates aws_db_instance.main (eu-west-1 (IE)) to us-east-1 (US), outside eu",
              "aws_db_instance.by_arn_of_the_scan replicates aws_db_instance.main (eu-west-1 (IE)) to us-east-1 (US), "
              "outside eu",
              "aws_rds_cluster.cross replicates aws_rds_cluster.src (eu-west-1 (IE)) to us-east-1 (US), outside eu",
          });
}

TEST_CASE("Aurora global database: the primary from source_db_cluster_identifier or the secondaries' source_region") {
    Project p("aws-global-cluster");
    p.write("main.tf", std::string(kProviders) + R"(
resource "aws_rds_global_cluster" "named" {
  global_cluster_identifier    = "named"
  source_db_cluster_identifier = aws_rds_cluster.named_primary.arn
}

resource "aws_rds_cluster" "named_primary" {
  provider           = aws.us
  cluster_identifier = "named-primary"
}

resource "aws_rds_cluster" "named_secondary" {
  cluster_identifier        = "named-secondary"
  global_cluster_identifier = "named"
}

resource "aws_rds_global_cluster" "marked" {
  global_cluster_identifier = "marked"
}

resource "aws_rds_cluster" "marked_primary" {
  provider                  = aws.fra
  cluster_identifier        = "marked-primary"
  global_cluster_identifier = aws_rds_global_cluster.marked.id
}

resource "aws_rds_cluster" "marked_secondary" {
  provider                  = aws.us
  cluster_identifier        = "marked-secondary"
  global_cluster_identifier = aws_rds_global_cluster.marked.id
  source_region             = "eu-central-1"
}
)");
    SUBCASE("eu") {
        auto out = p.scan_from({"."});
        CHECK(messages(out->report.findings, "RES103") ==
              std::vector<std::string>{
                  "aws_rds_cluster.marked_secondary replicates aws_rds_cluster.marked_primary (eu-central-1 (DE)) to "
                  "us-east-1 (US), outside eu",
              });
    }
    SUBCASE("us: the primaries receive nothing") {
        auto out = p.scan_from({"."}, {"us"});
        CHECK(messages(out->report.findings, "RES103") ==
              std::vector<std::string>{
                  "aws_rds_cluster.named_secondary replicates aws_rds_cluster.named_primary (us-east-1 (US)) to "
                  "eu-west-1 (IE), outside us",
              });
    }
}

TEST_CASE("KMS, DynamoDB table replicas, backups: the source of the scan, unresolved, or read by a data source") {
    Project p("aws-replica-sources");
    p.write("main.tf", std::string(kProviders) + R"(
variable "table_arn" {}

resource "aws_kms_key" "primary" {
  multi_region = true
}

resource "aws_kms_replica_key" "us" {
  provider        = aws.us
  primary_key_arn = aws_kms_key.primary.arn
}

resource "aws_kms_replica_key" "fra" {
  provider        = aws.fra
  primary_key_arn = aws_kms_key.primary.arn
}

resource "aws_dynamodb_table_replica" "unknown" {
  provider         = aws.us
  global_table_arn = var.table_arn
}

data "aws_backup_vault" "existing" {
  name = "existing"
}

resource "aws_backup_plan" "p" {
  name = "p"
  rule {
    rule_name         = "r"
    target_vault_name = "not-in-the-scan"
    copy_action {
      destination_vault_arn = data.aws_backup_vault.existing.arn
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-west-2:123456789012:backup-vault:dr"
    }
  }
}
)");
    auto out = p.scan_from({"."});
    CHECK(messages(out->report.findings, "RES104") ==
          std::vector<std::string>{
              "aws_kms_replica_key.us replicates aws_kms_key.primary (eu-west-1 (IE)) to us-east-1 (US), outside eu",
          });
    CHECK(messages(out->report.findings, "RES102") ==
          std::vector<std::string>{
              "aws_dynamodb_table_replica.unknown replicates the table (not known: var.table_arn has no default: pass "
              "--var table_arn=... or add a tfvars file) to us-east-1 (US), outside eu",
          });
    CHECK(messages(out->report.findings, "RES106") ==
          std::vector<std::string>{
              "aws_backup_plan.p (eu-west-1 (IE)) replicates to us-west-2 (US), outside eu",
          });
    CHECK(messages(out->report.diagnostics, "RES002") ==
          std::vector<std::string>{
              "cannot resolve where aws_backup_plan.p copies data to: the destination vault is not known: "
              "data.aws_backup_vault.existing.arn is read from the existing object when Terraform plans",
          });
}

TEST_CASE("ECR: every repository or the filtered ones; a destination region that is not known") {
    Project p("aws-ecr");
    p.write("main.tf", std::string(kProviders) + R"(
variable "dr_region" {}

resource "aws_ecr_replication_configuration" "all" {
  replication_configuration {
    rule {
      destination {
        region      = "us-east-1"
        registry_id = "123456789012"
      }
      destination {
        region      = var.dr_region
        registry_id = "123456789012"
      }
    }
  }
}
)");
    auto out = p.scan_from({"."});
    CHECK(messages(out->report.findings, "RES105") ==
          std::vector<std::string>{
              "aws_ecr_replication_configuration.all replicates every repository of the registry (eu-west-1 (IE)) to "
              "us-east-1 (US), outside eu",
          });
    CHECK(messages(out->report.diagnostics, "RES002") ==
          std::vector<std::string>{
              "cannot resolve where aws_ecr_replication_configuration.all copies data to: var.dr_region has no "
              "default: pass --var dr_region=... or add a tfvars file",
          });
}
