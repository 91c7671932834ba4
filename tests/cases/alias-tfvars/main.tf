provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region
}

variable "dr_region" {
  type = string
}

resource "aws_s3_bucket" "checkpoints" {
  bucket = "llm-checkpoints"
}

resource "aws_s3_bucket" "checkpoints_dr" {  # expect: RES201
  provider = aws.dr
  bucket   = "llm-checkpoints-dr"
}

resource "aws_s3_bucket_replication_configuration" "checkpoints" {
  bucket = aws_s3_bucket.checkpoints.id
  role   = "arn:aws:iam::123456789012:role/replication"

  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.checkpoints_dr.arn  # expect: RES101
    }
  }
}
