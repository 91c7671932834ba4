// RES104: a KMS multi-Region replica key copies key material to a region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_replica_key",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_replica_external_key",
};

constexpr RuleExample kBad[] = {
    {"the primary key of EU data replicated to the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "us-east-1"
}

resource "aws_kms_replica_key" "weights" {
  description     = "replica of the key that encrypts model weights"
  primary_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"  # expect: RES104
}

resource "aws_kms_replica_external_key" "byok" {
  description     = "replica of an imported key"
  primary_key_arn = "arn:aws:kms:eu-central-1:123456789012:key/mrk-0987dcba09ba87dc65fe0987654321ba"  # expect: RES104
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a replica key in another EU region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_kms_replica_key" "weights" {
  description     = "replica of the key that encrypts model weights"
  primary_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "kms-replica-key"); }

constexpr RuleMeta kMeta{
    .id = "RES104",
    .name = "kms-replica-key-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "A KMS replica key copies key material to a region outside the jurisdiction",
    .why = "A multi-Region replica key shares the key material of its primary: whatever the primary encrypts "
           "can be decrypted in the replica's region. A replica outside the jurisdiction lets data encrypted "
           "inside it be read (and its key be compelled) under another country's law.",
    .fix = "Create replica keys only in regions inside the jurisdiction, or use a single-Region key.",
    .references = kReferences,
    .applies_to = {},
    .reads = "kms-replica-key flows: aws_kms_replica_key and aws_kms_replica_external_key (created in their own "
             "region from the primary key their primary_key_arn names)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES104{&kMeta, check};

}  // namespace residency::rules
