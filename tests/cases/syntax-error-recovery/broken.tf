provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "broken" {
  bucket = = "broken"
}

resource "aws_s3_bucket" "after_error" {
  region = "ap-southeast-2"
  bucket = "still-scanned"
}
