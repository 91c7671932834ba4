# A number literal is a digit followed by digits, dots and exponents: 10.0.0.0/16 unquoted is one
# literal, and not a number ("Invalid number literal").
resource "aws_vpc" "main" {
  cidr_block = 10.0.0.0/16  # expect: RES001
}

locals {
  ratio = 1.5
  first = [1, 2][0]
}

locals {
  pairs  = [[1, 2]]
  legacy = local.pairs.0.1  # expect: RES001
}

locals {
  exponent = 1e3abc  # expect: RES001
}
