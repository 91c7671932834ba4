// RES501: a data store or AI service carries no residency tag once provider defaults are merged.
#include <algorithm>
#include <map>
#include <set>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs#default_tags-configuration-block",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/provider_reference#default_labels-1",
    "https://cloud.google.com/resource-manager/docs/labels-overview#requirements",
    "https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources",
};

constexpr AssetClass kApplies[] = {AssetClass::DataStore, AssetClass::AiService};

constexpr RuleExample kBad[] = {
    {"one bucket carries a residency tag, the other data stores do not", R"(-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
  tags = {
    jurisdiction = "eu"
  }
}

resource "aws_s3_bucket" "prompts" {  # expect: RES501
  bucket = "prompts"
}

resource "aws_dynamodb_table" "features" {
  name     = "features"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  tags = {  # expect: RES501
    team = "ml"
  }
}
)"},
    {"keys the policy requires, after default_tags", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tags: [data-classification, jurisdiction]
-- main.tf --
provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      jurisdiction = "eu"
    }
  }
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
  tags = {
    data-classification = "confidential"
  }
}

resource "aws_sagemaker_endpoint" "llm" {  # expect: RES501
  endpoint_config_name = "llm"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"provider default tags and labels carry the residency key", R"(-- main.tf --
provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      jurisdiction = "eu"
    }
  }
}

provider "google" {
  region = "europe-west4"

  default_labels = {
    data_residency = "eu"
  }
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}

resource "aws_s3_bucket" "prompts" {
  bucket = "prompts"
}

resource "google_storage_bucket" "datasets" {
  name     = "datasets"
  location = "EU"
}
)"},
    {"tags from a module variable that is not given are not known", R"(-- main.tf --
variable "tags" {
  type = map(string)
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
  tags = {
    Jurisdiction = "eu"
  }
}

resource "aws_s3_bucket" "prompts" {
  bucket = "prompts"
  tags   = var.tags
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    const bool required = !facts.require_tags.empty();
    std::vector<std::string> keys;
    if (required)
        for (const auto& k : facts.require_tags) keys.push_back(tag_key(k));
    else
        for (auto k : default_residency_keys()) keys.emplace_back(k);
    auto has = [](const TagsFact& t, std::string_view key) {
        return std::any_of(t.tags.begin(), t.tags.end(), [&](const auto& kv) { return tag_key(kv.first) == key; });
    };
    // Without require.tags, the default keys are judged only in a configuration that uses them: where
    // some asset carries one, a data store without any was missed. Counted per root.
    std::map<std::string, std::size_t> tagged_in_root;
    if (!required)
        for (const TagsFact& t : facts.tags)
            if (t.state == TagsFact::State::Known &&
                std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return has(t, k); }))
                ++tagged_in_root[t.asset->root];

    for (const AssetFact* f : facts.of_classes(kApplies)) {
        const TagsFact& t = facts.tags[static_cast<std::size_t>(f - facts.assets.data())];
        if (t.state != TagsFact::State::Known) continue;
        const Asset& a = *f->asset;
        std::string_view what = t.attribute == "labels" ? "label" : "tag";
        if (required) {
            std::vector<std::string> missing;
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (!has(t, keys[i])) missing.push_back(facts.require_tags[i]);
            if (missing.empty()) continue;
            std::string list;
            for (std::size_t i = 0; i < missing.size(); ++i)
                list += (i ? i + 1 == missing.size() ? " and " : ", " : "") + missing[i];
            out.report(&a, t.range,
                       fmt::format("{} has no {} {}{}: require.tags asks every data store and AI service for {}",
                                   a.address, list, what, missing.size() == 1 ? "" : "s",
                                   missing.size() == 1 ? "it" : "them"));
            continue;
        }
        auto it = tagged_in_root.find(a.root);
        if (it == tagged_in_root.end()) continue;
        if (std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return has(t, k); })) continue;
        out.report(&a, t.range,
                   fmt::format("{} carries no residency {} (jurisdiction, data-residency or residency), while {} "
                               "other {} of this configuration {}",
                               a.address, what, it->second, it->second == 1 ? "resource" : "resources",
                               it->second == 1 ? "does" : "do"));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES501",
    .name = "missing-residency-tag",
    .family = "tagging",
    .severity = Severity::Low,
    .title = "A data store or AI service carries no residency tag or label",
    .why = "Residency tags are how inventories, cost reports, tag-based access policies and auditors tell which "
           "data must stay in which jurisdiction; a data store without one escapes all of them. Tags are read "
           "after the provider's defaults are merged (AWS default_tags, Google default_labels; azurerm has "
           "none). Keys compare case-insensitively, with `_` and `-` alike (Google label keys are lower case "
           "and allow both). Scope: data stores and AI services of types that take tags or labels (compute is "
           "left out: it holds no data at rest, and RES4xx judge it); tags from a variable with no value are "
           "not judged. With `require.tags` every listed key is required on every such asset. Without it, "
           "a zero-config scan stays quiet for code that does not use residency tags at all: the default keys "
           "`jurisdiction`, `data-residency` and `residency` are required only in a configuration where some "
           "resource already carries one, so the assets that were missed stand out.",
    .fix = "Add the key to the resource's `tags` (`labels` on Google Cloud), or once for every resource of a "
           "provider with AWS `default_tags` or Google `default_labels`: `jurisdiction = \"eu\"`.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "tags facts (tags and labels after provider defaults) of data stores and AI services",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES501{&kMeta, check};

}  // namespace residency::rules
