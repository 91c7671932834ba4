// RES105: ECR registry replication copies container images to a region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_replication_configuration",
};

constexpr RuleExample kBad[] = {
    {"inference images replicated to the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_ecr_replication_configuration" "images" {
  replication_configuration {
    rule {
      destination {
        region      = "eu-west-1"
        registry_id = "123456789012"
      }

      destination {
        region      = "us-east-1"  # expect: RES105
        registry_id = "123456789012"
      }

      repository_filter {
        filter      = "inference-"
        filter_type = "PREFIX_MATCH"
      }
    }
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"replication between EU regions", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_ecr_replication_configuration" "images" {
  replication_configuration {
    rule {
      destination {
        region      = "eu-west-1"
        registry_id = "123456789012"
      }
    }
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "ecr-replication"); }

constexpr RuleMeta kMeta{
    .id = "RES105",
    .name = "ecr-replication-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::Medium,
    .title = "ECR replication copies container images to a region outside the jurisdiction",
    .why = "A registry replication rule copies every image pushed to the matching repositories (all of them "
           "without a repository_filter) to each destination region. Images for training and inference often "
           "bundle model weights, tokenizers or data, which then live in that region too.",
    .fix = "Replicate only to regions inside the jurisdiction, or narrow the rule with a repository_filter to "
           "repositories that hold no data or weights.",
    .references = kReferences,
    .applies_to = {},
    .reads = "ecr-replication flows: aws_ecr_replication_configuration replication_configuration rule "
             "destination region (repository_filter named in the message)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES105{&kMeta, check};

}  // namespace residency::rules
