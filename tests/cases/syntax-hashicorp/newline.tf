# Each argument and block ends its line ("Missing newline after argument"); a one-line block holds
# a single argument. Comments may follow on the same line.
resource "aws_s3_bucket" "same_line" {
  bucket = "a" force_destroy = true  # expect: RES001
}

locals {
  one_line = { a = 1 }  # a comment
  slashed  = 2          // another
  block    = 3 /* inline */
  spanning = 4 /* a comment
  over two lines */
  heredoc  = <<-EOT
    text
  EOT
  after    = "${local.heredoc}"
}

resource "aws_s3_bucket" "single" { bucket = "single-line" }
