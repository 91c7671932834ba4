// RES802: a KMS key, Google key ring or Azure Key Vault is outside the jurisdiction, or at Google's
// global location.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/kms/latest/developerguide/overview.html",
    "https://cloud.google.com/kms/docs/locations",
    "https://learn.microsoft.com/en-us/azure/key-vault/general/overview",
    "https://edpb.europa.eu/our-work-tools/our-documents/recommendations/recommendations-012020-measures-supplement-transfer_en",
};

constexpr AssetClass kClasses[] = {AssetClass::Key};

constexpr RuleExample kBad[] = {
    {"a KMS key, a key ring and a Key Vault outside the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "us-east-1"
}

resource "aws_kms_key" "weights" {  # expect: RES802
  description = "model weights"
}

resource "google_kms_key_ring" "ml" {  # expect: RES802
  name     = "ml"
  location = "us-central1"
}

resource "google_kms_crypto_key" "datasets" {
  name     = "datasets"
  key_ring = google_kms_key_ring.ml.id
}

resource "azurerm_key_vault" "ml" {  # expect: RES802
  name                = "ml-keys"
  location            = "East US"
  resource_group_name = "ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
)"},
    {"a key ring at the global location; a key in a key ring named by its path", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "google_kms_key_ring" "global" {  # expect: RES802
  name     = "global"
  location = "global"
}

resource "google_kms_crypto_key" "weights" {  # expect: RES802
  name     = "weights"
  key_ring = "projects/ml/locations/us-east1/keyRings/shared"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"keys in EU regions", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_kms_key" "weights" {
  description = "model weights"
}

resource "google_kms_key_ring" "ml" {
  name     = "ml"
  location = "europe-west4"
}

resource "google_kms_crypto_key" "datasets" {
  name     = "datasets"
  key_ring = google_kms_key_ring.ml.id
}

resource "azurerm_key_vault" "ml" {
  name                = "ml-keys"
  location            = "West Europe"
  resource_group_name = "ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

resource "azurerm_key_vault_key" "lake" {
  name         = "lake"
  key_vault_id = azurerm_key_vault.ml.id
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
}
)"},
};

// Replica keys are where a multi-region key is copied to: the replication family reports them.
bool replica(const Asset& a) { return a.type == "aws_kms_replica_key" || a.type == "aws_kms_replica_external_key"; }

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const KeyFact& k : facts.keys) {
        if (replica(*k.key)) continue;
        // A key that lives in a key ring or vault of the scan is reported there, once.
        if (k.container && k.container->mode == AssetMode::Managed) continue;
        bool global = k.location.state == LocationFact::State::Global;
        if (!global && (k.location.state != LocationFact::State::Known || facts.inside(k.location.place))) continue;
        std::string message =
            global ? fmt::format("{} is at the global location, which keeps the key material in no one region, so "
                                 "not inside {}",
                                 k.key->address, facts.jurisdiction_label())
                   : fmt::format("{} is in {}, {}: whoever holds the key controls access to the data it encrypts",
                                 k.key->address, describe_place(k.location.place), outside_phrase(facts, k.location.place));
        out.report(k.key, k.key->header_range, std::move(message), provenance_locations(k.location.provenance));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES802",
    .name = "key-outside-jurisdiction",
    .family = "encryption",
    .severity = Severity::High,
    .title = "An encryption key, key ring or key vault is outside the jurisdiction",
    .why = "Whoever can use the key can read the data it encrypts, wherever that data is stored. A key kept in "
           "another jurisdiction is subject to that country's law: its authorities can compel the provider to "
           "use or disclose it, which defeats keeping the data itself inside. A Google key ring at `global` is "
           "served from Google's data centers worldwide. AWS replica keys are reported by the replication "
           "family; a Google crypto key or an Azure vault key is reported through the key ring or vault that "
           "holds it when that is in the scan.",
    .fix = "Create the key in a region inside the jurisdiction (the AWS provider's `region`, the key ring's "
           "`location`, the vault's `location`) and re-encrypt the data with it. Google offers regional and "
           "multi-regional key ring locations (e.g. `europe-west4`, `europe`).",
    .references = kReferences,
    .applies_to = kClasses,
    .reads = "keys: aws_kms_key, aws_kms_external_key, google_kms_key_ring, google_kms_crypto_key, azurerm_key_vault, "
             "azurerm_key_vault_key, Azure managed HSMs",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES802{&kMeta, check};

}  // namespace residency::rules
