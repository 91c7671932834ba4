// The YAML of a policy file as a small tree with a position on every node, loaded from libfyaml
// events without expanding aliases, honouring tags or printing anything. yamldecode reads its
// documents with the same loader, aliases kept as nodes for it to expand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace residency::policy_yaml {

struct Node {
    enum class Kind { Scalar, Sequence, Mapping, Alias };
    Kind kind = Kind::Scalar;
    std::string text;        // scalar content, escapes resolved; an alias: the anchor it names
    std::string anchor;      // the node's own anchor (`&name`), when loaded with aliases
    bool plain = true;       // not quoted (nor a block scalar)
    std::uint32_t line = 0;  // 1-based; 0 when unknown
    std::uint32_t column = 0;
    std::vector<Node> items;  // a mapping holds key, value, key, value, ...
};

// line 0: the error concerns the whole input.
struct Error {
    std::uint32_t line = 0, column = 0;
    std::string message;
};

// A policy is three levels deep; the bound keeps hostile input from exhausting the stack.
inline constexpr std::size_t max_nesting = 32;

// The single document's root; an input with no document gives an empty plain scalar. Syntax errors
// carry libfyaml's message and position; explicit tags, a second document and nesting deeper than
// max_nesting are errors too, and so are aliases unless `aliases` (then an alias is a node of its
// own, unexpanded: expanding is the caller's, with a bound on the expanded size).
std::variant<Node, Error> load(std::string_view text, bool aliases = false);

}  // namespace residency::policy_yaml
