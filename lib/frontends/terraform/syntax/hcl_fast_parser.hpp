// A hand-written parser for valid HCL native syntax: the fast path of parse_hcl. tree-sitter's
// parse (and its conversion) was most of a scan's CPU; most files are valid, and for them this
// parser builds the very tree the tree-sitter path builds, about 16 times faster.
#pragma once

#include <optional>
#include <string_view>

#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::hcl {

// The file's tree, exactly as the tree-sitter path converts it (every node, range and decoded
// string), or nullopt whenever the parser is not sure of that: any syntax error, any construct it
// does not read, bytes that are not UTF-8, control characters, nesting near the converter's depth
// limit. Declining is always safe: parse_hcl then parses the file with tree-sitter. The result
// holds no errors; HashiCorp's extra checks (hcl_checks.hpp) are the caller's, as on the other path.
// `declined_at`, when given, receives the offset where the parser gave up (0 for the whole file).
std::optional<ParsedFile> fast_parse_hcl(FileId file, std::string_view text, std::uint32_t* declined_at = nullptr);

}  // namespace residency::hcl
