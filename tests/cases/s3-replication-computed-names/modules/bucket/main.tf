# A reduced terraform-aws-s3-bucket: replication rules passed as data, destinations built in a
# dynamic block around values known only after apply.
variable "bucket" {
  type    = string
  default = null
}

variable "replication_configuration" {
  type    = any
  default = {}
}

resource "aws_s3_bucket" "this" {  # expect: RES201
  bucket = var.bucket
}

resource "aws_s3_bucket_replication_configuration" "this" {
  count  = length(keys(var.replication_configuration)) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id
  role   = var.replication_configuration["role"]

  dynamic "rule" {
    for_each = var.replication_configuration["rules"]
    content {
      id     = rule.value.id
      status = "Enabled"

      dynamic "destination" {
        for_each = try(flatten([rule.value.destination]), [])
        content {
          bucket             = destination.value.bucket  # expect: RES101
          account            = try(destination.value.account_id, null)
          replica_kms_key_id = try(destination.value.replica_kms_key_id, null)
        }
      }
    }
  }
}
