// RES007: a `residency:ignore` comment or `residency.io/ignore` annotation whose `until` is not a date.
// The engine finds these (they are in comments, not in facts): check() has nothing to read.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://en.wikipedia.org/wiki/ISO_8601#Calendar_dates",
};

constexpr RuleExample kBad[] = {
    {"an ignore until a day that does not exist", R"(-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights" # residency:ignore RES202 until 2027-02-30 -- migration, PRIV-7  # expect: RES007
}
)"},
};

constexpr RuleExample kGood[] = {
    {"an ignore until a real day", R"(-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights" # residency:ignore RES202 until 2027-02-28 -- migration, PRIV-7
}
)"},
};

void check(const Facts&, RuleOutput&) {}

constexpr RuleMeta kMeta{
    .id = "RES007",
    .name = "ignore-date-malformed",
    .family = "diagnostics",
    .severity = Severity::Medium,
    .title = "An ignore's `until` is not a date",
    .why = "`# residency:ignore RES101 until 2027-03-31 -- reason` (and the `residency.io/ignore` annotation) "
           "suppresses a finding up to and including that day. A date that is not a real day written "
           "YYYY-MM-DD cannot be compared, so the ignore does not apply and the finding it was meant for is "
           "reported, saying why.",
    .fix = "Write the date as YYYY-MM-DD, a day that exists (2027-03-31), or remove `until` for an ignore "
           "that does not expire.",
    .references = kReferences,
    .applies_to = {},
    .reads = "`residency:ignore` comments in every scanned file and `residency.io/ignore` annotations",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES007{&kMeta, check};

}  // namespace residency::rules
