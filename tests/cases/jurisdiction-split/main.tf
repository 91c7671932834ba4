# Three buckets in the EU and two in the US: no jurisdiction holds three quarters, so none is
# guessed; --strict makes the undecided jurisdiction fail the scan.
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}

resource "aws_s3_bucket" "checkpoints" {  # expect: RES005
  bucket = "checkpoints"
}

resource "aws_s3_bucket" "datasets" {
  bucket = "datasets"
}

resource "aws_s3_bucket" "exports" {
  provider = aws.us
  bucket   = "exports"
}

resource "aws_s3_bucket" "logs" {
  provider = aws.us
  bucket   = "logs"
}
