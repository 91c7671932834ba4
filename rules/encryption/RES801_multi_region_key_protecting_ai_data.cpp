// RES801: a multi-region AWS KMS key encrypts data or AI assets.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#multi_region",
};

constexpr AssetClass kClasses[] = {AssetClass::Key, AssetClass::DataStore, AssetClass::AiService};

constexpr RuleExample kBad[] = {
    {"model weights encrypted with a multi-region key", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_kms_key" "weights" {
  description  = "model weights"
  multi_region = true  # expect: RES801
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
)"},
    {"a feature table encrypted through an alias of a multi-region key", R"(-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_kms_key" "features" {
  multi_region = true  # expect: RES801
}

resource "aws_kms_alias" "features" {
  name          = "alias/features"
  target_key_id = aws_kms_key.features.key_id
}

resource "aws_dynamodb_table" "features" {
  name     = "features"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_alias.features.arn
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a single-region key; a multi-region key that encrypts nothing in the configuration", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_kms_key" "weights" {
  description = "model weights"
}

resource "aws_kms_key" "shared" {
  description  = "shared with other configurations"
  multi_region = true
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
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    for (const KeyFact& k : facts.keys) {
        if (!k.multi_region) continue;
        std::vector<std::string> names;
        std::vector<RelatedLocation> related;
        for (const KeyUse& u : facts.key_uses) {
            if (u.key != k.key) continue;
            if (u.asset->asset_class != AssetClass::DataStore && u.asset->asset_class != AssetClass::AiService) continue;
            if (std::find(names.begin(), names.end(), u.asset->address) != names.end()) continue;
            names.push_back(u.asset->address);
            related.push_back({u.range, fmt::format("{} is encrypted with it ({})", u.asset->address, u.attribute)});
        }
        if (names.empty()) continue;
        for (auto& l : provenance_locations(k.multi_region_provenance)) related.push_back(std::move(l));
        std::string list;
        for (std::size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + names[i];
        out.report(k.key, k.multi_region_range,
                   fmt::format("{} is a multi-region key, which can be replicated to any region, and it encrypts {}",
                               k.key->address, list),
                   std::move(related));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES801",
    .name = "multi-region-key-protecting-ai-data",
    .family = "encryption",
    .severity = Severity::Medium,
    .title = "A multi-region KMS key encrypts data or AI assets",
    .why = "A multi-region KMS key shares its key material and key ID with replica keys that anyone with "
           "kms:ReplicateKey permission can create in any AWS region, with no change to this configuration. "
           "Data encrypted with it (and copies of that data) can then be decrypted in that region: the key no "
           "longer confines the data to the jurisdiction. Replica keys the configuration itself creates are "
           "the replication family's concern; this rule reports the primary key, and only when it encrypts a "
           "data store or AI asset of the scan (a multi-region key that encrypts nothing visible is not reported).",
    .fix = "Encrypt residency-bound data with a single-region key (`multi_region = false`, the default). Changing "
           "`multi_region` replaces the key: create a new key and re-encrypt the data. If the key must stay "
           "multi-region, deny `kms:ReplicateKey` outside the jurisdiction with an SCP or key policy condition "
           "on `kms:ReplicaRegion`.",
    .references = kReferences,
    .applies_to = kClasses,
    .reads = "keys: aws_kms_key multi_region; the data and AI assets that name the key (directly or through an aws_kms_alias)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES801{&kMeta, check};

}  // namespace residency::rules
