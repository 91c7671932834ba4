// Terraform variable type constraints: the `type` expression, and the conversion Terraform applies
// to every value a variable receives (optional attribute defaults included).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"
#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::terraform {

struct ObjectAttribute;

struct TypeConstraint {
    enum class Kind : std::uint8_t { Any, String, Number, Bool, List, Set, Map, Object, Tuple };
    Kind kind = Kind::Any;
    std::vector<TypeConstraint> elements;    // List, Set, Map: the element type; Tuple: one per element
    std::vector<ObjectAttribute> attributes;  // Object, sorted by name
};

struct ObjectAttribute {
    std::string name;
    TypeConstraint type;
    bool optional = false;
    std::optional<Value> default_value;  // optional(T, default) as written (converts to T); never null
};

struct ParsedType {
    TypeConstraint type;
    std::string error;  // why Terraform rejects the expression; "" when it is a valid type
};

// Reads `string`, `list(T)`, `object({a = optional(T, default)})`, `tuple([T, ...])`, ... and the
// quoted forms of Terraform 0.11 ("string", "list", "map").
ParsedType parse_type_constraint(const hcl::Expr& expr);

// "string", "list of string", "map of object", "tuple", ...
std::string type_name(const TypeConstraint& type);

// Converts a value as Terraform does when it binds it to a variable of this type. `what` names the
// value in reasons ("var.cfg"). A value Terraform would reject becomes unknown, with the reason.
Value convert(const Value& value, const TypeConstraint& type, std::string_view what = "value");

}  // namespace residency::terraform
