// Glob patterns over '/'-separated relative paths, for the policy's `exclude` list.
#pragma once

#include <string_view>

namespace residency {

// `**` as a whole segment matches any number of segments (zero included); `*` any run of characters
// inside one segment; `?` one character; `[abc]`, `[a-z]`, `[!a]` (or `[^a]`) one character of a
// class; `\x` the character x. Empty and "." segments are ignored on both sides, so "./a//b" is
// "a/b". Dot files get no special treatment. Matching takes polynomial time whatever the pattern.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace residency
