// Terraform's type unification (cty's convert.Unify) over values: what tolist, tomap, a
// conditional's two results and coalesce's arguments are converted to. residency's values carry no
// static type, so the type of each value is read from the value itself: a list is a tuple of its
// elements' types, an object an object type; null and unknown values fit any type.
#include "frontends/terraform/evaluation/functions_internal.hpp"

#include <map>
#include <memory>

namespace residency::hcl::detail {
namespace {

struct Shape {
    enum class Kind { Any, Bool, Number, String, Tuple, List, Object, Map } kind = Kind::Any;
    std::vector<Shape> elements;          // Tuple: each element; List and Map: the one element type
    std::map<std::string, Shape> attrs;   // Object
};

using Kind = Shape::Kind;

bool is_primitive(Kind k) { return k == Kind::Bool || k == Kind::Number || k == Kind::String; }

// The type of a value; nullopt for an open object (a resource's attributes are not all listed, so
// its type is not known here).
std::optional<Shape> shape_of(const Value& v) {
    Shape s;
    switch (v.kind()) {
        case Value::Kind::Null:
        case Value::Kind::Unknown: return s;
        case Value::Kind::Bool: s.kind = Kind::Bool; return s;
        case Value::Kind::Number: s.kind = Kind::Number; return s;
        case Value::Kind::String: s.kind = Kind::String; return s;
        case Value::Kind::List:
            s.kind = Kind::Tuple;
            for (const Value& item : v.items()) {
                auto e = shape_of(item);
                if (!e) return std::nullopt;
                s.elements.push_back(std::move(*e));
            }
            return s;
        case Value::Kind::Object:
            if (v.is_open()) return std::nullopt;
            s.kind = Kind::Object;
            for (const auto& [k, field] : v.fields()) {
                auto a = shape_of(field);
                if (!a) return std::nullopt;
                s.attrs.emplace(k, std::move(*a));
            }
            return s;
    }
    return s;
}

std::optional<Shape> unify_all(const std::vector<const Shape*>& shapes);

// One element type for every element of the sequences (or every attribute of the objects).
std::optional<Shape> element_type(const std::vector<const Shape*>& shapes, bool of_objects) {
    std::vector<const Shape*> parts;
    for (const Shape* s : shapes) {
        if (of_objects) {
            if (s->kind == Kind::Map) parts.push_back(&s->elements[0]);
            else
                for (const auto& [k, a] : s->attrs) parts.push_back(&a);
        } else {
            if (s->kind == Kind::List) parts.push_back(&s->elements[0]);
            else
                for (const Shape& e : s->elements) parts.push_back(&e);
        }
    }
    return unify_all(parts);
}

std::optional<Shape> unify_all(const std::vector<const Shape*>& all) {
    std::vector<const Shape*> shapes;
    for (const Shape* s : all)
        if (s->kind != Kind::Any) shapes.push_back(s);
    if (shapes.empty()) return Shape{};
    Kind first = shapes[0]->kind;
    bool primitives = true, sequences = true, objects = true, same = true;
    for (const Shape* s : shapes) {
        primitives = primitives && is_primitive(s->kind);
        sequences = sequences && (s->kind == Kind::Tuple || s->kind == Kind::List);
        objects = objects && (s->kind == Kind::Object || s->kind == Kind::Map);
        same = same && s->kind == first;
    }
    if (primitives) {
        if (same) return *shapes[0];
        bool any_string = false;
        for (const Shape* s : shapes) any_string = any_string || s->kind == Kind::String;
        if (!any_string) return std::nullopt;  // a bool and a number have no common type
        Shape s;
        s.kind = Kind::String;
        return s;
    }
    if (sequences) {
        bool tuples_of_one_length = true;
        for (const Shape* s : shapes)
            tuples_of_one_length = tuples_of_one_length && s->kind == Kind::Tuple &&
                                   s->elements.size() == shapes[0]->elements.size();
        if (tuples_of_one_length) {
            Shape out;
            out.kind = Kind::Tuple;
            for (std::size_t i = 0; i < shapes[0]->elements.size(); ++i) {
                std::vector<const Shape*> column;
                for (const Shape* s : shapes) column.push_back(&s->elements[i]);
                auto e = unify_all(column);
                if (!e) return std::nullopt;
                out.elements.push_back(std::move(*e));
            }
            return out;
        }
        auto e = element_type(shapes, false);
        if (!e) return std::nullopt;
        Shape out;
        out.kind = Kind::List;
        out.elements.push_back(std::move(*e));
        return out;
    }
    if (objects) {
        bool same_attributes = true;
        for (const Shape* s : shapes) {
            same_attributes = same_attributes && s->kind == Kind::Object && s->attrs.size() == shapes[0]->attrs.size();
            if (same_attributes)
                for (const auto& [k, a] : s->attrs) same_attributes = same_attributes && shapes[0]->attrs.count(k);
        }
        if (same_attributes) {
            Shape out;
            out.kind = Kind::Object;
            for (const auto& [k, a0] : shapes[0]->attrs) {
                std::vector<const Shape*> column;
                for (const Shape* s : shapes) column.push_back(&s->attrs.at(k));
                auto a = unify_all(column);
                if (!a) return std::nullopt;
                out.attrs.emplace(k, std::move(*a));
            }
            return out;
        }
        auto e = element_type(shapes, true);
        if (!e) return std::nullopt;
        Shape out;
        out.kind = Kind::Map;
        out.elements.push_back(std::move(*e));
        return out;
    }
    return std::nullopt;
}

// Converts a value to a type unify_all found for it: only primitives change (to strings).
Value convert(const Value& v, const Shape& to) {
    if (v.is_null() || v.is_unknown()) return v;
    switch (to.kind) {
        case Kind::String:
            if (v.is_number() || v.is_bool()) return derived_from(Value::string(*as_text(v), v.range), v);
            return v;
        case Kind::Tuple:
        case Kind::List: {
            if (!v.is_list()) return v;
            ValueList items;
            for (std::size_t i = 0; i < v.items().size(); ++i)
                items.push_back(convert(v.items()[i], to.kind == Kind::List ? to.elements[0] : to.elements[i]));
            Value out = Value::list(std::move(items), v.range);
            return derived_from(std::move(out), v);
        }
        case Kind::Object:
        case Kind::Map: {
            if (!v.is_object()) return v;
            ValueMap fields;
            for (const auto& [k, field] : v.fields())
                fields.emplace(k, convert(field, to.kind == Kind::Map ? to.elements[0] : to.attrs.at(k)));
            Value out = Value::object(std::move(fields), v.range);
            return derived_from(std::move(out), v);
        }
        default: return v;
    }
}

}  // namespace

std::optional<ValueList> unify_values(const ValueList& values) {
    std::vector<Shape> shapes;
    for (const Value& v : values) {
        auto s = shape_of(v);
        if (!s) return values;  // an open object: its type is not known here, leave the values
        shapes.push_back(std::move(*s));
    }
    std::vector<const Shape*> pointers;
    for (const Shape& s : shapes) pointers.push_back(&s);
    auto common = unify_all(pointers);
    if (!common) return std::nullopt;
    ValueList out;
    for (const Value& v : values) out.push_back(convert(v, *common));
    return out;
}

}  // namespace residency::hcl::detail
