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
    constexpr std::string_view kPlan = "plan JSON: ";
    constexpr std::string_view kNotRead = "not read: ";  // a file over the size limit (lib/core/source.hpp)
    for (const auto& p : facts.load.syntax_errors) {
        if (std::string_view(p.message).starts_with(kNotRead)) {
            out.report(nullptr, p.range, p.message.substr(kNotRead.size()));
            continue;
        }
        // A plan is JSON that parsed but does not have the plan's shape: not a syntax error.
        bool plan = std::string_view(p.message).starts_with(kPlan);
        out.report(nullptr, p.range, plan ? "invalid plan: " + p.message.substr(kPlan.size()) : "syntax error: " + p.message);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES001",
    .name = "syntax-error",
    .family = "diagnostics",
    .severity = Severity::Medium,
    .title = "A configuration or plan file cannot be read",
    .why = "What cannot be parsed cannot be checked: an asset defined in the broken part of the file is "
           "missing from the scan, so its location is unproven. The rest of the file and every other "
           "file are still scanned.",
    .fix = "Correct the syntax at the reported position (`terraform validate` shows the same error).",
    .references = kReferences,
    .applies_to = {},
    .reads = "every Terraform (.tf) and variable (.tfvars) file",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES001{&kMeta, check};

}  // namespace residency::rules
