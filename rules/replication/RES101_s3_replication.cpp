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

// The destination bucket a `bucket` value names: a reference to the bucket resource, or an
// S3 ARN whose bucket name matches a bucket in the same configuration.
const Asset* destination_bucket(const Facts& facts, const Asset& config, const Value& v) {
    if (!v.ref_asset.empty()) {
        const Asset* a = facts.graph->find(config.root, v.ref_asset);
        if (a && a->type == "aws_s3_bucket") return a;
    }
    if (v.is_string()) {
        std::string_view arn = v.as_string();
        constexpr std::string_view prefix = "arn:aws:s3:::";
        if (arn.starts_with(prefix)) arn.remove_prefix(prefix.size());
        return facts.s3_bucket_named(config.root, arn);
    }
    return nullptr;
}

// A rule whose status is literally "Disabled" copies nothing; an unknown status may be enabled.
bool disabled(const Value& rule) {
    const Value* status = rule.get("status");
    return status && status->is_string() && status->as_string() == "Disabled";
}

void check_destination(const Facts& facts, RuleOutput& out, const Asset& config, const Value& bucket) {
    const Asset* dest = destination_bucket(facts, config, bucket);
    if (!dest) return;  // not in the scan: nothing proves where it is (and nothing proves a violation)
    const LocationFact& loc = facts.fact(*dest).location;
    if (loc.state != LocationFact::State::Known || facts.inside(loc.place)) return;
    std::vector<RelatedLocation> related{{dest->header_range, "destination bucket " + dest->address}};
    for (auto& r : provenance_locations(loc.provenance)) related.push_back(std::move(r));
    out.report(&config, bucket.range,
               fmt::format("{} replicates to {} in {}, outside {}", config.address, dest->address,
                           describe_place(loc.place), facts.jurisdiction_label()),
               std::move(related));
}

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const Asset& a : facts.graph->assets) {
        if (a.mode != "resource") continue;
        const Value* rules = nullptr;
        if (a.type == "aws_s3_bucket_replication_configuration") {
            rules = a.attributes.get("rule");
        } else if (a.type == "aws_s3_bucket") {
            if (const Value* inline_config = a.attributes.get("replication_configuration"))
                for (const auto& c : inline_config->items())
                    if (const Value* r = c.get("rules"))
                        for (const auto& rule : r->items())
                            if (const Value* d = rule.get("destination"); d && !disabled(rule))
                                for (const auto& dest : d->items())
                                    if (const Value* b = dest.get("bucket")) check_destination(facts, out, a, *b);
            continue;
        }
        if (!rules) continue;
        for (const auto& rule : rules->items())
            if (const Value* d = rule.get("destination"); d && !disabled(rule))
                for (const auto& dest : d->items())
                    if (const Value* b = dest.get("bucket")) check_destination(facts, out, a, *b);
    }
}

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
    .reads = "aws_s3_bucket_replication_configuration, aws_s3_bucket (replication_configuration)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

const Rule RES101{&kMeta, check};

}  // namespace residency::rules
