// Internal to the HCL parsers: templates as a flat token sequence, and the one builder that turns
// such a sequence into the project's Template expression. Both parsers (tree-sitter's converter and
// the fast parser) share it, so a template's strip markers, `<<-` indentation and escapes are
// decided in one place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::hcl::detail {

// Deeper nesting than this becomes Invalid: it keeps every later recursive pass (evaluation,
// destruction) far from the stack limit, and no real configuration comes close.
inline constexpr int kMaxDepth = 256;

// One flat token of a template, as HCL sees it before directives are nested: strip markers and
// heredoc indentation work on this sequence, where a literal's neighbours are plain to see.
struct TemplateToken {
    enum Kind { Literal, Interpolation, If, Else, EndIf, For, EndFor } kind = Literal;
    Range range;
    std::string text;  // Literal: raw source text, later decoded
    Expr expr;         // Interpolation: the expression; If: condition; For: collection
    std::string key;   // For: key variable ("" when absent)
    std::string value; // For: value variable
    bool strip_left = false;
    bool strip_right = false;
};

// Decodes a quoted string's escapes (\n \r \t \" \\ \uXXXX \UXXXXXXXX, $${ and %%{).
std::string decode_quoted(std::string_view raw);
// Heredocs take no backslash escapes, only the doubled template introducers.
std::string decode_heredoc(std::string_view raw);

// The template spanning `whole` from its flat tokens (literals holding raw source text): decodes
// the literals, applies strip markers and `<<-` (`flush`) and nests the directives.
Expr build_template(std::vector<TemplateToken>& tokens, Range whole, bool heredoc, bool flush);

}  // namespace residency::hcl::detail
