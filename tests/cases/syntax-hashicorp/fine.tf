# Valid HCL that tree-sitter and HashiCorp's parser both accept: no diagnostic.
locals {
  object_keys = { a = 1, a = 2 }
  pairs       = [[1, 2]]
  legacy      = local.pairs.0
  exponent    = 1.5e3
}
