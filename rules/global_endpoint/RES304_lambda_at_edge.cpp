// RES304: Lambda@Edge: a function associated with a CloudFront cache behavior runs at edge
// locations worldwide.
#include "rules/global_endpoint/endpoint_rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-the-edge.html",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-logs.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#lambda-function-association",
};

constexpr RuleExample kBad[] = {
    {"a request-rewriting function at the edge", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

resource "aws_lambda_function" "route" {  # expect: RES201
  provider      = aws.us_east_1
  function_name = "route-prompts"
  role          = "arn:aws:iam::123456789012:role/edge"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "route.zip"
  publish       = true
}

resource "aws_cloudfront_distribution" "chat" {
  enabled = true
  origin {
    origin_id   = "chat"
    domain_name = "chat.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "chat"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods         = ["GET", "HEAD"]
    lambda_function_association {
      event_type   = "viewer-request"
      lambda_arn   = aws_lambda_function.route.qualified_arn  # expect: RES304
      include_body = true
    }
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"the logic runs in the origin's region; CloudFront only forwards", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    origin_id   = "site"
    domain_name = "www.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const Endpoint& e : facts.endpoints) {
        if (e.mechanism != "lambda-at-edge") continue;
        std::string function = e.serves.empty() ? "a Lambda@Edge function" : e.serves.front()->address;
        std::string event = e.setting.empty() ? "" : fmt::format(" on {}", e.setting);
        out.report(e.asset, e.range,
                   fmt::format("{} runs {}{} at CloudFront edge locations worldwide: the function sees requests "
                               "(and bodies, when included) outside {}, and writes its logs to CloudWatch Logs "
                               "in whichever region it ran",
                               e.asset->address, function, event, facts.jurisdiction_label()),
                   e.related, e.setting);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES304",
    .name = "lambda-at-edge",
    .family = "global-endpoint",
    .severity = Severity::Medium,
    .title = "A Lambda@Edge function runs at CloudFront edge locations worldwide",
    .why = "A function associated with a CloudFront cache behavior (`lambda_function_association`) is "
           "replicated from us-east-1 to edge locations around the world and runs wherever a viewer "
           "connects: it processes the request, its headers and (with `include_body`) its body there, and its "
           "logs are written to CloudWatch Logs in the region where it ran. Where it runs is not in the "
           "configuration's control.",
    .fix = "Move the request processing to the origin, in a region inside the jurisdiction (a regional "
           "Lambda behind an API or load balancer), and remove the `lambda_function_association`.",
    .references = kReferences,
    .applies_to = {},
    .reads = "endpoints: aws_cloudfront_distribution default_cache_behavior and ordered_cache_behavior "
             "lambda_function_association (lambda_arn, event_type)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES304{&kMeta, check};

}  // namespace residency::rules
