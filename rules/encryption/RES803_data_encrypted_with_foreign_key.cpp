// RES803: a data store or AI asset is encrypted with a key kept outside the jurisdiction.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk",
    "https://cloud.google.com/kms/docs/cmek",
    "https://learn.microsoft.com/en-us/azure/storage/common/customer-managed-keys-overview",
};

constexpr RuleExample kBad[] = {
    {"a storage account in the EU encrypted with a key from a vault in the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "azurerm_key_vault" "us" {  # expect: RES802
  name                = "keys-us"
  location            = "East US"
  resource_group_name = "security"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "premium"
}

resource "azurerm_key_vault_key" "lake" {
  name         = "lake"
  key_vault_id = azurerm_key_vault.us.id
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
}

resource "azurerm_storage_account" "lake" {
  name                     = "mllake"
  resource_group_name      = "ml"
  location                 = "West Europe"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_customer_managed_key" "lake" {
  storage_account_id = azurerm_storage_account.lake.id
  key_vault_key_id   = azurerm_key_vault_key.lake.id  # expect: RES803
}
)"},
    {"keys named by ARN and by key name in another jurisdiction", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_sagemaker_endpoint_configuration" "llm" {
  name        = "llm"
  kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"  # expect: RES803

  production_variants {
    variant_name           = "primary"
    model_name             = "llm"
    initial_instance_count = 1
    instance_type          = "ml.g5.xlarge"
  }
}

resource "google_bigquery_dataset" "features" {
  dataset_id = "features"
  location   = "EU"

  default_encryption_configuration {
    kms_key_name = "projects/sec/locations/us-central1/keyRings/data/cryptoKeys/features"  # expect: RES803
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"keys in the same jurisdiction; a key ID without an ARN is in the bucket's own region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
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

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-central-1a"
  size              = 100
  kms_key_id        = "alias/scratch"
}

resource "google_kms_key_ring" "ml" {
  name     = "ml"
  location = "europe-west4"
}

resource "google_kms_crypto_key" "weights" {
  name     = "weights"
  key_ring = google_kms_key_ring.ml.id
}

resource "google_storage_bucket" "weights" {
  name     = "weights"
  location = "europe-west4"

  encryption {
    default_kms_key_name = google_kms_crypto_key.weights.id
  }
}
)"},
    {"the key's vault is not in this configuration: nothing is known of where it is", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
variable "key_id" {
  type = string
}

resource "azurerm_storage_account" "lake" {
  name                     = "mllake"
  resource_group_name      = "ml"
  location                 = "West Europe"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_customer_managed_key" "lake" {
  storage_account_id = azurerm_storage_account.lake.id
  key_vault_key_id   = var.key_id
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const KeyUse& u : facts.key_uses) {
        const LocationFact& key = u.location;
        bool global = key.state == LocationFact::State::Global;
        if (!global && (key.state != LocationFact::State::Known || facts.inside(key.place))) continue;
        // Data that is itself outside is RES201's: the key adds nothing to that finding.
        const LocationFact& at = facts.fact(*u.asset).location;
        if (at.state == LocationFact::State::Global) continue;
        if (at.state == LocationFact::State::Known && !facts.inside(at.place)) continue;
        std::string data = at.state == LocationFact::State::Known
                               ? fmt::format("{} ({})", u.asset->address, describe_place(at.place))
                               : u.asset->address;
        std::string key_name = u.key ? u.key->address : "its key";
        std::string where = global ? "at the global location" : "in " + describe_place(key.place);
        std::string outside = outside_phrase(facts, key);
        std::string message =
            u.via == u.asset
                ? fmt::format("{} is encrypted with {} {}, {}", data, key_name, where, outside)
                : fmt::format("{} encrypts {} with {} {}, {}", u.via->address, data, key_name, where, outside);
        std::vector<RelatedLocation> related;
        if (u.key) related.push_back({u.key->header_range, "key " + u.key->address});
        for (auto& p : provenance_locations(key.provenance)) related.push_back(std::move(p));
        out.report(u.via, u.range, std::move(message), std::move(related), u.asset->address);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES803",
    .name = "data-encrypted-with-foreign-key",
    .family = "encryption",
    .severity = Severity::High,
    .title = "Data inside the jurisdiction is encrypted with a key kept outside it",
    .why = "The data stays in the region, but every read needs the key: whoever controls the key's region can "
           "decrypt the data, or make it unreadable. A key in another jurisdiction places access to the data "
           "under that country's law. The key's location comes from the key asset the argument refers to, "
           "from the region in a literal KMS key ARN, or from the location in a Google key name; an AWS key ID "
           "or alias without an ARN is in the region of the service that uses it. A key whose location cannot "
           "be known (a variable, an Azure key URL) gives nothing.",
    .fix = "Encrypt the data with a key created in a region inside the jurisdiction: for AWS, a KMS key in the "
           "data's own region; for Google, a key ring in the data's location; for Azure, a Key Vault in the "
           "same geography. Then re-encrypt (or rewrite) the existing data.",
    .references = kReferences,
    .applies_to = kDataClasses,
    .reads = "key uses: the arguments of data and AI assets that name their key (kms_key_id, kms_key_arn, "
             "kms_master_key_id, kms_key_name, encryption_spec, customer_managed_key, key_vault_key_id, ...)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES803{&kMeta, check};

}  // namespace residency::rules
