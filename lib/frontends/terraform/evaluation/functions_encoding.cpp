// Terraform's encoding functions: base64, CSV, JSON (Terraform's exact jsonencode output) and URL.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "core/json.hpp"
#include "frontends/kubernetes/yaml_stream.hpp"
#include "policy/policy_yaml.hpp"

#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl::detail {

namespace {

// Go's encoding/json string escaping with HTML-safe escapes, as Terraform's jsonencode produces.
void json_string(std::string_view s, std::string& out) {
    out += '"';
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char u = static_cast<unsigned char>(s[i]);
        switch (u) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default:
                if (u < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", u);
                    out += buf;
                } else if (u == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                           (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
                    out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                    i += 2;
                } else {
                    out += s[i];
                }
        }
    }
    out += '"';
}

void json_value(const Value& v, std::string& out) {
    switch (v.kind()) {
        case Value::Kind::Null:
        case Value::Kind::Unknown: out += "null"; break;
        case Value::Kind::Bool: out += v.as_bool() ? "true" : "false"; break;
        case Value::Kind::Number: out += number_text(v); break;
        case Value::Kind::String: json_string(v.as_string(), out); break;
        case Value::Kind::List: {
            out += '[';
            bool first = true;
            for (const auto& item : v.items()) {
                if (!first) out += ',';
                first = false;
                json_value(item, out);
            }
            out += ']';
            break;
        }
        case Value::Kind::Object: {
            out += '{';
            bool first = true;
            for (const auto& [k, item] : v.fields()) {
                if (!first) out += ',';
                first = false;
                json_string(k, out);
                out += ':';
                json_value(item, out);
            }
            out += '}';
            break;
        }
    }
}

// The first infinity inside a value (JSON has none), or nullptr.
const Value* find_infinity(const Value& v) {
    if (v.is_number()) return std::isinf(v.as_number()) && !v.big() ? &v : nullptr;
    for (const Value& item : v.items())
        if (const Value* f = find_infinity(item)) return f;
    for (const auto& [k, field] : v.fields())
        if (const Value* f = find_infinity(field)) return f;
    return nullptr;
}

Value fn_jsonencode(Call& c) {
    if (find_infinity(c.args[0]))
        return c.fail("Call to function \"jsonencode\" failed: cannot serialize infinity as JSON");
    return Value::string(json_encode(c.args[0]), c.range);
}

Value fn_jsondecode(Call& c) {
    json::ParseResult parsed = json::parse(kNoFile, c.args[0].as_string());
    if (!parsed.ok) return c.invalid("str", "the given string is not valid JSON: " + parsed.error);
    return json::to_value(parsed.root, &c.range);
}

// YAML 1.1 booleans, as go-cty-yaml (Terraform's yamldecode) resolves plain scalars: y, yes, on...
std::optional<bool> yaml_bool(const std::string& t) {
    static const char* const yes[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
    static const char* const no[] = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
    for (const char* w : yes)
        if (t == w) return true;
    for (const char* w : no)
        if (t == w) return false;
    return std::nullopt;
}

// A date (2024-01-01), which go-cty-yaml resolves to a timestamp and writes as RFC 3339.
bool yaml_date(const std::string& t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[i] < '0' || t[i] > '9') return false;
    return true;
}

// Plain scalars resolved as go-cty-yaml (Terraform's yamldecode) does; quoted ones are strings.
// An infinity cannot be a Terraform number: the caller reports it.
Value yaml_scalar(const policy_yaml::Node& n, Range r) {
    const std::string& t = n.text;
    if (!n.plain) return Value::string(t, r);
    if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") return Value::null(r);
    if (auto b = yaml_bool(t)) return Value::boolean(*b, r);
    if (yaml_date(t)) return Value::string(t + "T00:00:00Z", r);
    auto all_of = [&](std::size_t from, const char* digits) {
        return from < t.size() && t.find_first_not_of(digits, from) == std::string::npos;
    };
    std::size_t sign = (t[0] == '-' || t[0] == '+') ? 1 : 0;
    // Decimals are read from their text (cty.ParseNumberVal), 0o and 0x as int64s.
    if (all_of(sign, "0123456789")) return number::parse(t, r);
    if (t.starts_with("0o") && all_of(2, "01234567"))
        return Value::number(static_cast<double>(std::strtoll(t.c_str() + 2, nullptr, 8)), r, NumberPrecision::Int64);
    if (t.starts_with("0x") && all_of(2, "0123456789abcdefABCDEF"))
        return Value::number(static_cast<double>(std::strtoll(t.c_str() + 2, nullptr, 16)), r, NumberPrecision::Int64);
    if (t == ".inf" || t == ".Inf" || t == ".INF" || t == "+.inf") return Value::number(HUGE_VAL, r);
    if (t == "-.inf" || t == "-.Inf" || t == "-.INF") return Value::number(-HUGE_VAL, r);
    bool numeric = all_of(sign, "0123456789.eE+-") && t.find_first_of("0123456789") != std::string::npos;
    if (numeric) {
        char* end = nullptr;
        std::strtod(t.c_str(), &end);
        if (end && *end == '\0') return number::parse(t, r);
    }
    return Value::string(t, r);
}

// A document's nodes as values, aliases expanded as go-cty-yaml does: an alias stands for the value
// its anchor last named, which values share rather than copy. The expanded size is counted (what
// jsonencode and every walk over the result see) and bounded as for Kubernetes manifests, so an
// alias bomb is refused instead of multiplying into the evaluation.
struct YamlValues {
    Range range;
    std::map<std::string, std::pair<Value, std::size_t>, std::less<>> anchors;  // value, expanded size
    std::set<std::string, std::less<>> pending;  // anchors whose node is being read
    std::size_t total = 0;
    std::string error;

    Value fail(std::string why) {
        if (error.empty()) error = std::move(why);
        return Value::null(range);
    }

    Value convert(const policy_yaml::Node& n, std::size_t& size) {
        using Kind = policy_yaml::Node::Kind;
        if (!error.empty()) return Value::null(range);
        if (n.kind == Kind::Alias) {
            if (pending.contains(n.text))
                return fail("cannot refer to anchor \"" + n.text + "\" from inside its own definition");
            auto it = anchors.find(n.text);
            if (it == anchors.end()) return fail("reference to undefined anchor \"" + n.text + "\"");
            size = it->second.second;
            if ((total += size) > yaml::kMaxExpandedNodes)
                return fail("aliases expand this document to more than " + std::to_string(yaml::kMaxExpandedNodes) +
                            " values; residency does not read it (an alias bomb?)");
            return it->second.first.at(range);
        }
        if (!n.anchor.empty()) pending.insert(n.anchor);
        size = 1;
        ++total;
        Value out = Value::null(range);
        if (n.kind == Kind::Scalar) {
            out = yaml_scalar(n, range);
        } else if (n.kind == Kind::Sequence) {
            ValueList items;
            items.reserve(n.items.size());
            for (const auto& i : n.items) {
                std::size_t s = 0;
                items.push_back(convert(i, s));
                size += s;
            }
            out = Value::list(std::move(items), range);
        } else {
            ValueMap fields;
            for (std::size_t i = 0; i + 1 < n.items.size(); i += 2) {
                // A key is a scalar resolved as a value, then converted to a string: `n:` is
                // "false". Its anchor names nothing (go-cty-yaml reads keys without anchors).
                const auto& key = n.items[i];
                if (key.kind != Kind::Scalar) return fail("only strings are allowed as mapping keys");
                std::optional<bool> b = key.plain ? yaml_bool(key.text) : std::nullopt;
                std::size_t s = 0;
                Value v = convert(n.items[i + 1], s);
                size += s;
                fields.insert_or_assign(b ? (*b ? "true" : "false") : key.text, std::move(v));
            }
            out = Value::object(std::move(fields), range);
        }
        if (!n.anchor.empty()) {
            pending.erase(n.anchor);
            anchors.insert_or_assign(n.anchor, std::pair{out, size});
        }
        return out;
    }
};

// One document; explicit tags are refused, aliases expanded within a bound.
Value fn_yamldecode(Call& c) {
    auto loaded = policy_yaml::load(c.args[0].as_string(), true);
    if (auto* err = std::get_if<policy_yaml::Error>(&loaded)) return c.invalid("src", err->message);
    const std::string& src = c.args[0].as_string();
    if (src.find_first_not_of(" \t\r\n") == std::string::npos)
        return c.invalid("src", "the string holds no YAML document");
    YamlValues reader;
    reader.range = c.range;
    std::size_t size = 0;
    Value out = reader.convert(std::get<policy_yaml::Node>(loaded), size);
    if (!reader.error.empty()) return c.invalid("src", reader.error);
    if (find_infinity(out))
        return c.fail("Call to function \"yamldecode\" failed: cannot represent an infinity as a number");
    return out;
}

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view in) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); i += 3) {
        std::uint32_t n = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
        if (i + 2 < in.size()) n |= static_cast<unsigned char>(in[i + 2]);
        out += kBase64[(n >> 18) & 63];
        out += kBase64[(n >> 12) & 63];
        out += i + 1 < in.size() ? kBase64[(n >> 6) & 63] : '=';
        out += i + 2 < in.size() ? kBase64[n & 63] : '=';
    }
    return out;
}

// Go's StdEncoding: padding required; CR and LF are skipped.
std::optional<std::string> unbase64(std::string_view in) {
    std::string clean;
    for (char ch : in)
        if (ch != '\r' && ch != '\n') clean += ch;
    if (clean.size() % 4 != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < clean.size(); i += 4) {
        std::uint32_t n = 0;
        int pad = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            char ch = clean[i + k];
            n <<= 6;
            if (ch == '=') {
                if (i + 4 != clean.size() || k < 2) return std::nullopt;
                ++pad;
                continue;
            }
            if (pad) return std::nullopt;
            auto pos = kBase64.find(ch);
            if (pos == std::string_view::npos) return std::nullopt;
            n |= static_cast<std::uint32_t>(pos);
        }
        out += static_cast<char>((n >> 16) & 0xFF);
        if (pad < 2) out += static_cast<char>((n >> 8) & 0xFF);
        if (pad < 1) out += static_cast<char>(n & 0xFF);
    }
    return out;
}

Value fn_base64encode(Call& c) { return Value::string(base64(c.args[0].as_string()), c.range); }

Value fn_base64decode(Call& c) {
    const std::string& in = c.args[0].as_string();
    auto out = unbase64(in);
    if (!out) return c.invalid("str", "failed to decode base64 data \"" + in + "\"");
    if (!valid_utf8(*out)) return c.invalid("str", "the result of decoding the provided string is not valid UTF-8");
    return Value::string(std::move(*out), c.range);
}

// RFC 4180 records as Go's encoding/csv reads them (blank lines skipped).
std::optional<std::vector<std::vector<std::string>>> parse_csv(std::string_view s, std::string& error) {
    std::vector<std::vector<std::string>> rows;
    std::size_t i = 0, line = 1;
    while (i < s.size()) {
        if (s[i] == '\n' || (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) {
            i += s[i] == '\r' ? 2 : 1;
            ++line;
            continue;
        }
        std::vector<std::string> row;
        while (true) {
            std::string field;
            if (i < s.size() && s[i] == '"') {
                ++i;
                while (true) {
                    if (i >= s.size()) {
                        error = "parse error on line " + std::to_string(line) + ": extraneous or missing \" in quoted-field";
                        return std::nullopt;
                    }
                    if (s[i] == '"') {
                        if (i + 1 < s.size() && s[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (s[i] == '\n') ++line;
                    field += s[i++];
                }
                if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
                    error = "parse error on line " + std::to_string(line) + ": extraneous or missing \" in quoted-field";
                    return std::nullopt;
                }
            } else {
                while (i < s.size() && s[i] != ',' && s[i] != '\n' && !(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) {
                    if (s[i] == '"') {
                        error = "parse error on line " + std::to_string(line) + ": bare \" in non-quoted-field";
                        return std::nullopt;
                    }
                    field += s[i++];
                }
            }
            row.push_back(std::move(field));
            if (i < s.size() && s[i] == ',') {
                ++i;
                continue;
            }
            break;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Value fn_csvdecode(Call& c) {
    std::string error;
    auto rows = parse_csv(c.args[0].as_string(), error);
    if (!rows) return c.invalid("str", error);
    if (rows->empty()) return c.invalid("str", "missing header line");
    const auto& header = rows->front();
    for (std::size_t k = 0; k < header.size(); ++k)
        for (std::size_t j = 0; j < k; ++j)
            if (header[j] == header[k])
                return c.invalid("str", "duplicate column name \"" + header[k] + "\"");
    ValueList out;
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const auto& row = (*rows)[r];
        if (row.size() != header.size())
            return c.invalid("str", "record on line " + std::to_string(r + 1) + ": wrong number of fields");
        ValueMap fields;
        for (std::size_t k = 0; k < header.size(); ++k) fields.insert_or_assign(header[k], Value::string(row[k], c.range));
        out.push_back(Value::object(std::move(fields), c.range));
    }
    return Value::list(std::move(out), c.range);
}

// Go's url.QueryEscape.
Value fn_urlencode(Call& c) {
    std::string out;
    for (char ch : c.args[0].as_string()) {
        unsigned char u = static_cast<unsigned char>(ch);
        if (std::isalnum(u) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
            out += ch;
        } else if (ch == ' ') {
            out += '+';
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", u);
            out += buf;
        }
    }
    return Value::string(std::move(out), c.range);
}

}  // namespace

std::string json_encode(const Value& v) {
    std::string out;
    json_value(v, out);
    return out;
}

std::string base64_encode(std::string_view bytes) { return base64(bytes); }

std::vector<FunctionDef> encoding_functions() {
    const Param s{"str", Type::String};
    return {
        {"base64decode", {s}, std::nullopt, Unknowns::Deep, fn_base64decode},
        {"base64encode", {s}, std::nullopt, Unknowns::Deep, fn_base64encode},
        {"csvdecode", {s}, std::nullopt, Unknowns::Deep, fn_csvdecode},
        {"jsondecode", {s}, std::nullopt, Unknowns::Deep, fn_jsondecode},
        {"yamldecode", {{"src", Type::String}}, std::nullopt, Unknowns::Deep, fn_yamldecode},
        {"jsonencode", {{"val", Type::Any, true}}, std::nullopt, Unknowns::Deep, fn_jsonencode},
        {"urlencode", {s}, std::nullopt, Unknowns::Deep, fn_urlencode},
    };
}

}  // namespace residency::hcl::detail
