// RES107: a Secrets Manager secret is replicated to a region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/create-manage-multi-region-secrets.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret#replica",
};

constexpr RuleExample kBad[] = {
    {"an API key replicated to the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_secretsmanager_secret" "inference_api_key" {
  name = "inference-api-key"

  replica {
    region = "eu-central-1"
  }

  replica {
    region = "us-east-1"  # expect: RES107
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a replica in another EU region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_secretsmanager_secret" "inference_api_key" {
  name = "inference-api-key"

  replica {
    region = "eu-central-1"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "secretsmanager-replica"); }

constexpr RuleMeta kMeta{
    .id = "RES107",
    .name = "secrets-manager-replica-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::Medium,
    .title = "A Secrets Manager secret is replicated to a region outside the jurisdiction",
    .why = "A replica block keeps a copy of the secret's value in another region, kept in sync with the "
           "primary. Secrets often hold personal data or the credentials that open the data stores: a copy "
           "outside the jurisdiction is held, and can be disclosed, under that region's law.",
    .fix = "Replicate secrets only to regions inside the jurisdiction, or remove the replica block.",
    .references = kReferences,
    .applies_to = {},
    .reads = "secretsmanager-replica flows: aws_secretsmanager_secret replica region",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES107{&kMeta, check};

}  // namespace residency::rules
