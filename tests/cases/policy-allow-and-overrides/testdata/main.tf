resource "aws_s3_bucket" "fixture" {
  region = "us-east-1"
  bucket = "fixture"
}
