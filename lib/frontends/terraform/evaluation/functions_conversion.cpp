// Terraform's type conversion functions, and sensitive/nonsensitive (sensitivity is not modelled here).
#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl::detail {
namespace {

// A converted value is the same value: it keeps its range, provenance and asset reference.
// The elements were unified to one type, which their flavors do not follow.
Value converted(const Call& c, Value result, Flavor flavor = Flavor::Unset) {
    const Value& source = c.args[0];
    result.range = source.range.valid() ? source.range : c.range;
    result.set_flavor(flavor, false);
    return derived_from(std::move(result), source);
}

Value fn_passthrough(Call& c) { return c.args[0]; }

Value fn_tostring(Call& c) {
    const Value& v = c.args[0];
    if (v.is_null() || v.is_string()) return v;
    if (auto text = as_text(v)) return converted(c, Value::string(*text));
    return c.invalid("v", std::string("cannot convert ") + Value::kind_name(v.kind()) + " to string");
}

Value fn_tonumber(Call& c) {
    const Value& v = c.args[0];
    if (v.is_null() || v.is_number()) return v;
    if (v.is_string()) {
        if (auto n = to_number(v)) return converted(c, std::move(*n));
        return c.invalid("v", "cannot convert " + v.display() +
                                  " to number; given string must be a decimal representation of a number");
    }
    return c.invalid("v", std::string("cannot convert ") + Value::kind_name(v.kind()) + " to number");
}

Value fn_tobool(Call& c) {
    const Value& v = c.args[0];
    if (v.is_null() || v.is_bool()) return v;
    if (v.is_string()) {
        if (auto b = as_bool(v)) return converted(c, Value::boolean(*b));
        return c.invalid("v", "cannot convert " + v.display() + " to bool; only the strings \"true\" or \"false\" are allowed");
    }
    return c.invalid("v", std::string("cannot convert ") + Value::kind_name(v.kind()) + " to bool");
}

Value fn_tolist(Call& c) {
    const Value& v = c.args[0];
    if (v.is_null()) return v;
    if (v.is_list()) {
        // The elements take their common type: tolist([1, "a"]) is ["1", "a"].
        auto items = unify_values(v.items());
        if (!items) return c.invalid("v", "cannot convert tuple to list of any single type");
        return converted(c, Value::list(std::move(*items)), Flavor::List);
    }
    return c.invalid("v", std::string("cannot convert ") + Value::kind_name(v.kind()) + " to list of any single type");
}

Value fn_tomap(Call& c) {
    const Value& v = c.args[0];
    if (v.is_null()) return v;
    if (v.is_object() && !v.is_open()) {
        ValueList values;
        for (const auto& [k, field] : v.fields()) values.push_back(field);
        auto unified = unify_values(values);
        if (!unified) return c.invalid("v", "cannot convert object to map of any single type");
        ValueMap fields;
        std::size_t i = 0;
        for (const auto& [k, field] : v.fields()) fields.emplace(k, std::move((*unified)[i++]));
        return converted(c, Value::object(std::move(fields)), Flavor::Map);
    }
    if (v.is_object()) return v;
    return c.invalid("v", std::string("cannot convert ") + Value::kind_name(v.kind()) + " to map of any single type");
}

Value fn_toset(Call& c) {
    const Value& v = c.args[0];
    if (v.is_unknown()) return propagate_unknown(v, c.range);
    if (v.is_null()) return v;
    if (!v.is_list())
        return c.invalid("v", std::string("cannot convert ") + Value::kind_name(v.kind()) + " to set of any single type");
    // Deduplicating needs to tell elements apart: an unknown part that might make two elements
    // equal makes the set unknown; elements that differ in a known part stay, unknown leaves and all.
    if (find_incomplete(v))
        for (std::size_t i = 0; i < v.items().size(); ++i)
            for (std::size_t j = 0; j < i; ++j) {
                const Value* u = nullptr;
                if (compare(v.items()[i], v.items()[j], &u) != Equality::Unknown) continue;
                if (u) return propagate_unknown(*u, c.range);
                const Value* open = find_incomplete(v.items()[i]);
                return incomplete_unknown(open ? *open : *find_incomplete(v.items()[j]), c.range);
            }
    auto items = unify_values(v.items());
    auto set = items ? make_set(*items) : std::nullopt;
    if (!set) return c.invalid("v", "cannot convert list to set of any single type");
    return converted(c, Value::list(std::move(*set)), Flavor::Set);
}

}  // namespace

std::vector<FunctionDef> conversion_functions() {
    const Param v{"v", Type::Any, true};
    return {
        {"nonsensitive", {{"value", Type::Any, true}}, std::nullopt, Unknowns::Custom, fn_passthrough},
        {"sensitive", {{"value", Type::Any, true}}, std::nullopt, Unknowns::Custom, fn_passthrough},
        {"tobool", {v}, std::nullopt, Unknowns::Shallow, fn_tobool},
        {"tolist", {v}, std::nullopt, Unknowns::Shallow, fn_tolist},
        {"tomap", {v}, std::nullopt, Unknowns::Shallow, fn_tomap},
        {"tonumber", {v}, std::nullopt, Unknowns::Shallow, fn_tonumber},
        {"toset", {v}, std::nullopt, Unknowns::Custom, fn_toset},
        {"tostring", {v}, std::nullopt, Unknowns::Shallow, fn_tostring},
    };
}

}  // namespace residency::hcl::detail
