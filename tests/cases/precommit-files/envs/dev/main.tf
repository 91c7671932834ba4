provider "aws" {
  region = "eu-west-1"
}

module "b" {
  source = "../../modules/b/"
}

resource "aws_s3_bucket" "scratch" {
  region = "ap-southeast-1"
  bucket = "dev-scratch"
}
