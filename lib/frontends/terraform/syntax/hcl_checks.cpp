// Checks HashiCorp's parser (hclsyntax) makes and tree-sitter's HCL grammar does not: see hcl_checks.hpp.
#include "frontends/terraform/syntax/hcl_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

namespace residency::hcl {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Checker {
    ParsedFile& parsed;
    std::string_view text;
    std::uint32_t reported_until = 0;  // the end of the last literal reported (its parts are not again)

    void error(std::uint32_t at, std::uint32_t end, std::string message) {
        parsed.errors.push_back(SyntaxError{Range{parsed.file, at, end}, std::move(message)});
    }

    // 1-based line of a byte offset, for messages.
    std::size_t line_of(std::uint32_t at) const {
        std::size_t line = 1;
        for (std::uint32_t i = 0; i < at && i < text.size(); ++i)
            if (text[i] == '\n') ++line;
        return line;
    }

    // The first byte at or after `at` that is neither a blank nor inside a comment that stays on this
    // line; a `#` or `//` comment runs to the newline, which is returned.
    std::uint32_t next_significant(std::uint32_t at) const {
        std::uint32_t i = at;
        while (i < text.size()) {
            char c = text[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                ++i;
            } else if (c == '#' || (c == '/' && i + 1 < text.size() && text[i + 1] == '/')) {
                while (i < text.size() && text[i] != '\n') ++i;
            } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
                auto close = text.find("*/", i + 2);
                if (close == std::string_view::npos) return static_cast<std::uint32_t>(text.size());
                // A comment spanning lines ends the line as a newline would.
                if (text.substr(i, close - i).find('\n') != std::string_view::npos) return static_cast<std::uint32_t>(i);
                i = static_cast<std::uint32_t>(close + 2);
            } else {
                break;
            }
        }
        return i;
    }

    bool ends_line(std::uint32_t end) const {
        // A heredoc's range ends after its closing marker's newline.
        if (end > 0 && end <= text.size() && text[end - 1] == '\n') return true;
        std::uint32_t next = next_significant(end);
        if (next >= text.size()) return true;
        if (text[next] == '\n') return true;
        // A multi-line /* comment, found by next_significant.
        return text[next] == '/' && next + 1 < text.size() && text[next + 1] == '*';
    }

    // `{` that opens a block's body: the first significant byte after its header.
    bool single_line_block(const Block& block) const {
        std::uint32_t i = block.header_range.end;
        while (i < text.size() && i < block.range.end && text[i] != '{') ++i;
        if (i >= block.range.end) return false;
        std::uint32_t next = next_significant(i + 1);
        return next < text.size() && text[next] != '\n';
    }

    // The items of a body: each ends its line (a multi-line body) or is followed by the closing
    // brace (the single argument of a one-line block); no argument twice.
    void body(const Body& b, const Block* owner) {
        bool one_line = owner && single_line_block(*owner);
        std::map<std::string_view, const Attribute*> seen;
        for (const Attribute& a : b.attributes) {
            auto [it, fresh] = seen.emplace(a.name, &a);
            if (!fresh && it->second->range.begin != a.range.begin && !a.name.empty())
                error(a.name_range.begin, a.name_range.end,
                      fmt::format("argument \"{}\" redefined: it was already set on line {}; each argument may be set only once",
                                  a.name, line_of(it->second->name_range.begin)));
            if (!one_line) item_end(a.range.end, "argument");
            expression(a.value);
        }
        for (const Block& blk : b.blocks) {
            if (!one_line) item_end(blk.range.end, "block definition");
            body(blk.body, &blk);
        }
    }

    void item_end(std::uint32_t end, const char* what) {
        if (ends_line(end)) return;
        std::uint32_t next = next_significant(end);
        error(next, next + 1, fmt::format("missing newline after {}: {} must end with a newline", what,
                                          std::string_view(what) == "argument" ? "an argument definition" : "a block definition"));
    }

    // HCL reads a number literal as a digit followed by digits, dots and exponents, not ending
    // in a dot: 10.0.0.1 is one literal, and not a number.
    void number(const Expr& e) {
        std::uint32_t begin = e.range.begin;
        if (begin >= text.size() || !is_digit(text[begin]) || begin < reported_until) return;
        bool legacy_index = begin > 0 && text[begin - 1] == '.';  // `list.0`
        std::uint32_t i = begin + 1;
        while (i < text.size()) {
            char c = text[i];
            if (is_digit(c) || c == '.') {
                ++i;
            } else if ((c == 'e' || c == 'E') && i + 1 < text.size() &&
                       (is_digit(text[i + 1]) ||
                        ((text[i + 1] == '+' || text[i + 1] == '-') && i + 2 < text.size() && is_digit(text[i + 2])))) {
                i += text[i + 1] == '+' || text[i + 1] == '-' ? 2 : 1;
            } else {
                break;
            }
        }
        while (i > begin && text[i - 1] == '.') --i;
        if (i <= e.range.end) return;
        std::string_view literal = text.substr(begin, i - begin);
        reported_until = i;
        if (legacy_index && literal.find('.') != std::string_view::npos)
            error(begin, i, fmt::format("invalid legacy index syntax .{}: chaining two legacy indexes is not "
                                        "permitted; write [0][1]", literal));
        else if (!legacy_index && std::count(literal.begin(), literal.end(), '.') > 1)
            error(begin, i, fmt::format("invalid number literal {}", literal));
    }

    void expression(const Expr& e) {
        if (e.kind == ExprKind::Number) number(e);
        for (const Expr& child : e.children) expression(child);
    }
};

}  // namespace

void check_hashicorp_syntax(ParsedFile& parsed, std::string_view text) {
    Checker{parsed, text}.body(parsed.body, nullptr);
}

}  // namespace residency::hcl
