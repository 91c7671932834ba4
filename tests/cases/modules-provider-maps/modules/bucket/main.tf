variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {  # expect: RES201
  bucket = "acme-${var.name}"
}

output "id" {
  value = aws_s3_bucket.this.id
}

output "arn" {
  value = aws_s3_bucket.this.arn
}
