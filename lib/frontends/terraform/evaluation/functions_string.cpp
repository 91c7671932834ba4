// Terraform's string functions, including format/formatlist with Go's verbs and literal or /regex/ replace.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/grapheme.hpp"
#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl::detail {
namespace {

const std::string& str(const Call& c, std::size_t i) { return c.args[i].as_string(); }

// A string computed from one argument (lower(var.region)) is still that argument's value: it
// keeps where it was defined, its provenance and its asset reference.
Value transformed(const Call& c, std::size_t i, std::string text) {
    const Value& source = c.args[i];
    return derived_from(Value::string(std::move(text), source.range.valid() ? source.range : c.range), source);
}

bool ascii_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f'; }

Value fn_lower(Call& c) {
    std::string s = str(c, 0);
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return transformed(c, 0, std::move(s));
}
Value fn_upper(Call& c) {
    std::string s = str(c, 0);
    for (char& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return transformed(c, 0, std::move(s));
}
Value fn_title(Call& c) {
    std::string s = str(c, 0);
    // Go's strings.Title: a letter after anything but a letter, digit, '_' or non-ASCII is capitalised.
    bool after_separator = true;
    for (char& ch : s) {
        unsigned char u = static_cast<unsigned char>(ch);
        if (after_separator && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        after_separator = u < 0x80 && !std::isalnum(u) && ch != '_';
    }
    return transformed(c, 0, std::move(s));
}
Value fn_trimspace(Call& c) {
    std::string_view s = str(c, 0);
    while (!s.empty() && ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && ascii_space(s.back())) s.remove_suffix(1);
    return transformed(c, 0, std::string(s));
}
Value fn_chomp(Call& c) {
    std::string_view s = str(c, 0);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return transformed(c, 0, std::string(s));
}
Value fn_trimprefix(Call& c) {
    std::string_view s = str(c, 0);
    if (s.starts_with(str(c, 1))) s.remove_prefix(str(c, 1).size());
    return transformed(c, 0, std::string(s));
}
Value fn_trimsuffix(Call& c) {
    std::string_view s = str(c, 0);
    if (s.ends_with(str(c, 1))) s.remove_suffix(str(c, 1).size());
    return transformed(c, 0, std::string(s));
}

// Splits UTF-8 text into its characters (code points).
std::vector<std::string_view> chars_of(std::string_view s) {
    std::vector<std::string_view> out;
    auto starts = char_starts(s);
    for (std::size_t i = 0; i < starts.size(); ++i)
        out.push_back(s.substr(starts[i], (i + 1 < starts.size() ? starts[i + 1] : s.size()) - starts[i]));
    return out;
}

Value fn_trim(Call& c) {
    auto cutset = chars_of(str(c, 1));
    auto in_set = [&](std::string_view ch) { return std::find(cutset.begin(), cutset.end(), ch) != cutset.end(); };
    auto chars = chars_of(str(c, 0));
    std::size_t b = 0, e = chars.size();
    while (b < e && in_set(chars[b])) ++b;
    while (e > b && in_set(chars[e - 1])) --e;
    std::string out;
    for (std::size_t i = b; i < e; ++i) out += chars[i];
    return transformed(c, 0, std::move(out));
}

Value fn_startswith(Call& c) { return Value::boolean(std::string_view(str(c, 0)).starts_with(str(c, 1)), c.range); }
Value fn_endswith(Call& c) { return Value::boolean(std::string_view(str(c, 0)).ends_with(str(c, 1)), c.range); }
Value fn_strcontains(Call& c) { return Value::boolean(str(c, 0).find(str(c, 1)) != std::string::npos, c.range); }

Value fn_strrev(Call& c) {
    auto chars = grapheme_clusters(str(c, 0));
    std::string out;
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) out += *it;
    return Value::string(std::move(out), c.range);
}

Value fn_substr(Call& c) {
    auto offset = as_integer(c.args[1]);
    auto length = as_integer(c.args[2]);
    if (!offset) return c.invalid("offset", "value must be a whole number");
    if (!length) return c.invalid("length", "value must be a whole number");
    auto chars = grapheme_clusters(str(c, 0));
    long long total = static_cast<long long>(chars.size());
    long long start = *offset < 0 ? std::max(0LL, *offset + total) : std::min(*offset, total);
    long long end = *length < 0 ? total : std::min(total, start + *length);
    std::string out;
    for (long long i = start; i < end; ++i) out += chars[static_cast<std::size_t>(i)];
    return Value::string(std::move(out), c.range);
}

Value fn_indent(Call& c) {
    auto spaces = as_integer(c.args[0]);
    if (!spaces || *spaces < 0 || *spaces > 100000) return c.invalid("spaces", "value must be a whole number up to 100000");
    std::string pad(static_cast<std::size_t>(*spaces), ' '), out;
    for (char ch : str(c, 1)) {
        out += ch;
        if (ch == '\n') out += pad;
    }
    return Value::string(std::move(out), c.range);
}

Value fn_split(Call& c) {
    const std::string &sep = str(c, 0), &s = str(c, 1);
    ValueList out;
    if (sep.empty()) {
        for (auto ch : chars_of(s)) out.push_back(Value::string(std::string(ch), c.range));
        return Value::list(std::move(out), c.range);
    }
    std::size_t pos = 0;
    while (true) {
        std::size_t next = s.find(sep, pos);
        out.push_back(Value::string(s.substr(pos, next == std::string::npos ? std::string::npos : next - pos), c.range));
        if (next == std::string::npos) break;
        pos = next + sep.size();
    }
    return Value::list(std::move(out), c.range);
}

Value fn_join(Call& c) {
    std::string out;
    bool first = true;
    bool several = c.args.size() > 2;
    for (std::size_t li = 1; li < c.args.size(); ++li) {
        const auto& items = c.args[li].items();
        for (std::size_t ei = 0; ei < items.size(); ++ei) {
            auto text = as_text(items[ei]);
            if (!text) {
                std::string where = "element " + std::to_string(ei) +
                                    (several ? " of list " + std::to_string(li) : std::string());
                if (items[ei].is_null()) return c.invalid("lists", where + " is null; cannot concatenate null values");
                return c.invalid("lists", where + " is a " + Value::kind_name(items[ei].kind()) + ", string required");
            }
            if (!first) out += str(c, 0);
            first = false;
            out += *text;
        }
    }
    return Value::string(std::move(out), c.range);
}

Value fn_replace(Call& c) {
    const std::string &s = str(c, 0), &needle = str(c, 1), &with = str(c, 2);
    if (needle.size() >= 2 && needle.front() == '/' && needle.back() == '/') {
        std::string error;
        auto out = regex_replace(s, std::string_view(needle).substr(1, needle.size() - 2), with, error);
        if (!out) return c.fail("Call to function \"replace\" failed: error parsing regexp: " + error);
        return Value::string(std::move(*out), c.range);
    }
    std::string out;
    if (needle.empty()) {
        // Go inserts the replacement around every character.
        for (auto ch : chars_of(s)) out += with + std::string(ch);
        return Value::string(out + with, c.range);
    }
    std::size_t pos = 0;
    while (true) {
        std::size_t next = s.find(needle, pos);
        if (next == std::string::npos) break;
        out.append(s, pos, next - pos);
        out += with;
        pos = next + needle.size();
    }
    out.append(s, pos, std::string::npos);
    return Value::string(std::move(out), c.range);
}

// ---- format: Go's fmt verbs as cty's format function accepts them ----

struct Verb {
    bool minus = false, plus = false, space = false, zero = false, sharp = false;
    int width = -1, precision = -1;
    char verb = 0;
};

std::string pad(std::string s, const Verb& v, bool numeric) {
    std::size_t width = v.width < 0 ? 0 : static_cast<std::size_t>(v.width);
    if (width == 0) return s;
    std::size_t len = grapheme_count(s);
    if (len >= width) return s;
    std::size_t fill = width - len;
    if (v.minus) return s + std::string(fill, ' ');
    if (v.zero && numeric) {
        std::size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == ' ')) ? 1 : 0;
        return s.substr(0, sign) + std::string(fill, '0') + s.substr(sign);
    }
    return std::string(fill, ' ') + s;
}

std::string go_quote(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        unsigned char u = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (u < 0x20 || u == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", u);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    return out + "\"";
}

std::string sign_prefix(double n, const Verb& v) {
    if (n < 0) return "-";
    return v.plus ? "+" : v.space ? " " : "";
}

// Go's %g without a precision prints the shortest digits, in exponent form when the exponent is
// below -4 or at least 6; %e and %f default to precision 6 as in C.
std::string go_float(double n, const Verb& v) {
    char spec[16];
    char buf[512];
    char verb = v.verb;
    double a = std::fabs(n);
    if (verb == 'g' || verb == 'G') {
        if (v.precision < 0) {
            char sci[64];
            auto r = std::to_chars(sci, sci + sizeof sci, a, std::chars_format::scientific);
            std::string s(sci, r.ptr);
            int exp = std::atoi(s.c_str() + s.find('e') + 1);
            if (exp < -4 || exp >= 6) {
                if (verb == 'G') s[s.find('e')] = 'E';
                return sign_prefix(n, v) + s;
            }
            return sign_prefix(n, v) + format_number(a);
        }
    }
    std::snprintf(spec, sizeof spec, "%%.%d%c", v.precision < 0 ? 6 : v.precision, verb);
    std::snprintf(buf, sizeof buf, spec, a);
    return sign_prefix(n, v) + buf;
}

int integer_base(const Verb& v) {
    return v.verb == 'b' ? 2 : v.verb == 'o' ? 8 : (v.verb == 'x' || v.verb == 'X') ? 16 : 10;
}

// An integer's digits in the verb's base, laid out by the verb: precision, `#` prefix, sign.
std::string integer_text(bool negative, std::string digits, const Verb& v) {
    int base = integer_base(v);
    if (v.precision >= 0 && digits.size() < static_cast<std::size_t>(v.precision))
        digits.insert(0, static_cast<std::size_t>(v.precision) - digits.size(), '0');
    if (v.sharp) digits = (base == 16 ? (v.verb == 'X' ? "0X" : "0x") : base == 8 ? "0" : base == 2 ? "0b" : "") + digits;
    return (negative ? "-" : v.plus ? "+" : v.space ? " " : "") + digits;
}

std::string integer_text(long long n, const Verb& v) {
    unsigned long long a = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    std::string digits;
    auto base = static_cast<unsigned>(integer_base(v));
    const char* alphabet = v.verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        digits.insert(digits.begin(), alphabet[a % base]);
        a /= base;
    } while (a);
    return integer_text(n < 0, std::move(digits), v);
}

// Formats one value for one verb; the error text when the value does not suit the verb.
std::optional<std::string> format_one(const Value& arg, const Verb& v, std::string& error) {
    std::string verb = std::string("%") + v.verb;
    if (arg.is_null() && v.verb != 'v') {
        error = "null value cannot be formatted with " + verb;
        return std::nullopt;
    }
    switch (v.verb) {
        case 'v':
            if (v.sharp) return pad(json_encode(arg), v, false);
            if (arg.is_null()) return pad("null", v, false);
            if (arg.is_list() || arg.is_object()) return pad(json_encode(arg), v, false);
            return pad(*as_text(arg), v, arg.is_number());
        case 's':
        case 'q': {
            auto text = as_text(arg);
            if (!text) break;
            std::string s = *text;
            if (v.precision >= 0) {
                auto starts = grapheme_starts(s);
                if (static_cast<std::size_t>(v.precision) < starts.size()) s.resize(starts[static_cast<std::size_t>(v.precision)]);
            }
            return pad(v.verb == 'q' ? go_quote(s) : s, v, false);
        }
        case 't': {
            auto b = as_bool(arg);
            if (!b) break;
            return pad(*b ? "true" : "false", v, false);
        }
        case 'd':
        case 'b':
        case 'o':
        case 'x':
        case 'X': {
            auto n = to_number(arg);
            if (!n) break;
            double d = n->as_number();
            if (!n->big() && d == std::floor(d) && std::fabs(d) < 9.2e18)
                return pad(integer_text(static_cast<long long>(d), v), v, true);
            // Past an int64: Go prints the big.Int's digits.
            auto digits = number::whole_digits(*n, integer_base(v), v.verb == 'X');
            if (!digits) {
                error = "an integer is required for " + verb;
                return std::nullopt;
            }
            bool negative = (*digits)[0] == '-';
            return pad(integer_text(negative, digits->substr(negative ? 1 : 0), v), v, true);
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            auto n = to_number(arg);
            if (!n) break;
            Verb fv = v;
            if (fv.verb == 'F') fv.verb = 'f';
            if (number::prints_exactly_only(*n)) {
                // big.Float's own Format: %e and %f default to 6 digits, %g to the shortest.
                bool general = fv.verb == 'g' || fv.verb == 'G';
                std::string s = number::go_format(*n, fv.verb, fv.precision >= 0 ? fv.precision : general ? -1 : 6);
                if (s[0] != '-') s = (v.plus ? "+" : v.space ? " " : "") + s;
                return pad(s, v, true);
            }
            return pad(go_float(n->as_number(), fv), v, true);
        }
        default: error = "unsupported format verb " + verb; return std::nullopt;
    }
    error = "unsupported value for " + verb + ": " + Value::kind_name(arg.kind()) + " cannot be formatted this way";
    return std::nullopt;
}

// Runs one format string over values; nullopt with `error` set on failure.
std::optional<std::string> run_format(std::string_view fmt, const std::vector<const Value*>& values, std::string& error) {
    std::string out;
    std::size_t next_arg = 0;
    bool any_index = false;
    std::size_t used = 0;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out += fmt[i];
            continue;
        }
        std::size_t at = i;
        if (++i >= fmt.size()) {
            error = "unterminated format verb at offset " + std::to_string(at);
            return std::nullopt;
        }
        if (fmt[i] == '%') {
            out += '%';
            continue;
        }
        Verb v;
        for (; i < fmt.size(); ++i) {
            char ch = fmt[i];
            if (ch == '-') v.minus = true;
            else if (ch == '+') v.plus = true;
            else if (ch == ' ') v.space = true;
            else if (ch == '0') v.zero = true;
            else if (ch == '#') v.sharp = true;
            else break;
        }
        if (i < fmt.size() && fmt[i] == '[') {
            std::size_t close = fmt.find(']', i);
            auto index = close == std::string_view::npos ? std::nullopt : parse_number(fmt.substr(i + 1, close - i - 1));
            if (!index || *index < 1 || *index != std::floor(*index)) {
                error = "invalid argument index at offset " + std::to_string(i);
                return std::nullopt;
            }
            next_arg = static_cast<std::size_t>(*index) - 1;
            any_index = true;
            i = close + 1;
        }
        auto read_int = [&](int& target) {
            if (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) {
                target = 0;
                while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i])))
                    target = std::min(target * 10 + (fmt[i++] - '0'), 100000);
            }
        };
        read_int(v.width);
        if (i < fmt.size() && fmt[i] == '.') {
            ++i;
            v.precision = 0;
            read_int(v.precision);
        }
        if (i >= fmt.size()) {
            error = "unterminated format verb at offset " + std::to_string(at);
            return std::nullopt;
        }
        v.verb = fmt[i];
        std::string verb_text(fmt.substr(at, i - at + 1));
        if (next_arg >= values.size()) {
            error = "not enough arguments for \"" + verb_text + "\" at " + std::to_string(at) + ": need index " +
                    std::to_string(next_arg + 1) + " but have " + std::to_string(values.size()) + " total";
            return std::nullopt;
        }
        std::string why;
        auto piece = format_one(*values[next_arg], v, why);
        if (!piece) {
            error = "unsupported value for \"" + verb_text + "\" at " + std::to_string(at) + ": " + why;
            return std::nullopt;
        }
        out += *piece;
        used = std::max(used, ++next_arg);
    }
    if (!any_index && used < values.size()) {
        error = "too many arguments; only " + std::to_string(used) + " used by format string";
        return std::nullopt;
    }
    return out;
}

// A formatted string built around exactly one value that has an origin keeps that origin:
// format("%s-bucket", var.region) still comes from var.region.
Value with_single_origin(Value result, const std::vector<const Value*>& values) {
    const Value* origin = nullptr;
    for (const Value* v : values) {
        if (!v->provenance && v->ref_asset.empty()) continue;
        if (origin) return result;
        origin = v;
    }
    return origin ? derived_from(std::move(result), *origin) : result;
}

Value fn_format(Call& c) {
    std::vector<const Value*> values;
    for (std::size_t i = 1; i < c.args.size(); ++i) values.push_back(&c.args[i]);
    std::string error;
    auto out = run_format(str(c, 0), values, error);
    if (!out) return c.fail("Call to function \"format\" failed: " + error);
    return with_single_origin(Value::string(std::move(*out), c.range), values);
}

Value fn_formatlist(Call& c) {
    std::optional<std::size_t> length;
    for (std::size_t i = 1; i < c.args.size(); ++i) {
        if (!c.args[i].is_list()) continue;
        std::size_t n = c.args[i].items().size();
        if (length && *length != n)
            return c.fail("Call to function \"formatlist\" failed: argument " + std::to_string(i) + " has length " +
                          std::to_string(n) + ", which is inconsistent with the other lists of length " +
                          std::to_string(*length));
        length = n;
    }
    ValueList out;
    for (std::size_t row = 0; row < length.value_or(1); ++row) {
        std::vector<const Value*> values;
        for (std::size_t i = 1; i < c.args.size(); ++i)
            values.push_back(c.args[i].is_list() ? &c.args[i].items()[row] : &c.args[i]);
        std::string error;
        auto text = run_format(str(c, 0), values, error);
        if (!text) return c.fail("Call to function \"formatlist\" failed: error on format iteration " +
                                 std::to_string(row) + ": " + error);
        out.push_back(with_single_origin(Value::string(std::move(*text), c.range), values));
    }
    return Value::list(std::move(out), c.range);
}

}  // namespace

std::vector<FunctionDef> string_functions() {
    const Param s{"str", Type::String};
    auto one = [&](std::string_view name, FunctionImpl f) {
        return FunctionDef{name, {s}, std::nullopt, Unknowns::Deep, f};
    };
    return {
        one("chomp", fn_chomp),
        {"endswith", {s, {"suffix", Type::String}}, std::nullopt, Unknowns::Deep, fn_endswith},
        {"format", {{"format", Type::String}}, Param{"args", Type::Any}, Unknowns::Deep, fn_format},
        {"formatlist", {{"format", Type::String}}, Param{"args", Type::Any}, Unknowns::Deep, fn_formatlist},
        {"indent", {{"spaces", Type::Number}, s}, std::nullopt, Unknowns::Deep, fn_indent},
        {"join", {{"separator", Type::String}, {"lists", Type::List}}, Param{"lists", Type::List}, Unknowns::Deep, fn_join},
        one("lower", fn_lower),
        {"replace", {s, {"substr", Type::String}, {"replace", Type::String}}, std::nullopt, Unknowns::Deep, fn_replace},
        {"split", {{"separator", Type::String}, s}, std::nullopt, Unknowns::Deep, fn_split},
        {"startswith", {s, {"prefix", Type::String}}, std::nullopt, Unknowns::Deep, fn_startswith},
        {"strcontains", {s, {"substr", Type::String}}, std::nullopt, Unknowns::Deep, fn_strcontains},
        one("strrev", fn_strrev),
        {"substr", {s, {"offset", Type::Number}, {"length", Type::Number}}, std::nullopt, Unknowns::Deep, fn_substr},
        one("title", fn_title),
        {"trim", {s, {"cutset", Type::String}}, std::nullopt, Unknowns::Deep, fn_trim},
        {"trimprefix", {s, {"prefix", Type::String}}, std::nullopt, Unknowns::Deep, fn_trimprefix},
        {"trimsuffix", {s, {"suffix", Type::String}}, std::nullopt, Unknowns::Deep, fn_trimsuffix},
        one("trimspace", fn_trimspace),
        one("upper", fn_upper),
    };
}

}  // namespace residency::hcl::detail
