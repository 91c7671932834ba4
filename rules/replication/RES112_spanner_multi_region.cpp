// RES112: a Spanner instance configuration with replicas outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://cloud.google.com/spanner/docs/instance-configurations",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_instance_config",
};

constexpr RuleExample kBad[] = {
    {"a custom configuration with a read-only replica in London", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "google_spanner_instance_config" "custom" {
  name         = "custom-eu-london-reads"
  display_name = "EU with reads in London"
  base_config  = "regional-europe-west1"
  replicas {
    location                = "europe-west1"
    type                    = "READ_WRITE"
    default_leader_location = true
  }
  replicas {
    location = "europe-west2"
    type     = "READ_ONLY"
  }
}

resource "google_spanner_instance" "main" {
  name         = "embeddings"
  display_name = "embeddings"
  config       = google_spanner_instance_config.custom.name  # expect: RES112
  num_nodes    = 1
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a regional configuration inside the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "google_spanner_instance" "main" {
  name         = "embeddings"
  display_name = "embeddings"
  config       = "regional-europe-west3"
  num_nodes    = 1
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_members_outside(facts, out, "spanner-replica"); }

constexpr RuleMeta kMeta{
    .id = "RES112",
    .name = "spanner-multi-region-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "A Spanner instance configuration keeps replicas outside the jurisdiction",
    .why = "A Spanner instance stores its databases in every region of its instance configuration: each "
           "read-write and read-only replica holds a full copy. A configuration with one region abroad "
           "copies every row there, continuously, although the rest of the configuration is compliant.",
    .fix = "Use a regional configuration (`regional-<region>`) or a configuration whose replicas are all "
           "inside the jurisdiction; drop the replicas abroad from a custom configuration.",
    .references = kReferences,
    .applies_to = {},
    .reads = "spanner-replica flows: google_spanner_instance config (a custom google_spanner_instance_config's "
             "replicas)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES112{&kMeta, check};

}  // namespace residency::rules
