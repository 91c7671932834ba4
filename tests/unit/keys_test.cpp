// The keys adapter: where keys are, which assets name them, and customer-managed keys.
#include <doctest/doctest.h>

#include "facts/facts.hpp"
#include "support/project.hpp"

using namespace residency;
using residency::testing::Project;

namespace {

const KeyUse* use_of(const Facts& f, std::string_view asset) {
    for (const auto& u : f.key_uses)
        if (u.asset->address == asset) return &u;
    return nullptr;
}

const CustomerKeyFact* cmk_of(const Facts& f, std::string_view asset) {
    for (const auto& c : f.customer_keys)
        if (c.asset->address == asset) return &c;
    return nullptr;
}

std::string place(const LocationFact& l) { return l.state == LocationFact::State::Known ? l.place.code : "-"; }

}  // namespace

TEST_CASE("keys: located from the key asset, an alias, an ARN, a Google key name, or the asset's own region") {
    Project p("keys-locate");
    p.write("main.tf", R"(
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-2"
}

resource "aws_kms_key" "us" {
  provider     = aws.us
  multi_region = true
}

resource "aws_kms_alias" "us" {
  provider      = aws.us
  name          = "alias/us"
  target_key_id = aws_kms_key.us.key_id
}

resource "aws_db_instance" "by_alias" {
  instance_class = "db.t3.micro"
  kms_key_id     = aws_kms_alias.us.arn
}

resource "aws_ebs_volume" "by_arn" {
  availability_zone = "eu-west-1a"
  kms_key_id        = "arn:aws:kms:ap-southeast-2:123456789012:key/abc"
}

resource "aws_efs_file_system" "by_id" {
  kms_key_id = "alias/local"
}

resource "google_kms_key_ring" "ring" {
  name     = "ring"
  location = "europe-west3"
}

resource "google_kms_crypto_key" "key" {
  name     = "key"
  key_ring = google_kms_key_ring.ring.id
}

resource "google_storage_bucket" "by_ref" {
  name     = "b"
  location = "EUROPE-WEST3"
  encryption {
    default_kms_key_name = google_kms_crypto_key.key.id
  }
}

resource "google_pubsub_topic" "by_name" {
  name         = "t"
  kms_key_name = "projects/p/locations/asia-east1/keyRings/r/cryptoKeys/k"
}
)");
    auto out = p.scan();
    Facts f = build_facts(out->graph, out->sources, {});

    const KeyUse* alias = use_of(f, "aws_db_instance.by_alias");
    REQUIRE(alias);
    REQUIRE(alias->key);
    CHECK(alias->key->address == "aws_kms_key.us");
    CHECK(place(alias->location) == "us-east-2");

    const KeyUse* arn = use_of(f, "aws_ebs_volume.by_arn");
    REQUIRE(arn);
    CHECK(!arn->key);
    CHECK(place(arn->location) == "ap-southeast-2");

    const KeyUse* id = use_of(f, "aws_efs_file_system.by_id");
    REQUIRE(id);
    CHECK(place(id->location) == "eu-west-1");

    const KeyUse* ref = use_of(f, "google_storage_bucket.by_ref");
    REQUIRE(ref);
    CHECK(ref->attribute == "encryption.default_kms_key_name");
    CHECK(place(ref->location) == "europe-west3");

    const KeyUse* name = use_of(f, "google_pubsub_topic.by_name");
    REQUIRE(name);
    CHECK(place(name->location) == "asia-east1");

    bool multi = false, crypto_in_ring = false;
    for (const auto& k : f.keys) {
        if (k.key->address == "aws_kms_key.us") multi = k.multi_region;
        if (k.key->address == "google_kms_crypto_key.key")
            crypto_in_ring = k.container && k.container->address == "google_kms_key_ring.ring" &&
                             place(k.location) == "europe-west3";
    }
    CHECK(multi);
    CHECK(crypto_in_ring);
}

TEST_CASE("customer-managed keys: set, none, or unknown when the key or the configured asset is not known") {
    Project p("keys-cmk");
    p.write("main.tf", R"(
provider "aws" {
  region = "eu-west-1"
}

variable "key" {
  type = string
}

variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "a"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "some" {
  bucket = var.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:123456789012:key/abc"
    }
  }
}

resource "aws_dynamodb_table" "none" {
  name     = "none"
  hash_key = "id"
}

resource "aws_dynamodb_table" "maybe" {
  name     = "maybe"
  hash_key = "id"
  server_side_encryption {
    enabled     = true
    kms_key_arn = var.key
  }
}

resource "aws_sqs_queue" "set" {
  kms_master_key_id = "alias/queue"
}
)");
    auto out = p.scan();
    Facts f = build_facts(out->graph, out->sources, {});
    REQUIRE(cmk_of(f, "aws_s3_bucket.a"));
    CHECK(cmk_of(f, "aws_s3_bucket.a")->state == CustomerKeyFact::State::Unknown);
    REQUIRE(cmk_of(f, "aws_dynamodb_table.none"));
    CHECK(cmk_of(f, "aws_dynamodb_table.none")->state == CustomerKeyFact::State::None);
    CHECK(cmk_of(f, "aws_dynamodb_table.none")->how == "server_side_encryption.kms_key_arn");
    REQUIRE(cmk_of(f, "aws_dynamodb_table.maybe"));
    CHECK(cmk_of(f, "aws_dynamodb_table.maybe")->state == CustomerKeyFact::State::Unknown);
    REQUIRE(cmk_of(f, "aws_sqs_queue.set"));
    CHECK(cmk_of(f, "aws_sqs_queue.set")->state == CustomerKeyFact::State::Set);
}
