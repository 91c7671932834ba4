// RES006: resources of a provider whose regions the catalog does not know are not checked.
#include <map>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://registry.terraform.io/browse/providers",
};

constexpr RuleExample kBad[] = {
    {"an instance and a volume on Linode", R"(-- main.tf --
resource "linode_instance" "trainer" {  # expect: RES006
  label  = "trainer"
  region = "eu-central"
  type   = "g1-gpu-rtx6000-1"
  image  = "linode/ubuntu24.04"
}

resource "linode_volume" "weights" {
  label  = "weights"
  region = "eu-central"
  size   = 500
}
)"},
};

constexpr RuleExample kGood[] = {
    {"utility providers hold no data anywhere", R"(-- main.tf --
resource "random_id" "suffix" {
  byte_length = 4
}

resource "null_resource" "wait" {}
)"},
};

// One diagnostic per provider and root, at its first resource: the point is the gap in coverage,
// not a line per resource.
void check(const Facts& facts, RuleOutput& out) {
    std::map<std::pair<std::string_view, std::string_view>, std::vector<const Asset*>> by_provider;
    for (const auto& f : facts.assets)
        if (f.location.state == LocationFact::State::CloudNotInCatalog)
            by_provider[{f.asset->root, f.asset->cloud}].push_back(f.asset);
    for (const auto& [key, assets] : by_provider) {
        std::string which = assets.size() == 1
                                ? fmt::format("the location of {} is", assets.front()->address)
                                : fmt::format("the locations of {} and {} more are", assets.front()->address, assets.size() - 1);
        std::vector<RelatedLocation> related;
        for (std::size_t i = 1; i < assets.size(); ++i) related.push_back({assets[i]->header_range, "also not checked: " + assets[i]->address});
        out.report(assets.front(), assets.front()->header_range,
                   fmt::format("provider \"{}\" is not in the catalog: {} not checked", key.second, which), std::move(related));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES006",
    .name = "provider-not-in-catalog",
    .family = "diagnostics",
    .severity = Severity::Info,
    .title = "Resources of a provider whose regions the catalog does not know",
    .why = "residency proves residency only for the clouds whose regions it maps to countries. Resources of "
           "another provider may hold data anywhere; saying so keeps a clean scan from being read as proof.",
    .fix = "Check these resources' regions by hand, or exclude them in residency.yaml; support for more "
           "providers arrives with the catalog.",
    .references = kReferences,
    .applies_to = {},
    .reads = "every resource of a provider whose cloud the catalog does not know (it knows aws, google, "
             "azurerm, hcloud, ovh, scaleway, ionoscloud, stackit, oci, digitalocean, alicloud and ibm; utility "
             "providers such as random, null, time and tls are excepted)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES006{&kMeta, check};

}  // namespace residency::rules
