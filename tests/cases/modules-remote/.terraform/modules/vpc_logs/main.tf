variable "bucket" {
  type = string
}

variable "region" {
  type    = string
  default = null
}

resource "aws_s3_bucket" "this" {
  region = var.region
  bucket = var.bucket
}
