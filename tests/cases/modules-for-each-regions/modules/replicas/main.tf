variable "site" {
  type = string
}

locals {
  regions = {
    tokyo  = "ap-northeast-1"
    dublin = "eu-west-1"
  }
}

resource "aws_s3_bucket" "site" {  # expect: RES201
  region = lookup(local.regions, var.site)
  bucket = "prompts-${var.site}"
}
