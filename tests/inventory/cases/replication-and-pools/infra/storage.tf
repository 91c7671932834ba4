provider "aws" {
  region = var.region
}

variable "region" {
  default = "eu-central-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "acme-model-weights"
}

resource "aws_s3_bucket_versioning" "weights" {
  bucket = aws_s3_bucket.weights.id
  versioning_configuration {
    status = "Enabled"
  }
}

# Disaster-recovery copy, across the Atlantic.
resource "aws_s3_bucket" "weights_dr" {
  region = "us-east-2"
  bucket = "acme-model-weights-dr"
}

resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = "arn:aws:iam::123456789012:role/replication"
  rule {
    id     = "dr"
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.weights_dr.arn
    }
  }
  depends_on = [aws_s3_bucket_versioning.weights]
}
