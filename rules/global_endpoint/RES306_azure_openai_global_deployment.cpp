// RES306: an Azure OpenAI / AI Foundry deployment whose type processes prompts anywhere in the world
// (Global*) or anywhere in a data zone wider than the jurisdiction (DataZone*).
#include "rules/global_endpoint/endpoint_rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/deployment-types",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_deployment#sku",
};

constexpr RuleExample kBad[] = {
    {"a GlobalStandard deployment of an account in the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "azurerm_resource_group" "ai" {
  name     = "ai"
  location = "Sweden Central"
}

resource "azurerm_cognitive_account" "openai" {
  name                = "chat-openai"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "gpt" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }
  sku {
    name = "GlobalStandard"  # expect: RES306
  }
}
)"},
    {"a DataZoneStandard deployment under de: the EU data zone is wider than Germany", R"(-- residency.yaml --
version: 1
jurisdiction: de
-- main.tf --
resource "azurerm_cognitive_account" "openai" {
  name                = "chat-openai"
  location            = "germanywestcentral"
  resource_group_name = "ai"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "gpt" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
  sku {
    name = "DataZoneStandard"  # expect: RES306
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"Standard, and an EU data zone under eu", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "azurerm_cognitive_account" "openai" {
  name                = "chat-openai"
  location            = "westeurope"
  resource_group_name = "ai"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "gpt" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
  sku {
    name = "Standard"
  }
}

resource "azurerm_cognitive_deployment" "mini" {
  name                 = "gpt-4o-mini"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format = "OpenAI"
    name   = "gpt-4o-mini"
  }
  sku {
    name = "DataZoneStandard"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const Endpoint& e : facts.endpoints) {
        if (e.mechanism != "azure-openai-deployment") continue;
        if (e.reach != Reach::Global && !(e.reach == Reach::Geography && !facts.inside(e.place))) continue;
        std::string account = e.serves.empty() ? "" : fmt::format(" of {}", endpoint::served(facts, e));
        out.report(e.asset, e.range,
                   fmt::format("{}{} is a {} deployment: Azure may process its prompts and completions in {}, "
                               "outside {}",
                               e.asset->address, account, e.setting, e.geography, facts.jurisdiction_label()),
                   e.related);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES306",
    .name = "azure-openai-global-deployment",
    .family = "global-endpoint",
    .severity = Severity::High,
    .title = "An Azure OpenAI deployment may process prompts outside the jurisdiction (Global or Data Zone type)",
    .why = "The deployment type, not the account's region, decides where Azure OpenAI processes prompts and "
           "completions. Global types (GlobalStandard, GlobalProvisionedManaged, GlobalBatch) may process "
           "them in any Azure AI location worldwide; Data Zone types (DataZoneStandard, "
           "DataZoneProvisionedManaged, DataZoneBatch) anywhere in the account's data zone: any EU member "
           "state for an account in the EU, anywhere in the United States for an account there. Data at rest "
           "stays in the account's geography. Standard and ProvisionedManaged stay in the account's "
           "geography. A Data Zone deployment is reported when the zone is wider than the jurisdiction; one "
           "whose account region or zone is not known is not judged.",
    .fix = "Use the Standard or ProvisionedManaged deployment type (regional), or a Data Zone type when the "
           "data zone lies inside the jurisdiction (the EU data zone under `eu`).",
    .references = kReferences,
    .applies_to = {},
    .reads = "endpoints: azurerm_cognitive_deployment sku name (azurerm 3: scale type) and the location of "
             "its cognitive_account_id; azapi_resource Microsoft.CognitiveServices/accounts/deployments body "
             "sku name",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES306{&kMeta, check};

}  // namespace residency::rules
