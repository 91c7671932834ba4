# Expressions the fast parser reads: each must give tree-sitter's very tree.
conditionals = a ? b : c ? d : e
nested_true  = a ? b ? c : d : e
mixed        = x == 1 || y != 2 && !z ? -a + b * c % d : (a - -b) / c
compare      = a >= b && c <= d && e > f && g < h
precedence   = -a.b[0] + b * c == d && !e || f
parens       = ((a + b)) * (c)
numbers      = [0, 007, 1.5, 10, 3.25]
literals     = [true, false, null, "s", trueish, null-ish]
hyphen       = a-b - c
steps        = data.aws_iam_policy_document.x.json
legacy       = aws_instance.web.0.id
legacy_index = list.1[2]
splat_full   = a[*].b[0].c
splat_attr   = a.*.b[0].c
splat_nested = a[*].b[*].c
splat_mixed  = a.*.b.*.c
splat_index  = a[*][0]
splat_legacy = a.*[0]
splat_chain  = a[*].b.*.c[1]
calls        = [f(), g(a, b,), h(a...), provider::aws::arn_parse("x"), k (1), m(n(o(p)))]
tuples       = [1, [2, [3]], [], [4,]]
objects = {
  a = 1, b : 2
  "c" = 3
  (d) = 4
  e.f = 5
  in  = 6
  if  = 7
  null = 8
}
for_tuple  = [for x in xs : upper(x) if x != ""]
for_pairs  = [for k, v in m : "${k}=${v}"]
for_object = { for k, v in m : k => v... if v != null }
for_simple = {for s in list : s => true}
attr_keywords = a.if.in.endif
comments = [ # a comment
  1, /* inline */ 2, // another
  3
]
spaced = var .name
negated_key = { -g = 9 }
# tree-sitter reads newlines as blanks: a key that would continue the value above is declined
# Numbers with more digits than a double keeps carry their text.
long_number = 12345678901234567890
long_fraction = 0.1234567890123456789
