resource "aws_s3_bucket" "weights" {
  bucket = "${local.name_prefix}-model-weights"
}

resource "aws_s3_bucket_versioning" "weights" {
  bucket = aws_s3_bucket.weights.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "checkpoints" {
  bucket = "${local.name_prefix}-checkpoints"
}

# Disaster-recovery copy of the weights, placed in Oregon.
resource "aws_s3_bucket" "weights_replica" {
  region = "us-west-2"
  bucket = "${local.name_prefix}-model-weights-replica"
}

resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = aws_iam_role.replication.arn

  rule {
    id     = "weights-dr"
    status = "Enabled"

    destination {
      bucket        = aws_s3_bucket.weights_replica.arn
      storage_class = "STANDARD_IA"
    }
  }

  depends_on = [aws_s3_bucket_versioning.weights]
}

resource "aws_s3_bucket" "eval_exports" {
  provider = aws.analytics
  bucket   = "${local.name_prefix}-eval-exports"
}

resource "aws_iam_role" "replication" {
  name = "${local.name_prefix}-s3-replication"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
