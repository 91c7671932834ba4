// Shared plumbing of the Terraform function library: the call record, conversions and failure helpers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/number.hpp"
#include "frontends/terraform/evaluation/evaluator.hpp"

namespace residency::hcl::detail {

// One function call in progress. `fail` records that the function itself rejected its input, which
// is what try() and can() need to tell an error from a value that is merely not known yet.
struct Call {
    std::string_view name;
    std::vector<Value>& args;
    Range range;
    Scope& scope;
    bool failed = false;

    Value fail(std::string reason) {
        failed = true;
        return Value::unknown(std::move(reason), range, UnknownCause::Error);
    }
    // "Invalid value for "str" parameter: <why>", Terraform's wording for a bad argument.
    Value invalid(std::string_view param, std::string_view why) {
        return fail("Invalid value for \"" + std::string(param) + "\" parameter: " + std::string(why));
    }
};

using FunctionImpl = Value (*)(Call&);

// What a parameter accepts. The dispatcher converts arguments as Terraform does (a number where a
// string is expected becomes its text, "true" where a bool is expected becomes true) and rejects
// the rest, so a function body can rely on its argument kinds.
enum class Type { Any, String, Number, Bool, List, Object };

struct Param {
    std::string_view name;
    Type type = Type::Any;
    bool allow_null = false;
};

// How a function treats unknown arguments before its body runs.
enum class Unknowns {
    Deep,     // any unknown anywhere in any argument makes the result unknown
    Shallow,  // only a wholly unknown argument does; the body copes with unknown elements
    Custom,   // the body decides (coalesce, alltrue, ...)
};

struct FunctionDef {
    std::string_view name;
    std::vector<Param> params;
    std::optional<Param> variadic;  // repeated after `params`
    Unknowns unknowns;
    FunctionImpl impl;
};

// Each family file exposes its table; functions.cpp merges and sorts them.
std::vector<FunctionDef> numeric_functions();
std::vector<FunctionDef> string_functions();
std::vector<FunctionDef> regex_functions();
// replace() with a /pattern/: Go's ReplaceAllString; nullopt with `error` when the pattern is bad.
std::optional<std::string> regex_replace(std::string_view s, std::string_view pattern, std::string_view with,
                                         std::string& error);
std::vector<FunctionDef> collection_functions();
std::vector<FunctionDef> encoding_functions();
std::vector<FunctionDef> filesystem_functions();
std::vector<FunctionDef> conversion_functions();
std::vector<FunctionDef> network_functions();

// Calls a function and says whether it failed (as opposed to returning an unknown it was given).
Value invoke_function(std::string_view name, std::vector<Value>& args, Range range, Scope& scope,
                      bool& failed);

// Terraform's number -> string: no exponent, no trailing ".0" (3, 1.5, 100000000000000000000).
std::string format_number(double n);
// Strict decimal parse as Terraform's string -> number conversion does; nullopt when not a number.
std::optional<double> parse_number(std::string_view text);

// Conversions Terraform applies to primitive arguments.
std::optional<std::string> as_text(const Value& v);  // string, number, bool
std::optional<double> as_number(const Value& v);     // number, numeric string
// The same as a number Value, exact: a string is read at 512 bits as Terraform reads it.
std::optional<Value> to_number(const Value& v);
// Terraform's number -> string for a number value, exact (core/number.hpp).
std::string number_text(const Value& n);
std::optional<bool> as_bool(const Value& v);         // bool, "true", "false"
// A whole number that fits an int64; nullopt otherwise.
std::optional<long long> as_integer(const Value& v);

// The first unknown among the values (top level only, or, with `deep`, the first unknown or open
// object anywhere inside: see find_incomplete).
const Value* first_unknown(const std::vector<Value>& values, bool deep);
// Finds the first unknown anywhere inside a value.
const Value* find_unknown(const Value& v);
// Finds the first unknown or open object (whose attributes are not all listed) inside a value:
// what a function that reads the whole value cannot know.
const Value* find_incomplete(const Value& v);
// The unknown that stands for what `incomplete` (from find_incomplete) hides.
Value incomplete_unknown(const Value& incomplete, Range range);

// An attribute an open object does not list: a computed attribute of a managed resource (known
// after apply) or of a data source (read when Terraform plans). Keeps the object's reference.
Value unlisted_attribute(const Value& object, std::string_view name, Range range);
// What an open object's attribute set is: known only after apply (for keys(), length(), ...).
Value unlisted_attributes(const Value& object, Range range);

// An unknown result that keeps the unknown input's reason, provenance and asset reference.
Value propagate_unknown(const Value& unknown, Range range);
// A result computed from `source` (lower(var.x)) keeps its provenance and asset reference.
Value derived_from(Value result, const Value& source);
// When a value comes out of a container, it inherits the container's provenance and reference.
Value child_of(const Value& parent, Value child);

// Sorts and deduplicates primitive set elements as cty orders them; nullopt when mixed types
// cannot be unified (the caller reports).
std::optional<ValueList> make_set(const ValueList& items);

// Terraform's type unification (cty's convert.Unify): the values converted to their one common
// type (a number or bool beside a string becomes a string, element by element inside collections);
// nullopt when there is none (a number beside a bool, a list beside an object). The type of each
// value is read from the value; null and unknown parts fit any type, and an open object leaves the
// values as they are.
std::optional<ValueList> unify_values(const ValueList& values);

// Terraform's jsonencode of a wholly known value.
std::string json_encode(const Value& v);
// Standard base64 with padding.
std::string base64_encode(std::string_view bytes);

// UTF-8 helpers: code point boundaries (byte offsets of each character start).
std::vector<std::size_t> char_starts(std::string_view s);
bool valid_utf8(std::string_view s);

}  // namespace residency::hcl::detail
