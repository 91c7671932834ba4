// RES502: a residency tag names a jurisdiction the asset's resolved location is not in.
#include <algorithm>
#include <cctype>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html",
    "https://cloud.google.com/resource-manager/docs/labels-overview",
};

constexpr AssetClass kApplies[] = {AssetClass::DataStore, AssetClass::AiService, AssetClass::Compute,
                                   AssetClass::StateBackend};

constexpr RuleExample kBad[] = {
    {"an EU tag on a bucket in Virginia", R"(-- residency.yaml --
version: 1
jurisdiction: [eu, us]
-- main.tf --
provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
  tags = {
    jurisdiction = "eu"  # expect: RES502
  }
}
)"},
    {"a country named in full, and a provider default label", R"(-- main.tf --
provider "google" {
  region = "europe-west1"

  default_labels = {
    data_residency = "de"  # expect: RES502
  }
}

resource "azurerm_storage_account" "datasets" {
  name                     = "datasets"
  resource_group_name      = "ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  tags = {
    Residency = "Germany"  # expect: RES502
  }
}

resource "google_bigquery_dataset" "features" {
  dataset_id = "features"
  location   = "europe-west1"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"tags that agree with the location, and values that name no jurisdiction", R"(-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
  tags = {
    jurisdiction   = "de"
    data-residency = "EU"
  }
}

resource "aws_s3_bucket" "prompts" {
  bucket = "prompts"
  tags = {
    residency = "restricted"
  }
}

resource "google_storage_bucket" "datasets" {
  name     = "datasets"
  location = "EU"
  labels = {
    jurisdiction = "eu"
  }
}
)"},
};

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// The catalog jurisdiction one word names: its code ("eu", "DE") or its name ("Germany").
std::string jurisdiction_of(std::string_view word) {
    for (const auto& j : catalog::jurisdictions())
        if (iequals(word, j.code) || iequals(word, j.name)) return std::string(j.code);
    return {};
}

// The jurisdictions a tag value names: one, or a list separated by , ; / | of which every part is
// one. Empty when the value names none ("restricted", "internal").
std::vector<std::string> named_jurisdictions(std::string_view value) {
    std::string whole = trim(value);
    if (auto j = jurisdiction_of(whole); !j.empty()) return {j};
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= whole.size()) {
        std::size_t end = whole.find_first_of(",;/|", start);
        if (end == std::string::npos) end = whole.size();
        std::string j = jurisdiction_of(trim(std::string_view(whole).substr(start, end - start)));
        if (j.empty()) return {};
        out.push_back(std::move(j));
        start = end + 1;
    }
    return out;
}

void check(const Facts& facts, RuleOutput& out) {
    std::vector<std::string> keys;
    for (auto k : default_residency_keys()) keys.emplace_back(k);
    for (const auto& k : facts.require_tags) keys.push_back(tag_key(k));
    for (const AssetFact* f : facts.of_classes(kApplies)) {
        if (f->location.state != LocationFact::State::Known) continue;
        const catalog::Place& place = f->location.place;
        if (place.within.empty() && place.countries.empty()) continue;  // members not published
        const TagsFact& t = facts.tags[static_cast<std::size_t>(f - facts.assets.data())];
        if (t.state != TagsFact::State::Known) continue;
        for (const auto& [key, value] : t.tags) {
            if (!value->is_string()) continue;
            if (std::find(keys.begin(), keys.end(), tag_key(key)) == keys.end()) continue;
            auto named = named_jurisdictions(value->as_string());
            if (named.empty()) continue;
            // A multi-region whose regions are unpublished may well lie where the tag says.
            if (members_unpublished(place)) continue;
            if (std::any_of(named.begin(), named.end(), [&](const std::string& j) { return place.inside(j); })) continue;
            std::string list;
            for (std::size_t i = 0; i < named.size(); ++i) list += (i ? " or " : "") + named[i];
            const Asset& a = *f->asset;
            out.report(&a, value->range,
                       fmt::format("{} is {} {} = \"{}\" but is in {}, outside {}", a.address,
                                   t.attribute == "labels" ? "labelled" : "tagged", key,
                                   value->as_string(), describe_place(place), list),
                       provenance_locations(f->location.provenance), key);
        }
    }
}

constexpr RuleMeta kMeta{
    .id = "RES502",
    .name = "residency-tag-contradicts-location",
    .family = "tagging",
    .severity = Severity::Medium,
    .title = "A residency tag names a jurisdiction the asset is not in",
    .why = "A tag that says `jurisdiction = \"eu\"` on a bucket in us-east-1 is worse than no tag: inventories, "
           "tag-based policies and auditors trust it, and the data is under another country's law. The rule "
           "reads residency keys (`jurisdiction`, `data-residency`, `residency`, and the keys of "
           "`require.tags`) after provider defaults are merged, and values that name catalog jurisdictions by "
           "code or name (`eu`, `DE`, `Germany`, or a list such as `eu,ch`); a value that names no "
           "jurisdiction is not judged, nor is an asset whose location is not resolved. This rule needs no "
           "policy: the tag itself says where the data must be.",
    .fix = "Move the resource into the jurisdiction the tag names, or correct the tag if the data may live "
           "where it is.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "tags facts and resolved locations of data stores, AI services, compute and state backends",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES502{&kMeta, check};

}  // namespace residency::rules
