// RES804: the policy requires customer-managed keys, and a data or AI asset that can take one sets none.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt",
    "https://cloud.google.com/kms/docs/cmek",
    "https://learn.microsoft.com/en-us/azure/security/fundamentals/encryption-models",
};

constexpr AssetClass kClasses[] = {AssetClass::DataStore, AssetClass::AiService};

constexpr RuleExample kBad[] = {
    {"a bucket, a table and a Vertex AI endpoint with the provider's keys", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  customer_managed_keys: true
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {  # expect: RES804
  bucket = "model-weights"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_dynamodb_table" "prompts" {  # expect: RES804
  name     = "prompts"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }
}

resource "google_vertex_ai_endpoint" "llm" {  # expect: RES804
  name         = "llm"
  display_name = "llm"
  location     = "europe-west4"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"customer-managed keys everywhere; a key that is not known yet is not a finding", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  customer_managed_keys: true
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

variable "table_key_arn" {
  type = string
}

resource "aws_kms_key" "weights" {
  description = "model weights"
}

resource "aws_s3_bucket" "weights" {
  bucket = "model-weights"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.weights.arn
    }
  }
}

resource "aws_dynamodb_table" "prompts" {
  name     = "prompts"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.table_key_arn
  }
}

resource "google_vertex_ai_endpoint" "llm" {
  name         = "llm"
  display_name = "llm"
  location     = "europe-west4"

  encryption_spec {
    kms_key_name = "projects/ml/locations/europe-west4/keyRings/ml/cryptoKeys/llm"
  }
}
)"},
    {"without require.customer_managed_keys nothing is asked", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "model-weights"
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.require_customer_managed_keys) return;
    for (const CustomerKeyFact& c : facts.customer_keys) {
        if (c.state != CustomerKeyFact::State::None) continue;
        out.report(c.asset, c.asset->header_range,
                   fmt::format("{} is encrypted with a key its provider manages, and the policy requires customer-managed "
                               "keys: set {}",
                               c.asset->address, c.how));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES804",
    .name = "ai-data-without-customer-managed-key",
    .family = "encryption",
    .severity = Severity::Medium,
    .title = "A data or AI asset uses the provider's key where the policy requires a customer-managed key",
    .why = "With the provider's own key, the provider alone decides who can decrypt the data, and a foreign "
           "authority can compel it to. A customer-managed key (AWS KMS, Cloud KMS, Azure Key Vault) kept inside "
           "the jurisdiction lets you control, audit and revoke every use, which is what "
           "`require.customer_managed_keys: true` in residency.yaml asks for. The rule reads only that policy; "
           "it judges the types whose key argument it knows (S3 through "
           "aws_s3_bucket_server_side_encryption_configuration, DynamoDB, RDS, EBS, EFS, SageMaker, Bedrock, "
           "GCS, BigQuery, Vertex AI, Cloud SQL, Azure Storage, Cognitive Services, Azure ML, Cosmos DB, ...), "
           "and a key argument whose value is not known is not a finding.",
    .fix = "Create a key inside the jurisdiction and name it in the asset's key argument (the message says "
           "which), or turn the requirement off for assets that hold no AI data with a suppression.",
    .references = kReferences,
    .applies_to = kClasses,
    .reads = "customer-managed key facts: data and AI assets whose type can take a customer-managed key, and "
             "whether any argument names one; the policy's require.customer_managed_keys",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES804{&kMeta, check};

}  // namespace residency::rules
