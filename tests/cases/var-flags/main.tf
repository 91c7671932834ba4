variable "region" {
  default = "eu-west-1"
}

variable "regions" {
  type    = list(string)
  default = []
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}

resource "aws_s3_bucket" "extra" {  # expect: RES201
  region = length(var.regions) > 0 ? var.regions[0] : var.region
  bucket = "extra"
}
