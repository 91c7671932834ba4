provider "aws" {
  region = "eu-west-1"
}

module "vpc_logs" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  bucket  = "vpc-flow-logs"
  region  = "us-west-1"
}

module "not_installed" {  # expect: RES002
  source = "git::https://example.com/acme/modules.git//bucket?ref=v1.2.0"
  bucket = "audit"
}

module "escapes" {  # expect: RES002
  source = "../../outside"
}
