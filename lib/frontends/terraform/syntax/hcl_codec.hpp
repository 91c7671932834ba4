// A compact binary form of a parsed file's syntax tree, for the scan cache: decoding it is several
// times cheaper than parsing the text again. Ranges are stored without their file, which the
// decoder sets, so a tree is valid for any file with the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::hcl {

// nullopt when the tree cannot be stored faithfully (a range into another file, nesting deeper
// than the decoder accepts): the file is then parsed on every scan.
std::optional<std::string> encode(const ParsedFile& parsed);

// nullopt for anything `encode` did not write (damaged or foreign bytes): never a partial tree.
std::optional<ParsedFile> decode(std::string_view bytes, FileId file);

}  // namespace residency::hcl
