// The endpoints fact through the rules that read it: what an unknown setting gives (nothing), and
// the reach decided by defaults, geographies and the jurisdiction.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/project.hpp"

using residency::testing::Project;

namespace {

// "RES301 main.tf:3" for each global-endpoint finding, in report order.
std::vector<std::string> endpoint_findings(const residency::ScanOutcome& out) {
    std::vector<std::string> list;
    for (const auto& f : out.report.findings)
        if (f.rule_id.starts_with("RES3"))
            list.push_back(f.rule_id + " line " + std::to_string(out.sources.get(f.range.file).line_col(f.range.begin).line));
    return list;
}

}  // namespace

TEST_CASE("endpoints: an unknown type, SKU, model or OpenAPI document gives no finding") {
    Project p("endpoints-unknown");
    p.write("main.tf", R"(provider "aws" {
  region = "eu-central-1"
}
variable "endpoint_type" {}
variable "sku" {}
variable "model" {}
resource "aws_api_gateway_rest_api" "typed" {
  name = "typed"
  endpoint_configuration {
    types = [var.endpoint_type]
  }
}
resource "aws_api_gateway_rest_api" "openapi" {
  name = "openapi"
  body = jsonencode({ "x-amazon-apigateway-endpoint-configuration" = { types = ["REGIONAL"] } })
}
resource "aws_bedrockagent_agent" "a" {
  agent_name              = "a"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = var.model
}
resource "aws_bedrockagent_agent" "b" {
  agent_name              = "b"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "ca.anthropic.claude-3-5-sonnet-20240620-v1:0"
}
resource "aws_bedrockagent_agent" "c" {
  agent_name              = "c"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "arn:aws:bedrock:eu-central-1:123456789012:application-inference-profile/abc123"
}
resource "azurerm_cognitive_account" "openai" {
  name                = "openai"
  location            = "westeurope"
  resource_group_name = "ai"
  kind                = "OpenAI"
  sku_name            = "S0"
}
resource "azurerm_cognitive_deployment" "d" {
  name                 = "d"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
  sku {
    name = var.sku
  }
}
resource "azurerm_cognitive_deployment" "e" {
  name                 = "e"
  cognitive_account_id = "/subscriptions/0000/resourceGroups/ai/providers/Microsoft.CognitiveServices/accounts/elsewhere"
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
  sku {
    name = "DataZoneStandard"
  }
}
)");
    auto out = p.scan({"de"});
    REQUIRE(out->error == "");
    CHECK(endpoint_findings(*out).empty());
}

TEST_CASE("endpoints: geographies against the jurisdiction, the azurerm 3 scale block, azapi deployments") {
    Project p("endpoints-geo");
    p.write("main.tf", R"(provider "aws" {
  region = "eu-central-1"
}
resource "aws_bedrockagent_agent" "eu" {
  agent_name              = "eu"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "eu.amazon.nova-pro-v1:0"
}
resource "aws_bedrock_guardrail" "g" {
  name                      = "g"
  blocked_input_messaging   = "no"
  blocked_outputs_messaging = "no"
  cross_region_config {
    guardrail_profile_identifier = "arn:aws:bedrock:eu-central-1:123456789012:guardrail-profile/eu.guardrail.v1:0"
  }
}
resource "azurerm_cognitive_account" "openai" {
  name                = "openai"
  location            = "francecentral"
  resource_group_name = "ai"
  kind                = "OpenAI"
  sku_name            = "S0"
}
resource "azurerm_cognitive_deployment" "v3" {
  name                 = "v3"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
  scale {
    type = "GlobalStandard"
  }
}
resource "azapi_resource" "zone" {
  type      = "Microsoft.CognitiveServices/accounts/deployments@2024-10-01"
  name      = "zone"
  parent_id = azurerm_cognitive_account.openai.id
  body = {
    sku = { name = "DataZoneStandard", capacity = 10 }
    properties = { model = { format = "OpenAI", name = "gpt-4o" } }
  }
}
)");
    // Under eu: eu. may reach London and Zurich; GlobalStandard always; the EU data zone is inside.
    auto eu = p.scan({"eu"});
    REQUIRE(eu->error == "");
    CHECK(endpoint_findings(*eu) == std::vector<std::string>{"RES305 line 7", "RES305 line 14", "RES306 line 32"});
    // Under fr the EU data zone is wider than France.
    auto fr = p.scan({"fr"});
    CHECK(endpoint_findings(*fr) ==
          std::vector<std::string>{"RES305 line 7", "RES305 line 14", "RES306 line 32", "RES306 line 40"});
}

TEST_CASE("endpoints: a global forwarding rule's scheme decides; internal load balancers are not judged") {
    Project p("endpoints-glb");
    std::string chain = R"(provider "google" {
  region = "europe-west1"
}
resource "google_cloudfunctions2_function" "fn" {
  name     = "fn"
  location = "europe-west1"
}
resource "google_compute_region_network_endpoint_group" "neg" {
  name = "neg"
  cloud_function {
    function = "fn"
  }
}
resource "google_compute_backend_service" "be" {
  name = "be"
  backend {
    group = google_compute_region_network_endpoint_group.neg.id
  }
}
resource "google_compute_url_map" "um" {
  name            = "um"
  default_service = google_compute_backend_service.be.id
}
resource "google_compute_target_http_proxy" "px" {
  name    = "px"
  url_map = google_compute_url_map.um.id
}
resource "google_compute_global_forwarding_rule" "default_scheme" {
  name   = "a"
  target = google_compute_target_http_proxy.px.id
}
resource "google_compute_global_forwarding_rule" "internal" {
  name                  = "b"
  load_balancing_scheme = "INTERNAL_SELF_MANAGED"
  target                = google_compute_target_http_proxy.px.id
}
)";
    p.write("main.tf", chain);
    auto out = p.scan({"eu"});
    REQUIRE(out->error == "");
    CHECK(endpoint_findings(*out) == std::vector<std::string>{"RES308 line 30"});
}
