provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "replica"
  region = "us-east-1"
}

data "aws_caller_identity" "current" {}

resource "random_pet" "this" {
  length = 2
}

resource "aws_kms_key" "replica" {  # expect: RES802
  provider = aws.replica
}

locals {
  bucket_name             = "origin-${random_pet.this.id}"
  destination_bucket_name = "replica-${random_pet.this.id}"
}

module "replica_bucket" {
  source    = "./modules/bucket"
  providers = { aws = aws.replica }
  bucket    = local.destination_bucket_name
}

module "s3_bucket" {
  source = "./modules/bucket"
  bucket = local.bucket_name

  replication_configuration = {
    role = "arn:aws:iam::123456789012:role/replication"
    rules = [{
      id = "everything"
      destination = {
        bucket             = "arn:aws:s3:::${local.destination_bucket_name}"
        account_id         = data.aws_caller_identity.current.account_id
        replica_kms_key_id = aws_kms_key.replica.arn
      }
    }]
  }
}
