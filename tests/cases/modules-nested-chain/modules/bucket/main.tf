variable "region" {
  type    = string
  default = null
}

variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {  # expect: RES201
  region = var.region
  bucket = var.name
}
