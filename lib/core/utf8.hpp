// UTF-8 encoding of a code point, shared by the decoders of escapes (HCL strings, JSON).
#pragma once

#include <cstdint>
#include <string>

namespace residency {

// Appends `cp` as UTF-8; surrogates and values past U+10FFFF become U+FFFD, so the output is
// always valid UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace residency
