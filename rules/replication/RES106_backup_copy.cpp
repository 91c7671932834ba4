// RES106: an AWS Backup plan copies recovery points to a vault outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_plan#copy_action",
};

constexpr RuleExample kBad[] = {
    {"nightly backups copied to a vault in the US", R"tf(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_backup_vault" "main" {
  name = "ml-data"
}

resource "aws_backup_vault" "dr" {  # expect: RES201
  provider = aws.us
  name     = "ml-data-dr"
}

resource "aws_backup_plan" "nightly" {
  name = "nightly"

  rule {
    rule_name         = "nightly"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn  # expect: RES106
    }

    copy_action {
      destination_vault_arn = "arn:aws:backup:ap-southeast-2:123456789012:backup-vault:offsite"  # expect: RES106
    }
  }
}
)tf"},
};

constexpr RuleExample kGood[] = {
    {"backups copied to a vault in another EU region", R"tf(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_backup_vault" "main" {
  name = "ml-data"
}

resource "aws_backup_plan" "nightly" {
  name = "nightly"

  rule {
    rule_name         = "nightly"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-central-1:123456789012:backup-vault:ml-data-dr"
    }
  }
}
)tf"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "backup-copy"); }

constexpr RuleMeta kMeta{
    .id = "RES106",
    .name = "backup-copy-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "An AWS Backup plan copies recovery points to a vault outside the jurisdiction",
    .why = "A copy_action copies every recovery point the rule creates (databases, volumes, file systems, "
           "buckets) to the destination vault. A vault in another region keeps full copies of the data there, "
           "often for longer than the source keeps them.",
    .fix = "Copy to a vault in a region inside the jurisdiction (for the EU, for example eu-west-1 to "
           "eu-central-1), or remove the copy_action.",
    .references = kReferences,
    .applies_to = {},
    .reads = "backup-copy flows: aws_backup_plan rule copy_action destination_vault_arn (a vault of the scan, "
             "or the region of a literal ARN), from the rule's target_vault_name",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES106{&kMeta, check};

}  // namespace residency::rules
