variable "n" { type = number }
variable "region" { type = string }
provider "aws" { region = var.region }
resource "aws_s3_bucket" "c" {
  count  = var.n
  bucket = "c-${count.index}"
}
