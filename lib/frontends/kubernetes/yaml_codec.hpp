// The scan cache's form of a parsed YAML stream (lib/cache/blob.hpp): the documents' value trees
// with their ranges, Helm's source notes, errors and warnings. Decoding it is several times cheaper
// than parsing the text again.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "frontends/kubernetes/yaml_stream.hpp"

namespace residency {
class FileCache;
}

namespace residency::yaml {

// nullopt when the stream cannot be stored faithfully (values with provenance or unknowns, which
// a parse never makes; ranges into another file): it is then parsed on every scan.
std::optional<std::string> encode(const Stream& stream, FileId file);

// nullopt for anything `encode` did not write: never a partial stream.
std::optional<Stream> decode(std::string_view bytes, FileId file);

// parse_stream, through the cache when there is one: the stream stored for these bytes stands for
// parsing them, and a parsed one is stored for the next scans.
Stream parse_stream_cached(FileId file, std::string_view text, FileCache* cache);

}  // namespace residency::yaml
