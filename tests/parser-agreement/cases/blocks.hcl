block {}
block "a" "b" c {
  x = 1
}
one_line "x" { y = 2 }
empty "x" {
}
null {
  in = 1
}
escaped "a\"b" "c\\d" "\u00e9" {
  nested {
    deeper {
      deepest = [for x in y : x]
    }
  }
}
resource "aws_s3_bucket" "b" {
  bucket = "x-${var.env}" # trailing comment
  // slash comment
  /* block
     comment */
  tags = {
    Name = "b"
  }
  dynamic "rule" {
    for_each = var.rules
    content {
      id = rule.value.id
    }
  }
}
in = 2
if = 3
for = 4
null = 5
true {}
