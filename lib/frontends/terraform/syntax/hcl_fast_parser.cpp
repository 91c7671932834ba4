// The fast path for valid HCL (hcl_fast_parser.hpp). It follows what the tree-sitter grammar and its
// external scanner accept (not HashiCorp's rules, which hcl_checks.cpp adds on either path) and
// builds nodes as hcl_convert.cpp / hcl_template.cpp build them. Whatever differs between the two
// readings, or is merely unusual, throws Decline: the file is then parsed by tree-sitter.
// tests/parser-agreement checks the claim on every test input and on real repositories; the fuzz
// target fuzz_hcl_agree checks it on mutated inputs.
#include "frontends/terraform/syntax/hcl_fast_parser.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/number.hpp"
#include "core/utf8.hpp"
#include "frontends/terraform/syntax/hcl_template.hpp"

namespace residency::hcl {

namespace {

struct Decline {
    std::uint32_t at = 0;  // where the parser was: for the agreement tool's report
};

// Height of an expression tree past which the parser declines. The converter counts about two
// levels per node (a node and its wrapper), plus one per nested block; 96 keeps any accepted tree
// well inside detail::kMaxDepth, so "nesting too deep" is only ever reported by tree-sitter's path.
constexpr int kMaxHeight = 96;
constexpr int kMaxBlocks = 48;     // nested blocks
constexpr int kMaxRecursion = 128; // this parser's own recursion (stack safety on hostile input)

bool digit(char c) { return c >= '0' && c <= '9'; }
bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || digit(c) || c == '-'; }
bool high(char c) { return static_cast<unsigned char>(c) >= 0x80; }
bool hex(char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Where the grammar expects only an identifier (a body item's name, an attribute step), a keyword
// lexes as one; elsewhere `true`, `false` and `null` are literals and `for` starts a for
// expression (after `[` or `{`), and `in` and `if` end parts of one. Names the parser reads in a
// place where tree-sitter might take them for these keywords are left to tree-sitter.
enum class Place { Item, Variable, Attr, ForName };
bool reserved(std::string_view s, Place place) {
    switch (place) {
        case Place::Item: return false;
        case Place::Variable: return s == "for" || s == "true" || s == "false" || s == "null";
        case Place::Attr: return s == "for" || s == "true" || s == "false" || s == "null";
        case Place::ForName: return s == "for" || s == "in" || s == "if" || s == "true" || s == "false" || s == "null";
    }
    return true;
}

// One step after a primary, flattened: the grammar nests `.*`/`[*]` and the steps they absorb, but
// the converter pushes them in source order, as here.
struct Step {
    enum Kind { Attr, Index, Legacy, AttrSplat, FullSplat } kind = Attr;
    Range range;  // the step node: `.name`, `[key]`, `.0`, or the splat marker
    std::string name;
    Expr key;
};

class Parser {
public:
    Parser(FileId file, std::string_view text) : file_(file), text_(text) {}

    ParsedFile file() {
        ParsedFile out;
        out.file = file_;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") p_ = 3;  // as parse_hcl: a BOM is skipped
        body(out.body, true);
        return out;
    }

private:
    FileId file_;
    std::string_view text_;
    std::uint32_t p_ = 0;
    int h_ = 0;          // height of the expression last returned
    int blocks_ = 0;     // nesting of the block being read
    int recursion_ = 0;
    int templates_ = 0;  // interpolations and directives being read

    struct Recurse {
        Parser& p;
        explicit Recurse(Parser& parser) : p(parser) {
            if (++p.recursion_ > kMaxRecursion) p.decline();
        }
        ~Recurse() { --p.recursion_; }
        Recurse(const Recurse&) = delete;
        Recurse& operator=(const Recurse&) = delete;
    };

    [[noreturn]] void decline() const { throw Decline{p_}; }
    int grow(int h) const {
        if (h > kMaxHeight) decline();
        return h;
    }
    // NUL is declined up front, so '\0' means the end of the text.
    char at(std::uint32_t i) const { return i < text_.size() ? text_[i] : '\0'; }
    Range range(std::uint32_t b, std::uint32_t e) const { return Range{file_, b, e}; }
    // Exact sizes, as the converter reserves them: syntax trees are most of a scan's memory.
    static void fit(std::vector<Expr>& v) {
        if (v.capacity() > v.size()) v.shrink_to_fit();
    }
    void expect(char c) {
        skip();
        if (at(p_) != c) decline();
        ++p_;
    }

    // Whitespace and comments: the grammar's extras, allowed between any two tokens.
    void skip() {
        for (;;) {
            char c = at(p_);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++p_;
            } else if (c == '#' || (c == '/' && at(p_ + 1) == '/')) {
                std::size_t nl = text_.find('\n', p_);
                p_ = nl == std::string_view::npos ? static_cast<std::uint32_t>(text_.size()) : static_cast<std::uint32_t>(nl);
            } else if (c == '/' && at(p_ + 1) == '*') {
                std::size_t close = text_.find("*/", p_ + 2);
                if (close == std::string_view::npos) decline();
                p_ = static_cast<std::uint32_t>(close + 2);
            } else {
                return;
            }
        }
    }

    // The end of the grammar's identifier token at `i` (letters, digits, `_`, `-`, `::`), `i` when
    // none starts there. A non-ASCII letter would continue it for tree-sitter: declined.
    std::uint32_t ident_end(std::uint32_t i) const {
        if (!ident_start(at(i))) return i;
        ++i;
        for (;;) {
            if (ident_char(at(i))) {
                ++i;
            } else if (at(i) == ':' && at(i + 1) == ':') {
                i += 2;
            } else {
                break;
            }
        }
        if (high(at(i))) decline();
        return i;
    }

    // A plain name (attribute, block type or label, variable, attribute step, for variable).
    std::string_view name(std::uint32_t b, std::uint32_t e, Place place) const {
        std::string_view n = text_.substr(b, e - b);
        if (e == b || reserved(n, place) || n.find("::") != std::string_view::npos) decline();
        return n;
    }

    bool word_at(std::string_view w) {
        skip();
        std::uint32_t e = ident_end(p_);
        return text_.substr(p_, e - p_) == w;
    }

    // ---- bodies ----

    void body(Body& out, bool top) {
        for (;;) {
            skip();
            if (p_ >= text_.size()) {
                if (!top) decline();
                return;
            }
            if (at(p_) == '}') {
                if (top) decline();
                return;
            }
            std::uint32_t b = p_;
            std::uint32_t e = ident_end(p_);
            std::string_view n = name(b, e, Place::Item);
            p_ = e;
            skip();
            if (at(p_) == '=') {
                if (at(p_ + 1) == '=' || at(p_ + 1) == '>') decline();
                ++p_;
                Attribute attr;
                attr.name = std::string(n);
                attr.name_range = range(b, e);
                attr.value = expr();
                if (blocks_ + 2 * h_ + 8 > detail::kMaxDepth) decline();
                attr.range = range(b, attr.value.range.end);
                out.attributes.push_back(std::move(attr));
                continue;
            }
            out.blocks.push_back(block(n, b, e));
        }
    }

    Block block(std::string_view type, std::uint32_t b, std::uint32_t e) {
        Block blk;
        blk.type = std::string(type);
        blk.type_range = range(b, e);
        for (;;) {
            skip();
            char c = at(p_);
            if (c == '{') break;
            if (c == '"') {
                std::uint32_t lb = p_;
                blk.labels.push_back(label_string());
                blk.label_ranges.push_back(range(lb, p_));
            } else {
                std::uint32_t le = ident_end(p_);
                blk.labels.emplace_back(name(p_, le, Place::Item));
                blk.label_ranges.push_back(range(p_, le));
                p_ = le;
            }
        }
        ++p_;
        if (++blocks_ > kMaxBlocks) decline();
        body(blk.body, false);
        --blocks_;
        expect('}');
        blk.range = range(b, p_);
        blk.header_range = blk.type_range;
        if (!blk.label_ranges.empty()) blk.header_range.end = blk.label_ranges.back().end;
        return blk;
    }

    // A label is a string_lit: no interpolation (the scanner would not even see one there).
    std::string label_string() {
        std::uint32_t b = ++p_;
        for (;;) {
            char c = at(p_);
            if (c == '"') break;
            if ((c == '$' || c == '%') && (at(p_ + 1) == '{' || at(p_ + 1) == c)) decline();
            quoted_char();
        }
        std::string out = detail::decode_quoted(text_.substr(b, p_ - b));
        ++p_;
        return out;
    }

    // One literal character (or escape) of a quoted string, as the scanner reads it: a newline or
    // the end of the text ends nothing (tree-sitter reads on; HCL refuses), an unknown escape is an
    // error to the scanner.
    void quoted_char() {
        char c = at(p_);
        if (c == '\0' || c == '\n' || c == '\r') decline();
        if (c != '\\') {
            ++p_;
            return;
        }
        char n = at(p_ + 1);
        if (n == '"' || n == 'n' || n == 'r' || n == 't' || n == '\\') {
            p_ += 2;
            return;
        }
        std::uint32_t digits = n == 'u' ? 4 : n == 'U' ? 8 : 0;
        if (digits == 0) decline();
        for (std::uint32_t k = 0; k < digits; ++k) {
            if (!hex(at(p_ + 2 + k))) decline();
        }
        p_ += 2 + digits;
    }

    // ---- expressions ----

    // tree-sitter's conditional is left-associative (prec.left): `a ? b : c ? d : e` groups as
    // `(a ? b : c) ? d : e`, unlike HCL; the tree is tree-sitter's.
    Expr expr() {
        Recurse guard(*this);
        Expr cond = binary(1);
        int h = h_;
        for (;;) {
            skip();
            if (at(p_) != '?') break;
            ++p_;
            Expr yes = expr();
            h = std::max(h, h_);
            skip();
            if (at(p_) != ':' || at(p_ + 1) == ':') decline();
            ++p_;
            Expr no = binary(1);
            h = grow(std::max(h, h_) + 1);
            Expr e = make_expr(ExprKind::Conditional, range(cond.range.begin, no.range.end));
            e.children.reserve(3);
            e.children.push_back(std::move(cond));
            e.children.push_back(std::move(yes));
            e.children.push_back(std::move(no));
            cond = std::move(e);
        }
        h_ = h;
        return cond;
    }

    // The binary operator at p_ (after skip) and its grammar precedence; 0 when none.
    int binary_op(std::string_view& op) const {
        char c = at(p_);
        char n = at(p_ + 1);
        auto take = [&](std::size_t len, int prec) {
            op = text_.substr(p_, len);
            return prec;
        };
        switch (c) {
            case '*': return take(1, 6);
            case '/': return take(1, 6);
            case '%': if (n == '{') decline(); return take(1, 6);
            case '+': return take(1, 5);
            case '-': return take(1, 5);
            case '>': return n == '=' ? take(2, 4) : take(1, 4);
            case '<': if (n == '<') decline(); return n == '=' ? take(2, 4) : take(1, 4);
            case '=': return n == '=' ? take(2, 3) : 0;
            case '!': if (n != '=') decline(); return take(2, 3);
            case '&': if (n != '&') decline(); return take(2, 2);
            case '|': if (n != '|') decline(); return take(2, 1);
            default: return 0;
        }
    }

    // Left-associative operators by precedence climbing, as the grammar's prec.left levels group them.
    Expr binary(int min) {
        Expr left = unary();
        int h = h_;
        for (;;) {
            skip();
            std::string_view op;
            int prec = binary_op(op);
            if (prec == 0 || prec < min) break;
            p_ += static_cast<std::uint32_t>(op.size());
            Expr right = binary(prec + 1);
            h = grow(std::max(h, h_) + 1);
            Expr e = make_expr(ExprKind::Binary, range(left.range.begin, right.range.end));
            e.text = std::string(op);
            e.children.reserve(2);
            e.children.push_back(std::move(left));
            e.children.push_back(std::move(right));
            left = std::move(e);
        }
        h_ = h;
        return left;
    }

    Expr unary() {
        skip();
        char c = at(p_);
        if (c != '-' && c != '!') return postfix();
        if (c == '!' && at(p_ + 1) == '=') decline();
        Recurse guard(*this);
        std::uint32_t b = p_++;
        Expr operand = unary();
        Expr e = make_expr(ExprKind::Unary, range(b, operand.range.end));
        e.text = std::string(1, c);
        e.children.push_back(std::move(operand));
        h_ = grow(h_ + 1);
        return e;
    }

    // A primary and its steps, folded by StepChain as the converter folds them.
    Expr postfix() {
        StepChain chain;
        chain.expr = primary();
        int h = h_;
        int steps = 0;
        for (;;) {
            skip();
            char c = at(p_);
            Step step;
            std::uint32_t b = p_;
            if (c == '.') {
                char n = at(p_ + 1);
                if (n == '*') {
                    step.kind = Step::AttrSplat;
                    p_ += 2;
                } else if (n == '.') {
                    break;  // `...`: the caller's
                } else if (digit(n)) {
                    std::uint32_t e = p_ + 1;
                    while (digit(at(e))) ++e;
                    // `.0.1` (a chained legacy index) and `.1e1` lex differently in the grammar
                    if (ident_char(at(e)) || high(at(e)) || (at(e) == '.' && digit(at(e + 1)))) decline();
                    step.kind = Step::Legacy;
                    Range digits = range(p_ + 1, e);
                    step.key = make_expr(ExprKind::Number, digits);
                    std::string_view t = text_.substr(digits.begin, digits.end - digits.begin);
                    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), step.key.number);
                    if (ec != std::errc() || ptr != t.data() + t.size()) decline();
                    p_ = e;
                } else {
                    std::uint32_t e = ident_end(p_ + 1);
                    step.name = std::string(name(p_ + 1, e, Place::Attr));
                    step.kind = Step::Attr;
                    p_ = e;
                }
            } else if (c == '[') {
                if (at(p_ + 1) == '*' && at(p_ + 2) == ']') {
                    step.kind = Step::FullSplat;
                    p_ += 3;
                } else {
                    ++p_;
                    step.kind = Step::Index;
                    step.key = expr();
                    h = std::max(h, h_);
                    expect(']');
                }
            } else {
                break;
            }
            step.range = range(b, p_);
            h = grow(h + 1);
            ++steps;
            push_step(chain, std::move(step));
        }
        h_ = grow(h + (steps > 0 ? 1 : 0));
        return std::move(chain.expr);
    }

    void push_step(StepChain& chain, Step step) {
        if (step.kind == Step::AttrSplat || step.kind == Step::FullSplat) {
            chain.splat(step.kind == Step::FullSplat, step.range);
            return;
        }
        std::uint32_t end = step.range.end;
        bool attribute = step.kind == Step::Attr;
        chain.step(attribute, end, [&](Expr object) { return step_on(std::move(object), std::move(step)); });
    }

    Expr step_on(Expr object, Step step) const {
        Range r = range(object.range.begin, step.range.end);
        if (step.kind == Step::Attr) {
            Expr e = make_expr(ExprKind::GetAttr, r);
            e.text = std::move(step.name);
            e.children.push_back(std::move(object));
            return e;
        }
        Expr e = make_expr(ExprKind::Index, r);
        e.children.reserve(2);
        e.children.push_back(std::move(object));
        e.children.push_back(std::move(step.key));
        return e;
    }

    Expr primary() {
        skip();
        std::uint32_t b = p_;
        char c = at(p_);
        if (c == '(') {
            Recurse guard(*this);
            ++p_;
            Expr inner = expr();
            expect(')');
            Expr e = make_expr(ExprKind::Parens, range(b, p_));
            e.children.push_back(std::move(inner));
            h_ = grow(h_ + 1);
            return e;
        }
        if (digit(c)) return number();
        if (c == '"') return quoted();
        if (c == '<' && at(p_ + 1) == '<') return heredoc();
        if (c == '[') return tuple();
        if (c == '{') return object();
        std::uint32_t e = ident_end(p_);
        if (e == b) decline();
        std::string_view word = text_.substr(b, e - b);
        h_ = 1;
        if (word == "true" || word == "false") {
            p_ = e;
            Expr v = make_expr(ExprKind::Bool, range(b, e));
            v.boolean = word == "true";
            return v;
        }
        if (word == "null") {
            p_ = e;
            return make_expr(ExprKind::Null, range(b, e));
        }
        if (reserved(word, Place::Variable)) decline();
        p_ = e;
        skip();
        if (at(p_) == '(') return call(word, b);
        if (word.find("::") != std::string_view::npos) decline();
        Expr v = make_expr(ExprKind::Variable, range(b, e));
        v.text = std::string(word);
        return v;
    }

    // The grammar's numeric_lit without its exponent (grammar_text's business) or hex forms.
    Expr number() {
        std::uint32_t b = p_;
        std::uint32_t e = p_;
        while (digit(at(e))) ++e;
        if (at(e) == '.' && digit(at(e + 1))) {
            ++e;
            while (digit(at(e))) ++e;
        }
        char n = at(e);
        if (ident_start(n) || high(n) || n == '.') decline();
        Expr v = make_expr(ExprKind::Number, range(b, e));
        std::string_view t = text_.substr(b, e - b);
        auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v.number);
        if (ec != std::errc() || ptr != t.data() + t.size()) decline();
        v.text = number::literal_text(t);  // as the converter keeps digits a double would lose
        p_ = e;
        h_ = 1;
        return v;
    }

    // A `...` here (a call's last argument, a for object's grouping): taken, and marked on `e`.
    bool take_ellipsis(Expr& e) {
        if (at(p_) != '.' || at(p_ + 1) != '.' || at(p_ + 2) != '.') return false;
        p_ += 3;
        e.expand_final = true;
        return true;
    }

    // Comma-separated expressions up to `close` (a trailing comma allowed), into e.children; a
    // call's last argument may end with `...`. Returns the children's greatest height.
    int elements(Expr& e, char close, bool call) {
        int h = 0;
        skip();
        if (at(p_) == close) return h;
        for (;;) {
            e.children.push_back(expr());
            h = std::max(h, h_);
            skip();
            if (call && take_ellipsis(e)) {
                skip();
                return h;
            }
            if (at(p_) != ',') return h;
            ++p_;
            skip();
            if (at(p_) == close) return h;
        }
    }

    Expr call(std::string_view fn, std::uint32_t b) {
        Recurse guard(*this);
        Expr e = make_expr(ExprKind::FunctionCall, Range{});
        e.text = std::string(fn);
        ++p_;  // (
        int h = elements(e, ')', true);
        expect(')');
        e.range = range(b, p_);
        fit(e.children);
        h_ = grow(h + 1);
        return e;
    }

    Expr tuple() {
        Recurse guard(*this);
        std::uint32_t b = p_++;
        if (word_at("for")) return for_expr(b, false);
        Expr e = make_expr(ExprKind::Tuple, Range{});
        int h = elements(e, ']', false);
        expect(']');
        e.range = range(b, p_);
        fit(e.children);
        h_ = grow(h + 1);
        return e;
    }

    Expr object() {
        Recurse guard(*this);
        std::uint32_t b = p_++;
        if (word_at("for")) return for_expr(b, true);
        Expr e = make_expr(ExprKind::Object, Range{});
        int h = 0;
        for (;;) {
            skip();
            if (at(p_) == '}') break;
            Expr key = expr();
            h = std::max(h, h_);
            // Converter::object_key: a bare identifier names itself
            if (key.kind == ExprKind::Variable) key.kind = ExprKind::String;
            skip();
            char c = at(p_);
            if (c == '=') {
                if (at(p_ + 1) == '=' || at(p_ + 1) == '>') decline();
            } else if (c != ':' || at(p_ + 1) == ':') {
                decline();
            }
            ++p_;
            Expr value = expr();
            h = std::max(h, h_);
            e.children.push_back(std::move(key));
            e.children.push_back(std::move(value));
            skip();
            if (at(p_) == ',') ++p_;
        }
        ++p_;
        e.range = range(b, p_);
        fit(e.children);
        h_ = grow(h + 1);
        return e;
    }

    std::string_view for_name() {
        skip();
        std::uint32_t e = ident_end(p_);
        std::string_view n = name(p_, e, Place::ForName);
        p_ = e;
        return n;
    }

    // `[for k, v in coll : value if cond]` / `{for k, v in coll : key => value... if cond}`; `b` is
    // the offset of the bracket, p_ is at `for`.
    Expr for_expr(std::uint32_t b, bool object) {
        p_ += 3;
        Expr e = make_expr(object ? ExprKind::ForObject : ExprKind::ForTuple, Range{});
        std::string_view first = for_name();
        std::string_view second;
        skip();
        if (at(p_) == ',') {
            ++p_;
            second = for_name();
        }
        if (!word_at("in")) decline();
        p_ += 2;
        Expr collection = expr();
        int h = h_;
        skip();
        if (at(p_) != ':' || at(p_ + 1) == ':') decline();
        ++p_;
        e.children.push_back(std::move(collection));
        if (object) {
            e.children.push_back(expr());
            h = std::max(h, h_);
            skip();
            if (at(p_) != '=' || at(p_ + 1) != '>') decline();
            p_ += 2;
        }
        e.children.push_back(expr());
        h = std::max(h, h_);
        skip();
        if (object) take_ellipsis(e);
        if (word_at("if")) {
            p_ += 2;
            e.children.push_back(expr());
            h = std::max(h, h_);
        }
        expect(object ? '}' : ']');
        e.text = second.empty() ? for_names({}, first) : for_names(first, second);
        e.range = range(b, p_);
        fit(e.children);
        h_ = grow(h + 1);
        return e;
    }

    // ---- templates ----

    struct Template {
        std::vector<detail::TemplateToken> tokens;
        std::vector<char> open;  // directives not yet closed: 'i' (if), 'e' (if after else), 'f' (for)
        int height = 0;
    };

    void literal(Template& t, std::uint32_t b, std::uint32_t e) const {
        if (e <= b) return;
        detail::TemplateToken tok;
        tok.range = range(b, e);
        tok.text = std::string(text_.substr(b, e - b));
        t.tokens.push_back(std::move(tok));
    }

    // `${` or `%{` at p_. The scanner lets the `~` strip markers stand apart from the braces.
    void marker(Template& t) {
        Recurse guard(*this);
        detail::TemplateToken tok;
        std::uint32_t b = p_;
        bool directive = at(p_) == '%';
        p_ += 2;
        ++templates_;
        skip();
        if (at(p_) == '~') {
            tok.strip_left = true;
            ++p_;
        }
        int h = 0;
        if (!directive) {
            tok.kind = detail::TemplateToken::Interpolation;
            tok.expr = expr();
            h = h_;
        } else {
            skip();
            std::uint32_t e = ident_end(p_);
            std::string_view word = text_.substr(p_, e - p_);
            p_ = e;
            if (word == "if") {
                tok.kind = detail::TemplateToken::If;
                tok.expr = expr();
                h = h_;
                t.open.push_back('i');
            } else if (word == "else") {
                tok.kind = detail::TemplateToken::Else;
                if (t.open.empty() || t.open.back() != 'i') decline();
                t.open.back() = 'e';
            } else if (word == "endif") {
                tok.kind = detail::TemplateToken::EndIf;
                if (t.open.empty() || t.open.back() == 'f') decline();
                t.open.pop_back();
            } else if (word == "for") {
                tok.kind = detail::TemplateToken::For;
                std::string_view first = for_name();
                std::string_view second;
                skip();
                if (at(p_) == ',') {
                    ++p_;
                    second = for_name();
                }
                if (!word_at("in")) decline();
                p_ += 2;
                tok.expr = expr();
                h = h_;
                tok.key = std::string(second.empty() ? std::string_view() : first);
                tok.value = std::string(second.empty() ? first : second);
                t.open.push_back('f');
            } else if (word == "endfor") {
                tok.kind = detail::TemplateToken::EndFor;
                if (t.open.empty() || t.open.back() != 'f') decline();
                t.open.pop_back();
            } else {
                decline();
            }
        }
        skip();
        if (at(p_) == '~') {
            tok.strip_right = true;
            ++p_;
        }
        expect('}');
        --templates_;
        tok.range = range(b, p_);
        t.height = std::max(t.height, h + 1 + static_cast<int>(t.open.size()));
        t.tokens.push_back(std::move(tok));
    }

    // `$` or `%` at p_ inside a template: an introducer, or literal text as the scanner reads it
    // (`$${` is literal, and so is `$$` before anything else: both bytes at once).
    bool introducer(Template& t, std::uint32_t& literal_begin) {
        char c = at(p_);
        if (at(p_ + 1) == '{') {
            literal(t, literal_begin, p_);
            marker(t);
            literal_begin = p_;
            return true;
        }
        if (at(p_ + 1) == c) {
            p_ += at(p_ + 2) == '{' ? 3 : 2;
        } else {
            ++p_;
        }
        return true;
    }

    Expr finish(Template& t, Range whole, bool heredoc, bool flush) {
        if (!t.open.empty()) decline();
        h_ = grow(2 * t.height + 2);
        return detail::build_template(t.tokens, whole, heredoc, flush);
    }

    Expr quoted() {
        std::uint32_t b = p_++;
        Template t;
        std::uint32_t literal_begin = p_;
        for (;;) {
            char c = at(p_);
            if (c == '"') break;
            if (c == '$' || c == '%') {
                introducer(t, literal_begin);
                continue;
            }
            quoted_char();
        }
        literal(t, literal_begin, p_);
        ++p_;
        return finish(t, range(b, p_), false, false);
    }

    // `<<ID` / `<<-ID`, the identifier right before the line break. The scanner ends the heredoc
    // at the first line that is the identifier alone (blanks around it allowed) and only where a
    // line break precedes it in literal text; a directive still open there is declined (the
    // scanner would read on).
    Expr heredoc() {
        std::uint32_t b = p_;
        p_ += 2;
        bool flush = at(p_) == '-';
        if (flush) ++p_;
        std::uint32_t id_begin = p_;
        while (ident_start(at(p_)) || digit(at(p_)) || at(p_) == '-') ++p_;
        if (p_ == id_begin || !ident_start(at(id_begin))) decline();
        std::string_view id = text_.substr(id_begin, p_ - id_begin);
        if (templates_ > 0) decline();  // a heredoc inside an interpolation: unusual, and scanner contexts nest
        if (at(p_) == '\r') ++p_;
        if (at(p_) != '\n') decline();
        ++p_;
        Template t;
        std::uint32_t literal_begin = p_;
        bool line_start = true;
        for (;;) {
            if (line_start) {
                line_start = false;
                std::uint32_t q = p_;
                while (at(q) == ' ' || at(q) == '\t') ++q;
                if (text_.substr(q, id.size()) == id) {
                    std::uint32_t r = q + static_cast<std::uint32_t>(id.size());
                    while (at(r) == ' ' || at(r) == '\t' || at(r) == '\r') ++r;
                    if (at(r) == '\n') {
                        literal(t, literal_begin, p_);
                        Range whole = range(b, q + static_cast<std::uint32_t>(id.size()));
                        p_ = whole.end;
                        return finish(t, whole, true, flush);
                    }
                    // the scanner takes the byte after the identifier (and blanks) as literal
                    if (at(r) == '$' || at(r) == '%' || at(r) == '\0') decline();
                } else if (high(at(q))) {
                    // a non-ASCII blank might be skipped by the scanner's iswspace
                    std::size_t nl = text_.find('\n', q);
                    if (text_.substr(q, nl == std::string_view::npos ? std::string_view::npos : nl - q).find(id) !=
                        std::string_view::npos) {
                        decline();
                    }
                }
            }
            char c = at(p_);
            if (c == '\0') decline();
            if (c == '$' || c == '%') {
                introducer(t, literal_begin);
                continue;
            }
            ++p_;
            if (c == '\n') line_start = true;
        }
    }
};

// Bytes tree-sitter reads differently or refuses: NUL (the scanner's end of input), control
// characters, a carriage return not before a line feed (a comment's `.` may stop at it).
bool plain_text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 || c == '\n' || c == '\t') continue;
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        return false;
    }
    return first_invalid_utf8(text) == std::string_view::npos;
}

}  // namespace

std::optional<ParsedFile> fast_parse_hcl(FileId file, std::string_view text, std::uint32_t* declined_at) {
    if (text.data() == nullptr) text = std::string_view("", 0);
    if (declined_at) *declined_at = 0;
    if (text.size() >= 0x7fffffffu || !plain_text(text)) return std::nullopt;
    try {
        return Parser(file, text).file();
    } catch (const Decline& d) {
        if (declined_at) *declined_at = d.at;
        return std::nullopt;
    }
}

}  // namespace residency::hcl
