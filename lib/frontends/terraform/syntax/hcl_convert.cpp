// Conversion of tree-sitter HCL nodes (bodies, blocks, expressions) into the project's syntax tree.
#include "frontends/terraform/syntax/hcl_convert.hpp"
#include "core/number.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace residency::hcl::detail {

namespace {

// Without strlen: this runs for nearly every node, often several times.
bool is(TSNode node, std::string_view type) {
    const char* t = ts_node_type(node);
    return std::strncmp(t, type.data(), type.size()) == 0 && t[type.size()] == '\0';
}

bool is_error(TSNode node) { return ts_node_is_error(node); }

std::size_t count(const std::vector<TSNode>& nodes, std::string_view type) {
    std::size_t n = 0;
    for (TSNode node : nodes) n += is(node, type) ? 1 : 0;
    return n;
}

}  // namespace

Converter::Converter(FileId file, std::string_view text, std::uint32_t base, TSNode root)
    : file_(file), text_(text), base_(base), cursor_(ts_tree_cursor_new(root)) {}

Converter::~Converter() { ts_tree_cursor_delete(&cursor_); }

Range Converter::range(TSNode node) const {
    return Range{file_, base_ + ts_node_start_byte(node), base_ + ts_node_end_byte(node)};
}

std::string_view Converter::text(TSNode node) const {
    Range r = range(node);
    return text_.substr(r.begin, r.end - r.begin);
}

Expr Converter::invalid(Range range) const { return make_expr(ExprKind::Invalid, range); }

// A cursor walk: ts_node_child(i) restarts from the first child, which would make wide nodes
// (a body of 10k attributes, a long tuple) quadratic.
std::vector<TSNode> Converter::kids(TSNode node) {
    std::vector<TSNode> out;
    out.reserve(ts_node_child_count(node));
    ts_tree_cursor_reset(&cursor_, node);
    if (ts_tree_cursor_goto_first_child(&cursor_)) {
        do {
            TSNode child = ts_tree_cursor_current_node(&cursor_);
            if (!is(child, "comment")) out.push_back(child);
        } while (ts_tree_cursor_goto_next_sibling(&cursor_));
    }
    return out;
}

void Converter::body_items(TSNode node, Body& out) {
    Depth depth(*this, range(node));
    if (!depth.ok) return;
    for (TSNode child : kids(node)) add_item(child, out);
}

void Converter::add_item(TSNode node, Body& out) {
    if (is(node, "attribute")) {
        out.attributes.push_back(attribute(node));
    } else if (is(node, "block")) {
        out.blocks.push_back(block(node));
    } else if (is(node, "body") || is_error(node)) {
        body_items(node, out);
    }
    // Anything else is a fragment of a broken construct; the error walk reports it.
}

Attribute Converter::attribute(TSNode node) {
    Attribute attr;
    attr.range = range(node);
    bool has_value = false;
    bool broken = false;
    for (TSNode child : kids(node)) {
        if (is(child, "identifier") && attr.name.empty() && !has_value) {
            attr.name = std::string(text(child));
            attr.name_range = range(child);
        } else if (is(child, "expression") && !has_value) {
            attr.value = expression(child);
            has_value = true;
        } else if (is_error(child)) {
            broken = true;
        }
    }
    if (!has_value || broken) attr.value = invalid(Range{file_, attr.name_range.end, attr.range.end});
    return attr;
}

Block Converter::block(TSNode node) {
    Block blk;
    blk.range = range(node);
    bool have_type = false;
    bool in_header = true;
    for (TSNode child : kids(node)) {
        if (in_header && is(child, "identifier")) {
            if (!have_type) {
                blk.type = std::string(text(child));
                blk.type_range = range(child);
                have_type = true;
            } else {
                blk.labels.emplace_back(text(child));
                blk.label_ranges.push_back(range(child));
            }
        } else if (in_header && is(child, "string_lit")) {
            blk.labels.push_back(string_lit(child));
            blk.label_ranges.push_back(range(child));
        } else if (is(child, "block_start")) {
            in_header = false;
        } else if (is(child, "body") || is_error(child)) {
            body_items(child, blk.body);
        }
    }
    if (!have_type) blk.type_range = Range{file_, blk.range.begin, blk.range.begin};
    blk.header_range = blk.type_range;
    if (!blk.label_ranges.empty()) blk.header_range.end = blk.label_ranges.back().end;
    return blk;
}

Expr Converter::expression(TSNode node) {
    if (ts_node_is_missing(node) || is_error(node)) return invalid(range(node));
    if (!is(node, "expression")) return primary(node);
    std::vector<TSNode> nodes = kids(node);
    return term(nodes, 0, nodes.size(), range(node));
}

// One _expr_term of the grammar, spread over sibling nodes: a primary (or `( expression )`)
// followed by get_attr / index / splat steps, folded left to right.
Expr Converter::term(const std::vector<TSNode>& nodes, std::size_t begin, std::size_t end, Range whole) {
    if (begin >= end) return invalid(whole);
    for (std::size_t i = begin; i < end; ++i) {
        if (is_error(nodes[i])) return invalid(whole);
    }
    std::size_t i = begin;
    StepChain chain;
    TSNode first = nodes[i];
    if (!ts_node_is_named(first) && is(first, "(")) {
        Depth depth(*this, whole);
        if (!depth.ok) return invalid(whole);
        Range r = range(first);
        Expr inner = invalid(r);
        ++i;
        if (i < end && ts_node_is_named(nodes[i])) {
            inner = expression(nodes[i]);
            r.end = range(nodes[i]).end;
            ++i;
        }
        if (i < end && !ts_node_is_named(nodes[i]) && is(nodes[i], ")")) {
            r.end = range(nodes[i]).end;
            ++i;
        }
        chain.expr = make_expr(ExprKind::Parens, r);
        chain.expr.children.push_back(std::move(inner));
    } else {
        chain.expr = primary(first);
        ++i;
    }
    // Each step nests one level deeper, so a long chain counts against the depth budget too.
    const int budget = kMaxDepth - depth_;
    int steps = 0;
    for (; i < end; ++i) {
        TSNode step = nodes[i];
        if (!is(step, "get_attr") && !is(step, "index") && !is(step, "splat")) return invalid(whole);
        if (++steps > budget) {
            note_too_deep(range(step));
            return invalid(whole);
        }
        push_step(chain, step);
    }
    return std::move(chain.expr);
}

// A splat's own steps (`[*].a`) come inside its node, in tree-sitter's grammar: they follow it.
void Converter::push_step(StepChain& chain, TSNode step) {
    if (is(step, "splat")) {
        std::vector<TSNode> inner = kids(step);
        if (inner.empty()) return;
        TSNode kind = inner.front();
        std::vector<TSNode> parts = kids(kind);
        chain.splat(is(kind, "full_splat"), parts.empty() ? range(kind) : range(parts.front()));
        for (TSNode part : parts) {
            if (is(part, "get_attr") || is(part, "index")) push_step(chain, part);
        }
        return;
    }
    chain.step(is(step, "get_attr"), range(step).end, [&](Expr object) { return step_on(std::move(object), step); });
}

Expr Converter::step_on(Expr object, TSNode step) {
    Range r{file_, object.range.begin, range(step).end};
    if (is(step, "get_attr")) {
        for (TSNode child : kids(step)) {
            if (is(child, "identifier") && !ts_node_is_missing(child)) {
                Expr e = make_expr(ExprKind::GetAttr, r);
                e.text = std::string(text(child));
                e.children.push_back(std::move(object));
                return e;
            }
        }
        return invalid(r);
    }
    std::vector<TSNode> inner = kids(step);
    if (inner.empty()) return invalid(r);
    TSNode index = inner.front();
    Expr e = make_expr(ExprKind::Index, r);
    e.children.push_back(std::move(object));
    if (is(index, "legacy_index")) {
        Range digits = range(index);
        if (digits.end > digits.begin) ++digits.begin;  // past the '.'
        std::string_view t = text_.substr(digits.begin, digits.end - digits.begin);
        Expr key = make_expr(ExprKind::Number, digits);
        auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), key.number);
        if (ec != std::errc() || ptr != t.data() + t.size()) key.kind = ExprKind::Invalid;
        e.children.push_back(std::move(key));
        return e;
    }
    for (TSNode child : kids(index)) {
        if (is_error(child)) return invalid(r);
        if (ts_node_is_named(child)) {
            e.children.push_back(expression(child));
            return e;
        }
    }
    return invalid(r);
}

Expr Converter::primary(TSNode node) {
    // Single-child wrappers add no structure; unwrapping them iteratively keeps the depth budget
    // for real nesting.
    for (;;) {
        if (ts_node_is_missing(node) || is_error(node)) return invalid(range(node));
        if (is(node, "literal_value") || is(node, "collection_value") || is(node, "operation") ||
            is(node, "for_expr") || is(node, "template_expr")) {
            std::vector<TSNode> inner = kids(node);
            if (inner.size() != 1) return invalid(range(node));
            node = inner.front();
            continue;
        }
        break;
    }
    Depth depth(*this, range(node));
    if (!depth.ok) return invalid(range(node));
    if (is(node, "expression")) return expression(node);
    if (is(node, "numeric_lit") || is(node, "bool_lit") || is(node, "null_lit") ||
        is(node, "string_lit")) {
        return literal(node);
    }
    if (is(node, "quoted_template") || is(node, "heredoc_template")) return template_expr(node);
    if (is(node, "tuple")) return tuple(node);
    if (is(node, "object")) return object(node);
    if (is(node, "variable_expr")) {
        for (TSNode child : kids(node)) {
            if (is(child, "identifier") && !ts_node_is_missing(child)) {
                Expr e = make_expr(ExprKind::Variable, range(node));
                e.text = std::string(text(child));
                return e;
            }
        }
        return invalid(range(node));
    }
    if (is(node, "function_call")) return function_call(node);
    if (is(node, "for_tuple_expr")) return for_expr(node, false);
    if (is(node, "for_object_expr")) return for_expr(node, true);
    if (is(node, "conditional")) return conditional(node);
    if (is(node, "unary_operation")) return unary(node);
    if (is(node, "binary_operation")) return binary(node);
    return invalid(range(node));
}

Expr Converter::literal(TSNode node) {
    Range r = range(node);
    if (is(node, "numeric_lit")) return number(node);
    if (is(node, "bool_lit")) {
        Expr e = make_expr(ExprKind::Bool, r);
        e.boolean = text(node) == "true";
        return e;
    }
    if (is(node, "null_lit")) return make_expr(ExprKind::Null, r);
    Expr e = make_expr(ExprKind::String, r);
    e.text = string_lit(node);
    return e;
}

Expr Converter::number(TSNode node) {
    Range r = range(node);
    std::string_view t = text(node);
    Expr e = make_expr(ExprKind::Number, r);
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
        // The grammar accepts hex although HCL does not; read it rather than reject the file.
        unsigned long long v = 0;
        auto [ptr, ec] = std::from_chars(t.data() + 2, t.data() + t.size(), v, 16);
        if (ec != std::errc() || ptr != t.data() + t.size()) return invalid(r);
        e.number = static_cast<double>(v);
        return e;
    }
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), e.number);
    if (ptr != t.data() + t.size() || (ec != std::errc() && ec != std::errc::result_out_of_range)) return invalid(r);
    if (ec != std::errc()) e.number = 0;     // 1e400: the text alone says it
    e.text = number::literal_text(t);  // digits a double would lose
    return e;
}

// A string_lit's value: the text between the quotes, escapes decoded.
std::string Converter::string_lit(TSNode node) {
    Range r = range(node);
    std::uint32_t begin = r.begin;
    std::uint32_t end = r.end;
    for (TSNode child : kids(node)) {
        if (is(child, "quoted_template_start")) begin = range(child).end;
        if (is(child, "quoted_template_end")) end = range(child).begin;
    }
    if (end < begin) end = begin;
    return decode_quoted(text_.substr(begin, end - begin));
}

Expr Converter::tuple(TSNode node) {
    Expr e = make_expr(ExprKind::Tuple, range(node));
    std::vector<TSNode> children = kids(node);
    // Exact sizes: syntax trees are most of a scan's memory, and doubling leaves up to half unused.
    e.children.reserve(count(children, "expression"));
    for (TSNode child : children) {
        if (is_error(child)) return invalid(e.range);
        if (is(child, "expression")) e.children.push_back(expression(child));
    }
    return e;
}

Expr Converter::object(TSNode node) {
    Expr e = make_expr(ExprKind::Object, range(node));
    std::vector<TSNode> children = kids(node);
    e.children.reserve(2 * count(children, "object_elem"));
    for (TSNode child : children) {
        if (is_error(child)) return invalid(e.range);
        if (!is(child, "object_elem")) continue;
        std::vector<TSNode> parts;
        for (TSNode part : kids(child)) {
            if (is_error(part)) return invalid(e.range);
            if (is(part, "expression")) parts.push_back(part);
        }
        if (parts.size() != 2) return invalid(e.range);
        e.children.push_back(object_key(parts[0]));
        e.children.push_back(expression(parts[1]));
    }
    return e;
}

// A bare identifier key names itself; any other key is an expression (parenthesise a variable
// to use its value as the key).
Expr Converter::object_key(TSNode node) {
    std::vector<TSNode> inner = kids(node);
    if (inner.size() == 1 && is(inner[0], "variable_expr")) {
        for (TSNode child : kids(inner[0])) {
            if (is(child, "identifier") && !ts_node_is_missing(child)) {
                Expr key = make_expr(ExprKind::String, range(child));
                key.text = std::string(text(child));
                return key;
            }
        }
    }
    return expression(node);
}

Expr Converter::function_call(TSNode node) {
    Expr e = make_expr(ExprKind::FunctionCall, range(node));
    bool named = false;
    for (TSNode child : kids(node)) {
        if (is_error(child)) return invalid(e.range);
        if (is(child, "identifier") && !named) {
            if (ts_node_is_missing(child)) return invalid(e.range);
            e.text = std::string(text(child));
            named = true;
        } else if (is(child, "function_arguments")) {
            std::vector<TSNode> args = kids(child);
            e.children.reserve(count(args, "expression"));
            for (TSNode arg : args) {
                if (is_error(arg)) return invalid(e.range);
                if (is(arg, "expression")) e.children.push_back(expression(arg));
                if (is(arg, "ellipsis")) e.expand_final = true;
            }
        }
    }
    if (!named) return invalid(e.range);
    return e;
}

Expr Converter::for_expr(TSNode node, bool object) {
    Expr e = make_expr(object ? ExprKind::ForObject : ExprKind::ForTuple, range(node));
    std::vector<std::string_view> names;
    Expr collection;
    bool have_intro = false;
    std::vector<Expr> results;  // value, or key and value
    Expr condition;
    bool have_condition = false;
    for (TSNode child : kids(node)) {
        if (is_error(child)) return invalid(e.range);
        if (is(child, "for_intro")) {
            for (TSNode part : kids(child)) {
                if (is_error(part)) return invalid(e.range);
                if (is(part, "identifier")) names.push_back(text(part));
                if (is(part, "expression")) {
                    collection = expression(part);
                    have_intro = true;
                }
            }
        } else if (is(child, "expression")) {
            results.push_back(expression(child));
        } else if (is(child, "ellipsis")) {
            e.expand_final = true;
        } else if (is(child, "for_cond")) {
            for (TSNode part : kids(child)) {
                if (is_error(part)) return invalid(e.range);
                if (is(part, "expression")) {
                    condition = expression(part);
                    have_condition = true;
                }
            }
            if (!have_condition) return invalid(e.range);
        }
    }
    if (!have_intro || names.empty() || names.size() > 2) return invalid(e.range);
    if (results.size() != (object ? 2u : 1u)) return invalid(e.range);
    e.text = for_names(names.size() == 2 ? names[0] : std::string_view(), names.back());
    e.children.push_back(std::move(collection));
    for (Expr& r : results) e.children.push_back(std::move(r));
    if (have_condition) e.children.push_back(std::move(condition));
    return e;
}

Expr Converter::conditional(TSNode node) {
    Expr e = make_expr(ExprKind::Conditional, range(node));
    e.children.reserve(3);
    for (TSNode child : kids(node)) {
        if (is_error(child)) return invalid(e.range);
        if (is(child, "expression")) e.children.push_back(expression(child));
    }
    if (e.children.size() != 3) return invalid(e.range);
    return e;
}

Expr Converter::unary(TSNode node) {
    Range r = range(node);
    std::vector<TSNode> nodes = kids(node);
    if (nodes.size() < 2 || ts_node_is_named(nodes[0])) return invalid(r);
    Expr e = make_expr(ExprKind::Unary, r);
    e.text = ts_node_type(nodes[0]);
    e.children.push_back(term(nodes, 1, nodes.size(), r));
    return e;
}

// The grammar flattens both operand terms into the binary_operation's children; the operator
// is its only anonymous child besides the parentheses of a parenthesised operand.
Expr Converter::binary(TSNode node) {
    Range r = range(node);
    std::vector<TSNode> nodes = kids(node);
    std::size_t op = nodes.size();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (ts_node_is_named(nodes[i]) || is(nodes[i], "(") || is(nodes[i], ")")) continue;
        op = i;
        break;
    }
    if (op == 0 || op + 1 >= nodes.size()) return invalid(r);
    Expr e = make_expr(ExprKind::Binary, r);
    e.children.reserve(2);
    e.text = ts_node_type(nodes[op]);
    Range left{file_, r.begin, range(nodes[op - 1]).end};
    Range right{file_, range(nodes[op + 1]).begin, r.end};
    e.children.push_back(term(nodes, 0, op, left));
    e.children.push_back(term(nodes, op + 1, nodes.size(), right));
    return e;
}

}  // namespace residency::hcl::detail
