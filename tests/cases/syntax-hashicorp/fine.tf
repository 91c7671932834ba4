# Valid HCL that tree-sitter and HashiCorp's parser both accept: no diagnostic.
locals {
  object_keys = { a = 1, a = 2 }
  pairs       = [[1, 2]]
  legacy      = local.pairs.0
  exponent    = 1.5e3
  bare        = [1e3, 1E+3, 25e-2, "${2e2}", { k = 1e1 }]
  legacy_exp  = local.pairs.0e0
}
