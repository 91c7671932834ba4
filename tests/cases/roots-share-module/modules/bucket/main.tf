# One module file, two roots: each root's bucket is its own finding, with its own fingerprint.
resource "aws_s3_bucket" "this" {  # expect: RES201
  bucket = var.name
}

variable "name" {}
