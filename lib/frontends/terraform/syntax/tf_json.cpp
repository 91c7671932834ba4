// Converts Terraform's JSON syntax into the HCL syntax tree, reusing the HCL parser for templates.
//
// Block or attribute? In a body, Terraform decides from the provider schema whether `"x": {...}`
// is a nested block or an attribute with an object value; we have no schemas, so:
//   - names that are always attributes (count, for_each, default, value, and the well-known
//     map-typed arguments in kMapAttributes such as tags or labels) give an attribute;
//   - any other object, or array of objects, gives nested blocks (an array: one block per item);
//   - locals, module calls and required_providers hold attributes only.
// Strings are templates, as in Terraform, except where the docs make them bare expressions:
// `provider`, `depends_on`, module `providers`, lifecycle `ignore_changes`/`replace_triggered_by`,
// variable `type`, dynamic `iterator`, moved/import/removed addresses. Variable defaults and
// .tfvars.json values are literal JSON.
//
// Templates are parsed by the HCL parser from a synthetic heredoc whose content is the decoded
// JSON string: a heredoc, unlike a quoted template, decodes no backslash escapes, which is what
// Terraform does with a JSON string (JSON already decoded them). Ranges are then mapped from the
// synthetic text back into the JSON file through a decoded-byte -> source-byte table, so they
// are exact even when the JSON string holds escapes (an escape's bytes all map to the escape).
#include "frontends/terraform/syntax/tf_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <cstdint>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/number.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"

namespace residency::terraform {

namespace {

using hcl::Expr;
using hcl::ExprKind;
using json::Node;

// Arguments whose value is a map in the providers we model; an object there is never a block.
constexpr std::string_view kMapAttributes[] = {
    "tags",       "tags_all",    "labels",    "default_labels", "resource_labels",       "user_labels",
    "variables",  "environment", "metadata",  "annotations",    "environment_variables", "parameters",
    "triggers",   "inputs",      "app_settings", "count",       "for_each",              "default",
    "value",
};

bool is_map_attribute(std::string_view name, std::string_view resource_type) {
    // Kubernetes (and Helm-managed) resources use `metadata` as a block with name/labels inside.
    if (name == "metadata" && (resource_type.starts_with("kubernetes_") || resource_type.starts_with("helm_")))
        return false;
    return std::find(std::begin(kMapAttributes), std::end(kMapAttributes), name) != std::end(kMapAttributes);
}

enum class BodyKind {
    Generic,     // resource, data, provider, backend, nested blocks: schema-less guess
    Attributes,  // locals, required_providers: every member is an attribute
    Module,      // module call: attributes, `providers` and `depends_on` are bare
    Variable,
    Output,
    Terraform,
    Lifecycle,
    Dynamic,
    Check,
    Moved,
    Import,
    Removed,
};

const char* kind_name(Node::Kind k) {
    switch (k) {
        case Node::Kind::Null: return "null";
        case Node::Kind::Bool: return "a boolean";
        case Node::Kind::Number: return "a number";
        case Node::Kind::String: return "a string";
        case Node::Kind::Array: return "an array";
        case Node::Kind::Object: return "an object";
    }
    return "a value";
}

std::size_t utf8_length(std::uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

long hex4(std::string_view s, std::size_t i) {
    if (i + 4 > s.size()) return -1;
    long v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        int h = hex(s[i + k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

bool has_template_sequence(std::string_view s) {
    return s.find("${") != std::string_view::npos || s.find("%{") != std::string_view::npos;
}

class Converter {
public:
    Converter(FileId file, std::string_view text, hcl::ParsedFile& out) : file_(file), text_(text), out_(out) {}

    void error(Range r, std::string message) { out_.errors.push_back({r, std::move(message)}); }

    // ---- strings -------------------------------------------------------------------------

    // For each byte of the decoded string, the file offset of the source byte or escape it came
    // from; one extra entry for the end (the closing quote).
    std::vector<std::uint32_t> source_offsets(Range string_range, std::string_view decoded) const {
        std::uint32_t base = string_range.begin + 1;
        std::uint32_t end = string_range.end > base ? string_range.end - 1 : base;
        std::string_view raw = text_.substr(base, end - base);
        std::vector<std::uint32_t> off;
        off.reserve(decoded.size() + 1);
        for (std::size_t i = 0; i < raw.size();) {
            std::uint32_t at = base + static_cast<std::uint32_t>(i);
            if (raw[i] != '\\' || i + 1 >= raw.size()) {
                off.push_back(at);
                ++i;
                continue;
            }
            std::size_t produced = 1;
            std::size_t consumed = 2;
            if (raw[i + 1] == 'u') {
                long cp = hex4(raw, i + 2);
                consumed = 6;
                if (cp < 0) {
                    produced = 0;
                } else if (cp >= 0xD800 && cp <= 0xDBFF && raw.substr(i + 6, 2) == "\\u" &&
                           hex4(raw, i + 8) >= 0xDC00 && hex4(raw, i + 8) <= 0xDFFF) {
                    produced = 4;
                    consumed = 12;
                } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                    produced = 3;  // U+FFFD
                } else {
                    produced = utf8_length(static_cast<std::uint32_t>(cp));
                }
            }
            off.insert(off.end(), produced, at);
            i += consumed;
        }
        off.push_back(end);
        if (off.size() != decoded.size() + 1) {
            // Cannot happen for a string the JSON parser accepted; point at the whole string.
            off.assign(decoded.size() + 1, string_range.begin);
            off.back() = string_range.end;
        }
        return off;
    }

    // Maps every range under `e` from synthetic text (content at `content_begin`) into the file.
    void rebase(Expr& e, std::size_t content_begin, const std::vector<std::uint32_t>& off) const {
        e.range = map_range(e.range, content_begin, off);
        e.heredoc = false;
        for (Expr& c : e.children) rebase(c, content_begin, off);
    }

    Range map_range(Range r, std::size_t content_begin, const std::vector<std::uint32_t>& off) const {
        auto map = [&](std::uint32_t s) {
            if (s <= content_begin) return off.front();
            std::size_t k = s - content_begin;
            return k >= off.size() ? off.back() : off[k];
        };
        Range out{file_, map(r.begin), map(r.end)};
        if (out.end < out.begin) out.end = out.begin;
        return out;
    }

    // Parses `source` (an attribute `x = ...` whose value text starts at `content_begin` and is
    // the decoded string) and returns the value, rebased into the file.
    Expr parse_synthetic(const std::string& source, std::size_t content_begin, std::string_view decoded,
                         Range string_range) {
        std::vector<std::uint32_t> off = source_offsets(string_range, decoded);
        hcl::ParsedFile parsed = hcl::parse_hcl(file_, source);
        for (const auto& e : parsed.errors) error(map_range(e.range, content_begin, off), e.message);
        if (parsed.body.attributes.size() != 1 || !parsed.body.blocks.empty() ||
            parsed.body.attributes[0].name != "x") {
            if (parsed.errors.empty()) error(string_range, "expected a single expression in this string");
            Expr bad;
            bad.kind = ExprKind::Invalid;
            bad.range = string_range;
            return bad;
        }
        Expr e = std::move(parsed.body.attributes[0].value);
        rebase(e, content_begin, off);
        return e;
    }

    // A JSON string where Terraform expects an expression: a template.
    Expr template_string(const std::string& decoded, Range string_range) {
        if (!has_template_sequence(decoded)) {
            Expr s;
            s.kind = ExprKind::String;
            s.range = string_range;
            s.text = decoded;
            return s;
        }
        std::string tag = "RESIDENCY_JSON_TEMPLATE";
        while (decoded.find(tag) != std::string::npos) tag += "_X";
        std::string source = "x = <<" + tag + "\n";
        std::size_t content_begin = source.size();
        source += decoded;
        source += "\n" + tag + "\n";
        Expr e = parse_synthetic(source, content_begin, decoded, string_range);
        // The heredoc's content ends with the newline before the closing marker; a quoted
        // template has none.
        if (e.kind == ExprKind::String && !e.text.empty() && e.text.back() == '\n') {
            e.text.pop_back();
        } else if (e.kind == ExprKind::Template && !e.children.empty()) {
            Expr& last = e.children.back();
            if (last.kind == ExprKind::String && !last.text.empty() && last.text.back() == '\n') {
                last.text.pop_back();
                if (last.text.empty()) e.children.pop_back();
            }
        }
        if (e.kind == ExprKind::String || e.kind == ExprKind::Template) e.range = string_range;
        return e;
    }

    // A JSON string where Terraform expects a bare expression (`"provider": "aws.eu"`).
    Expr bare_string(const std::string& decoded, Range string_range) {
        std::string source = "x = " + decoded + "\n";
        return parse_synthetic(source, 4, decoded, string_range);
    }

    // An object key in an expression: a template when it has template sequences, else a String.
    Expr key_expr(const std::string& key, Range key_range) { return template_string(key, key_range); }

    // ---- values ----------------------------------------------------------------------------

    Expr scalar(const Node& n) {
        Expr e;
        e.range = n.range;
        switch (n.kind) {
            case Node::Kind::Null: e.kind = ExprKind::Null; break;
            case Node::Kind::Bool:
                e.kind = ExprKind::Bool;
                e.boolean = n.boolean;
                break;
            case Node::Kind::Number:
                e.kind = ExprKind::Number;
                e.number = n.number;
                e.text = number::literal_text(n.text);
                break;
            default:
                e.kind = ExprKind::String;
                e.text = n.text;
                break;
        }
        return e;
    }

    // Literal JSON (variable defaults, tfvars): strings are plain strings.
    Expr literal(const Node& n) {
        Expr e;
        e.range = n.range;
        if (n.is_array()) {
            e.kind = ExprKind::Tuple;
            for (const Node& item : n.items) e.children.push_back(literal(item));
        } else if (n.is_object()) {
            e.kind = ExprKind::Object;
            for (std::size_t i = 0; i < n.members.size(); ++i) {
                Expr key;
                key.kind = ExprKind::String;
                key.range = n.key_ranges[i];
                key.text = n.members[i].first;
                e.children.push_back(std::move(key));
                e.children.push_back(literal(n.members[i].second));
            }
        } else {
            e = scalar(n);
        }
        return e;
    }

    // A JSON value where Terraform expects an expression: strings are templates throughout.
    Expr expression(const Node& n) {
        if (n.is_string()) return template_string(n.text, n.range);
        Expr e;
        e.range = n.range;
        if (n.is_array()) {
            e.kind = ExprKind::Tuple;
            for (const Node& item : n.items) e.children.push_back(expression(item));
        } else if (n.is_object()) {
            e.kind = ExprKind::Object;
            for (std::size_t i = 0; i < n.members.size(); ++i) {
                if (n.members[i].first == "//") continue;
                e.children.push_back(key_expr(n.members[i].first, n.key_ranges[i]));
                e.children.push_back(expression(n.members[i].second));
            }
        } else {
            e = scalar(n);
        }
        return e;
    }

    // A bare expression, or a list of them (`depends_on`, `ignore_changes`).
    Expr bare(const Node& n) {
        if (n.is_string()) return bare_string(n.text, n.range);
        if (!n.is_array()) return expression(n);
        Expr e;
        e.kind = ExprKind::Tuple;
        e.range = n.range;
        for (const Node& item : n.items) e.children.push_back(bare(item));
        return e;
    }

    // Module `providers`: keys and values are provider references; a bare identifier key is a
    // String, as the native parser gives for `{ aws = aws.eu }`.
    Expr provider_map(const Node& n) {
        if (!n.is_object()) return bare(n);
        Expr e;
        e.kind = ExprKind::Object;
        e.range = n.range;
        for (std::size_t i = 0; i < n.members.size(); ++i) {
            const auto& [key, value] = n.members[i];
            if (key == "//") continue;
            Expr k = bare_string(key, n.key_ranges[i]);
            if (k.kind == ExprKind::Variable) {
                k.kind = ExprKind::String;
            }
            e.children.push_back(std::move(k));
            e.children.push_back(bare(value));
        }
        return e;
    }

    // ---- bodies ----------------------------------------------------------------------------

    void attribute(hcl::Body& body, const std::string& name, Range name_range, Expr value) {
        hcl::Attribute a;
        a.name = name;
        a.name_range = name_range;
        a.range = Range{file_, name_range.begin, std::max(name_range.end, value.range.end)};
        a.value = std::move(value);
        body.attributes.push_back(std::move(a));
    }

    static bool holds_objects(const Node& v) {
        if (v.is_object()) return true;
        if (!v.is_array() || v.items.empty()) return false;
        return std::all_of(v.items.begin(), v.items.end(), [](const Node& i) { return i.is_object(); });
    }

    hcl::Body body(const Node& obj, BodyKind kind, std::string_view resource_type) {
        hcl::Body b;
        for (std::size_t i = 0; i < obj.members.size(); ++i) {
            const std::string& name = obj.members[i].first;
            const Node& v = obj.members[i].second;
            Range kr = obj.key_ranges[i];
            if (name == "//") continue;
            member(b, name, kr, v, kind, resource_type);
        }
        return b;
    }

    void member(hcl::Body& b, const std::string& name, Range kr, const Node& v, BodyKind kind,
                std::string_view rtype) {
        auto nested = [&](std::size_t labels, BodyKind k) { blocks(b.blocks, name, kr, labels, v, k, rtype); };
        switch (kind) {
            case BodyKind::Attributes:
                return attribute(b, name, kr, expression(v));
            case BodyKind::Module:
                if (name == "providers") return attribute(b, name, kr, provider_map(v));
                if (name == "depends_on") return attribute(b, name, kr, bare(v));
                return attribute(b, name, kr, expression(v));
            case BodyKind::Variable:
                if (name == "default") return attribute(b, name, kr, literal(v));
                if (name == "type") return attribute(b, name, kr, bare(v));
                if (name == "validation") return nested(0, BodyKind::Generic);
                return attribute(b, name, kr, expression(v));
            case BodyKind::Output:
                if (name == "precondition") return nested(0, BodyKind::Generic);
                if (name == "depends_on") return attribute(b, name, kr, bare(v));
                return attribute(b, name, kr, expression(v));
            case BodyKind::Terraform:
                if (name == "backend" || name == "provider_meta") return nested(1, BodyKind::Generic);
                if (name == "required_providers") return nested(0, BodyKind::Attributes);
                if (name == "experiments") return attribute(b, name, kr, bare(v));
                if (holds_objects(v)) return nested(0, BodyKind::Generic);  // cloud { workspaces {} }
                return attribute(b, name, kr, expression(v));
            case BodyKind::Lifecycle:
                if (name == "precondition" || name == "postcondition") return nested(0, BodyKind::Generic);
                if (name == "ignore_changes" || name == "replace_triggered_by")
                    return attribute(b, name, kr, bare(v));
                return attribute(b, name, kr, expression(v));
            case BodyKind::Dynamic:
                if (name == "content") return nested(0, BodyKind::Generic);
                if (name == "iterator") return attribute(b, name, kr, bare(v));
                return attribute(b, name, kr, expression(v));
            case BodyKind::Moved:
            case BodyKind::Import:
            case BodyKind::Removed:
                if (name == "from" || name == "to" || name == "provider") return attribute(b, name, kr, bare(v));
                if (name == "lifecycle") return nested(0, BodyKind::Lifecycle);
                if (name == "provisioner") return nested(1, BodyKind::Generic);
                return attribute(b, name, kr, expression(v));
            case BodyKind::Check:
                if (name == "data") return nested(2, BodyKind::Generic);
                break;
            case BodyKind::Generic:
                break;
        }
        // Resource-like bodies.
        if (name == "provider" || name == "depends_on") return attribute(b, name, kr, bare(v));
        if (name == "lifecycle") return nested(0, BodyKind::Lifecycle);
        if (name == "provisioner") return nested(1, BodyKind::Generic);
        if (name == "dynamic") return nested(1, BodyKind::Dynamic);
        if (holds_objects(v) && !is_map_attribute(name, rtype)) return nested(0, BodyKind::Generic);
        attribute(b, name, kr, expression(v));
    }

    // Blocks of `type` from `value`: `labels` levels of objects keyed by label, then a body; an
    // array at any level stands for several blocks.
    void blocks(std::vector<hcl::Block>& out, const std::string& type, Range type_range, std::size_t labels,
                const Node& value, BodyKind kind, std::string_view rtype) {
        std::vector<std::string> names;
        std::vector<Range> ranges;
        blocks_at(out, type, type_range, labels, value, kind, rtype, names, ranges);
    }

    void blocks_at(std::vector<hcl::Block>& out, const std::string& type, Range type_range, std::size_t labels,
                   const Node& value, BodyKind kind, std::string_view rtype, std::vector<std::string>& names,
                   std::vector<Range>& ranges) {
        if (value.is_array()) {
            for (const Node& item : value.items) {
                if (item.is_array()) {
                    error(item.range, fmt::format("{}: expected an object, found an array", describe(type, names)));
                    continue;
                }
                blocks_at(out, type, type_range, labels, item, kind, rtype, names, ranges);
            }
            return;
        }
        if (!value.is_object()) {
            error(value.range, fmt::format("{}: expected {}, found {}", describe(type, names),
                                           names.size() < labels ? "an object of block labels" : "a block body object",
                                           kind_name(value.kind)));
            return;
        }
        if (names.size() < labels) {
            for (std::size_t i = 0; i < value.members.size(); ++i) {
                const auto& [label, inner] = value.members[i];
                if (label == "//") continue;
                names.push_back(label);
                ranges.push_back(value.key_ranges[i]);
                // The first label of a resource or data block is its type: it decides `metadata`.
                std::string_view inner_type = names.size() == 1 && labels == 2 ? std::string_view(label) : rtype;
                blocks_at(out, type, type_range, labels, inner, kind, inner_type, names, ranges);
                names.pop_back();
                ranges.pop_back();
            }
            return;
        }
        hcl::Block block;
        block.type = type;
        block.type_range = type_range;
        block.labels = names;
        block.label_ranges = ranges;
        // The innermost key is where a reader looks for the block: one "resource" key may hold
        // hundreds of resources, so pointing at it would put every finding on one line.
        block.header_range = ranges.empty() ? type_range : ranges.back();
        block.range = Range{file_, block.header_range.begin, std::max(block.header_range.end, value.range.end)};
        block.body = body(value, kind, rtype);
        out.push_back(std::move(block));
    }

    static std::string describe(const std::string& type, const std::vector<std::string>& names) {
        std::string s = type;
        for (const auto& n : names) s += " \"" + n + "\"";
        return s;
    }

    // ---- files -----------------------------------------------------------------------------

    void config_file(const Node& root) {
        for (std::size_t i = 0; i < root.members.size(); ++i) {
            const auto& [type, value] = root.members[i];
            Range kr = root.key_ranges[i];
            if (type == "//") continue;
            if (type == "resource" || type == "data") {
                blocks(out_.body.blocks, type, kr, 2, value, BodyKind::Generic, "");
            } else if (type == "provider") {
                blocks(out_.body.blocks, type, kr, 1, value, BodyKind::Generic, "");
            } else if (type == "variable") {
                blocks(out_.body.blocks, type, kr, 1, value, BodyKind::Variable, "");
            } else if (type == "output") {
                blocks(out_.body.blocks, type, kr, 1, value, BodyKind::Output, "");
            } else if (type == "module") {
                blocks(out_.body.blocks, type, kr, 1, value, BodyKind::Module, "");
            } else if (type == "check") {
                blocks(out_.body.blocks, type, kr, 1, value, BodyKind::Check, "");
            } else if (type == "locals") {
                blocks(out_.body.blocks, type, kr, 0, value, BodyKind::Attributes, "");
            } else if (type == "terraform") {
                blocks(out_.body.blocks, type, kr, 0, value, BodyKind::Terraform, "");
            } else if (type == "moved") {
                blocks(out_.body.blocks, type, kr, 0, value, BodyKind::Moved, "");
            } else if (type == "import") {
                blocks(out_.body.blocks, type, kr, 0, value, BodyKind::Import, "");
            } else if (type == "removed") {
                blocks(out_.body.blocks, type, kr, 0, value, BodyKind::Removed, "");
            } else {
                // Terraform rejects unknown block types; the native parser keeps them, and so do we.
                blocks(out_.body.blocks, type, kr, 0, value, BodyKind::Generic, "");
            }
        }
    }

    void values_file(const Node& root) {
        for (std::size_t i = 0; i < root.members.size(); ++i) {
            const auto& [name, value] = root.members[i];
            if (name == "//") continue;
            attribute(out_.body, name, root.key_ranges[i], literal(value));
        }
    }

private:
    FileId file_;
    std::string_view text_;
    hcl::ParsedFile& out_;
};

template <typename Fill>
hcl::ParsedFile parse_json_file(FileId file, std::string_view text, std::string_view what, Fill fill) {
    hcl::ParsedFile out;
    out.file = file;
    json::ParseResult parsed = json::parse(file, text);
    if (!parsed.ok) {
        out.errors.push_back({parsed.error_range, parsed.error});
        return out;
    }
    Converter converter(file, text, out);
    if (!parsed.root.is_object()) {
        converter.error(parsed.root.range,
                        fmt::format("a {} file must hold a JSON object, found {}", what, kind_name(parsed.root.kind)));
        return out;
    }
    fill(converter, parsed.root);
    return out;
}

}  // namespace

hcl::ParsedFile parse_tf_json(FileId file, std::string_view text) {
    return parse_json_file(file, text, ".tf.json",
                           [](Converter& c, const Node& root) { c.config_file(root); });
}

hcl::ParsedFile parse_tfvars_json(FileId file, std::string_view text) {
    return parse_json_file(file, text, ".tfvars.json",
                           [](Converter& c, const Node& root) { c.values_file(root); });
}

}  // namespace residency::terraform
