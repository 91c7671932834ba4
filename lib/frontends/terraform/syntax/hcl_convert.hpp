// Internal to the HCL parser: turns the tree-sitter nodes of one parse into the project's syntax tree.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/terraform/syntax/hcl_ast.hpp"
#include "frontends/terraform/syntax/hcl_template.hpp"

namespace residency::hcl::detail {

// Converts nodes of one tree. `text` is the whole file; the tree was parsed from the part of it
// that starts at `base`, so every node offset is shifted by `base`.
class Converter {
public:
    Converter(FileId file, std::string_view text, std::uint32_t base, TSNode root);
    ~Converter();
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    // Appends every attribute and block found under `node` (config_file, body or an ERROR whose
    // well-formed children are salvaged) to `out`.
    void body_items(TSNode node, Body& out);
    // Appends one attribute or block (or the items of a body or ERROR node).
    void add_item(TSNode node, Body& out);
    // The node's children in order, comments left out.
    std::vector<TSNode> kids(TSNode node);

    Range range(TSNode node) const;
    std::string_view text(TSNode node) const;
    // Where nesting first went past kMaxDepth; invalid (file kNoFile) when it never did.
    Range too_deep() const { return too_deep_; }

private:
    // Counts recursion; `ok` is false past kMaxDepth (and the file gets one "nesting too deep").
    struct Depth {
        Converter& c;
        bool ok;
        Depth(Converter& conv, Range where) : c(conv), ok(++conv.depth_ <= kMaxDepth) {
            if (!ok) c.note_too_deep(where);
        }
        ~Depth() { --c.depth_; }
    };


    Attribute attribute(TSNode node);
    Block block(TSNode node);
    Expr expression(TSNode node);
    Expr term(const std::vector<TSNode>& nodes, std::size_t begin, std::size_t end, Range whole);
    Expr primary(TSNode node);
    void push_step(StepChain& chain, TSNode step);
    Expr step_on(Expr object, TSNode step);
    Expr literal(TSNode node);
    Expr number(TSNode node);
    Expr tuple(TSNode node);
    Expr object(TSNode node);
    Expr object_key(TSNode node);
    Expr function_call(TSNode node);
    Expr for_expr(TSNode node, bool object);
    Expr conditional(TSNode node);
    Expr unary(TSNode node);
    Expr binary(TSNode node);
    std::string string_lit(TSNode node);

    // Templates (hcl_template.cpp).
    Expr template_expr(TSNode node);
    void flatten(TSNode node, std::vector<TemplateToken>& out, std::uint32_t& pos);
    void literal_gap(std::vector<TemplateToken>& out, std::uint32_t begin, std::uint32_t end);
    TemplateToken marker(TSNode node, TemplateToken::Kind kind);

    Expr invalid(Range range) const;
    void note_too_deep(Range where) {
        if (!too_deep_.valid()) too_deep_ = where;
    }

    FileId file_;
    std::string_view text_;
    std::uint32_t base_;
    TSTreeCursor cursor_;
    int depth_ = 0;
    Range too_deep_;

};

}  // namespace residency::hcl::detail
