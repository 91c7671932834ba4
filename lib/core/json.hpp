// The one JSON reader: keeps the byte range of every value and key, so that findings in any JSON the
// tool reads (.tf.json, .tfvars.json, plans, installed module lists) point at real lines and columns.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/source.hpp"
#include "core/value.hpp"

namespace residency::json {

struct Node {
    // Declared here and defaulted in json.cpp: clang with libstdc++ rejects the implicit ones, which
    // it instantiates while `members` still names an incomplete Node (the fuzz build uses clang).
    Node();
    ~Node();
    Node(const Node&);
    Node(Node&&) noexcept;
    Node& operator=(const Node&);
    Node& operator=(Node&&) noexcept;

    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    Range range;
    bool boolean = false;
    double number = 0;
    std::string text;  // String: the decoded value; Number: the literal as written
    std::vector<Node> items;                           // Array
    std::vector<std::pair<std::string, Node>> members; // Object, in source order (duplicates kept)
    std::vector<Range> key_ranges;                     // Object: range of each member's key

    const Node* get(std::string_view key) const;  // the last member with that key, or nullptr
    bool is_object() const { return kind == Kind::Object; }
    bool is_array() const { return kind == Kind::Array; }
    bool is_string() const { return kind == Kind::String; }
};

struct ParseResult {
    Node root;
    bool ok = false;
    Range error_range;   // where parsing stopped
    std::string error;   // "expected ',' or '}' after an object member"
};

// Strict RFC 8259 JSON (no comments, no trailing commas); nesting deeper than 512 is an error;
// never throws, never recurses without bound.
ParseResult parse(FileId file, std::string_view text);

// The document as a Value; each part keeps its node's range, or `at` when given (a document that
// is not a file of the scan, such as jsondecode's argument). Objects keep the last of duplicate keys.
Value to_value(const Node& node, const Range* at = nullptr);

}  // namespace residency::json
