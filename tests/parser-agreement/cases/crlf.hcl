crlf = <<EOF
line
  EOF
next = "x"
# comment
