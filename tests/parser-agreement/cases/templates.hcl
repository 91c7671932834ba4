plain       = "plain"
empty       = ""
escapes     = "tab\t nl\n quote\" back\\ u\u00e9 U\U0001F600 cr\r"
introducers = "$${a} %%{b} $$${c} $ % $$ %% $x %x"
interp      = "a${b}c${d.e[0]}f"
nested      = "${var.a == "x" ? "${b}" : "c"}"
strip       = "a ${~ b ~} c ${~c} d ${d~} e"
directives  = "%{ if a }yes%{ else }no%{ endif }"
strip_dir   = "x %{~ if a ~} y %{~ else ~} z %{~ endif ~} w"
for_dir     = "%{ for k, v in m }${k}:${v},%{ endfor }"
for_one     = "%{for x in xs~}  ${x}  %{~endfor}"
nested_dir  = "%{ if a }%{ for x in xs }${x}%{ endfor }%{ endif }"
object_in   = "${ {a = 1}.a } ${jsonencode({b = [1, 2]})}"
unicode     = "été ✓ 日本"
comment_in  = "${ a /* c */ }"

heredoc = <<EOF
line one ${var.x}
  indented $${literal} %%{literal}
EOFX is not the end
  EOF_NOT either
EOF

flush = <<-EOT
    first
      second ${a}
    %{ if b ~}
    third
    %{~ endif }
    last
    EOT

empty_heredoc = <<E
E

blank_close = <<DONE
text
  DONE  

spaced_lines = <<-X

      a

    b
  X

after = <<EOF
x
EOF
