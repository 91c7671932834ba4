// RES203: an AI service (model endpoint, training or notebook compute, agent, search or document
// processor, OpenAI account) is located outside the jurisdiction.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/sagemaker/latest/dg/data-protection.html",
    "https://cloud.google.com/vertex-ai/docs/general/locations",
    "https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/deployment-types",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/enhanced-region-support",
};

constexpr AssetClass kClasses[] = {AssetClass::AiService};

constexpr RuleExample kBad[] = {
    {"a SageMaker endpoint through the provider's US region, a Vertex AI dataset and an OpenAI account", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = var.region
}

variable "region" {
  default = "us-east-1"
}

resource "aws_sagemaker_endpoint" "llm" {  # expect: RES203
  name                 = "llm"
  endpoint_config_name = "llm"
}

provider "google" {
  region = "us-central1"
}

resource "google_vertex_ai_dataset" "prompts" {  # expect: RES203
  display_name        = "prompts"
  metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml"
}

resource "google_vertex_ai_endpoint" "chat" {  # expect: RES203
  name         = "chat"
  display_name = "chat"
  location     = "us-east4"
}

provider "azurerm" {
  features {}
}

resource "azurerm_cognitive_account" "openai" {  # expect: RES203
  name                = "openai"
  location            = "eastus"
  resource_group_name = "ml"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "gpt" {  # expect: RES203
  name                 = "gpt"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
  sku {
    name = "Standard"
  }
}
)"},
    {"Azure ML compute in Switzerland under an EU policy", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "azurerm" {
  features {}
}

resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "ml"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0/resourceGroups/ml/providers/Microsoft.Insights/components/ml"
  key_vault_id            = "/subscriptions/0/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/ml"
  storage_account_id      = "/subscriptions/0/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/ml"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_cluster" "gpu" {  # expect: RES203
  name                          = "gpu"
  location                      = "switzerlandnorth"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC24ads_A100_v4"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 2
    scale_down_nodes_after_idle_duration = "PT30M"
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"AI services in the EU; a deployment and a compute instance live with their account and workspace", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_sagemaker_endpoint" "llm" {
  name                 = "llm"
  endpoint_config_name = "llm"
}

resource "aws_bedrock_guardrail" "filter" {
  name                      = "filter"
  blocked_input_messaging   = "blocked"
  blocked_outputs_messaging = "blocked"
}

provider "google" {
  region = "europe-west4"
}

resource "google_vertex_ai_featurestore" "features" {
  name   = "features"
  region = "europe-west3"
}

resource "google_vertex_ai_featurestore_entitytype" "users" {
  name         = "users"
  featurestore = google_vertex_ai_featurestore.features.id
}

resource "google_vertex_ai_endpoint_iam_member" "reader" {
  project  = "ml"
  location = "us-central1"
  endpoint = "chat"
  role     = "roles/aiplatform.user"
  member   = "user:jane@example.com"
}

provider "azurerm" {
  features {}
}

resource "azurerm_cognitive_account" "openai" {
  name                = "openai"
  location            = "swedencentral"
  resource_group_name = "ml"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "gpt" {
  name                 = "gpt"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
  sku {
    name = "Standard"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const AssetFact* f : facts.of_classes(kClasses)) {
        if (f->location.state != LocationFact::State::Known || facts.inside(f->location.place)) continue;
        out.report(f->asset, f->asset->header_range,
                   fmt::format("AI service {} is in {}, {}: the prompts, documents, datasets or model "
                               "weights it handles are processed and kept there",
                               f->asset->address, describe_place(f->location.place),
                               outside_phrase(facts, f->location.place)),
                   provenance_locations(f->location.provenance));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES203",
    .name = "ai-service-outside-jurisdiction",
    .family = "location",
    .severity = Severity::High,
    .title = "An AI service (SageMaker, Bedrock, Vertex AI, Azure ML, Azure OpenAI) is located outside the jurisdiction",
    .why = "An AI service processes what it is given where it runs: prompts and completions of an inference "
           "endpoint, the datasets and checkpoints of a training job, the documents of a search or document "
           "processor, the weights of a deployed model. In a region outside the jurisdiction all of it is "
           "subject to that country's law. The location comes from the resource, its provider's region when it "
           "sets none (AWS, Vertex AI), or its parent (an Azure OpenAI deployment lives with its account, Azure "
           "ML compute with its workspace unless it sets its own location).",
    .fix = "Move the service to a region inside the jurisdiction: set its `region`/`location`, or the region "
           "of the provider it uses; pick a model and region combination offered there. If the placement is "
           "intended, allow the region in residency.yaml.",
    .references = kReferences,
    .applies_to = kClasses,
    .reads = "AI services (aws_sagemaker_*, aws_bedrock*, google_vertex_ai_*, google_discovery_engine_*, "
             "google_dialogflow_*, google_document_ai_*, azurerm_machine_learning_*, azurerm_cognitive_*, "
             "azurerm_ai_*) with a known location",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES203{&kMeta, check};

}  // namespace residency::rules
