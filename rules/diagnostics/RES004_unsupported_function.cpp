// RES004: a function call the evaluator does not implement; what depends on it is unknown.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://developer.hashicorp.com/terraform/language/functions",
};

constexpr RuleExample kBad[] = {
    {"a hash function in a bucket name", R"(-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights-${substr(sha256("llm"), 0, 8)}"  # expect: RES004
}
)"},
};

constexpr RuleExample kGood[] = {
    {"functions the evaluator implements", R"(-- main.tf --
provider "aws" {
  region = lower("EU-CENTRAL-1")
}

resource "aws_s3_bucket" "weights" {
  bucket = format("weights-%s", join("-", ["llm", "prod"]))
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    for (const auto& call : facts.unsupported_functions)
        out.report(nullptr, call.range,
                   fmt::format("function \"{}\" is not evaluated by residency: values that depend on it are unknown",
                               call.message));
}

constexpr RuleMeta kMeta{
    .id = "RES004",
    .name = "unsupported-function",
    .family = "diagnostics",
    .severity = Severity::Info,
    .title = "A function call cannot be evaluated statically",
    .why = "Hashes, timestamps, UUIDs and provider-defined functions cannot be evaluated without running "
           "Terraform (or at all before apply). Every value that depends on such a call is unknown, so a "
           "location computed from it cannot be checked; this diagnostic says where the unknown starts.",
    .fix = "Nothing, when the value does not decide a location. When it does, write the region without the "
           "call, or pass it with --var.",
    .references = kReferences,
    .reads = "every function call in Terraform expressions",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

const Rule RES004{&kMeta, check};

}  // namespace residency::rules
