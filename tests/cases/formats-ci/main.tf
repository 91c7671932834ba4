variable "dr_region" {
  type    = string
  default = "us-east-1"
}

provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region
}

resource "aws_s3_bucket" "weights" {
  bucket = "model-weights"
  tags = {
    residency = "eu"
  }
}

resource "aws_s3_bucket" "replica" {  # expect: RES201
  provider = aws.dr
  bucket   = "model-weights-dr"
  tags = {
    residency = "eu"  # expect: RES502
  }
}

resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = "arn:aws:iam::123456789012:role/replication"
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.replica.arn  # expect: RES101
    }
  }
}
