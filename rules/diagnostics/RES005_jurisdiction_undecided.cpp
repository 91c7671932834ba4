// RES005: no policy, no flag, and no jurisdiction holds a clear majority of the located assets.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection_en",
};

constexpr RuleExample kBad[] = {
    {"two buckets in the EU and one in the US, and a policy that names no jurisdiction", R"(-- residency.yaml --
version: 1
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}

resource "aws_s3_bucket" "checkpoints" {  # expect: RES005
  bucket = "checkpoints"
}

resource "aws_s3_bucket" "logs" {
  provider = aws.us
  bucket   = "logs"
}
)"},
    {"a dataset with no location, and no policy to judge it by", R"(-- residency.yaml --
version: 1
-- main.tf --
resource "google_bigquery_dataset" "prompts" {  # expect: RES005
  dataset_id = "prompts"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"nothing that holds data", R"(-- residency.yaml --
version: 1
-- main.tf --
resource "aws_iam_role" "trainer" {
  name               = "trainer"
  assume_role_policy = "{}"
}
)"},
    {"the same assets with a policy", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}
)"},
};

// Points at the first located data asset (where the split starts), or the first data asset when none
// is located: a diagnostic needs a place.
void check(const Facts& facts, RuleOutput& out) {
    if (facts.has_jurisdiction()) return;
    auto assets = facts.of_classes(kDataClasses);
    if (assets.empty()) return;  // nothing holds data: nothing would be judged either way
    const AssetFact* first = nullptr;
    for (const AssetFact* f : assets)
        if (!first && f->location.state == LocationFact::State::Known) first = f;
    // What inference counted (with files given, only their roots), so the numbers add up.
    std::size_t located = 0;
    for (const auto& [j, n] : facts.located_split) located += n;
    if (located == 0) first = nullptr;
    constexpr std::string_view kFix = "set `jurisdiction` in residency.yaml or pass --jurisdiction, and nothing is judged until then";
    if (!first) {
        out.report(nullptr, assets.front()->asset->header_range,
                   fmt::format("no home jurisdiction: none of the {} data stores, compute and AI services has a known "
                               "location to infer it from; {}",
                               assets.size(), kFix));
        return;
    }
    out.report(nullptr, first->asset->header_range,
               fmt::format("no home jurisdiction: no jurisdiction holds three quarters of the {} located data stores, "
                           "compute and AI services ({}); {}",
                           located, facts.located_split_text(), kFix),
               provenance_locations(first->location.provenance));
}

constexpr RuleMeta kMeta{
    .id = "RES005",
    .name = "jurisdiction-undecided",
    .family = "diagnostics",
    .severity = Severity::Medium,
    .title = "No home jurisdiction: none was given and none holds a clear majority",
    .why = "Without a jurisdiction no placement can be judged. residency infers one only when three quarters "
           "of the located data stores, compute and AI services lie in it; a closer split (several example "
           "configurations, a multi-region platform) is a decision for a person, not a guess.",
    .fix = "Write `jurisdiction: eu` (or a country code) in residency.yaml, or pass --jurisdiction.",
    .references = kReferences,
    .applies_to = kDataClasses,
    .reads = "the located data stores, compute, AI services and state backends, when no jurisdiction is set",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES005{&kMeta, check};

}  // namespace residency::rules
