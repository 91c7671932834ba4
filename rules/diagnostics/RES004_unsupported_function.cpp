// RES004: a function call the evaluator does not implement; what depends on it is unknown.
#include <fmt/format.h>

#include <map>
#include <tuple>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://developer.hashicorp.com/terraform/language/functions",
};

constexpr RuleExample kBad[] = {
    {"a region decoded with a function this tool does not evaluate", R"(-- main.tf --
variable "region_utf16" {
  default = "ZQB1AC0AdwBlAHMAdAAtADEA"
}

provider "aws" {
  region = textdecodebase64(var.region_utf16, "UTF-16LE")  # expect: RES004
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a hash in a bucket name decides no location", R"(-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights-${substr(sha256("llm"), 0, 8)}"
}
)"},
    {"functions the evaluator implements", R"(-- main.tf --
provider "aws" {
  region = lower("EU-CENTRAL-1")
}

resource "aws_s3_bucket" "weights" {
  bucket = format("weights-%s", join("-", ["llm", "prod"]))
}
)"},
};

// Only calls whose unknown result decides a location a rule reads, once per call and root (one
// provider region decides every asset under it); the engine counts the other calls.
void check(const Facts& facts, RuleOutput& out) {
    std::map<std::tuple<std::string_view, FileId, std::uint32_t, std::uint32_t>, std::vector<const AssetFact*>> calls;
    for (const AssetFact* f : facts.of_classes(kDataClasses)) {
        if (f->location.state != LocationFact::State::Unknown || f->location.unsupported_function.empty()) continue;
        const Range& r = f->location.range;
        calls[{f->asset->root, r.file, r.begin, r.end}].push_back(f);
    }
    for (const auto& [key, assets] : calls) {
        const AssetFact* first = assets.front();
        const std::string& name = first->location.unsupported_function;
        std::string which = assets.size() == 1
                                ? fmt::format("the location of {}", first->asset->address)
                                : fmt::format("the locations of {} and {} more", first->asset->address, assets.size() - 1);
        std::vector<RelatedLocation> related;
        for (const AssetFact* f : assets) related.push_back({f->asset->header_range, "location of " + f->asset->address});
        out.report(first->asset, first->location.range,
                   fmt::format("function \"{}\" is not evaluated by residency, so {} cannot be resolved", name, which),
                   std::move(related));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES004",
    .name = "unsupported-function",
    .family = "diagnostics",
    .severity = Severity::Low,
    .title = "A function call cannot be evaluated statically",
    .why = "Hashes, timestamps, UUIDs and provider-defined functions cannot be evaluated without running "
           "Terraform (or at all before apply). Every value that depends on such a call is unknown, so a "
           "location computed from it cannot be checked; this diagnostic says where the unknown starts.",
    .fix = "Write the region without the call, or pass it with --var. Calls that decide no location are "
           "only counted in the summary.",
    .references = kReferences,
    .applies_to = kDataClasses,
    .reads = "function calls that decide the location of a data store, compute, AI service or state backend",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES004{&kMeta, check};

}  // namespace residency::rules
