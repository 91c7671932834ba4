// RES302: a CloudFront distribution whose origin is a data store, compute or inference endpoint of
// the scan: its content is served, and cached, from edge locations worldwide.
#include "rules/global_endpoint/endpoint_rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/HowCloudFrontWorks.html",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#origin",
};

constexpr RuleExample kBad[] = {
    {"a bucket of model outputs and an inference load balancer behind CloudFront", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "outputs" {
  bucket = "generated-images"
}

resource "aws_lb" "inference" {
  name               = "inference"
  load_balancer_type = "application"
  subnets            = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled = true

  origin {
    origin_id   = "outputs"
    domain_name = aws_s3_bucket.outputs.bucket_regional_domain_name  # expect: RES302
  }

  origin {
    origin_id   = "api"
    domain_name = aws_lb.inference.dns_name  # expect: RES302
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "outputs"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "whitelist"
      locations        = ["DE", "FR"]
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
)"},
    {"the bucket named by its domain", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "datasets" {
  bucket = "public-datasets"
}

resource "aws_cloudfront_distribution" "datasets" {
  enabled = true
  origin {
    origin_id   = "datasets"
    domain_name = "public-datasets.s3.eu-central-1.amazonaws.com"  # expect: RES302
  }
  default_cache_behavior {
    target_origin_id       = "datasets"
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

constexpr RuleExample kGood[] = {
    {"a CDN in front of a site that is not part of this configuration; data served regionally", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "outputs" {
  bucket = "generated-images"
}

resource "aws_cloudfront_distribution" "marketing" {
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
        if (e.mechanism != "cloudfront-origin" || e.serves.empty()) continue;
        out.report(e.asset, e.range,
                   fmt::format("{} serves {} from CloudFront edge locations worldwide, which terminate requests "
                               "and cache responses outside {}",
                               e.asset->address, endpoint::served(facts, e), facts.jurisdiction_label()),
                   e.related, e.serves.front()->address);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES302",
    .name = "cloudfront-in-front-of-data",
    .family = "global-endpoint",
    .severity = Severity::Medium,
    .title = "A CloudFront distribution serves a data store or inference endpoint of the scan",
    .why = "CloudFront is a global service: viewers connect to edge locations around the world, which "
           "terminate TLS, see the requests and responses, and cache responses. An origin that holds data "
           "(an S3 bucket) or serves inference (a load balancer, a function URL, an API) is then delivered "
           "from outside the jurisdiction, whatever region the origin is in. No price class keeps edge "
           "locations inside one jurisdiction, and a geographic restriction limits who may view, not where "
           "the content is cached. Origins that are not part of the scan are not judged.",
    .fix = "Serve data and inference from a regional endpoint (a regional API, a load balancer, a "
           "pre-signed S3 URL) instead of a CDN, or keep only public, non-residency-bound content behind "
           "CloudFront.",
    .references = kReferences,
    .applies_to = {},
    .reads = "endpoints: aws_cloudfront_distribution origin domain_name, followed to an S3 bucket, a load "
             "balancer, an API, a Lambda function URL or other data and compute of the scan",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES302{&kMeta, check};

}  // namespace residency::rules
