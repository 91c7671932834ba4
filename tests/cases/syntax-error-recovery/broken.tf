provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "broken" {
  bucket = = "broken"  # expect: RES001
}

resource "aws_s3_bucket" "after_error" {  # expect: RES201
  region = "ap-southeast-2"
  bucket = "still-scanned"
}
