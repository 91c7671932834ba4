provider "aws" {
  region = "eu-central-1"
}

# residency:ignore RES201 -- DR copy approved by the DPO, ticket PRIV-42
resource "aws_s3_bucket" "approved_dr" {
  region = "us-east-1"
  bucket = "approved-dr"
}

resource "aws_s3_bucket" "same_line" { # residency:ignore RES2
  region = "us-west-2"
  bucket = "same-line"
}

# residency:ignore RES101 -- a different rule does not silence this one
resource "aws_s3_bucket" "wrong_rule" {  # expect: RES201
  region = "ap-south-1"
  bucket = "wrong-rule"
}
