// RES301: an API Gateway REST API that is edge-optimised (the default), so its requests enter and
// leave through CloudFront points of presence worldwide.
#include "rules/global_endpoint/endpoint_rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api#endpoint_configuration",
};

constexpr RuleExample kBad[] = {
    {"an inference API with no endpoint_configuration: edge-optimised by default", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_lambda_function" "infer" {
  function_name = "infer"
  role          = "arn:aws:iam::123456789012:role/infer"
  image_uri     = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/infer:1"
  package_type  = "Image"
}

resource "aws_api_gateway_rest_api" "inference" {  # expect: RES301
  name = "inference"
}

resource "aws_api_gateway_resource" "predict" {
  rest_api_id = aws_api_gateway_rest_api.inference.id
  parent_id   = aws_api_gateway_rest_api.inference.root_resource_id
  path_part   = "predict"
}

resource "aws_api_gateway_integration" "predict" {
  rest_api_id             = aws_api_gateway_rest_api.inference.id
  resource_id             = aws_api_gateway_resource.predict.id
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.infer.invoke_arn
}
)"},
    {"EDGE written out", R"(-- residency.yaml --
version: 1
jurisdiction: de
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_api_gateway_rest_api" "datasets" {
  name = "datasets"
  endpoint_configuration {
    types = ["EDGE"]  # expect: RES301
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"regional and private APIs", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_api_gateway_rest_api" "inference" {
  name = "inference"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0123456789abcdef0"]
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const Endpoint& e : facts.endpoints) {
        if (e.mechanism != "api-gateway-rest" || e.reach != Reach::Edge) continue;
        std::string what = e.by_default ? "edge-optimized (the default: no endpoint_configuration sets a type)"
                                        : "edge-optimized (EDGE)";
        std::string behind = e.serves.empty() ? "" : fmt::format(", and so do those to {} behind it", endpoint::served(facts, e));
        out.report(e.asset, e.range,
                   fmt::format("{} is {}: its requests enter and leave through CloudFront points of presence "
                               "worldwide, which terminate TLS outside {}{}",
                               e.asset->address, what, facts.jurisdiction_label(), behind),
                   e.related);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES301",
    .name = "api-gateway-edge-optimized",
    .family = "global-endpoint",
    .severity = Severity::Medium,
    .title = "An API Gateway REST API is edge-optimized, so its traffic passes through CloudFront worldwide",
    .why = "An edge-optimized REST API (the default when `endpoint_configuration` is not set) is fronted by "
           "CloudFront: each client connects to the nearest point of presence, anywhere in the world, which "
           "terminates TLS and forwards the request to the API's region. Prompts, inference results and "
           "records sent through the API are decrypted outside the jurisdiction. Every edge-optimized API is "
           "reported, since an API exists to carry data; the message names the integration targets (Lambda "
           "functions, services) the scan shows behind it.",
    .fix = "Set `endpoint_configuration { types = [\"REGIONAL\"] }` (or PRIVATE for APIs reached from a VPC) "
           "so that clients connect to the API's own region.",
    .references = kReferences,
    .applies_to = {},
    .reads = "endpoints: aws_api_gateway_rest_api endpoint_configuration types (default EDGE), "
             "aws_api_gateway_integration rest_api_id and uri",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES301{&kMeta, check};

}  // namespace residency::rules
