variable "bucket" {
  type = string
}

variable "region" {
  type    = string
  default = null
}

resource "aws_s3_bucket" "this" {  # expect: RES201
  region = var.region
  bucket = var.bucket
}
