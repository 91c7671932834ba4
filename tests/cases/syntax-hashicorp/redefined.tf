# HashiCorp's parser rejects an argument set twice in one body ("Attribute redefined"), in any
# block; an object expression may repeat a key (the last one wins), and blocks may repeat.
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "twice" {
  bucket = "first"
  bucket = "second"  # expect: RES001
  tags = { Name = "a", Name = "b" }
}

resource "aws_s3_bucket_lifecycle_configuration" "nested" {
  bucket = aws_s3_bucket.twice.id
  rule {
    id     = "one"
    status = "Enabled"
    status = "Disabled"  # expect: RES001
  }
  rule {
    id     = "two"
    status = "Enabled"
  }
}

locals {
  name = "a"
  name = "b"  # expect: RES001
}
