# Names that are keywords elsewhere, chained conditionals and splats mixed with indexes.
keywords     = [in, if, else, endif, endfor]
for_keywords = [for x in in : if]
cond_in      = a ? in : if
call_in      = f(in, if...)
filter_if    = [for x in y : x if if]
directive_in = "%{ if in }a%{ endif }"
chain3       = a ? b : c ? d : e ? f : g
paren_cond   = (a ? b : c) ? d : e
not_cond     = !a ? b : c
splat_steps  = a.b[*].c.*.d
splat_legacy = a.*.0
splat_index  = a.*[0].b
splat_twice  = a[*].*.b
splat_full   = a.*[*].b[0]
index_chain  = a.b.c[0][1][*][2]
indexed      = [{a = 1}[0], "a"[0].b]
arith        = [a-1, 1-a, a - - - b, !!a, - a.b * c, a /b/ c, a%b, -1.5]
strip_for = <<EOF
  %{~ for x in y ~}
  ${x}
  %{~ endfor ~}
EOF
