// Parsing of variable type constraints, and Terraform's (cty's) conversion of values to them.
#include "frontends/terraform/evaluation/type_constraints.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "frontends/terraform/evaluation/evaluator.hpp"
#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::terraform {
namespace {

using Kind = TypeConstraint::Kind;

TypeConstraint of_kind(Kind kind, std::vector<TypeConstraint> elements = {}) {
    TypeConstraint t;
    t.kind = kind;
    t.elements = std::move(elements);
    return t;
}

// ---- parsing --------------------------------------------------------------------------------

// A type expression is static: a default inside optional() cannot refer to anything.
struct ConstantScope : hcl::Scope {
    Value resolve(std::string_view root, std::span<const hcl::TraversalStep>, Range range,
                  std::size_t& consumed) override {
        consumed = 0;
        return Value::unknown(fmt::format("{} cannot be used in a type constraint", root), range);
    }
};

class TypeParser {
public:
    std::string error;

    TypeConstraint parse(const hcl::Expr& e) {
        if (!error.empty()) return {};
        switch (e.kind) {
            case hcl::ExprKind::Variable: return keyword(e.text);
            case hcl::ExprKind::String:
                // Terraform 0.11 quoted its types; 1.x refuses them, but what they meant is not in doubt.
                if (e.text == "string") return of_kind(Kind::String);
                if (e.text == "list") return of_kind(Kind::List, {of_kind(Kind::String)});
                if (e.text == "map") return of_kind(Kind::Map, {of_kind(Kind::String)});
                return fail(fmt::format("\"{}\" is not a valid type specification", e.text));
            case hcl::ExprKind::FunctionCall: return constructor(e);
            default: return fail("a type constraint must be a type keyword or a type constructor call");
        }
    }

private:
    TypeConstraint fail(std::string why) {
        if (error.empty()) error = std::move(why);
        return {};
    }

    TypeConstraint keyword(const std::string& name) {
        if (name == "string") return of_kind(Kind::String);
        if (name == "number") return of_kind(Kind::Number);
        if (name == "bool") return of_kind(Kind::Bool);
        if (name == "any") return of_kind(Kind::Any);
        // Bare `list` and `map` are Terraform's shorthand for list(any) and map(any).
        if (name == "list") return of_kind(Kind::List, {of_kind(Kind::Any)});
        if (name == "map") return of_kind(Kind::Map, {of_kind(Kind::Any)});
        if (name == "set" || name == "object" || name == "tuple")
            return fail(fmt::format("the {} type constructor requires an argument", name));
        return fail(fmt::format("the keyword \"{}\" is not a valid type specification", name));
    }

    TypeConstraint constructor(const hcl::Expr& call) {
        const std::string& name = call.text;
        const auto& args = call.children;
        if (name == "list" || name == "set" || name == "map") {
            if (args.size() != 1) return fail(fmt::format("the {} type constructor requires one argument", name));
            Kind kind = name == "list" ? Kind::List : name == "set" ? Kind::Set : Kind::Map;
            return of_kind(kind, {parse(args[0])});
        }
        if (name == "object") {
            if (args.size() != 1 || args[0].kind != hcl::ExprKind::Object)
                return fail("the object type constructor requires one argument: an object of attribute types");
            return object(args[0]);
        }
        if (name == "tuple") {
            if (args.size() != 1 || args[0].kind != hcl::ExprKind::Tuple)
                return fail("the tuple type constructor requires one argument: a list of element types");
            TypeConstraint t = of_kind(Kind::Tuple);
            for (const auto& element : args[0].children) t.elements.push_back(parse(element));
            return t;
        }
        if (name == "optional") return fail("optional() is valid only for the attributes of an object type");
        return fail(fmt::format("\"{}\" is not a type constructor", name));
    }

    TypeConstraint object(const hcl::Expr& spec) {
        TypeConstraint t = of_kind(Kind::Object);
        const auto& kids = spec.children;
        for (std::size_t i = 0; i + 1 < kids.size() && error.empty(); i += 2) {
            if (kids[i].kind != hcl::ExprKind::String) return fail("object type attribute names must be names");
            ObjectAttribute a;
            a.name = kids[i].text;
            auto same_name = [&](const ObjectAttribute& o) { return o.name == a.name; };
            if (std::any_of(t.attributes.begin(), t.attributes.end(), same_name))
                return fail(fmt::format("object type attribute \"{}\" is declared twice", a.name));
            const hcl::Expr& spec_value = kids[i + 1];
            if (spec_value.kind == hcl::ExprKind::FunctionCall && spec_value.text == "optional") {
                if (spec_value.children.empty() || spec_value.children.size() > 2)
                    return fail("optional() takes a type and, optionally, a default value");
                a.optional = true;
                a.type = parse(spec_value.children[0]);
                if (spec_value.children.size() == 2 && error.empty()) default_value(a, spec_value.children[1]);
            } else {
                a.type = parse(spec_value);
            }
            t.attributes.push_back(std::move(a));
        }
        std::sort(t.attributes.begin(), t.attributes.end(),
                  [](const auto& x, const auto& y) { return x.name < y.name; });
        return t;
    }

    // Kept as written; converting it here only checks that Terraform would accept it, since each
    // use converts it again to name where its nested defaults come from.
    void default_value(ObjectAttribute& a, const hcl::Expr& e) {
        ConstantScope scope;
        Value d = hcl::evaluate(e, scope);
        if (d.contains_unknown()) {
            const Value* u = hcl::detail::find_unknown(d);
            fail(fmt::format("the default for optional attribute \"{}\" is not a constant: {}", a.name,
                             u->unknown_reason()));
            return;
        }
        if (d.is_null()) return;  // optional(T, null) is optional(T)
        Value checked = convert(d, a.type, fmt::format("the default for optional attribute \"{}\"", a.name));
        if (checked.is_unknown()) {
            fail(checked.unknown_reason());
            return;
        }
        a.default_value = std::move(d);
    }
};

// ---- conversion -----------------------------------------------------------------------------

// Where a value sits inside the variable (var.cfg.items[0].region); rendered only for a reason or
// a default's provenance, so converting a large value builds no strings.
struct Path {
    enum class Step { Root, Attr, Key, Index };
    const Path* parent = nullptr;
    Step step = Step::Root;
    std::string_view name;  // Root: the variable; Attr and Key: the attribute or key
    std::size_t index = 0;
};

std::string render(const Path& p) {
    if (!p.parent) return std::string(p.name);
    std::string out = render(*p.parent);
    switch (p.step) {
        case Path::Step::Attr: return out + "." + std::string(p.name);
        case Path::Step::Key: return out + "[\"" + std::string(p.name) + "\"]";
        case Path::Step::Index: return out + "[" + std::to_string(p.index) + "]";
        case Path::Step::Root: break;
    }
    return out;
}

bool contains_any(const TypeConstraint& t) {
    if (t.kind == Kind::Any) return true;
    for (const auto& e : t.elements)
        if (contains_any(e)) return true;
    for (const auto& a : t.attributes)
        if (contains_any(a.type)) return true;
    return false;
}

bool same_type(const TypeConstraint& a, const TypeConstraint& b) {
    if (a.kind != b.kind || a.elements.size() != b.elements.size() || a.attributes.size() != b.attributes.size())
        return false;
    for (std::size_t i = 0; i < a.elements.size(); ++i)
        if (!same_type(a.elements[i], b.elements[i])) return false;
    for (std::size_t i = 0; i < a.attributes.size(); ++i)
        if (a.attributes[i].name != b.attributes[i].name || !same_type(a.attributes[i].type, b.attributes[i].type))
            return false;
    return true;
}

// The type a value has in Terraform before any constraint: a bracketed list is a tuple, braces an
// object. Null and unknown are Any: our values do not record the type a null or unknown would have
// in Terraform, so they must not decide a unification.
TypeConstraint infer(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::String: return of_kind(Kind::String);
        case Value::Kind::Number: return of_kind(Kind::Number);
        case Value::Kind::Bool: return of_kind(Kind::Bool);
        case Value::Kind::List: {
            TypeConstraint t = of_kind(Kind::Tuple);
            for (const auto& item : v.items()) t.elements.push_back(infer(item));
            return t;
        }
        case Value::Kind::Object: {
            TypeConstraint t = of_kind(Kind::Object);
            for (const auto& [k, f] : v.fields()) t.attributes.push_back({k, infer(f), false, std::nullopt});
            return t;
        }
        default: return of_kind(Kind::Any);
    }
}

// cty's unification: the one type a collection's elements can all convert to. Objects with the
// same attributes unify attribute by attribute, otherwise into a map; tuples of one length element
// by element, otherwise into a list; mixed primitives into string (number and bool alone do not mix).
std::optional<TypeConstraint> unify(const std::vector<TypeConstraint>& types) {
    std::vector<const TypeConstraint*> known;
    for (const auto& t : types)
        if (t.kind != Kind::Any) known.push_back(&t);
    if (known.empty()) return of_kind(Kind::Any);
    if (std::all_of(known.begin(), known.end(), [&](const auto* t) { return same_type(*t, *known[0]); }))
        return *known[0];
    auto count = [&](Kind k) {
        return std::count_if(known.begin(), known.end(), [&](const auto* t) { return t->kind == k; });
    };
    const auto n = static_cast<std::ptrdiff_t>(known.size());
    if (count(Kind::Object) == n) {
        bool same_names = std::all_of(known.begin(), known.end(), [&](const auto* t) {
            return std::equal(t->attributes.begin(), t->attributes.end(), known[0]->attributes.begin(),
                              known[0]->attributes.end(),
                              [](const auto& a, const auto& b) { return a.name == b.name; });
        });
        if (same_names) {
            TypeConstraint out = of_kind(Kind::Object);
            for (std::size_t i = 0; i < known[0]->attributes.size(); ++i) {
                std::vector<TypeConstraint> across;
                for (const auto* t : known) across.push_back(t->attributes[i].type);
                auto u = unify(across);
                if (!u) return std::nullopt;
                out.attributes.push_back({known[0]->attributes[i].name, std::move(*u), false, std::nullopt});
            }
            return out;
        }
        std::vector<TypeConstraint> all;
        for (const auto* t : known)
            for (const auto& a : t->attributes) all.push_back(a.type);
        auto u = unify(all);
        if (!u) return std::nullopt;
        return of_kind(Kind::Map, {std::move(*u)});
    }
    if (count(Kind::Tuple) == n) {
        auto length = known[0]->elements.size();
        bool same_length =
            std::all_of(known.begin(), known.end(), [&](const auto* t) { return t->elements.size() == length; });
        if (same_length) {
            TypeConstraint out = of_kind(Kind::Tuple);
            for (std::size_t i = 0; i < known[0]->elements.size(); ++i) {
                std::vector<TypeConstraint> across;
                for (const auto* t : known) across.push_back(t->elements[i]);
                auto u = unify(across);
                if (!u) return std::nullopt;
                out.elements.push_back(std::move(*u));
            }
            return out;
        }
        std::vector<TypeConstraint> all;
        for (const auto* t : known) all.insert(all.end(), t->elements.begin(), t->elements.end());
        auto u = unify(all);
        if (!u) return std::nullopt;
        return of_kind(Kind::List, {std::move(*u)});
    }
    if (count(Kind::Object) + count(Kind::Tuple) > 0) return std::nullopt;
    if (count(Kind::String) > 0) return of_kind(Kind::String);
    return std::nullopt;
}

// A converted value is the same value: it keeps its range, provenance and asset reference.
Value same_origin(Value result, const Value& source) {
    result.range = source.range;
    result.provenance = source.provenance;
    result.ref_asset = source.ref_asset;
    return result;
}

std::string describe(const Value& v) {
    if (v.is_string()) return "string " + v.display();
    return Value::kind_name(v.kind());
}

std::string with_article(const std::string& noun) {
    bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + noun;
}

// Go's strconv.Quote for the text cty hashes; non-ASCII text is taken as printable.
void append_quoted(std::string_view text, std::string& out) {
    out += '"';
    for (unsigned char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\a': out += "\\a"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\v': out += "\\v"; break;
            default:
                if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
                else out += static_cast<char>(c);
        }
    }
    out += '"';
}

// cty's set hash bytes (makeSetHashBytes), by which it orders set elements that are not primitive:
// sets of objects come out in the order Terraform shows them.
void append_set_key(const Value& v, const TypeConstraint& type, std::string& out) {
    if (v.is_unknown()) {
        out += '?';
        return;
    }
    static const TypeConstraint any;
    switch (v.kind()) {
        case Value::Kind::Null: out += '~'; return;
        case Value::Kind::Bool: out += v.as_bool() ? 'T' : 'F'; return;
        case Value::Kind::Number: out += fmt::format("{:.10g}", v.as_number()); return;  // big.Float.String()
        case Value::Kind::String: append_quoted(v.as_string(), out); return;
        case Value::Kind::List: {
            bool tuple = type.kind == Kind::Tuple || type.kind == Kind::Any;
            out += tuple ? '<' : '[';
            const auto& items = v.items();
            for (std::size_t i = 0; i < items.size(); ++i) {
                const TypeConstraint& element = tuple ? (i < type.elements.size() ? type.elements[i] : any)
                                                      : type.elements[0];
                append_set_key(items[i], element, out);
                out += ';';
            }
            out += tuple ? '>' : ']';
            return;
        }
        case Value::Kind::Object: {
            if (type.kind == Kind::Map) {
                out += '{';
                for (const auto& [key, field] : v.fields()) {
                    append_quoted(key, out);
                    out += ':';
                    append_set_key(field, type.elements[0], out);
                    out += ';';
                }
                out += '}';
                return;
            }
            out += '<';
            for (const auto& [key, field] : v.fields()) {
                auto it = std::find_if(type.attributes.begin(), type.attributes.end(),
                                       [&key = key](const auto& a) { return a.name == key; });  // clang 14: no captured bindings
                append_set_key(field, it != type.attributes.end() ? it->type : any, out);
                out += ';';
            }
            out += '>';
            return;
        }
        case Value::Kind::Unknown: return;
    }
}

class Converter {
public:
    std::string error;  // the first reason Terraform rejects the value
    Range error_range;

    // `inherited`: the provenance of the nearest enclosing value that has one, so a default put in
    // deep inside still says which assignment of the variable it completes.
    Value to(const Value& v, const TypeConstraint& t, const Path& path, const Provenance& inherited) {
        if (!error.empty() || v.is_unknown() || v.is_null() || t.kind == Kind::Any) return v;
        const Provenance& origin = v.provenance ? v.provenance : inherited;
        switch (t.kind) {
            case Kind::String:
                if (v.is_string()) return v;
                if (v.is_number() || v.is_bool()) return same_origin(Value::string(*hcl::detail::as_text(v)), v);
                return mismatch(v, t, path);
            case Kind::Number:
                if (v.is_number()) return v;
                if (v.is_string()) {
                    if (auto n = hcl::detail::to_number(v)) return same_origin(std::move(*n), v);
                }
                return mismatch(v, t, path);
            case Kind::Bool:
                if (v.is_bool()) return v;
                // cty takes "1" and "0" too, not only "true" and "false" (terraform console agrees).
                if (v.is_string() && (v.as_string() == "true" || v.as_string() == "1"))
                    return same_origin(Value::boolean(true), v);
                if (v.is_string() && (v.as_string() == "false" || v.as_string() == "0"))
                    return same_origin(Value::boolean(false), v);
                return mismatch(v, t, path);
            case Kind::List:
            case Kind::Set: return sequence(v, t, path, origin);
            case Kind::Tuple: return tuple(v, t, path, origin);
            case Kind::Map: return map(v, t, path, origin);
            case Kind::Object: return object(v, t, path, origin);
            case Kind::Any: break;
        }
        return v;
    }

private:
    Value reject(const Value& v, const Path& path, const std::string& why) {
        if (error.empty()) {
            error = render(path) + ": " + why;
            error_range = v.range;
        }
        return v;
    }

    Value mismatch(const Value& v, const TypeConstraint& t, const Path& path) {
        return reject(v, path, fmt::format("{} is required, got {}", with_article(type_name(t)), describe(v)));
    }

    // A collection has one element type in Terraform: when `any` leaves it open, the elements'
    // own types are unified (["a", 1] binds to list(any) as ["a", "1"]) and each is converted
    // again. Returns the element type the collection ends up with.
    TypeConstraint unify_elements(const std::vector<Value*>& items, const Value& collection, const Path& path,
                                  std::string_view noun, const Provenance& origin) {
        std::vector<TypeConstraint> types;
        types.reserve(items.size());
        for (const Value* item : items) types.push_back(infer(*item));
        auto common = unify(types);
        if (!common) {
            reject(collection, path, fmt::format("all {} elements must have the same type", noun));
            return {};
        }
        for (Value* item : items) *item = to(*item, *common, path, origin);
        return std::move(*common);
    }

    Value sequence(const Value& v, const TypeConstraint& t, const Path& path, const Provenance& origin) {
        if (!v.is_list()) return mismatch(v, t, path);
        const TypeConstraint& element = t.elements[0];
        ValueList items;
        items.reserve(v.items().size());
        for (std::size_t i = 0; i < v.items().size(); ++i)
            items.push_back(to(Value(v.items()[i]).element_of(v), element, Path{&path, Path::Step::Index, {}, i}, origin));
        TypeConstraint unified;
        if (contains_any(element)) {
            std::vector<Value*> refs;
            for (auto& item : items) refs.push_back(&item);
            unified = unify_elements(refs, v, path, t.kind == Kind::Set ? "set" : "list", origin);
        }
        if (!error.empty()) return v;
        if (t.kind == Kind::Set) items = set_order(std::move(items), contains_any(element) ? unified : element);
        // Elements converted to an exact type have their flavors; under `any` they were unified by
        // rules the flavors do not follow.
        Flavor flavor = t.kind == Kind::Set ? Flavor::Set : Flavor::List;
        return same_origin(Value::list(std::move(items)), v).with_flavor(flavor, !contains_any(element));
    }

    // Terraform iterates a set in cty's order: primitive elements sorted (strings bytewise, numbers
    // numerically, false before true), other elements by their set_key; then unknown elements,
    // which stay distinct since each may equal any other; then one null.
    static ValueList set_order(ValueList items, const TypeConstraint& element) {
        ValueList known, unknowns;
        std::optional<Value> null;
        for (auto& item : items) {
            if (item.is_unknown()) {
                unknowns.push_back(std::move(item));
            } else if (item.is_null()) {
                if (!null) null = std::move(item);
            } else {
                known.push_back(std::move(item));
            }
        }
        bool primitive = std::all_of(known.begin(), known.end(),
                                     [](const Value& v) { return v.is_string() || v.is_number() || v.is_bool(); });
        if (primitive) {
            if (auto sorted = hcl::detail::make_set(known)) known = std::move(*sorted);
        } else {
            std::vector<std::pair<std::string, Value>> keyed;
            for (auto& v : known) {
                std::string key;
                append_set_key(v, element, key);
                keyed.emplace_back(std::move(key), std::move(v));
            }
            std::stable_sort(keyed.begin(), keyed.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            known.clear();
            for (auto& [key, v] : keyed)
                if (known.empty() || !same_data(known.back(), v)) known.push_back(std::move(v));
        }
        for (auto& u : unknowns) known.push_back(std::move(u));
        if (null) known.push_back(std::move(*null));
        return known;
    }

    Value tuple(const Value& v, const TypeConstraint& t, const Path& path, const Provenance& origin) {
        if (!v.is_list()) return mismatch(v, t, path);
        const auto& items = v.items();
        if (items.size() != t.elements.size())
            return reject(v, path,
                          fmt::format("a tuple of {} element{} is required, got {} element{}", t.elements.size(),
                                      t.elements.size() == 1 ? "" : "s", items.size(), items.size() == 1 ? "" : "s"));
        ValueList out;
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            out.push_back(to(Value(items[i]).element_of(v), t.elements[i], Path{&path, Path::Step::Index, {}, i}, origin));
        if (!error.empty()) return v;
        return same_origin(Value::list(std::move(out)), v).with_flavor(Flavor::Tuple, true);
    }

    Value map(const Value& v, const TypeConstraint& t, const Path& path, const Provenance& origin) {
        if (!v.is_object()) return mismatch(v, t, path);
        const TypeConstraint& element = t.elements[0];
        ValueMap fields;
        for (const auto& [key, field] : v.fields())
            fields.emplace(key, to(Value(field).element_of(v), element, Path{&path, Path::Step::Key, key}, origin));
        if (contains_any(element)) {
            std::vector<Value*> refs;
            for (auto& [key, field] : fields) refs.push_back(&field);
            unify_elements(refs, v, path, "map", origin);
        }
        if (!error.empty()) return v;
        return same_origin(Value::object(std::move(fields)), v).with_flavor(Flavor::Map, !contains_any(element));
    }

    // Declared attributes only (Terraform drops the others); a missing or null optional attribute
    // takes its default, converted in turn, or stays null.
    Value object(const Value& v, const TypeConstraint& t, const Path& path, const Provenance& origin) {
        if (!v.is_object()) return mismatch(v, t, path);
        ValueMap fields;
        for (const auto& a : t.attributes) {
            Path at{&path, Path::Step::Attr, a.name};
            const Value* field = v.get(a.name);
            if (field && !field->is_null()) {
                fields.emplace(a.name, to(Value(*field).element_of(v), a.type, at, origin));
            } else if (!field && v.is_open()) {
                // A resource or data source object lists its arguments only: an attribute it does
                // not list is computed, known after apply, never the type's default.
                fields.emplace(a.name, hcl::detail::unlisted_attribute(v, a.name, v.range));
            } else if (a.default_value) {
                Value d = a.default_value->with_provenance(
                    prepend(render(at) + " optional default", a.default_value->range, origin));
                fields.emplace(a.name, to(d, a.type, at, d.provenance));
            } else if (field) {
                fields.emplace(a.name, Value(*field).element_of(v));
            } else if (a.optional) {
                fields.emplace(a.name, Value::null(v.range));
            } else {
                return reject(v, path, fmt::format("attribute \"{}\" is required", a.name));
            }
        }
        if (!error.empty()) return v;
        return same_origin(Value::object(std::move(fields)), v).with_flavor(Flavor::Object, true);
    }

};

}  // namespace

ParsedType parse_type_constraint(const hcl::Expr& expr) {
    TypeParser parser;
    ParsedType out;
    out.type = parser.parse(expr);
    out.error = std::move(parser.error);
    if (!out.error.empty()) out.type = {};
    return out;
}

std::string type_name(const TypeConstraint& type) {
    switch (type.kind) {
        case Kind::Any: return "any";
        case Kind::String: return "string";
        case Kind::Number: return "number";
        case Kind::Bool: return "bool";
        case Kind::List: return "list of " + type_name(type.elements[0]);
        case Kind::Set: return "set of " + type_name(type.elements[0]);
        case Kind::Map: return "map of " + type_name(type.elements[0]);
        case Kind::Object: return "object";
        case Kind::Tuple: return "tuple";
    }
    return "?";
}

Value convert(const Value& value, const TypeConstraint& type, std::string_view what) {
    Converter c;
    Path root;
    root.name = what;
    Value out = c.to(value, type, root, value.provenance);
    if (c.error.empty()) return out;
    Value rejected = Value::unknown(c.error, c.error_range.valid() ? c.error_range : value.range);
    rejected.provenance = value.provenance;
    rejected.ref_asset = value.ref_asset;
    return rejected;
}

}  // namespace residency::terraform
