// Parses HCL native syntax (.tf, .tfvars, .hcl) into the project's syntax tree: a hand-written parser
// for valid files, tree-sitter for the rest.
#pragma once

#include <string_view>

#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::hcl {

// Never throws on bad input: syntax errors are returned in ParsedFile::errors, and every part of
// the file tree-sitter could recover is still converted. Reuses one parser per thread.
// Valid files take the fast path (hcl_fast_parser.hpp), the rest tree-sitter's.
ParsedFile parse_hcl(FileId file, std::string_view text);

// The tree-sitter path alone: the reference the fast path is checked against (tests, fuzzing).
ParsedFile parse_hcl_tree_sitter(FileId file, std::string_view text);

}  // namespace residency::hcl
