// RES101: S3 replication whose destination bucket lies outside the jurisdiction.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration",
};

constexpr RuleExample kBad[] = {
    {"weights replicated to a bucket in the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "model-weights"
}

resource "aws_s3_bucket" "replica" {  # expect: RES201
  provider = aws.us
  bucket   = "model-weights-replica"
}

resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = "arn:aws:iam::123456789012:role/replication"

  rule {
    id     = "all"
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.replica.arn  # expect: RES101
    }
  }
}
)"},
    {"the legacy inline replication_configuration, destination by ARN", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "checkpoints" {
  bucket = "checkpoints"

  replication_configuration {
    role = "arn:aws:iam::123456789012:role/replication"
    rules {
      status = "Enabled"
      destination {
        bucket = "arn:aws:s3:::checkpoints-dr"  # expect: RES101
      }
    }
  }
}

resource "aws_s3_bucket" "dr" {  # expect: RES201
  region = "us-west-2"
  bucket = "checkpoints-dr"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a disabled rule copies nothing", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "model-weights"
}

resource "aws_s3_bucket" "legacy_us" {  # residency:ignore RES201 -- retired, being emptied
  region = "us-east-1"
  bucket = "legacy-us"
}

resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = "arn:aws:iam::123456789012:role/replication"

  rule {
    status = "Disabled"
    destination {
      bucket = aws_s3_bucket.legacy_us.arn
    }
  }
}
)"},
    {"replication between two EU regions", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "model-weights"
}

resource "aws_s3_bucket" "replica" {
  region = "eu-west-3"
  bucket = "model-weights-replica"
}

resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = "arn:aws:iam::123456789012:role/replication"

  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.replica.arn
    }
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "s3-replication"); }

constexpr RuleMeta kMeta{
    .id = "RES101",
    .name = "s3-replication-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "S3 replication copies objects to a bucket outside the jurisdiction",
    .why = "Replication copies every object (model weights, checkpoints, datasets) to the destination "
           "bucket automatically and continuously. A destination in another jurisdiction moves the data "
           "there even though the source bucket is compliant.",
    .fix = "Replicate to a bucket in a region inside the jurisdiction (for the EU, for example eu-west-1 "
           "to eu-central-1), or remove the replication rule.",
    .references = kReferences,
    .applies_to = {},
    .reads = "s3-replication flows: aws_s3_bucket_replication_configuration, aws_s3_bucket replication_configuration",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES101{&kMeta, check};

}  // namespace residency::rules
