variable "multi_region" {
  type    = bool
  default = false
}

resource "aws_kms_key" "this" {  # expect: RES802
  description  = "data key"
  multi_region = var.multi_region  # expect: RES801
}

resource "aws_kms_alias" "this" {
  name          = "alias/data"
  target_key_id = aws_kms_key.this.key_id
}

output "key_arn" {
  value = aws_kms_key.this.arn
}

output "alias_arn" {
  value = aws_kms_alias.this.arn
}
