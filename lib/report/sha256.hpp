// SHA-256 of a byte string as lower-case hex: the artifact hashes that make a report audit evidence.
#pragma once

#include <string>
#include <string_view>

namespace residency {

std::string sha256_hex(std::string_view bytes);

}  // namespace residency
