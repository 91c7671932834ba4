resource "aws_kms_key" "data" {
  description  = "training data and checkpoints"
  multi_region = true  # expect: RES801
}

resource "aws_s3_bucket" "datasets" {
  bucket = "llm-training-datasets"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "datasets" {
  bucket = aws_s3_bucket.datasets.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}

resource "aws_s3_bucket" "checkpoints" {  # expect(de): RES201
  provider = aws.dublin
  bucket   = "llm-checkpoints"
}

resource "aws_s3_bucket" "dr" {  # expect: RES201 RES501
  provider = aws.virginia
  bucket   = "llm-checkpoints-dr"
}

resource "aws_s3_bucket_replication_configuration" "checkpoints" {
  provider = aws.dublin
  bucket   = aws_s3_bucket.checkpoints.id
  role     = "arn:aws:iam::123456789012:role/replication"
  rule {
    id     = "dr"
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.dr.arn  # expect: RES101
    }
  }
}

resource "aws_dynamodb_table" "features" {
  name             = "features"
  hash_key         = "id"
  billing_mode     = "PAY_PER_REQUEST"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
  attribute {
    name = "id"
    type = "S"
  }
  replica {
    region_name = "eu-west-1"  # expect(de): RES102
  }
}

resource "aws_db_instance" "registry" {
  identifier          = "model-registry"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 20
  username            = "registry"
  manage_master_user_password = true
  storage_encrypted   = true
  skip_final_snapshot = true
}

resource "aws_db_instance" "registry_replica" {  # expect: RES201 RES501
  provider            = aws.virginia
  identifier          = "model-registry-replica"
  replicate_source_db = aws_db_instance.registry.arn  # expect: RES103
  instance_class      = "db.t4g.medium"
  skip_final_snapshot = true
}

resource "aws_ecr_repository" "serving" {
  name = "llm-serving"
}

resource "aws_ecr_replication_configuration" "serving" {
  replication_configuration {
    rule {
      destination {
        region      = "us-west-2"  # expect: RES105
        registry_id = "123456789012"
      }
    }
  }
}
