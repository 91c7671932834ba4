provider "aws" {
  region = "eu-west-1"
}

locals {
  replica_regions = {
    frankfurt = "eu-central-1"
    paris     = "eu-west-3"
    virginia  = "us-east-1"
  }
}

resource "aws_s3_bucket" "checkpoint" {  # expect: RES201
  for_each = local.replica_regions
  region   = each.value
  bucket   = "checkpoints-${each.key}"
}

module "replicas" {
  source   = "./modules/replicas"
  for_each = toset(["tokyo", "dublin"])
  site     = each.key
}

resource "aws_dynamodb_table" "sessions" {  # expect: RES201
  count        = 2
  name         = "sessions-${count.index}"
  region       = element(["eu-north-1", "ap-south-1"], count.index)
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
}
