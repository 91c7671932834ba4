// RES003: a location code that is not a region, zone or multi-region of the asset's cloud.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html",
    "https://cloud.google.com/about/locations",
    "https://learn.microsoft.com/azure/reliability/regions-list",
};

constexpr RuleExample kBad[] = {
    {"a misspelt region", R"(-- main.tf --
provider "aws" {
  region = "eu-westt-1"  # expect: RES003
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a region of the catalog, in any case", R"(-- main.tf --
resource "google_storage_bucket" "weights" {
  name     = "weights"
  location = "EUROPE-WEST4"
}
)"},
};

std::string cloud_title(std::string_view cloud) {
    std::string_view label = catalog::cloud_label(cloud);  // "AWS", "Hetzner Cloud", "OVHcloud"
    if (label.empty()) return "a";
    bool vowel = std::string_view("AEIOU").find(label.front()) != std::string_view::npos;
    return fmt::format("{} {}", vowel ? "an" : "a", label);
}

void check(const Facts& facts, RuleOutput& out) {
    // Only where a rule reads the location: a code on an IAM binding or a policy decides nothing.
    for (const AssetFact* f : facts.of_classes(kDataClasses)) {
        if (f->location.state != LocationFact::State::NotInCatalog) continue;
        Range at = f->location.range.valid() ? f->location.range : f->asset->header_range;
        auto related = provenance_locations(f->location.provenance);
        related.insert(related.begin(), {f->asset->header_range, "used by " + f->asset->address});
        out.report(f->asset, at,
                   fmt::format("\"{}\" is not {} location in the catalog, so where {} lives cannot be checked",
                               f->location.written, cloud_title(f->asset->cloud), f->asset->address),
                   std::move(related));
    }
    for (const Flow& flow : facts.flows) {
        // A destination asset's own code gets its diagnostic above, once.
        if (flow.destination.state != LocationFact::State::NotInCatalog || flow.destination_asset) continue;
        out.report(flow.via, flow.range,
                   fmt::format("\"{}\" is not {} location in the catalog, so where {} copies data to cannot be checked",
                               flow.destination.written, cloud_title(flow.via->cloud), flow.via->address),
                   provenance_locations(flow.destination.provenance));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES003",
    .name = "unknown-region-code",
    .family = "diagnostics",
    .severity = Severity::Medium,
    .title = "A region code is not in the catalog",
    .why = "A misspelt or invented region either fails at apply time or, worse, names a region the "
           "catalog cannot place in a country; either way the asset's jurisdiction is unproven.",
    .fix = "Use a region code of the cloud (`residency regions --cloud aws` lists them). For a region newer "
           "than the catalog, allow it by name under `allow.regions` in residency.yaml.",
    .references = kReferences,
    .applies_to = kDataClasses,
    .reads = "the locations of data stores, compute, AI services and state backends, and replication destinations",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES003{&kMeta, check};

}  // namespace residency::rules
