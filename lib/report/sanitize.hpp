// Terminal-safe text: scanned files and messages must not be able to drive or disguise the terminal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace residency {

// Control characters (C0 but tab, DEL, C1; so also ESC sequences), bidirectional controls
// (U+202A-202E, U+2066-2069, U+200E/200F, U+061C) and invalid UTF-8 become visible escapes:
// `\x1b`, `\u202e`, `\xff`. Everything else is passed through unchanged.
std::string sanitize_terminal(std::string_view text);

// One source line for a code frame: sanitised as above, tabs expanded to the next multiple of
// tab_width. columns[b] is the 0-based display column where byte b of the input starts
// (columns.size() == line.size() + 1), so carets line up with what the terminal shows.
struct CodeLine {
    std::string text;
    std::vector<std::uint32_t> columns;
};
CodeLine sanitize_code_line(std::string_view line, std::uint32_t tab_width = 4);

// A serialised JSON document with the C1 controls and the bidirectional controls above written as
// \u escapes (JSON serialisers escape only C0): the same document to a parser, and nothing in it
// can reorder or drive a terminal it is printed on. Outside strings JSON is ASCII, so only string
// contents change.
std::string escape_json_invisible(std::string json);

// Length of the valid UTF-8 sequence starting at s[i] (its code point in cp), or 0 when invalid
// (overlong forms, surrogates, beyond U+10FFFF, truncated).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

}  // namespace residency
