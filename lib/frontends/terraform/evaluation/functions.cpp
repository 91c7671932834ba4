// Terraform's built-in function library: the dispatcher, argument conversion and shared helpers.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl {
namespace detail {

std::string format_number(double n) {
    if (n == 0) return std::signbit(n) ? "-0" : "0";  // cty keeps the sign of zero
    if (std::isnan(n)) return "NaN";
    if (std::isinf(n)) return n > 0 ? "+Inf" : "-Inf";  // as Go formats a big.Float
    char buf[512];
    auto res = std::to_chars(buf, buf + sizeof buf, n, std::chars_format::fixed);
    return std::string(buf, res.ptr);
}

std::optional<double> parse_number(std::string_view text) {
    std::string_view s = text;
    if (!s.empty() && s[0] == '+') s.remove_prefix(1);
    // Validate the decimal grammar first: from_chars alone would accept "inf", "nan" and hex.
    std::size_t i = 0, n = s.size();
    if (i < n && s[i] == '-') ++i;
    std::size_t digits = 0;
    while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp_digits;
        if (exp_digits == 0) return std::nullopt;
    }
    if (i != n) return std::nullopt;
    double out = 0;
    auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    if (res.ptr != s.data() + s.size()) return std::nullopt;
    // Past a double's range (1e400) the number is still one: its text is read exactly elsewhere.
    if (res.ec == std::errc::result_out_of_range) return std::strtod(std::string(s).c_str(), nullptr);
    if (res.ec != std::errc()) return std::nullopt;
    return out;
}

std::optional<std::string> as_text(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::String: return v.as_string();
        case Value::Kind::Number: return number_text(v);
        case Value::Kind::Bool: return std::string(v.as_bool() ? "true" : "false");
        default: return std::nullopt;
    }
}

std::string number_text(const Value& n) {
    return number::prints_exactly_only(n) ? number::text(n) : format_number(n.as_number());
}

std::optional<Value> to_number(const Value& v) {
    if (v.is_number()) return v;
    if (v.is_string() && parse_number(v.as_string())) return number::parse(v.as_string(), v.range);
    return std::nullopt;
}

std::optional<double> as_number(const Value& v) {
    if (v.is_number()) return v.as_number();
    if (v.is_string()) return parse_number(v.as_string());
    return std::nullopt;
}

std::optional<bool> as_bool(const Value& v) {
    if (v.is_bool()) return v.as_bool();
    if (v.is_string() && v.as_string() == "true") return true;
    if (v.is_string() && v.as_string() == "false") return false;
    return std::nullopt;
}

std::optional<long long> as_integer(const Value& v) {
    auto n = as_number(v);
    if (!n || *n != std::floor(*n) || std::fabs(*n) >= 9.2e18) return std::nullopt;
    return static_cast<long long>(*n);
}

const Value* find_unknown(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Unknown: return &v;
        case Value::Kind::List:
            for (const auto& item : v.items())
                if (const Value* u = find_unknown(item)) return u;
            return nullptr;
        case Value::Kind::Object:
            for (const auto& [k, item] : v.fields())
                if (const Value* u = find_unknown(item)) return u;
            return nullptr;
        default: return nullptr;
    }
}

const Value* find_incomplete(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Unknown: return &v;
        case Value::Kind::List:
            for (const auto& item : v.items())
                if (const Value* u = find_incomplete(item)) return u;
            return nullptr;
        case Value::Kind::Object:
            if (v.is_open()) return &v;
            for (const auto& [k, item] : v.fields())
                if (const Value* u = find_incomplete(item)) return u;
            return nullptr;
        default: return nullptr;
    }
}

Value incomplete_unknown(const Value& incomplete, Range range) {
    return incomplete.is_unknown() ? propagate_unknown(incomplete, range) : unlisted_attributes(incomplete, range);
}

const Value* first_unknown(const std::vector<Value>& values, bool deep) {
    for (const auto& v : values) {
        if (v.is_unknown()) return &v;
        if (deep)
            if (const Value* u = find_incomplete(v)) return u;
    }
    return nullptr;
}

namespace {
// A data source's address: "data.aws_region.current", "module.m.data.aws_region.current".
bool is_data_address(std::string_view address) {
    return address.starts_with("data.") || address.find(".data.") != std::string_view::npos;
}
}  // namespace

Value unlisted_attribute(const Value& object, std::string_view name, Range range) {
    const std::string& ref = object.ref_asset;
    std::string reason = ref.empty() ? "attribute \"" + std::string(name) + "\" is known only after apply"
                         : is_data_address(ref)
                             ? ref + "." + std::string(name) + " is read from the existing object when Terraform plans"
                             : ref + "." + std::string(name) + " is known only after apply";
    return derived_from(Value::unknown(std::move(reason), range, UnknownCause::AfterApply), object);
}

Value unlisted_attributes(const Value& object, Range range) {
    const std::string& ref = object.ref_asset;
    std::string reason = (ref.empty() ? std::string("the attributes of a resource") : "the attributes of " + ref) +
                         (is_data_address(ref) ? " are read when Terraform plans" : " are known only after apply");
    return derived_from(Value::unknown(std::move(reason), range, UnknownCause::AfterApply), object);
}

// The result of an operation on an unknown is that unknown, but not its pattern: lower("a${x}") is
// not "a${x}".
Value propagate_unknown(const Value& unknown, Range range) {
    Value out = unknown.pattern() ? unknown.without_pattern() : unknown;
    if (!out.range.valid()) out.range = range;
    return out;
}

Value derived_from(Value result, const Value& source) {
    if (!result.provenance) result.provenance = source.provenance;
    if (result.ref_asset.empty()) result.ref_asset = source.ref_asset;
    return result;
}

Value child_of(const Value& parent, Value child) {
    if (!child.range.valid()) child.range = parent.range;
    return derived_from(std::move(child).element_of(parent), parent);
}

// cty orders primitive set elements: strings bytewise, numbers numerically, false before true.
std::optional<ValueList> make_set(const ValueList& items) {
    bool strings = false, numbers = false, bools = false, other = false;
    for (const auto& v : items) {
        strings |= v.is_string();
        numbers |= v.is_number();
        bools |= v.is_bool();
        other |= !(v.is_string() || v.is_number() || v.is_bool());
    }
    if (other) {
        ValueList out;
        for (const auto& v : items) {
            if (v.is_null()) return std::nullopt;
            if (std::none_of(out.begin(), out.end(), [&](const Value& o) { return same_data(o, v); }))
                out.push_back(v);
        }
        return out;
    }
    if (numbers && bools && !strings) return std::nullopt;
    ValueList out = items;
    if (strings && (numbers || bools))
        for (auto& v : out) v = Value::string(*as_text(v), v.range).with_provenance(v.provenance);
    std::stable_sort(out.begin(), out.end(), [](const Value& a, const Value& b) {
        if (a.is_string()) return a.as_string() < b.as_string();
        if (a.is_number()) return a.as_number() < b.as_number();
        return !a.as_bool() && b.as_bool();
    });
    out.erase(std::unique(out.begin(), out.end(), [](const Value& a, const Value& b) { return same_data(a, b); }),
              out.end());
    return out;
}

std::vector<std::size_t> char_starts(std::string_view s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
    return out;
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

namespace {

const char* type_phrase(Type t) {
    switch (t) {
        case Type::String: return "string required";
        case Type::Number: return "number required";
        case Type::Bool: return "bool required";
        case Type::List: return "list of any single type required";
        case Type::Object: return "map or object required";
        case Type::Any: return "";
    }
    return "";
}

// Converts one argument to its parameter's type in place; the error when it cannot be.
std::optional<Value> convert_arg(Call& c, Value& arg, const Param& p) {
    if (arg.is_unknown() || p.type == Type::Any) return std::nullopt;
    if (arg.is_null()) {
        if (p.allow_null) return std::nullopt;
        return c.invalid(p.name, "argument must not be null");
    }
    std::optional<Value> converted;
    bool exact = false;
    switch (p.type) {
        case Type::Any: break;
        case Type::String:
            exact = arg.is_string();
            if (!exact)
                if (auto s = as_text(arg)) converted = Value::string(*s);
            break;
        case Type::Number:
            exact = arg.is_number();
            if (!exact)
                if (auto n = to_number(arg)) converted = std::move(*n);
            break;
        case Type::Bool:
            exact = arg.is_bool();
            if (!exact)
                if (auto b = as_bool(arg)) converted = Value::boolean(*b);
            break;
        case Type::List: exact = arg.is_list(); break;
        case Type::Object: exact = arg.is_object(); break;
    }
    if (exact) return std::nullopt;
    if (converted) {
        converted->range = arg.range;
        arg = derived_from(std::move(*converted), arg);
        return std::nullopt;
    }
    std::string why;
    if (arg.is_string() && p.type == Type::Number)
        why = "a number is required, got string " + arg.display();
    else if (arg.is_string() && p.type == Type::Bool)
        why = "a bool is required, got string " + arg.display();
    else
        why = std::string(type_phrase(p.type)) + ", got " + Value::kind_name(arg.kind());
    return c.invalid(p.name, why);
}

std::string arity_message(const FunctionDef& def, std::size_t given) {
    std::size_t n = def.params.size();
    std::string expected = def.variadic ? "at least " + std::to_string(n) : std::to_string(n);
    return "function \"" + std::string(def.name) + "\" expects " + expected + (n == 1 ? " argument" : " arguments") +
           ", got " + std::to_string(given);
}

// try() and can() need the unevaluated expressions; the evaluator handles them. Called directly with
// values, an error cannot be told from an unknown, so both stay conservative.
Value fn_try(Call& c) {
    if (c.args.empty()) return c.fail("try requires at least one argument");
    return c.args[0];
}
Value fn_can(Call& c) {
    if (c.args[0].is_unknown()) return propagate_unknown(c.args[0], c.range);
    return Value::boolean(true, c.range);
}

std::vector<FunctionDef> general_functions() {
    return {
        {"can", {{"expression"}}, std::nullopt, Unknowns::Custom, fn_can},
        {"try", {}, Param{"expressions"}, Unknowns::Custom, fn_try},
    };
}

const std::vector<FunctionDef>& table() {
    static const std::vector<FunctionDef> all = [] {
        std::vector<FunctionDef> out;
        for (auto family : {general_functions, numeric_functions, string_functions, regex_functions, collection_functions,
                            encoding_functions, filesystem_functions, conversion_functions, network_functions}) {
            auto defs = family();
            out.insert(out.end(), defs.begin(), defs.end());
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        return out;
    }();
    return all;
}

const FunctionDef* find_def(std::string_view name) {
    const auto& all = table();
    auto it = std::lower_bound(all.begin(), all.end(), name, [](const auto& d, std::string_view n) { return d.name < n; });
    return it != all.end() && it->name == name ? &*it : nullptr;
}

bool differs_every_run(std::string_view name) {
    return name == "timestamp" || name == "plantimestamp" || name == "uuid" || name == "bcrypt";
}

std::string unsupported_reason(std::string_view name) {
    if (differs_every_run(name))
        return std::string(name) + "() gives a different result on every run; its value is only known after apply";
    if (name.starts_with("provider::"))
        return "provider-defined function " + std::string(name) + " is not supported";
    return "function \"" + std::string(name) + "\" is not supported";
}

}  // namespace

Value invoke_function(std::string_view name, std::vector<Value>& args, Range range, Scope& scope, bool& failed) {
    failed = false;
    const FunctionDef* def = find_def(name);
    if (!def) {
        scope.unsupported_function(name, range);
        return Value::unknown(unsupported_reason(name), range,
                              differs_every_run(name) ? UnknownCause::AfterApply : UnknownCause::Unsupported);
    }
    Call call{name, args, range, scope};
    std::size_t fixed = def->params.size();
    if (args.size() < fixed || (!def->variadic && args.size() > fixed)) {
        Value out = call.fail(arity_message(*def, args.size()));
        failed = true;
        return out;
    }
    if (def->unknowns != Unknowns::Custom)
        if (const Value* u = first_unknown(args, def->unknowns == Unknowns::Deep)) return incomplete_unknown(*u, range);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const Param& p = i < fixed ? def->params[i] : *def->variadic;
        if (auto error = convert_arg(call, args[i], p)) {
            failed = true;
            return *error;
        }
    }
    Value out = def->impl(call);
    failed = call.failed;
    if (!out.range.valid()) out.range = range;
    return out;
}

}  // namespace detail

Value call_function(std::string_view name, std::vector<Value>& args, Range range, Scope& scope) {
    bool failed = false;
    return detail::invoke_function(name, args, range, scope, failed);
}

std::span<const std::string_view> implemented_functions() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const auto& def : detail::table()) out.push_back(def.name);
        return out;
    }();
    return names;
}

}  // namespace residency::hcl
