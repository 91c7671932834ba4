// RES102: a DynamoDB global table keeps a replica in a region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#replica",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table_replica",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_global_table",
};

constexpr RuleExample kBad[] = {
    {"a feature store table replicated to the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_dynamodb_table" "features" {
  name             = "features"
  hash_key         = "id"
  billing_mode     = "PAY_PER_REQUEST"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  replica {
    region_name = "eu-central-1"
  }

  replica {
    region_name = "us-east-1"  # expect: RES102
  }
}
)"},
    {"replicas from a variable, one of them abroad", R"(-- main.tf --
variable "replica_regions" {
  default = ["eu-north-1", "ap-southeast-2"]
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_dynamodb_table" "prompts" {
  name     = "prompts"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "replica" {
    for_each = var.replica_regions
    content {
      region_name = replica.value  # expect: RES102
    }
  }
}
)"},
    {"a table replica created through a provider in the US", R"(-- residency.yaml --
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

resource "aws_dynamodb_table" "embeddings" {
  name             = "embeddings"
  hash_key         = "id"
  billing_mode     = "PAY_PER_REQUEST"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  lifecycle {
    ignore_changes = [replica]
  }
}

resource "aws_dynamodb_table_replica" "embeddings_us" {  # expect: RES201
  provider         = aws.us
  global_table_arn = aws_dynamodb_table.embeddings.arn  # expect: RES102
}

resource "aws_dynamodb_table_replica" "by_arn" {  # expect: RES201
  provider         = aws.us
  global_table_arn = "arn:aws:dynamodb:eu-central-1:123456789012:table/prompts"  # expect: RES102
}
)"},
    {"a legacy global table (2017.11.29) with a replica in the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_dynamodb_global_table" "sessions" {
  name = "sessions"

  replica {
    region_name = "eu-west-1"
  }

  replica {
    region_name = "us-west-2"  # expect: RES102
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"replicas inside the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_dynamodb_table" "features" {
  name     = "features"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  replica {
    region_name = "eu-central-1"
  }

  replica {
    region_name = "eu-south-2"
  }
}
)"},
    {"a table replica in another EU region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "frankfurt"
  region = "eu-central-1"
}

resource "aws_dynamodb_table" "embeddings" {
  name             = "embeddings"
  hash_key         = "id"
  billing_mode     = "PAY_PER_REQUEST"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table_replica" "embeddings_fra" {
  provider         = aws.frankfurt
  global_table_arn = aws_dynamodb_table.embeddings.arn
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_flows_outside(facts, out, "dynamodb-replica"); }

constexpr RuleMeta kMeta{
    .id = "RES102",
    .name = "dynamodb-replica-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "A DynamoDB global table has a replica outside the jurisdiction",
    .why = "A `replica` block or an aws_dynamodb_table_replica makes the table a global table: DynamoDB copies "
           "every item written in any "
           "replica region to all the others, continuously. Feature stores, prompts and inference logs kept "
           "in the table then live in each replica region too, under that country's law.",
    .fix = "Keep replica regions inside the jurisdiction (for aws_dynamodb_table_replica, the region of its "
           "provider), or remove the replica. For disaster "
           "recovery inside the EU, replicate between EU regions (eu-west-1 and eu-central-1).",
    .references = kReferences,
    .applies_to = {},
    .reads = "dynamodb-replica flows: aws_dynamodb_table replica blocks, aws_dynamodb_table_replica (created in its "
             "own region from the table its global_table_arn names), aws_dynamodb_global_table replica blocks",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES102{&kMeta, check};

}  // namespace residency::rules
