// RES001: a file could not be parsed; the rest of the file and the scan go on.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://developer.hashicorp.com/terraform/language/syntax/configuration",
};

constexpr RuleExample kBad[] = {
    {"an attribute with two equals signs", R"(-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = = "weights"  # expect: RES001
}
)"},
};

constexpr RuleExample kGood[] = {
    {"the same attribute, well formed", R"(-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    for (const auto& p : facts.parse_problems) out.report(nullptr, p.range, "syntax error: " + p.message);
}

constexpr RuleMeta kMeta{
    .id = "RES001",
    .name = "syntax-error",
    .family = "diagnostics",
    .severity = Severity::Medium,
    .title = "A configuration file has a syntax error",
    .why = "What cannot be parsed cannot be checked: an asset defined in the broken part of the file is "
           "missing from the scan, so its location is unproven. The rest of the file and every other "
           "file are still scanned.",
    .fix = "Correct the syntax at the reported position (`terraform validate` shows the same error).",
    .references = kReferences,
    .reads = "every Terraform (.tf) and variable (.tfvars) file",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

const Rule RES001{&kMeta, check};

}  // namespace residency::rules
