// UTF-8 encoding of a code point, shared by the decoders of escapes (HCL strings, JSON).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace residency {

// Appends `cp` as UTF-8; surrogates and values past U+10FFFF become U+FFFD, so the output is
// always valid UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one (overlong forms,
// surrogates, past U+10FFFF, truncated). i < text.size().
std::size_t utf8_length(std::string_view text, std::size_t i);

// The offset of the first byte of `text` that is not valid UTF-8, or std::string_view::npos.
std::size_t first_invalid_utf8(std::string_view text);

}  // namespace residency
