// HCL templates (quoted and heredoc): interpolations, directives, strip markers, escapes, `<<-`.
#include <algorithm>
#include <climits>
#include <utility>

#include "frontends/terraform/syntax/hcl_convert.hpp"

#include "core/utf8.hpp"

namespace residency::hcl::detail {

namespace {

bool is(TSNode node, std::string_view type) { return type == ts_node_type(node); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }


// Reads exactly `count` hex digits at `s[i]`; false (and nothing consumed) otherwise.
bool read_hex(std::string_view s, std::size_t i, std::size_t count, std::uint32_t& out) {
    if (i + count > s.size()) return false;
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < count; ++k) {
        char c = s[i + k];
        int d = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) return false;
        v = v * 16 + static_cast<std::uint32_t>(d);
    }
    out = v;
    return true;
}

// `$${` and `%%{` stand for the literal introducers.
bool doubled_introducer(std::string_view s, std::size_t i) {
    return i + 2 < s.size() && (s[i] == '$' || s[i] == '%') && s[i + 1] == s[i] && s[i + 2] == '{';
}

// Terraform's `<<-`: remove the indentation common to every line that has content. Lines that
// begin with an interpolation or directive count as unindented; blank lines do not count.
void dedent(std::vector<TemplateToken>& tokens) {
    struct LineStart {
        std::size_t token;
        std::size_t offset;
    };
    std::vector<LineStart> starts;
    std::size_t min_indent = SIZE_MAX;
    bool newline = true;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        TemplateToken& tok = tokens[t];
        if (tok.kind != TemplateToken::Literal) {
            if (newline) min_indent = 0;
            newline = false;
            continue;
        }
        const std::string& s = tok.text;
        if (s.empty()) continue;
        std::size_t p = 0;
        bool at_start = newline;
        for (;;) {
            if (at_start) {
                std::size_t q = p;
                while (q < s.size() && (s[q] == ' ' || s[q] == '\t' || s[q] == '\r')) ++q;
                bool blank = q < s.size() && s[q] == '\n';
                if (!blank) {
                    min_indent = std::min(min_indent, q - p);
                    starts.push_back({t, p});
                }
            }
            std::size_t nl = s.find('\n', p);
            if (nl == std::string::npos || nl + 1 == s.size()) break;
            p = nl + 1;
            at_start = true;
        }
        newline = s.back() == '\n';
    }
    if (min_indent == 0 || min_indent == SIZE_MAX) return;
    // Rebuild each touched literal once: erasing in place would be quadratic in its line count.
    std::size_t k = 0;
    while (k < starts.size()) {
        std::size_t t = starts[k].token;
        const std::string& s = tokens[t].text;
        std::string out;
        out.reserve(s.size());
        std::size_t copied = 0;
        for (; k < starts.size() && starts[k].token == t; ++k) {
            std::size_t at = starts[k].offset;
            out.append(s, copied, at - copied);
            copied = std::min(s.size(), at + min_indent);
        }
        out.append(s, copied, std::string::npos);
        tokens[t].text = std::move(out);
    }
}

void trim_left(std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && is_space(s[i])) ++i;
    s.erase(0, i);
}

void trim_right(std::string& s) {
    std::size_t n = s.size();
    while (n > 0 && is_space(s[n - 1])) --n;
    s.resize(n);
}

// In a heredoc HashiCorp's scanner makes each line (with its newline) a token of its own, and a
// strip marker trims the one token next to it: `~}` the rest of its line and the newline ending
// it, `%{~` the start of its line (or, at a line start, the previous line's end and newline).
void trim_left_heredoc(std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && is_space(s[i]) && s[i] != '\n') ++i;
    if (i < s.size() && s[i] == '\n') ++i;
    s.erase(0, i);
}

void trim_right_heredoc(std::string& s) {
    std::size_t start = 0;  // the last line: after the last newline that does not end the text
    if (s.size() >= 2) {
        std::size_t newline = s.rfind('\n', s.size() - 2);
        if (newline != std::string::npos) start = newline + 1;
    }
    std::size_t n = s.size();
    while (n > start && is_space(s[n - 1])) --n;
    s.resize(n);
}

struct Builder {
    std::vector<TemplateToken>& tokens;
    bool heredoc;
    std::size_t i = 0;

    // A directive's body: the parts up to the next else/endif/endfor, as a Template.
    Expr body(Range from) {
        Expr t = make_expr(ExprKind::Template, from);
        t.heredoc = heredoc;
        t.children = sequence();
        t.range.end = i < tokens.size() ? tokens[i].range.begin : (t.children.empty() ? from.end : t.children.back().range.end);
        return t;
    }

    std::vector<Expr> sequence() {
        std::vector<Expr> parts;
        while (i < tokens.size()) {
            TemplateToken& tok = tokens[i];
            switch (tok.kind) {
                case TemplateToken::Literal: {
                    if (!tok.text.empty()) {
                        Expr s = make_expr(ExprKind::String, tok.range);
                        s.text = std::move(tok.text);
                        parts.push_back(std::move(s));
                    }
                    ++i;
                    break;
                }
                case TemplateToken::Interpolation:
                    parts.push_back(std::move(tok.expr));
                    ++i;
                    break;
                case TemplateToken::If: {
                    Expr e = make_expr(ExprKind::TemplateIf, tok.range);
                    e.children.push_back(std::move(tok.expr));
                    ++i;
                    e.children.push_back(body(Range{tok.range.file, tok.range.end, tok.range.end}));
                    if (i < tokens.size() && tokens[i].kind == TemplateToken::Else) {
                        Range from{tokens[i].range.file, tokens[i].range.end, tokens[i].range.end};
                        ++i;
                        e.children.push_back(body(from));
                    }
                    e.range.end = e.children.back().range.end;
                    if (i < tokens.size() && tokens[i].kind == TemplateToken::EndIf) {
                        e.range.end = tokens[i].range.end;
                        ++i;
                    }
                    parts.push_back(std::move(e));
                    break;
                }
                case TemplateToken::For: {
                    Expr e = make_expr(ExprKind::TemplateFor, tok.range);
                    e.text = for_names(tok.key, tok.value);
                    e.children.push_back(std::move(tok.expr));
                    ++i;
                    e.children.push_back(body(Range{tok.range.file, tok.range.end, tok.range.end}));
                    e.range.end = e.children.back().range.end;
                    if (i < tokens.size() && tokens[i].kind == TemplateToken::EndFor) {
                        e.range.end = tokens[i].range.end;
                        ++i;
                    }
                    parts.push_back(std::move(e));
                    break;
                }
                default:
                    return parts;  // else/endif/endfor closes the enclosing directive
            }
        }
        return parts;
    }
};

}  // namespace

std::string decode_quoted(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '\\' && i + 1 < raw.size()) {
            char n = raw[i + 1];
            std::uint32_t cp = 0;
            switch (n) {
                case 'n': out += '\n'; ++i; continue;
                case 'r': out += '\r'; ++i; continue;
                case 't': out += '\t'; ++i; continue;
                case '"': out += '"'; ++i; continue;
                case '\\': out += '\\'; ++i; continue;
                case 'u':
                    if (read_hex(raw, i + 2, 4, cp)) {
                        append_utf8(out, cp);
                        i += 5;
                        continue;
                    }
                    break;
                case 'U':
                    if (read_hex(raw, i + 2, 8, cp)) {
                        append_utf8(out, cp);
                        i += 9;
                        continue;
                    }
                    break;
                default:
                    break;
            }
            out += c;  // an invalid escape stays as written
            continue;
        }
        if (doubled_introducer(raw, i)) {
            out += c;
            out += '{';
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

std::string decode_heredoc(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (doubled_introducer(raw, i)) {
            out += raw[i];
            out += '{';
            i += 2;
            continue;
        }
        out += raw[i];
    }
    return out;
}

void Converter::literal_gap(std::vector<TemplateToken>& out, std::uint32_t begin, std::uint32_t end) {
    if (end <= begin) return;
    TemplateToken tok;
    tok.kind = TemplateToken::Literal;
    tok.range = Range{file_, begin, end};
    tok.text = std::string(text_.substr(begin, end - begin));
    out.push_back(std::move(tok));
}

// A directive marker or interpolation: `~` right after the opening `${`/`%{` strips the
// whitespace before it, `~` right before the closing `}` the whitespace after it.
TemplateToken Converter::marker(TSNode node, TemplateToken::Kind kind) {
    TemplateToken tok;
    tok.kind = kind;
    tok.range = range(node);
    std::vector<TSNode> parts = kids(node);
    std::size_t n = parts.size();
    tok.strip_left = n > 2 && is(parts[1], "strip_marker");
    tok.strip_right = n > 2 && is(parts[n - 2], "strip_marker") && !(n == 3 && tok.strip_left);
    bool have_expr = false;
    std::vector<std::string_view> names;
    for (TSNode part : parts) {
        if (ts_node_is_error(part)) {
            tok.expr = invalid(tok.range);
            have_expr = true;
        } else if (is(part, "expression") && !have_expr) {
            tok.expr = expression(part);
            have_expr = true;
        } else if (is(part, "identifier")) {
            names.push_back(text(part));
        }
    }
    if (!have_expr) tok.expr = invalid(tok.range);
    if (names.size() == 2) tok.key = std::string(names[0]);
    if (!names.empty()) tok.value = std::string(names.back());
    return tok;
}

// Literal text is taken from the source between the other parts, not from template_literal
// nodes: the grammar leaves the whitespace around literal chunks outside them.
void Converter::flatten(TSNode node, std::vector<TemplateToken>& out, std::uint32_t& pos) {
    Depth depth(*this, range(node));
    if (!depth.ok) return;
    for (TSNode child : kids(node)) {
        TemplateToken::Kind kind;
        if (is(child, "template_interpolation")) {
            kind = TemplateToken::Interpolation;
        } else if (is(child, "template_if_intro")) {
            kind = TemplateToken::If;
        } else if (is(child, "template_else_intro")) {
            kind = TemplateToken::Else;
        } else if (is(child, "template_if_end")) {
            kind = TemplateToken::EndIf;
        } else if (is(child, "template_for_start")) {
            kind = TemplateToken::For;
        } else if (is(child, "template_for_end")) {
            kind = TemplateToken::EndFor;
        } else if (is(child, "template_directive") || is(child, "template_if") || is(child, "template_for")) {
            flatten(child, out, pos);
            continue;
        } else if (ts_node_is_error(child)) {
            kind = TemplateToken::Interpolation;
        } else {
            continue;  // literals (taken from the gaps), quotes, heredoc markers
        }
        Range r = range(child);
        if (r.begin < pos) continue;
        literal_gap(out, pos, r.begin);
        if (ts_node_is_error(child)) {
            TemplateToken tok;
            tok.kind = kind;
            tok.range = r;
            tok.expr = invalid(r);
            out.push_back(std::move(tok));
        } else {
            out.push_back(marker(child, kind));
        }
        pos = r.end;
    }
}

Expr Converter::template_expr(TSNode node) {
    Range whole = range(node);
    std::vector<TSNode> parts = kids(node);
    bool heredoc = is(node, "heredoc_template");
    bool flush = false;
    std::uint32_t begin = whole.begin;
    std::uint32_t end = whole.end;
    if (heredoc) {
        std::size_t identifiers = 0;
        for (TSNode part : parts) {
            if (is(part, "heredoc_start")) flush = text(part) == "<<-";
            if (!is(part, "heredoc_identifier")) continue;
            Range r = range(part);
            if (identifiers++ == 0) {
                // the content starts on the line after the opening marker
                std::size_t nl = text_.find('\n', r.end);
                begin = nl == std::string_view::npos || nl >= whole.end ? whole.end
                                                                        : static_cast<std::uint32_t>(nl + 1);
            } else if (!ts_node_is_missing(part)) {
                // the closing marker's line, indentation included, is not content
                std::uint32_t p = r.begin;
                while (p > begin && text_[p - 1] != '\n') --p;
                end = p;
            }
        }
    } else {
        for (TSNode part : parts) {
            if (is(part, "quoted_template_start")) begin = range(part).end;
            if (is(part, "quoted_template_end")) end = range(part).begin;
        }
    }
    if (end < begin) end = begin;

    std::vector<TemplateToken> tokens;
    std::uint32_t pos = begin;
    flatten(node, tokens, pos);
    literal_gap(tokens, pos, end);
    return build_template(tokens, whole, heredoc, flush);
}

Expr build_template(std::vector<TemplateToken>& tokens, Range whole, bool heredoc, bool flush) {
    bool plain = true;
    for (TemplateToken& tok : tokens) {
        if (tok.kind == TemplateToken::Literal) {
            tok.text = heredoc ? decode_heredoc(tok.text) : decode_quoted(tok.text);
        } else {
            plain = false;
        }
    }
    if (plain) {
        if (flush) dedent(tokens);
        Expr s = make_expr(ExprKind::String, whole);
        for (const TemplateToken& tok : tokens) s.text += tok.text;
        return s;
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == TemplateToken::Literal) continue;
        if (tokens[i].strip_left && i > 0 && tokens[i - 1].kind == TemplateToken::Literal) {
            if (heredoc) trim_right_heredoc(tokens[i - 1].text);
            else trim_right(tokens[i - 1].text);
        }
        if (tokens[i].strip_right && i + 1 < tokens.size() && tokens[i + 1].kind == TemplateToken::Literal) {
            if (heredoc) trim_left_heredoc(tokens[i + 1].text);
            else trim_left(tokens[i + 1].text);
        }
    }
    // `<<-` removes the common indentation after the strip markers: a line whose indentation a
    // marker removed has none.
    if (flush) dedent(tokens);
    Expr t = make_expr(ExprKind::Template, whole);
    t.heredoc = heredoc;
    Builder builder{tokens, heredoc};
    while (builder.i < tokens.size()) {
        for (Expr& part : builder.sequence()) t.children.push_back(std::move(part));
        if (builder.i < tokens.size()) ++builder.i;  // a stray else/endif/endfor
    }
    return t;
}

}  // namespace residency::hcl::detail
