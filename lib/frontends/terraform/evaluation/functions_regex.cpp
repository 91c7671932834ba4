// Terraform's regular expressions: regex, regexall and replace's /pattern/, with RE2 (Debian's
// libre2), whose syntax and leftmost-first matching are Go's regexp package's, in linear time: a
// hostile pattern cannot make a scan hang.
#include <re2/re2.h>

#include <cctype>
#include <map>
#include <memory>

#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl::detail {
namespace {

// A match's groups as Go gives them: [begin, end) byte offsets, -1 where a group took no part.
using Groups = std::vector<std::pair<long, long>>;

struct Pattern {
    std::unique_ptr<RE2> re;
    int groups = 0;
    std::vector<std::string> names;  // by group number, 1-based (names[0] unused); "" when unnamed
};

// Go accepts (?<name>...) as well as (?P<name>...); this RE2 takes only the second.
std::string go_syntax(std::string_view pattern) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            out += pattern.substr(i, 2);
            ++i;
            continue;
        }
        if (pattern.substr(i, 3) == "(?<" && i + 3 < pattern.size() && pattern[i + 3] != '=' && pattern[i + 3] != '!') {
            out += "(?P<";
            i += 2;
            continue;
        }
        out += pattern[i];
    }
    return out;
}

// nullopt with `error` set when RE2 refuses the pattern; `too_large` when only its memory bound
// does (Go has none, so that is no error of the configuration).
std::optional<Pattern> compile(std::string_view pattern, std::string& error, bool& too_large) {
    RE2::Options options;
    options.set_log_errors(false);
    Pattern p;
    p.re = std::make_unique<RE2>(go_syntax(pattern), options);
    if (!p.re->ok()) {
        too_large = p.re->error_code() == RE2::ErrorPatternTooLarge;
        error = p.re->error();
        return std::nullopt;
    }
    p.groups = p.re->NumberOfCapturingGroups();
    p.names.assign(static_cast<std::size_t>(p.groups) + 1, "");
    for (const auto& [index, name] : p.re->CapturingGroupNames()) p.names[static_cast<std::size_t>(index)] = name;
    return p;
}

// The first match at or after `from`, the text before `from` still its context (for ^ and \b), as
// Go's doExecute.
std::optional<Groups> match_at(const Pattern& p, std::string_view s, std::size_t from) {
    std::vector<re2::StringPiece> sub(static_cast<std::size_t>(p.groups) + 1);
    re2::StringPiece text(s.data(), s.size());
    if (!p.re->Match(text, from, s.size(), RE2::UNANCHORED, sub.data(), p.groups + 1)) return std::nullopt;
    Groups g;
    for (const auto& piece : sub) {
        if (piece.data() == nullptr) {
            g.emplace_back(-1, -1);
        } else {
            long b = piece.data() - s.data();
            g.emplace_back(b, b + static_cast<long>(piece.size()));
        }
    }
    return g;
}

// The byte length of the UTF-8 character at `pos` (1 for a stray byte), as Go steps.
std::size_t char_width(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return 0;
    auto c = static_cast<unsigned char>(s[pos]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (pos + n > s.size()) return 1;
    for (std::size_t i = 1; i < n; ++i)
        if ((static_cast<unsigned char>(s[pos + i]) & 0xC0) != 0x80) return 1;
    return n;
}

// Go's FindAllStringSubmatchIndex: non-overlapping matches, no empty match right after another.
std::vector<Groups> all_matches(const Pattern& p, std::string_view s) {
    std::vector<Groups> out;
    long prev_end = -1;
    for (std::size_t pos = 0; pos <= s.size();) {
        auto m = match_at(p, s, pos);
        if (!m) break;
        bool accept = true;
        auto [begin, end] = (*m)[0];
        if (end == static_cast<long>(pos)) {
            if (begin == prev_end) accept = false;
            std::size_t w = char_width(s, pos);
            pos = w > 0 ? pos + w : s.size() + 1;
        } else {
            pos = static_cast<std::size_t>(end);
        }
        prev_end = end;
        if (accept) out.push_back(std::move(*m));
    }
    return out;
}

std::string_view group_text(std::string_view s, const std::pair<long, long>& g) {
    return s.substr(static_cast<std::size_t>(g.first), static_cast<std::size_t>(g.second - g.first));
}

bool name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$; a group that did not match or does not exist
// gives nothing, and a malformed reference is literal text.
void expand(std::string& out, std::string_view tpl, const Pattern& p, std::string_view s, const Groups& m) {
    while (!tpl.empty()) {
        std::size_t dollar = tpl.find('$');
        if (dollar == std::string_view::npos) break;
        out += tpl.substr(0, dollar);
        tpl.remove_prefix(dollar + 1);
        if (!tpl.empty() && tpl[0] == '$') {
            out += '$';
            tpl.remove_prefix(1);
            continue;
        }
        bool brace = !tpl.empty() && tpl[0] == '{';
        std::string_view rest = brace ? tpl.substr(1) : tpl;
        std::size_t i = 0;
        while (i < rest.size() && name_char(static_cast<unsigned char>(rest[i]))) ++i;
        if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
            out += '$';
            continue;
        }
        std::string_view name = rest.substr(0, i);
        tpl = rest.substr(brace ? i + 1 : i);
        long num = 0;
        for (char c : name) {
            if (c < '0' || c > '9' || num >= 100000000) {
                num = -1;
                break;
            }
            num = num * 10 + (c - '0');
        }
        if (name[0] == '0' && name.size() > 1) num = -1;
        if (num >= 0) {
            if (num < static_cast<long>(m.size()) && m[static_cast<std::size_t>(num)].first >= 0)
                out += group_text(s, m[static_cast<std::size_t>(num)]);
            continue;
        }
        for (std::size_t g = 1; g < p.names.size(); ++g) {
            if (p.names[g] == name && m[g].first >= 0) {
                out += group_text(s, m[g]);
                break;
            }
        }
    }
    out += tpl;
}

enum class Shape { String, Tuple, Object };

// regex's result for one match: the whole match, the groups in order, or the named groups.
Value result(const Pattern& p, Shape shape, std::string_view s, const Groups& m, Range r) {
    auto group = [&](std::size_t g) {
        return m[g].first < 0 ? Value::null(r) : Value::string(std::string(group_text(s, m[g])), r);
    };
    if (shape == Shape::String) return group(0);
    if (shape == Shape::Tuple) {
        ValueList items;
        for (std::size_t g = 1; g < m.size(); ++g) items.push_back(group(g));
        return Value::list(std::move(items), r).with_flavor(Flavor::Tuple, true);
    }
    ValueMap fields;
    for (std::size_t g = 1; g < m.size(); ++g) fields.emplace(p.names[g], group(g));
    return Value::object(std::move(fields), r).with_flavor(Flavor::Object, true);
}

// The pattern and the shape of its results; an unknown (an error, or a limit of this tool) when
// it has none.
std::optional<Value> prepare(Call& c, std::optional<Pattern>& p, Shape& shape) {
    std::string error;
    bool too_large = false;
    p = compile(c.args[0].as_string(), error, too_large);
    if (!p) {
        if (too_large)
            return Value::unknown("the regular expression is larger than this tool compiles", c.range,
                                  UnknownCause::Unsupported);
        return c.invalid("pattern", "invalid regexp pattern: " + error);
    }
    int named = 0;
    for (std::size_t g = 1; g < p->names.size(); ++g) named += p->names[g].empty() ? 0 : 1;
    if (named > 0 && named < p->groups)
        return c.invalid("pattern", "invalid regexp pattern: cannot mix both named and unnamed capture groups");
    shape = p->groups == 0 ? Shape::String : named > 0 ? Shape::Object : Shape::Tuple;
    return std::nullopt;
}

Value fn_regex(Call& c) {
    std::optional<Pattern> p;
    Shape shape{};
    if (auto refused = prepare(c, p, shape)) return *refused;
    const std::string& s = c.args[1].as_string();
    auto m = match_at(*p, s, 0);
    if (!m) return c.fail("Call to function \"regex\" failed: pattern did not match any part of the given string");
    return result(*p, shape, s, *m, c.range);
}

Value fn_regexall(Call& c) {
    std::optional<Pattern> p;
    Shape shape{};
    if (auto refused = prepare(c, p, shape)) return *refused;
    const std::string& s = c.args[1].as_string();
    ValueList out;
    for (const Groups& m : all_matches(*p, s)) out.push_back(result(*p, shape, s, m, c.range));
    return Value::list(std::move(out), c.range).with_flavor(Flavor::List, true);
}

}  // namespace

std::optional<std::string> regex_replace(std::string_view s, std::string_view pattern, std::string_view with,
                                         std::string& error) {
    bool too_large = false;
    auto p = compile(pattern, error, too_large);
    if (!p) return std::nullopt;
    // Go's ReplaceAllString: no replacement for an empty match right after a match.
    std::string out;
    std::size_t last_end = 0, pos = 0;
    while (pos <= s.size()) {
        auto m = match_at(*p, s, pos);
        if (!m) break;
        auto [begin, end] = (*m)[0];
        out += s.substr(last_end, static_cast<std::size_t>(begin) - last_end);
        if (end > static_cast<long>(last_end) || begin == 0) expand(out, with, *p, s, *m);
        last_end = static_cast<std::size_t>(end);
        std::size_t w = char_width(s, pos);
        if (pos + w > static_cast<std::size_t>(end))
            pos += w;
        else if (pos + 1 > static_cast<std::size_t>(end))
            ++pos;
        else
            pos = static_cast<std::size_t>(end);
    }
    out += s.substr(last_end);
    return out;
}

std::vector<FunctionDef> regex_functions() {
    const Param pattern{"pattern", Type::String}, str{"string", Type::String};
    return {
        {"regex", {pattern, str}, std::nullopt, Unknowns::Deep, fn_regex},
        {"regexall", {pattern, str}, std::nullopt, Unknowns::Deep, fn_regexall},
    };
}

}  // namespace residency::hcl::detail
