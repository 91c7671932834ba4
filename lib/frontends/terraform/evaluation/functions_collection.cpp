// Terraform's collection functions (lists, maps and sets; sets are sorted, deduplicated lists here).
#include <algorithm>
#include <cmath>

#include "core/grapheme.hpp"
#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl::detail {
namespace {

const ValueList& items(const Call& c, std::size_t i) { return c.args[i].items(); }
Value list(ValueList v, const Call& c) { return Value::list(std::move(v), c.range); }

// An unknown standing for the undecided comparison: the unknown part met, or the open object.
Value undecided(const Value* unknown, const Value& a, const Value& b, Range range) {
    if (unknown) return propagate_unknown(*unknown, range);
    const Value* open = find_incomplete(a);
    if (!open) open = find_incomplete(b);
    return open ? incomplete_unknown(*open, range) : Value::unknown("the comparison is not known", range);
}

// Deduplicates by Terraform's equality; nullopt (and `why` set) when an unknown part could make
// two elements equal, so the deduplicated list itself is not known.
std::optional<ValueList> distinct_known(const ValueList& in, Range range, Value& why) {
    ValueList out;
    for (const auto& v : in) {
        bool seen = false;
        for (const auto& o : out) {
            const Value* unknown = nullptr;
            Equality eq = compare(o, v, &unknown);
            if (eq == Equality::Unknown) {
                why = undecided(unknown, o, v, range);
                return std::nullopt;
            }
            if (eq == Equality::Equal) {
                seen = true;
                break;
            }
        }
        if (!seen) out.push_back(v);
    }
    return out;
}

Value fn_length(Call& c) {
    const Value& v = c.args[0];
    if (v.is_list()) return Value::number(static_cast<double>(v.items().size()), c.range);
    if (v.is_open()) return unlisted_attributes(v, c.range);
    if (v.is_object()) return Value::number(static_cast<double>(v.fields().size()), c.range);
    if (v.is_string()) return Value::number(static_cast<double>(grapheme_count(v.as_string())), c.range);
    if (v.is_null()) return c.invalid("value", "argument must not be null");
    return c.invalid("value", std::string("argument must be a string, a collection type, or a structural type, got ") +
                                  Value::kind_name(v.kind()));
}

// alltrue/anytrue: a known deciding element settles the answer even next to unknown elements.
Value all_or_any(Call& c, bool want_all) {
    if (c.args[0].is_unknown()) return propagate_unknown(c.args[0], c.range);
    const Value* unknown = nullptr;
    const auto& list = items(c, 0);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].is_unknown()) {
            // As Terraform: alltrue stops at the first unknown, anytrue looks on for a true.
            if (want_all) return propagate_unknown(list[i], c.range);
            if (!unknown) unknown = &list[i];
            continue;
        }
        bool b = false;
        if (!list[i].is_null()) {
            auto known = as_bool(list[i]);
            if (!known) return c.invalid("list", "element " + std::to_string(i) + ": bool required");
            b = *known;
        }
        if (want_all && !b) return Value::boolean(false, c.range);
        if (!want_all && b) return Value::boolean(true, c.range);
    }
    if (unknown) return propagate_unknown(*unknown, c.range);
    return Value::boolean(want_all, c.range);
}
Value fn_alltrue(Call& c) { return all_or_any(c, true); }
Value fn_anytrue(Call& c) { return all_or_any(c, false); }

Value fn_chunklist(Call& c) {
    auto size = as_integer(c.args[1]);
    if (!size || *size < 0) return c.invalid("size", "the size argument must be positive");
    const auto& in = items(c, 0);
    if (*size == 0) return list({c.args[0]}, c);
    ValueList out;
    for (std::size_t i = 0; i < in.size(); i += static_cast<std::size_t>(*size)) {
        std::size_t end = std::min(in.size(), i + static_cast<std::size_t>(*size));
        out.push_back(Value::list(ValueList(in.begin() + static_cast<long>(i), in.begin() + static_cast<long>(end)), c.range));
    }
    return list(std::move(out), c);
}

// Returns the first non-null, non-empty argument, as long as every argument before it is known.
Value fn_coalesce(Call& c) {
    // The arguments take their common type: coalesce(1, "two") is "1".
    auto args = unify_values(c.args);
    if (!args) return c.fail("Call to function \"coalesce\" failed: all arguments must have the same type");
    for (const auto& a : *args) {
        if (a.is_unknown()) return propagate_unknown(a, c.range);
        if (a.is_null() || (a.is_string() && a.as_string().empty())) continue;
        return a;
    }
    return c.fail("Call to function \"coalesce\" failed: no non-null, non-empty-string arguments");
}

Value fn_coalescelist(Call& c) {
    for (std::size_t i = 0; i < c.args.size(); ++i) {
        const Value& a = c.args[i];
        if (a.is_unknown()) return propagate_unknown(a, c.range);
        if (a.is_null()) continue;
        if (!a.is_list()) return c.invalid("vals", "argument " + std::to_string(i + 1) + " must be a list");
        if (!a.items().empty()) return a;
    }
    return c.fail("Call to function \"coalescelist\" failed: no non-null arguments");
}

Value fn_compact(Call& c) {
    ValueList out;
    for (const auto& v : items(c, 0)) {
        if (v.is_null() || (v.is_string() && v.as_string().empty())) continue;
        auto text = as_text(v);
        if (!text) return c.invalid("list", "list of string required");
        out.push_back(v.is_string() ? v : Value::string(*text, v.range));
    }
    return list(std::move(out), c);
}

Value fn_concat(Call& c) {
    if (c.args.empty()) return c.fail("Call to function \"concat\" failed: at least one argument is required");
    ValueList out;
    for (std::size_t i = 0; i < c.args.size(); ++i) {
        for (const auto& v : items(c, i)) out.push_back(child_of(c.args[i], v));
    }
    return list(std::move(out), c);
}

// True as soon as one element equals the value, even beside unknown elements.
Value fn_contains(Call& c) {
    if (c.args[0].is_unknown()) return propagate_unknown(c.args[0], c.range);
    if (!c.args[0].is_list()) return c.invalid("list", std::string("list required, got ") + Value::kind_name(c.args[0].kind()));
    std::optional<Value> unknown;
    for (const auto& v : items(c, 0)) {
        const Value* u = nullptr;
        Equality eq = compare(v, c.args[1], &u);
        if (eq == Equality::Equal) return Value::boolean(true, c.range);
        if (eq == Equality::Unknown && !unknown) unknown = undecided(u, v, c.args[1], c.range);
    }
    if (unknown) return *unknown;
    return Value::boolean(false, c.range);
}

Value fn_distinct(Call& c) {
    Value why;
    auto list_items = unify_values(items(c, 0));  // the argument is a list: one element type
    if (!list_items) return c.invalid("list", "all elements must have the same type");
    auto out = distinct_known(*list_items, c.range, why);
    if (!out) return why;
    return list(std::move(*out), c);
}

Value fn_element(Call& c) {
    const auto& in = items(c, 0);
    auto index = as_integer(c.args[1]);
    if (!index) return c.invalid("index", "value must be a whole number");
    if (in.empty()) return c.fail("Call to function \"element\" failed: cannot use element function with an empty list");
    if (*index < 0) return c.fail("Call to function \"element\" failed: cannot use element function with a negative index");
    return child_of(c.args[0], in[static_cast<std::size_t>(*index) % in.size()]);
}

void flatten_into(const Value& parent, const ValueList& in, ValueList& out, const Value*& unknown) {
    for (const auto& v : in) {
        if (v.is_unknown() && !unknown) unknown = &v;
        if (v.is_list())
            flatten_into(v, v.items(), out, unknown);
        else
            out.push_back(child_of(parent, v));
    }
}
Value fn_flatten(Call& c) {
    ValueList out;
    const Value* unknown = nullptr;  // an unknown element might be a list to flatten
    flatten_into(c.args[0], items(c, 0), out, unknown);
    if (unknown) return propagate_unknown(*unknown, c.range);
    return list(std::move(out), c);
}

Value fn_index(Call& c) {
    const auto& in = items(c, 0);
    for (std::size_t i = 0; i < in.size(); ++i)
        if (same_data(in[i], c.args[1])) return Value::number(static_cast<double>(i), c.range);
    return c.fail("Call to function \"index\" failed: item not found");
}

Value fn_keys(Call& c) {
    if (c.args[0].is_open()) return unlisted_attributes(c.args[0], c.range);
    ValueList out;
    for (const auto& [k, v] : c.args[0].fields()) out.push_back(Value::string(k, c.range));
    return list(std::move(out), c);
}

Value fn_values(Call& c) {
    if (c.args[0].is_open()) return unlisted_attributes(c.args[0], c.range);
    ValueList out;
    for (const auto& [k, v] : c.args[0].fields()) out.push_back(child_of(c.args[0], v));
    return list(std::move(out), c);
}

Value fn_lookup(Call& c) {
    for (std::size_t i = 0; i < 2; ++i)
        if (c.args[i].is_unknown()) return propagate_unknown(c.args[i], c.range);
    if (c.args.size() > 3)
        return c.fail("function \"lookup\" expects 2 or 3 arguments, got " + std::to_string(c.args.size()));
    if (c.args[0].is_null()) return c.invalid("inputMap", "argument must not be null");
    if (!c.args[0].is_object()) return c.invalid("inputMap", std::string("map or object required, got ") +
                                                             Value::kind_name(c.args[0].kind()));
    auto key = as_text(c.args[1]);
    if (!key) return c.invalid("key", "string required");
    if (const Value* found = c.args[0].get(*key)) return child_of(c.args[0], *found);
    if (c.args[0].is_open()) return unlisted_attribute(c.args[0], *key, c.range);
    if (c.args.size() == 3) return c.args[2];
    return c.fail("Call to function \"lookup\" failed: lookup failed to find key \"" + *key + "\"");
}

Value fn_matchkeys(Call& c) {
    const auto &vals = items(c, 0), &keys = items(c, 1), &search = items(c, 2);
    if (vals.size() != keys.size())
        return c.fail("Call to function \"matchkeys\" failed: length of keys and values should be equal");
    ValueList out;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (std::any_of(search.begin(), search.end(), [&](const Value& s) { return same_data(s, keys[i]); }))
            out.push_back(vals[i]);
    return list(std::move(out), c);
}

// A resource's object merged in brings attributes it does not list: the result is open too.
Value fn_merge(Call& c) {
    ValueMap out;
    const Value* open = nullptr;
    for (const auto& a : c.args) {
        if (a.is_null()) continue;
        if (!a.is_object())
            return c.fail(std::string("Call to function \"merge\" failed: arguments must be maps or objects, got \"") +
                          Value::kind_name(a.kind()) + "\"");
        if (a.is_open() && !open) open = &a;
        for (const auto& [k, v] : a.fields()) out.insert_or_assign(k, child_of(a, v));
    }
    if (!open) return Value::object(std::move(out), c.range);
    Value result = Value::open_object(std::move(out), c.range);
    result.ref_asset = open->ref_asset;  // names the resource whose other attributes it has
    return result;
}

Value fn_one(Call& c) {
    const auto& in = items(c, 0);
    if (in.empty()) return Value::null(c.range);
    if (in.size() == 1) return child_of(c.args[0], in[0]);
    return c.invalid("list", "must be a list, set, or tuple value with either zero or one elements");
}

Value fn_range(Call& c) {
    if (c.args.size() > 3) return c.fail("function \"range\" expects 1 to 3 arguments, got " + std::to_string(c.args.size()));
    // Exact, as cty adds the step: range(0.1, 0.5, 0.1) ends in 0.4, not 0.30000000000000004.
    Value start = Value::number(0, c.range, NumberPrecision::Int64);
    Value limit = start, step = Value::number(1, c.range, NumberPrecision::Int64);
    auto direction = [&](const Value& from, const Value& to) {
        return Value::number(number::order(from, to) <= 0 ? 1 : -1, c.range, NumberPrecision::Int64);
    };
    if (c.args.size() == 1) {
        limit = c.args[0];
        step = direction(start, limit);  // range(-2) is [0, -1]
    } else {
        start = c.args[0];
        limit = c.args[1];
        step = c.args.size() == 3 ? c.args[2] : direction(start, limit);
    }
    int sign = number::order(step, Value::number(0));
    int span = number::order(start, limit);
    if (sign == 0 && span != 0) return c.invalid("step", "step must not be zero");
    if ((sign > 0 && span > 0) || (sign < 0 && span < 0))
        return c.invalid("step", sign > 0 ? "step must be negative when start is greater than limit"
                                          : "step must be positive when start is less than limit");
    ValueList out;
    std::optional<Value> v = start.at(c.range);
    while (v && (sign > 0 ? number::order(*v, limit) < 0 : number::order(*v, limit) > 0)) {
        if (out.size() >= 1024)
            return c.fail("Call to function \"range\" failed: more than 1024 values were generated; either decrease "
                          "the difference between start and limit or use a smaller step");
        out.push_back(*v);
        v = number::add(*v, step, c.range);
    }
    return list(std::move(out), c);
}

Value fn_reverse(Call& c) {
    ValueList out(items(c, 0).rbegin(), items(c, 0).rend());
    return list(std::move(out), c);
}

Value as_set_result(Call& c, const ValueList& in, std::string_view param) {
    auto set = make_set(in);
    if (!set) return c.invalid(param, "all elements must be of the same type");
    return list(std::move(*set), c);
}

bool set_has(const ValueList& set, const Value& v) {
    return std::any_of(set.begin(), set.end(), [&](const Value& s) { return same_data(s, v); });
}

Value fn_setunion(Call& c) {
    ValueList all;
    for (std::size_t i = 0; i < c.args.size(); ++i) all.insert(all.end(), items(c, i).begin(), items(c, i).end());
    return as_set_result(c, all, "sets");
}

Value fn_setintersection(Call& c) {
    ValueList out;
    for (const auto& v : items(c, 0)) {
        bool everywhere = true;
        for (std::size_t i = 1; i < c.args.size(); ++i) everywhere = everywhere && set_has(items(c, i), v);
        if (everywhere) out.push_back(v);
    }
    return as_set_result(c, out, "sets");
}

Value fn_setsubtract(Call& c) {
    ValueList out;
    for (const auto& v : items(c, 0))
        if (!set_has(items(c, 1), v)) out.push_back(v);
    return as_set_result(c, out, "a");
}

Value fn_setproduct(Call& c) {
    std::vector<ValueList> sets;
    for (std::size_t i = 0; i < c.args.size(); ++i) {
        auto set = make_set(items(c, i));
        if (!set) return c.invalid("sets", "all elements must be of the same type");
        sets.push_back(std::move(*set));
    }
    ValueList rows{Value::list({}, c.range)};
    for (const auto& set : sets) {
        if (rows.size() * set.size() > 100000)  // checked before building, not after
            return c.fail("Call to function \"setproduct\" failed: result is too large");
        ValueList next;
        for (const auto& row : rows)
            for (const auto& v : set) {
                ValueList r = row.items();
                r.push_back(v);
                next.push_back(Value::list(std::move(r), c.range));
            }
        rows = std::move(next);
    }
    return list(std::move(rows), c);
}

Value fn_slice(Call& c) {
    const auto& in = items(c, 0);
    auto start = as_integer(c.args[1]);
    auto end = as_integer(c.args[2]);
    if (!start || *start < 0) return c.invalid("start_index", "must be a non-negative whole number");
    if (!end || *end < 0) return c.invalid("end_index", "must be a non-negative whole number");
    if (static_cast<std::size_t>(*end) > in.size())
        return c.invalid("end_index", "end index must not be greater than the length of the list");
    if (*start > *end) return c.invalid("start_index", "start index must not be greater than end index");
    ValueList out;
    for (long long i = *start; i < *end; ++i) out.push_back(child_of(c.args[0], in[static_cast<std::size_t>(i)]));
    return list(std::move(out), c);
}

Value fn_sort(Call& c) {
    std::vector<std::string> texts;
    const auto& in = items(c, 0);
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i].is_null())
            return c.fail("Call to function \"sort\" failed: given list element " + std::to_string(i) +
                          " is null; a null string cannot be sorted");
        auto text = as_text(in[i]);
        if (!text) return c.invalid("list", "list of string required");
        texts.push_back(*text);
    }
    std::sort(texts.begin(), texts.end());
    ValueList out;
    for (auto& t : texts) out.push_back(Value::string(std::move(t), c.range));
    return list(std::move(out), c);
}

Value fn_sum(Call& c) {
    const auto& in = items(c, 0);
    if (in.empty()) return c.invalid("list", "cannot sum an empty list");
    // As cty: the first element, then each added in turn.
    std::optional<Value> total;
    for (const auto& v : in) {
        auto n = to_number(v);
        if (!n) return c.invalid("list", "argument must be list, set, or tuple of number values");
        total = total ? number::add(*total, *n, c.range) : std::move(n);
        if (!total) return c.fail("Call to function \"sum\" failed: can't compute sum of opposing infinities");
    }
    return total->at(c.range);
}

Value fn_transpose(Call& c) {
    std::map<std::string, ValueList, std::less<>> out;
    for (const auto& [k, v] : c.args[0].fields()) {
        if (!v.is_list()) return c.invalid("values", "map of list of string required");
        for (const auto& item : v.items()) {
            auto text = as_text(item);
            if (!text) return c.invalid("values", "map of list of string required");
            out[*text].push_back(Value::string(k, c.range));
        }
    }
    ValueMap result;
    for (auto& [k, v] : out) result.emplace(k, Value::list(std::move(v), c.range));
    return Value::object(std::move(result), c.range);
}

Value fn_zipmap(Call& c) {
    const auto &keys = items(c, 0), &vals = items(c, 1);
    for (const auto& k : keys)
        if (k.is_unknown()) return propagate_unknown(k, c.range);
    if (keys.size() != vals.size())
        return c.fail("Call to function \"zipmap\" failed: number of keys (" + std::to_string(keys.size()) +
                      ") does not match number of values (" + std::to_string(vals.size()) + ")");
    ValueMap out;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        auto key = as_text(keys[i]);
        if (!key) return c.invalid("keys", "list of string required");
        out.insert_or_assign(*key, child_of(c.args[1], vals[i]));
    }
    return Value::object(std::move(out), c.range);
}

}  // namespace

std::vector<FunctionDef> collection_functions() {
    const Param l{"list", Type::List};
    const Param m{"inputMap", Type::Object};
    const Param sets{"sets", Type::List};
    return {
        {"alltrue", {l}, std::nullopt, Unknowns::Custom, fn_alltrue},
        {"anytrue", {l}, std::nullopt, Unknowns::Custom, fn_anytrue},
        {"chunklist", {l, {"size", Type::Number}}, std::nullopt, Unknowns::Shallow, fn_chunklist},
        {"coalesce", {}, Param{"vals", Type::Any}, Unknowns::Custom, fn_coalesce},
        {"coalescelist", {}, Param{"vals", Type::Any}, Unknowns::Custom, fn_coalescelist},
        {"compact", {l}, std::nullopt, Unknowns::Deep, fn_compact},
        {"concat", {}, Param{"seqs", Type::List}, Unknowns::Shallow, fn_concat},
        {"contains", {{"list"}, {"value"}}, std::nullopt, Unknowns::Custom, fn_contains},
        {"distinct", {l}, std::nullopt, Unknowns::Shallow, fn_distinct},
        {"element", {l, {"index", Type::Number}}, std::nullopt, Unknowns::Shallow, fn_element},
        {"flatten", {l}, std::nullopt, Unknowns::Shallow, fn_flatten},
        {"index", {l, {"value"}}, std::nullopt, Unknowns::Deep, fn_index},
        {"keys", {m}, std::nullopt, Unknowns::Shallow, fn_keys},
        {"length", {{"value"}}, std::nullopt, Unknowns::Shallow, fn_length},
        {"lookup", {{"inputMap"}, {"key"}}, Param{"default"}, Unknowns::Custom, fn_lookup},
        {"matchkeys", {{"values", Type::List}, {"keys", Type::List}, {"searchset", Type::List}}, std::nullopt,
         Unknowns::Deep, fn_matchkeys},
        {"merge", {}, Param{"maps"}, Unknowns::Shallow, fn_merge},
        {"one", {l}, std::nullopt, Unknowns::Shallow, fn_one},
        {"range", {{"params", Type::Number}}, Param{"params", Type::Number}, Unknowns::Deep, fn_range},
        {"reverse", {l}, std::nullopt, Unknowns::Shallow, fn_reverse},
        {"setintersection", {sets}, sets, Unknowns::Deep, fn_setintersection},
        {"setproduct", {sets}, sets, Unknowns::Deep, fn_setproduct},
        {"setsubtract", {{"a", Type::List}, {"b", Type::List}}, std::nullopt, Unknowns::Deep, fn_setsubtract},
        {"setunion", {sets}, sets, Unknowns::Deep, fn_setunion},
        {"slice", {l, {"start_index", Type::Number}, {"end_index", Type::Number}}, std::nullopt, Unknowns::Shallow,
         fn_slice},
        {"sort", {l}, std::nullopt, Unknowns::Deep, fn_sort},
        {"sum", {l}, std::nullopt, Unknowns::Deep, fn_sum},
        {"transpose", {{"values", Type::Object}}, std::nullopt, Unknowns::Deep, fn_transpose},
        {"values", {{"mapping", Type::Object}}, std::nullopt, Unknowns::Shallow, fn_values},
        {"zipmap", {{"keys", Type::List}, {"values", Type::List}}, std::nullopt, Unknowns::Shallow, fn_zipmap},
    };
}

}  // namespace residency::hcl::detail
