// RES305: a Bedrock cross-Region inference profile (global., or a geography that leaves the
// jurisdiction) routes prompts to other regions.
#include "rules/global_endpoint/endpoint_rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/bedrock_inference_profile",
};

constexpr RuleExample kBad[] = {
    {"a global profile for an agent and an application profile", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "global.anthropic.claude-sonnet-4-20250514-v1:0"  # expect: RES305
}

resource "aws_bedrock_inference_profile" "team" {
  name = "team"
  model_source {
    copy_from = "arn:aws:bedrock:eu-central-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-20250514-v1:0"  # expect: RES305
  }
}
)"},
    {"a us. profile under eu", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_bedrockagent_agent" "research" {  # expect: RES203
  provider                = aws.us
  agent_name              = "research"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "us.anthropic.claude-3-5-sonnet-20241022-v2:0"  # expect: RES305
}
)"},
    {"an eu. profile under de: it may route to other European regions", R"(-- residency.yaml --
version: 1
jurisdiction: de
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "eu.anthropic.claude-3-7-sonnet-20250219-v1:0"  # expect: RES305
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a model invoked in its own region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}

resource "aws_bedrock_inference_profile" "team" {
  name = "team"
  model_source {
    copy_from = "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
  }
}
)"},
    {"an eu. profile when the policy accepts the European regions outside the EU it may use", R"(-- residency.yaml --
version: 1
jurisdiction: eu
allow:
  regions: [eu-west-2, eu-central-2]
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "eu.anthropic.claude-3-7-sonnet-20250219-v1:0"
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const Endpoint& e : facts.endpoints) {
        if (e.mechanism != "bedrock-inference-profile") continue;
        std::string where;
        if (e.reach == Reach::Global) {
            where = "any commercial AWS region worldwide";
        } else if (e.reach == Reach::Geography && !facts.inside(e.place)) {
            where = fmt::format("any region of {}, which (depending on the model) includes {}", e.geography,
                                endpoint::regions_outside(facts, e.place));
        } else {
            continue;
        }
        std::string prefix = e.place.code.empty() ? "global." : e.place.code;
        out.report(e.asset, e.range,
                   fmt::format("{} uses the {} cross-Region inference profile \"{}\": Bedrock may process its "
                               "prompts and responses in {}, outside {}",
                               e.asset->address, prefix, e.setting, where, facts.jurisdiction_label()),
                   e.related);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES305",
    .name = "bedrock-cross-region-inference",
    .family = "global-endpoint",
    .severity = Severity::High,
    .title = "A Bedrock cross-Region inference profile may process prompts outside the jurisdiction",
    .why = "A cross-Region (system-defined) inference profile is named `<geography>.<model>`; Bedrock routes "
           "each request from the source region to any destination region of that geography, chosen per "
           "request. `global.` profiles reach every commercial region; `us.` the United States; `eu.` "
           "Europe, which for some models includes London (eu-west-2) and Zurich (eu-central-2), outside the "
           "EU; `apac.` Asia-Pacific and the UAE (me-central-1). Prompts and responses are processed where the "
           "request lands. The region sets are the widest AWS documents for each prefix (they vary by model); "
           "an unfamiliar prefix or a model ID that is not known is not judged.",
    .fix = "Invoke the foundation model in a region inside the jurisdiction (a model ID without a geographic "
           "prefix, or a `foundation-model` ARN), or choose a profile whose geography lies inside it. If the "
           "other regions of a geography are acceptable, allow them in residency.yaml (`allow.regions`).",
    .references = kReferences,
    .applies_to = {},
    .reads = "endpoints: aws_bedrockagent_agent foundation_model, aws_bedrock_inference_profile model_source "
             "copy_from, aws_bedrock_provisioned_model_throughput model_arn, aws_bedrock_guardrail "
             "cross_region_config guardrail_profile_identifier; awscc_bedrock_agent foundation_model, "
             "awscc_bedrock_application_inference_profile model_source copy_from",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES305{&kMeta, check};

}  // namespace residency::rules
