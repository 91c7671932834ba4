// RES113: a Cloud Storage dual-region with one region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://cloud.google.com/storage/docs/locations#location-dr",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#custom_placement_config",
};

constexpr RuleExample kBad[] = {
    {"a predefined dual-region across the Channel", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "google_storage_bucket" "weights" {
  name     = "model-weights"
  location = "EUR5"  # expect: RES113
}
)"},
    {"a configurable dual-region with one region outside Germany", R"(-- residency.yaml --
version: 1
jurisdiction: de
-- main.tf --
resource "google_storage_bucket" "datasets" {
  name     = "datasets"
  location = "EU"
  custom_placement_config {
    data_locations = ["EUROPE-WEST3", "EUROPE-WEST1"]  # expect: RES113
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"dual-regions inside the jurisdiction", R"(-- residency.yaml --
version: 1
jurisdiction: de
-- main.tf --
resource "google_storage_bucket" "datasets" {
  name     = "datasets"
  location = "DE"
  custom_placement_config {
    data_locations = ["europe-west3", "europe-west10"]
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_members_outside(facts, out, "gcs-dual-region"); }

constexpr RuleMeta kMeta{
    .id = "RES113",
    .name = "gcs-dual-region-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "A Cloud Storage dual-region keeps a copy outside the jurisdiction",
    .why = "A dual-region bucket stores every object in both of its regions. Some predefined dual-regions "
           "cross a border (EUR5: Belgium and London; EUR7: London and Frankfurt; EUR8: Frankfurt and "
           "Zurich), and a configurable dual-region (`custom_placement_config.data_locations`) may pair a "
           "region inside the jurisdiction with one outside: the second copy is then abroad.",
    .fix = "Pick a dual-region whose two regions are inside the jurisdiction (EUR4 for the EU; the `DE` "
           "code with europe-west3 and europe-west10 for Germany), or a single region.",
    .references = kReferences,
    .applies_to = {},
    .reads = "gcs-dual-region flows: google_storage_bucket location, custom_placement_config.data_locations",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES113{&kMeta, check};

}  // namespace residency::rules
