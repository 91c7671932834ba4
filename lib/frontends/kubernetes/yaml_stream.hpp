// A YAML stream read into value trees, one per document, on libfyaml's event API: every node, the
// collections included, keeps its byte range; anchors and aliases, merge keys (`<<`) and block
// scalars are resolved; a malformed document is an error of its own and the documents around it
// still load; a duplicate key is a warning (the last one counts, as Kubernetes' decoder does).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "core/value.hpp"
#include "engine/frontend.hpp"

namespace residency::yaml {

struct Document {
    Value root;          // Null for an empty document
    Range range;         // the document's text, from its `---` (or the stream start) to the next one
    // The `# Source: chart/templates/x.yaml` comment before the document (`helm template` writes
    // one per document): the path after "Source:", and the comment's range. Empty when none.
    std::string source_note;
    Range source_note_range;
};

struct Stream {
    std::vector<Document> documents;     // the documents that parsed, in order
    std::vector<LoadProblem> errors;     // one per malformed document: where it fails and why
    std::vector<LoadProblem> warnings;   // duplicate keys
    std::vector<Range> failed_documents; // the text of each malformed document
};

// Bounds that keep hostile input from exhausting memory or the stack: nodes a document may hold
// once its aliases are expanded (a "billion laughs" document stops here), and nesting depth.
inline constexpr std::size_t kMaxExpandedNodes = 1'000'000;
inline constexpr std::size_t kMaxNesting = 200;

// Parses `text` (the whole content of file `file`); never throws.
Stream parse_stream(FileId file, std::string_view text);
// For tests. The same through libfyaml alone, without the reader of the common shapes that
// parse_stream tries first: the two must agree. And parse_stream counting the parts of the stream
// (cut at `---` lines) that the fast reader read.
Stream parse_stream_with_libfyaml(FileId file, std::string_view text);
Stream parse_stream(FileId file, std::string_view text, std::size_t& read_fast);

// YAML scalars as Kubernetes' decoder (go-yaml) reads plain scalars: null (`~`, `null`, empty),
// booleans (`true`/`false` and YAML 1.1's `yes`/`no`/`on`/`off`), numbers; anything else, and every
// quoted or block scalar, is a string.
Value plain_scalar(std::string_view text, Range range);

}  // namespace residency::yaml
