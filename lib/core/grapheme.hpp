// Extended grapheme clusters (Unicode 15.0, UAX #29): what Terraform counts as a character in
// length(), substr(), strrev() and format()'s widths (go-cty uses go-textseg v15).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace residency {

// The end of the grapheme cluster that starts at byte `i` of UTF-8 text (i < text.size()). A byte
// that is not valid UTF-8 is a cluster of its own.
std::size_t grapheme_end(std::string_view text, std::size_t i);

// The number of grapheme clusters of `text`.
std::size_t grapheme_count(std::string_view text);

// The byte offset where each grapheme cluster of `text` starts.
std::vector<std::size_t> grapheme_starts(std::string_view text);

// The grapheme clusters of `text`, in order (👍🏽 is one, of two code points).
std::vector<std::string_view> grapheme_clusters(std::string_view text);

}  // namespace residency
