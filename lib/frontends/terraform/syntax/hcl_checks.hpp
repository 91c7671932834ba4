// What HashiCorp's HCL parser rejects in a file tree-sitter's grammar accepts: an argument set twice
// in one body ("Attribute redefined"), an argument or block followed by something else on its line
// ("Missing newline after argument"), number literals such as 10.0.0.1/32 ("Invalid number
// literal") and chained legacy indexes (list.0.1). Terraform refuses such files, so they are
// syntax errors here too.
#pragma once

#include <string_view>

#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::hcl {

// Appends one SyntaxError per violation to `parsed.errors`; `text` is the text `parsed` came from.
void check_hashicorp_syntax(ParsedFile& parsed, std::string_view text);

}  // namespace residency::hcl
