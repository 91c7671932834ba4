// RES303: Azure Front Door (or Azure CDN) whose origin is a storage account, app or AI endpoint of
// the scan: requests to it are terminated, and may be cached, at edge locations worldwide.
#include "rules/global_endpoint/endpoint_rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/en-us/azure/frontdoor/front-door-overview",
    "https://learn.microsoft.com/en-us/azure/frontdoor/edge-locations-by-region",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cdn_frontdoor_origin",
};

constexpr RuleExample kBad[] = {
    {"a storage account and an inference app behind Front Door", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "West Europe"
}

resource "azurerm_storage_account" "outputs" {
  name                     = "genoutputs"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = azurerm_resource_group.ml.location
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_linux_web_app" "inference" {
  name                = "inference-api"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  service_plan_id     = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Web/serverFarms/plan"
  site_config {}
}

resource "azurerm_cdn_frontdoor_profile" "edge" {
  name                = "edge"
  resource_group_name = azurerm_resource_group.ml.name
  sku_name            = "Standard_AzureFrontDoor"
}

resource "azurerm_cdn_frontdoor_origin_group" "outputs" {
  name                     = "outputs"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.edge.id
  load_balancing {}
}

resource "azurerm_cdn_frontdoor_origin" "outputs" {
  name                           = "outputs"
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.outputs.id
  host_name                      = azurerm_storage_account.outputs.primary_blob_host  # expect: RES303
  certificate_name_check_enabled = true
}

resource "azurerm_cdn_frontdoor_origin" "api" {
  name                           = "api"
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.outputs.id
  host_name                      = "inference-api.azurewebsites.net"  # expect: RES303
  certificate_name_check_enabled = true
}
)"},
};

constexpr RuleExample kGood[] = {
    {"Front Door in front of a site that is not part of this configuration", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "azurerm_resource_group" "web" {
  name     = "web"
  location = "West Europe"
}

resource "azurerm_cdn_frontdoor_profile" "edge" {
  name                = "edge"
  resource_group_name = azurerm_resource_group.web.name
  sku_name            = "Standard_AzureFrontDoor"
}

resource "azurerm_cdn_frontdoor_origin_group" "site" {
  name                     = "site"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.edge.id
  load_balancing {}
}

resource "azurerm_cdn_frontdoor_origin" "site" {
  name                           = "site"
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.site.id
  host_name                      = "www.example.com"
  certificate_name_check_enabled = true
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const Endpoint& e : facts.endpoints) {
        if (e.mechanism != "front-door-origin" || e.serves.empty()) continue;
        out.report(e.asset, e.range,
                   fmt::format("{} puts {} in front of {}: its edge locations worldwide terminate, and may cache, "
                               "requests and responses outside {}",
                               e.asset->address, e.setting, endpoint::served(facts, e), facts.jurisdiction_label()),
                   e.related, e.serves.front()->address);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES303",
    .name = "front-door-in-front-of-data",
    .family = "global-endpoint",
    .severity = Severity::Medium,
    .title = "Azure Front Door or Azure CDN serves a storage account, app or AI endpoint of the scan",
    .why = "Azure Front Door and Azure CDN are global: clients connect to Microsoft's edge locations around "
           "the world, which terminate TLS, see each request and response, and cache content. A storage "
           "account, web app or AI endpoint behind them is delivered from outside the jurisdiction, whatever "
           "region it is in. Origins that are not part of the scan are not judged.",
    .fix = "Reach data and inference endpoints directly in their region (Application Gateway, a private "
           "endpoint, the service's own regional endpoint) and keep Front Door for public content only.",
    .references = kReferences,
    .applies_to = {},
    .reads = "endpoints: azurerm_cdn_frontdoor_origin host_name, azurerm_frontdoor backend_pool backend "
             "address, azurerm_cdn_endpoint origin host_name, followed to data stores, apps and AI accounts of "
             "the scan",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES303{&kMeta, check};

}  // namespace residency::rules
