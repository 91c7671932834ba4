# Keys made by a module and used by the root: the key's region is its provider's, through the
# module's outputs and an alias. A key whose location is not known gives nothing.
provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

module "us_key" {
  source = "./modules/key"
  providers = {
    aws = aws.us
  }
}

module "eu_key" {
  source       = "./modules/key"
  multi_region = true
}

variable "external_key_arn" {
  type = string
}

resource "aws_s3_bucket" "weights" {
  bucket = "model-weights"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = module.us_key.alias_arn  # expect: RES803
    }
  }
}

resource "aws_dynamodb_table" "features" {
  name     = "features"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = module.eu_key.key_arn
  }
}

resource "aws_sagemaker_notebook_instance" "lab" {
  name          = "lab"
  role_arn      = "arn:aws:iam::123456789012:role/sagemaker"
  instance_type = "ml.t3.medium"
  kms_key_id    = var.external_key_arn
}
