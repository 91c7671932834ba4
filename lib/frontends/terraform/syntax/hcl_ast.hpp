// The project's own HCL syntax tree: every construct of HCL native syntax with byte ranges.
// Built by hcl_parser (the fast parser for valid files, else from tree-sitter's tree); nothing after
// the parser sees tree-sitter.
#pragma once

#include <string>
#include <vector>

#include "core/source.hpp"

namespace residency::hcl {

enum class ExprKind {
    Null,
    Bool,         // boolean
    Number,       // number
    String,       // a template without interpolation or directives: text
    Template,     // children: parts; a part is String, TemplateIf, TemplateFor or any expression
                  // (an interpolation); `heredoc` tells a heredoc from a quoted template
    TemplateIf,   // children: condition, then (Template), [else (Template)]
    TemplateFor,  // text: the variables (for_names); children: collection, body (Template)
    Tuple,        // children: elements
    Object,       // children: key0, value0, key1, value1, ...; a bare identifier key is a String
    Variable,     // text: root name (var, local, module, data, count, each, path, aws_s3_bucket...)
    GetAttr,      // children: object; text: attribute name
    Index,        // children: collection, key (legacy `.0` becomes a Number key)
    Splat,        // children: source, each (an expression over SplatItem); full: [*], else .*
    SplatItem,    // the element a splat's `each` expression applies to
    FunctionCall, // text: name (provider functions keep their `provider::ns::fn` form);
                  // children: arguments; expand_final: the last argument ends with `...`
    Conditional,  // children: condition, true result, false result
    Binary,       // text: operator (+ - * / % == != < > <= >= && ||); children: left, right
    Unary,        // text: operator (- !); children: operand
    ForTuple,     // text: the variables (for_names); children: collection, value, [condition]
    ForObject,    // text: the variables (for_names);
                  // children: collection, key, value, [condition]; expand_final: grouping `...`
    Parens,       // children: inner (kept so `(a) = 1` object keys are expressions, not names)
    Invalid,      // a syntax error inside an expression; evaluates to unknown
};

struct Expr {
    ExprKind kind = ExprKind::Invalid;
    Range range;
    std::string text;
    double number = 0;
    bool boolean = false;
    bool full = false;          // Splat: [*] (true) or legacy .* (false)
    bool heredoc = false;       // Template: from a heredoc
    bool expand_final = false;  // FunctionCall `...` / ForObject grouping `...`
    std::vector<Expr> children;
};

// A for expression's variables, both in its `text`: "value", or "key,value" (no identifier holds a
// comma). A second string in every node would cost each one 32 bytes for the few that are loops.
inline std::string for_names(std::string_view key, std::string_view value) {
    std::string names(key);
    if (!names.empty()) names += ',';
    names += value;
    return names;
}
inline std::string_view for_key(const Expr& e) {
    std::size_t comma = e.text.find(',');
    return comma == std::string::npos ? std::string_view() : std::string_view(e.text).substr(0, comma);
}
inline std::string_view for_value(const Expr& e) {
    std::size_t comma = e.text.find(',');
    return comma == std::string::npos ? std::string_view(e.text) : std::string_view(e.text).substr(comma + 1);
}

// An expression node of `kind` at `range`, its other members empty: how both parsers start one.
inline Expr make_expr(ExprKind kind, Range range) {
    Expr e;
    e.kind = kind;
    e.range = range;
    return e;
}

// A traversal being built, step by step, by both parsers. HCL semantics: after `[*]` every later
// step applies to each element; after the legacy `.*` only attribute steps do, and the first index
// applies to the resulting tuple. Open splats nest through children[1] (their `each`), `open`
// levels deep.
struct StepChain {
    Expr expr;
    int open = 0;       // nested splats whose `each` still takes the following steps
    bool full = false;  // the outermost open splat is `[*]`

    // A `[*]` (full) or `.*` whose marker is at `marker`.
    void splat(bool is_full, Range marker) {
        Expr* source = open > 0 && full ? innermost() : &expr;
        Expr s = make_expr(ExprKind::Splat, Range{marker.file, source->range.begin, marker.end});
        s.full = is_full;
        s.children.push_back(std::move(*source));
        s.children.push_back(make_expr(ExprKind::SplatItem, marker));
        *source = std::move(s);
        if (source == &expr) {
            open = 1;
            full = is_full;
        } else {
            ++open;
            extend(marker.end);
        }
    }
    // An attribute or index step ending at `end`; `on(object)` makes the step's node over `object`.
    template <class On>
    void step(bool attribute, std::uint32_t end, On on) {
        if (open > 0 && (full || attribute)) {
            Expr* each = innermost();
            *each = on(std::move(*each));
            extend(end);
            return;
        }
        open = 0;
        expr = on(std::move(expr));
    }

private:
    Expr* innermost() {
        Expr* target = &expr;
        for (int i = 0; i < open; ++i) target = &target->children[1];
        return target;
    }
    void extend(std::uint32_t end) {
        Expr* target = &expr;
        for (int i = 0; i < open; ++i) {
            target->range.end = end;
            target = &target->children[1];
        }
    }
};

struct Attribute {
    std::string name;
    Range name_range;
    Range range;  // the whole `name = value`
    Expr value;
};

struct Block;
struct Body {
    std::vector<Attribute> attributes;  // source order
    std::vector<Block> blocks;          // source order
    const Attribute* attribute(std::string_view name) const;
    // Blocks of a type, in source order.
    std::vector<const Block*> blocks_of(std::string_view type) const;
};

struct Block {
    std::string type;
    Range type_range;
    std::vector<std::string> labels;
    std::vector<Range> label_ranges;
    Range range;         // the whole block
    Range header_range;  // type and labels: where findings about the block point
    Body body;
};

struct SyntaxError {
    Range range;
    std::string message;  // "unexpected '}'", "missing '='", ...
};

struct ParsedFile {
    FileId file = kNoFile;
    Body body;
    std::vector<SyntaxError> errors;
    // The parse budget ran out: the only result that depends on timing, so never cached.
    bool timed_out = false;
};

}  // namespace residency::hcl
