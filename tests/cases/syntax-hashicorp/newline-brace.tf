# A closing brace on the line of the block's last argument.
resource "aws_s3_bucket_versioning" "brace" {
  bucket = "a"
  versioning_configuration {
    status = "Enabled"}  # expect: RES001
}
