// Where AI services are: parents they live with, provider defaults, the global location, and which
// rule reports them (RES203 outside the jurisdiction, RES307 global, RES202 unset; never RES201).
#include <doctest/doctest.h>

#include "support/project.hpp"

using namespace residency;
using residency::testing::Project;

namespace {

std::vector<std::string> findings(const ScanOutcome& out) {
    std::vector<std::string> v;
    for (const auto& f : out.report.findings) v.push_back(f.rule_id + " " + f.asset);
    return v;
}

}  // namespace

TEST_CASE("a Vertex AI entity type lives with its featurestore, not with the provider's region") {
    Project p("ai-entitytype");
    p.write("main.tf", R"(provider "google" {
  region = "us-central1"
}

resource "google_vertex_ai_featurestore" "fs" {
  name   = "fs"
  region = "europe-west4"
}

resource "google_vertex_ai_featurestore_entitytype" "users" {
  name         = "users"
  featurestore = google_vertex_ai_featurestore.fs.id
}

resource "google_vertex_ai_featurestore_entitytype_feature" "age" {
  name       = "age"
  entitytype = google_vertex_ai_featurestore_entitytype.users.id
  value_type = "INT64"
}

resource "google_vertex_ai_dataset" "prompts" {
  display_name        = "prompts"
  metadata_schema_uri = "gs://x"
}
)");
    auto out = p.scan();
    REQUIRE(out->error.empty());
    CHECK(findings(*out) == std::vector<std::string>{"RES203 google_vertex_ai_dataset.prompts"});
    const Asset& et = residency::testing::asset(*out, "google_vertex_ai_featurestore_entitytype.users");
    REQUIRE(et.location.is_string());
    CHECK(et.location.as_string() == "europe-west4");
    const Asset& feature = residency::testing::asset(*out, "google_vertex_ai_featurestore_entitytype_feature.age");
    REQUIRE(feature.location.is_string());
    CHECK(feature.location.as_string() == "europe-west4");
    // The dataset takes the provider's region, and the finding says where that comes from.
    const auto& f = out->report.findings.at(0);
    CHECK(f.message.find("us-central1 (US), outside eu") != std::string::npos);
    REQUIRE(!f.related.empty());
    CHECK(f.related.back().message == "provider \"google\" region");
}

TEST_CASE("IAM bindings and settings of AI resources are not AI services") {
    Project p("ai-iam");
    p.write("main.tf", R"(resource "google_vertex_ai_endpoint_iam_member" "m" {
  location = "us-central1"
  endpoint = "chat"
  role     = "roles/aiplatform.user"
  member   = "user:jane@example.com"
}

resource "google_discovery_engine_search_engine_iam_member" "m" {
  location  = "global"
  engine_id = "search"
  role      = "roles/discoveryengine.viewer"
  member    = "user:jane@example.com"
}

resource "google_discovery_engine_schema" "s" {
  location      = "global"
  data_store_id = "docs"
  schema_id     = "s"
}

resource "google_vertex_ai_cache_config" "c" {
  disable_cache = true
}
)");
    auto out = p.scan();
    REQUIRE(out->error.empty());
    CHECK(findings(*out).empty());
}

TEST_CASE("Azure: a deployment lives with its account, ML compute with its workspace unless it sets a location") {
    Project p("ai-azure");
    p.write("main.tf", R"(provider "azurerm" {
  features {}
}

resource "azurerm_cognitive_account" "openai" {
  name                = "openai"
  location            = "eastus"
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

resource "azurerm_cognitive_account_rai_policy" "filter" {
  name                 = "filter"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  base_policy_name     = "Microsoft.Default"
}

resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "ml"
  location                = "germanywestcentral"
  resource_group_name     = "ml"
  application_insights_id = "x"
  key_vault_id            = "x"
  storage_account_id      = "x"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_instance" "nb" {
  name                          = "nb"
  virtual_machine_size          = "STANDARD_DS2_V2"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
}

resource "azurerm_machine_learning_compute_cluster" "gpu" {
  name                          = "gpu"
  location                      = "uksouth"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 1
    scale_down_nodes_after_idle_duration = "PT30M"
  }
}
)");
    auto out = p.scan({"de"});
    REQUIRE(out->error.empty());
    CHECK(findings(*out) == std::vector<std::string>{"RES203 azurerm_cognitive_account.openai",
                                                     "RES203 azurerm_cognitive_deployment.gpt",
                                                     "RES203 azurerm_machine_learning_compute_cluster.gpu"});
    const Asset& nb = residency::testing::asset(*out, "azurerm_machine_learning_compute_instance.nb");
    REQUIRE(nb.location.is_string());
    CHECK(nb.location.as_string() == "germanywestcentral");
}

TEST_CASE("the global location: Discovery Engine, Dialogflow CX and ES agents are RES307's, not RES201's") {
    Project p("ai-global");
    p.write("main.tf", R"(resource "google_discovery_engine_search_engine" "search" {
  engine_id      = "search"
  collection_id  = "default_collection"
  location       = "global"
  display_name   = "search"
  data_store_ids = ["docs"]
  search_engine_config {}
}

resource "google_dialogflow_cx_agent" "support" {
  display_name          = "support"
  location              = "global"
  default_language_code = "en"
  time_zone             = "Europe/Paris"
}

resource "google_dialogflow_cx_flow" "triage" {
  parent       = google_dialogflow_cx_agent.support.id
  display_name = "triage"
}

resource "google_dialogflow_agent" "faq" {
  display_name          = "faq"
  default_language_code = "en"
  time_zone             = "Europe/Paris"
}

resource "google_discovery_engine_data_store" "eu" {
  location          = "eu"
  data_store_id     = "docs"
  display_name      = "docs"
  industry_vertical = "GENERIC"
  content_config    = "CONTENT_REQUIRED"
}
)");
    auto out = p.scan();
    REQUIRE(out->error.empty());
    CHECK(findings(*out) == std::vector<std::string>{"RES307 google_discovery_engine_search_engine.search",
                                                     "RES307 google_dialogflow_cx_agent.support",
                                                     "RES307 google_dialogflow_agent.faq"});
    // Under a US jurisdiction the EU data store is outside, and the global ones are still not pinned.
    auto us = p.scan({"us"});
    CHECK(findings(*us) == std::vector<std::string>{"RES307 google_discovery_engine_search_engine.search",
                                                    "RES307 google_dialogflow_cx_agent.support",
                                                    "RES307 google_dialogflow_agent.faq",
                                                    "RES203 google_discovery_engine_data_store.eu"});
}
