# A block followed by an argument on its line ("Missing newline after block definition").
resource "aws_s3_bucket_website_configuration" "block" {
  bucket = "a"
  index_document { suffix = "index.html" }
  error_document {} routing_rules = "[]"  # expect: RES001
}
