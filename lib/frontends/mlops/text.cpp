// Compose's interpolation, `.env` files and shell words, written after compose-go (template,
// dotenv) and go-shellwords, which `docker compose` uses.
#include "frontends/mlops/text.hpp"

#include <cctype>

namespace residency::mlops {

namespace {

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool blank(char c) { return c == ' ' || c == '\t'; }

// The end of the `${...}` opening at `at` (the index of its `}`), nesting counted; npos if unclosed.
std::size_t brace_end(std::string_view s, std::size_t at) {
    std::size_t depth = 0;
    for (std::size_t j = at; j < s.size(); ++j) {
        if (s[j] == '$' && j + 1 < s.size() && s[j + 1] == '{') {
            ++depth;
            ++j;
        } else if (s[j] == '}' && --depth == 0) {
            return j;
        }
    }
    return std::string_view::npos;
}

class Interpolator {
public:
    Interpolator(const Interpolation& in, Range range) : in_(in), range_(range) {}

    Value run(std::string_view text, std::vector<LoadProblem>* errors) {
        std::string out = expand(text);
        if (!error_.empty()) {
            if (errors) errors->push_back({range_, error_});
            return Value::unknown(error_, range_, UnknownCause::Error);
        }
        if (!unknown_.empty()) return Value::unknown(unknown_, range_, UnknownCause::Input).with_provenance(provenance_);
        Value v = Value::string(std::move(out), range_);
        return provenance_ ? v.with_provenance(provenance_) : v;
    }

private:
    std::string expand(std::string_view s) {
        std::string out;
        for (std::size_t i = 0; i < s.size();) {
            if (s[i] != '$' || i + 1 == s.size()) {
                out += s[i++];
                continue;
            }
            char next = s[i + 1];
            if (next == '$') {
                out += '$';
                i += 2;
            } else if (next == '{') {
                std::size_t end = brace_end(s, i);
                if (end == std::string_view::npos) {
                    fail("invalid interpolation: \"" + std::string(s.substr(i)) + "\" has no closing }");
                    return out;
                }
                out += braced(s.substr(i + 2, end - i - 2));
                i = end + 1;
            } else if (name_start(next)) {
                std::size_t k = i + 1;
                while (k < s.size() && name_char(s[k])) ++k;
                out += take(s.substr(i + 1, k - i - 1));
                i = k;
            } else {
                out += s[i++];
            }
        }
        return out;
    }

    // The body of `${...}`: a name, then nothing or an operator and its argument.
    std::string braced(std::string_view body) {
        std::size_t k = 0;
        while (k < body.size() && name_char(body[k])) ++k;
        std::string_view name = body.substr(0, k);
        std::string_view rest = body.substr(k);
        if (name.empty() || !name_start(name.front())) {
            fail("invalid interpolation: \"${" + std::string(body) + "}\" does not start with a variable name");
            return "";
        }
        if (rest.empty()) return take(name);
        bool colon = rest.front() == ':';
        if (colon) rest.remove_prefix(1);
        if (rest.empty() || (rest.front() != '-' && rest.front() != '?' && rest.front() != '+')) {
            fail("invalid interpolation: \"${" + std::string(body) + "}\" (expected :-, -, :?, ?, :+ or + after the name)");
            return "";
        }
        char op = rest.front();
        std::string_view arg = rest.substr(1);
        const Value* v = in_.variables.find(name) != in_.variables.end() ? &in_.variables.find(name)->second : nullptr;
        // `:` forms treat an empty value as unset; an unknown value counts as set and not empty.
        bool use = v && (!colon || v->is_unknown() || !v->is_string() || !v->as_string().empty());
        switch (op) {
            case '-':
                return use ? take(name) : expand(arg);
            case '?':
                if (use) return take(name);
                unknown("required variable " + std::string(name) + " is not set" + (arg.empty() ? "" : " (\"" + std::string(arg) + "\")") +
                        ": " + in_.unset_hint);
                return "";
            default:  // '+'
                if (!use) return "";
                take(name);
                return expand(arg);
        }
    }

    std::string take(std::string_view name) {
        auto it = in_.variables.find(name);
        if (it == in_.variables.end()) {
            unknown("variable " + std::string(name) + " is not set: " + in_.unset_hint);
            return "";
        }
        const Value& v = it->second;
        provenance_ = prepend("${" + std::string(name) + "} in " + in_.where, v.range, provenance_ ? provenance_ : v.provenance);
        if (v.is_unknown()) {
            unknown("variable " + std::string(name) + " in " + in_.where + " is unknown: " + v.unknown_reason());
            return "";
        }
        return v.is_string() ? v.as_string() : v.display();
    }

    void unknown(std::string reason) {
        if (unknown_.empty()) unknown_ = std::move(reason);
    }
    void fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
    }

    const Interpolation& in_;
    Range range_;
    Provenance provenance_;
    std::string unknown_;
    std::string error_;
};

Range sub(FileId file, std::size_t begin, std::size_t end) {
    return Range{file, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

}  // namespace

Value interpolate(std::string_view text, Range range, const Interpolation& in, std::vector<LoadProblem>* errors) {
    return Interpolator(in, range).run(text, errors);
}

bool has_interpolation(std::string_view text) { return text.find('$') != std::string_view::npos; }

Dotenv parse_dotenv(FileId file, std::string_view t, const std::string& where) {
    Dotenv out;
    Variables earlier;
    Interpolation in{earlier, where, "it is not set before this line in " + where + " (compose takes it from the shell environment)"};
    auto line_end = [&](std::size_t at) {
        std::size_t eol = t.find('\n', at);
        return eol == std::string_view::npos ? t.size() : eol;
    };
    for (std::size_t i = 0; i < t.size();) {
        while (i < t.size() && (blank(t[i]) || t[i] == '\r')) ++i;
        if (i >= t.size()) break;
        if (t[i] == '\n' || t[i] == '#') {
            i = line_end(i) + 1;
            continue;
        }
        std::size_t line_begin = i;
        if (t.substr(i).starts_with("export") && i + 6 < t.size() && blank(t[i + 6])) {
            i += 6;
            while (i < t.size() && blank(t[i])) ++i;
        }
        std::size_t name_begin = i;
        while (i < t.size() && (name_char(t[i]) || t[i] == '.' || t[i] == '-')) ++i;
        std::string name(t.substr(name_begin, i - name_begin));
        Range name_range = sub(file, name_begin, i);
        while (i < t.size() && blank(t[i])) ++i;
        bool at_eol = i >= t.size() || t[i] == '\n' || t[i] == '\r' || t[i] == '#';
        if (name.empty() || (!at_eol && t[i] != '=')) {
            out.errors.push_back({sub(file, line_begin, line_begin), "expected NAME=value in " + where});
            i = line_end(i) + 1;
            continue;
        }
        if (at_eol) {
            // A bare name: compose passes the variable of its own environment, if any.
            Value v = Value::unknown(name + " is taken from the shell environment (" + where + " names it without a value)",
                                     name_range, UnknownCause::Input);
            out.entries.push_back({name, name_range, v});
            earlier.insert_or_assign(name, v);
            i = line_end(i) + 1;
            continue;
        }
        ++i;  // '='
        while (i < t.size() && blank(t[i])) ++i;
        Value value;
        if (i < t.size() && t[i] == '\'') {
            std::size_t close = t.find('\'', i + 1);
            if (close == std::string_view::npos) {
                out.errors.push_back({sub(file, i, i), "the single quote opened here is not closed"});
                break;
            }
            value = Value::string(std::string(t.substr(i + 1, close - i - 1)), sub(file, i, close + 1));
            i = close + 1;
        } else if (i < t.size() && t[i] == '"') {
            std::string text;
            std::size_t j = i + 1;
            for (; j < t.size() && t[j] != '"'; ++j) {
                if (t[j] == '\\' && j + 1 < t.size()) {
                    char e = t[++j];
                    if (e == 'n') text += '\n';
                    else if (e == 'r') text += '\r';
                    else if (e == 't') text += '\t';
                    else if (e == '"' || e == '\\') text += e;
                    else text += std::string{'\\', e};
                    continue;
                }
                text += t[j];
            }
            if (j >= t.size()) {
                out.errors.push_back({sub(file, i, i), "the double quote opened here is not closed"});
                break;
            }
            Range r = sub(file, i, j + 1);
            value = has_interpolation(text) ? interpolate(text, r, in, &out.errors) : Value::string(std::move(text), r);
            i = j + 1;
        } else {
            std::size_t eol = line_end(i);
            std::size_t end = eol;
            for (std::size_t k = i; k < eol; ++k)
                if (t[k] == '#' && (k == i || blank(t[k - 1]))) {
                    end = k;
                    break;
                }
            while (end > i && (blank(t[end - 1]) || t[end - 1] == '\r')) --end;
            std::string_view text = t.substr(i, end - i);
            Range r = sub(file, i, end);
            value = has_interpolation(text) ? interpolate(text, r, in, &out.errors) : Value::string(std::string(text), r);
            i = end;
        }
        out.entries.push_back({name, name_range, value});
        earlier.insert_or_assign(name, value);
        i = line_end(i) + 1;  // what follows a closing quote on its line is a comment or ignored
    }
    return out;
}

std::optional<std::vector<Word>> split_words(std::string_view s) {
    std::vector<Word> out;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (std::size_t i = 0; i < s.size();) {
        while (i < s.size() && space(s[i])) ++i;
        if (i >= s.size()) break;
        Word w;
        w.begin = i;
        while (i < s.size() && !space(s[i])) {
            char c = s[i];
            if (c == '\'') {
                std::size_t close = s.find('\'', i + 1);
                if (close == std::string_view::npos) return std::nullopt;
                w.text += s.substr(i + 1, close - i - 1);
                w.quoted = true;
                i = close + 1;
            } else if (c == '"') {
                ++i;
                while (i < s.size() && s[i] != '"') {
                    if (s[i] == '\\' && i + 1 < s.size()) ++i;
                    w.text += s[i++];
                }
                if (i >= s.size()) return std::nullopt;
                w.quoted = true;
                ++i;
            } else if (c == '\\') {
                if (i + 1 < s.size()) w.text += s[i + 1];
                i += 2;
            } else if (c == '$' && i + 1 < s.size() && s[i + 1] == '{') {
                std::size_t end = brace_end(s, i);
                end = end == std::string_view::npos ? s.size() : end + 1;
                w.text += s.substr(i, end - i);
                i = end;
            } else {
                w.text += c;
                ++i;
            }
        }
        w.end = std::min(i, s.size());
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace residency::mlops
