resource "aws_s3_bucket" "this" {  # expect: RES201
  bucket = "b"
}
