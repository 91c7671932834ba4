// Evaluates HCL expressions with Terraform's semantics: unknowns propagate, errors become reasoned unknowns.
#include "frontends/terraform/evaluation/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl {
namespace {

using detail::as_bool;
using detail::as_number;
using detail::as_text;
using detail::child_of;
using detail::derived_from;
using detail::find_incomplete;
using detail::format_number;
using detail::incomplete_unknown;
using detail::propagate_unknown;
using detail::to_number;
using detail::unlisted_attribute;
using detail::unlisted_attributes;

// Deeper nesting than any real configuration; it keeps a hostile input from exhausting the stack.
constexpr int kMaxDepth = 400;

// Work allowed for one top-level evaluation, nested scope lookups included: far beyond any real
// configuration, and what keeps nested for-expressions over large ranges from running for hours.
constexpr std::size_t kMaxSteps = 2'000'000;
thread_local int t_nesting = 0;
thread_local std::size_t t_steps = 0;

std::string describe(const Value& v) {
    if (v.is_string()) return "string " + v.display();
    return Value::kind_name(v.kind());
}

bool has_origin(const Value& v) { return v.provenance || !v.ref_asset.empty(); }

class Evaluator {
public:
    explicit Evaluator(Scope& scope) : scope_(scope) {}

    Value eval(const Expr& e) {
        if (depth_ >= kMaxDepth) return limit("expression is nested too deeply", e.range);
        if (++t_steps > kMaxSteps) return limit("expression takes too much work to evaluate statically", e.range);
        ++depth_;
        Value out = dispatch(e);
        --depth_;
        if (!out.range.valid()) out.range = e.range;
        return out;
    }

private:
    // A named local (for-expression or template-for variable); the innermost binding wins.
    struct Binding {
        std::string_view name;
        Value value;
    };

    // What the evaluator asks of the configuration, without reporting unsupported functions: for a
    // conditional's other result, evaluated only for its type.
    struct MutedScope : Scope {
        Scope& inner;
        explicit MutedScope(Scope& s) : inner(s) {}
        Value resolve(std::string_view root, std::span<const TraversalStep> steps, Range range,
                      std::size_t& consumed) override {
            return inner.resolve(root, steps, range, consumed);
        }
        std::optional<std::string> read_file(std::string_view path, std::string& error) override {
            return inner.read_file(path, error);
        }
    };

    Scope& scope_;
    MutedScope muted_scope_{scope_};
    bool muted_ = false;
    std::vector<Binding> locals_;
    std::vector<Value> splat_items_;
    int depth_ = 0;
    // Errors raised so far; try() and can() compare counts to tell an error from an unknown.
    int errors_ = 0;

    // An error Terraform itself would raise: try() falls back, can() is false.
    Value fail(std::string reason, Range range) {
        ++errors_;
        return Value::unknown(std::move(reason), range, UnknownCause::Error);
    }
    // A limit of this tool, not an error in the configuration: try() and can() must not fall back.
    static Value limit(std::string reason, Range range) {
        return Value::unknown(std::move(reason), range, UnknownCause::Unsupported);
    }

    Value dispatch(const Expr& e) {
        switch (e.kind) {
            case ExprKind::Null: return Value::null(e.range);
            case ExprKind::Bool: return Value::boolean(e.boolean, e.range);
            case ExprKind::Number: return number::literal(e.number, e.text, e.range);
            case ExprKind::String: return Value::string(e.text, e.range);
            case ExprKind::Template: return template_value(e);
            case ExprKind::TemplateIf:
            case ExprKind::TemplateFor: return render(e, {&e, 1});
            case ExprKind::Tuple: return tuple(e);
            case ExprKind::Object: return object(e);
            case ExprKind::Variable:
            case ExprKind::GetAttr:
            case ExprKind::Index: return traversal(e);
            case ExprKind::Splat: return splat(e);
            case ExprKind::SplatItem:
                if (splat_items_.empty()) return fail("splat item used outside a splat expression", e.range);
                return splat_items_.back();
            case ExprKind::FunctionCall: return function_call(e);
            case ExprKind::Conditional: return conditional(e);
            case ExprKind::Binary: return binary(e);
            case ExprKind::Unary: return unary(e);
            case ExprKind::ForTuple:
            case ExprKind::ForObject: return for_expr(e);
            case ExprKind::Parens:
                if (e.children.empty()) return fail("empty parentheses", e.range);
                return eval(e.children[0]);
            case ExprKind::Invalid: return fail("invalid expression (syntax error)", e.range);
        }
        return fail("unsupported expression", e.range);
    }

    const Expr* child(const Expr& e, std::size_t i) { return i < e.children.size() ? &e.children[i] : nullptr; }

    // ---- templates ----

    // "${x}" alone is x itself, whatever its type, as in Terraform.
    Value template_value(const Expr& e) {
        if (e.children.size() == 1) {
            ExprKind k = e.children[0].kind;
            if (k != ExprKind::String && k != ExprKind::TemplateIf && k != ExprKind::TemplateFor)
                return eval(e.children[0]);
        }
        return render(e, e.children);
    }

    struct Rendering {
        std::string text;
        std::string pattern;           // text, with unknown parts as their pattern (Value::pattern)
        bool patterned = true;         // false once a part has no pattern: a condition or an error
        std::optional<Value> unknown;  // the first unknown part
        std::optional<Value> origin;   // the first interpolated value with an origin
        int origins = 0;
    };

    Value render(const Expr& e, std::span<const Expr> parts) {
        Rendering r;
        if (auto error = render_parts(parts, r)) return *error;
        if (r.unknown) {
            Value out = propagate_unknown(*r.unknown, e.range);
            return r.patterned ? out.with_pattern(std::move(r.pattern)) : out;
        }
        Value out = Value::string(std::move(r.text), e.range);
        if (r.origins == 1) return derived_from(std::move(out), *r.origin);
        // Several parts with an origin ("${var.region}-${z}"): the first one's chain says where the
        // text begins; no single object is named by it.
        if (r.origins > 1) out.provenance = r.origin->provenance;
        return out;
    }

    // Appends the parts to r.text; returns an error value when rendering cannot go on.
    std::optional<Value> render_parts(std::span<const Expr> parts, Rendering& r) {
        for (const Expr& part : parts) {
            if (part.kind == ExprKind::String) {
                r.text += part.text;
                r.pattern += part.text;
            } else if (part.kind == ExprKind::Template) {
                if (auto error = render_parts(part.children, r)) return error;
            } else if (part.kind == ExprKind::TemplateIf) {
                if (auto error = render_if(part, r)) return error;
            } else if (part.kind == ExprKind::TemplateFor) {
                if (auto error = render_for(part, r)) return error;
            } else {
                append_interpolation(eval(part), part, r);
            }
        }
        return std::nullopt;
    }

    // "a.b.c" for a reference made of names only; "" for anything else (an index, a call, a
    // conditional), whose value a pattern cannot name.
    static std::string plain_reference(const Expr& e) {
        if (e.kind == ExprKind::Variable) return e.text;
        if (e.kind != ExprKind::GetAttr || e.children.empty()) return {};
        std::string base = plain_reference(e.children[0]);
        return base.empty() ? base : base + "." + e.text;
    }

    void append_interpolation(const Value& v, const Expr& part, Rendering& r) {
        Range range = part.range;
        if (v.is_unknown()) {
            if (!r.unknown) r.unknown = v;
            // Only a plain reference stands for one value wherever it is written: a variable with no
            // value, a resource's computed attribute, or a string rendered from such references. Its
            // text and the reason (which names the module instance) identify it; upper(x), x[0],
            // uuid(), a conditional or an error do not.
            std::string name = plain_reference(part);
            bool reference = !name.empty() && (v.pattern() || v.unknown_cause() == UnknownCause::Input ||
                                               (v.unknown_cause() == UnknownCause::AfterApply && !v.ref_asset.empty()));
            if (!reference) {
                r.patterned = false;
            } else if (v.pattern()) {
                r.pattern += *v.pattern();  // a rendered string inside another: the same text
            } else {
                r.pattern += '\x1f';
                r.pattern += name;
                r.pattern += '\x1e';
                r.pattern += v.unknown_reason();
                r.pattern += '\x1f';
            }
            return;
        }
        if (v.is_null()) {
            r.patterned = false;
            Value error = fail("cannot include a null value in a string template", range);
            if (!r.unknown) r.unknown = error;
            return;
        }
        auto text = as_text(v);
        if (!text) {
            r.patterned = false;
            Value error = fail(std::string("cannot include a ") + Value::kind_name(v.kind()) +
                                   " value in a string template: string required",
                               range);
            if (!r.unknown) r.unknown = error;
            return;
        }
        r.text += *text;
        r.pattern += *text;
        if (has_origin(v) && r.origins++ == 0) r.origin = v;
    }

    std::optional<Value> render_if(const Expr& e, Rendering& r) {
        if (e.children.empty()) return fail("template if directive without a condition", e.range);
        Value cond = eval(e.children[0]);
        if (cond.is_unknown()) return propagate_unknown(cond, e.range);
        auto b = cond.is_null() ? std::nullopt : as_bool(cond);
        if (!b) return fail("template if condition must be a bool, got " + describe(cond), e.children[0].range);
        const Expr* body = child(e, *b ? 1 : 2);
        if (!body) return std::nullopt;
        return render_parts({body, 1}, r);
    }

    std::optional<Value> render_for(const Expr& e, Rendering& r) {
        if (e.children.size() < 2) return fail("incomplete template for directive", e.range);
        Value coll = eval(e.children[0]);
        std::vector<std::pair<Value, Value>> entries;
        if (auto error = iterate(coll, e.children[0].range, entries)) return error;
        for (auto& [key, value] : entries) {
            std::size_t mark = bind(e, key, value);
            auto error = render_parts({&e.children[1], 1}, r);
            locals_.resize(mark);
            if (error) return error;
        }
        return std::nullopt;
    }

    // ---- collections ----

    Value tuple(const Expr& e) {
        ValueList items;
        items.reserve(e.children.size());
        for (const Expr& c : e.children) items.push_back(eval(c));
        return Value::list(std::move(items), e.range).with_flavor(Flavor::Tuple, true);
    }

    Value object(const Expr& e) {
        ValueMap fields;
        std::optional<Value> unknown_key;
        for (std::size_t i = 0; i + 1 < e.children.size(); i += 2) {
            const Expr& key_expr = e.children[i];
            Value key = key_expr.kind == ExprKind::String ? Value::string(key_expr.text, key_expr.range) : eval(key_expr);
            Value value = eval(e.children[i + 1]);
            if (key.is_unknown()) {
                if (!unknown_key) unknown_key = key;
                continue;
            }
            if (key.is_null()) return fail("cannot use a null value as an object key", key_expr.range);
            auto name = as_text(key);
            if (!name) return fail("object key must be a string, got " + describe(key), key_expr.range);
            fields.insert_or_assign(*name, std::move(value));
        }
        if (unknown_key) return propagate_unknown(*unknown_key, e.range);
        return Value::object(std::move(fields), e.range).with_flavor(Flavor::Object, true);
    }

    // ---- references and traversals ----

    Value traversal(const Expr& e) {
        std::vector<const Expr*> chain;
        const Expr* root = &e;
        while ((root->kind == ExprKind::GetAttr || root->kind == ExprKind::Index) && !root->children.empty()) {
            chain.push_back(root);
            root = &root->children[0];
        }
        if (root->kind != ExprKind::Variable) {
            // Not a reference (`f(x)[0]`, `[1, 2][0]`): evaluate the innermost collection and step.
            if (chain.empty()) return fail("malformed traversal", e.range);
            const Expr& step_expr = *chain.front();
            Value base = eval(step_expr.children[0]);
            return apply(base, make_step(step_expr), step_expr.range);
        }
        std::vector<TraversalStep> steps;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) steps.push_back(make_step(**it));

        for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
            if (it->name != root->text) continue;
            Value v = it->value;
            for (std::size_t i = 0; i < steps.size(); ++i) v = apply(v, steps[i], chain[chain.size() - 1 - i]->range);
            return v;
        }
        std::size_t consumed = 0;
        Value v = scope_.resolve(root->text, steps, e.range, consumed);
        if (!v.range.valid()) v.range = e.range;
        // A variable has its type constraint's flavor and a local its expression's; an attribute
        // has its provider schema's type, and a module output or for_each element is not followed.
        if (root->text != "var" && root->text != "local") v.set_flavor(Flavor::Unset, false);
        for (std::size_t i = std::min(consumed, steps.size()); i < steps.size(); ++i)
            v = apply(v, steps[i], chain[chain.size() - 1 - i]->range);
        return v;
    }

    TraversalStep make_step(const Expr& step_expr) {
        TraversalStep step;
        step.range = step_expr.range;
        if (step_expr.kind == ExprKind::GetAttr) {
            step.name = step_expr.text;
        } else {
            step.is_index = true;
            step.key = step_expr.children.size() > 1 ? eval(step_expr.children[1])
                                                     : fail("index without a key", step_expr.range);
        }
        return step;
    }

    // One `.name` or `[key]` applied to a value; the element inherits the container's origin. A
    // resource's object lists only its arguments: another attribute is computed, not missing.
    Value apply(const Value& base, const TraversalStep& step, Range range) {
        if (base.is_unknown()) return base;
        if (!step.is_index) {
            if (base.is_object()) {
                if (const Value* field = base.get(step.name)) return child_of(base, *field);
                if (base.is_open()) return unlisted_attribute(base, step.name, range);
                return fail("object has no attribute \"" + step.name + "\"", range);
            }
            if (base.is_null()) return fail("attempt to get attribute \"" + step.name + "\" from a null value", range);
            return fail("cannot access attribute \"" + step.name + "\" on a " + Value::kind_name(base.kind()) + " value",
                        range);
        }
        const Value& key = step.key;
        if (key.is_unknown()) return derived_from(propagate_unknown(key, range), base);
        if (key.is_null()) return fail("cannot use a null value as an index key", range);
        if (base.is_list()) {
            auto n = as_number(key);
            if (!n) return fail("a number is required to index a list, got " + describe(key), range);
            if (*n != std::floor(*n)) return fail("index " + format_number(*n) + " is not a whole number", range);
            const auto& items = base.items();
            if (*n < 0 || *n >= static_cast<double>(items.size()))
                return fail("index " + format_number(*n) + " out of range for list of " + std::to_string(items.size()) +
                                (items.size() == 1 ? " element" : " elements"),
                            range);
            return child_of(base, items[static_cast<std::size_t>(*n)]);
        }
        if (base.is_object()) {
            auto name = as_text(key);
            if (!name) return fail("a string is required to index an object, got " + describe(key), range);
            if (const Value* field = base.get(*name)) return child_of(base, *field);
            if (base.is_open() && key.is_string()) return unlisted_attribute(base, *name, range);
            return fail("object has no element \"" + *name + "\"", range);
        }
        if (base.is_null()) return fail("cannot index a null value", range);
        return fail(std::string("cannot index a ") + Value::kind_name(base.kind()) + " value", range);
    }

    Value splat(const Expr& e) {
        if (e.children.empty()) return fail("malformed splat expression", e.range);
        Value source = eval(e.children[0]);
        if (source.is_unknown()) return source;
        if (source.is_null()) return Value::list({}, e.range);
        // A single value is treated as a one-element list, as Terraform does.
        ValueList inputs = source.is_list() ? source.items() : ValueList{source};
        ValueList out;
        out.reserve(inputs.size());
        for (const auto& item : inputs) {
            splat_items_.push_back(child_of(source, item));
            out.push_back(e.children.size() > 1 ? eval(e.children[1]) : splat_items_.back());
            splat_items_.pop_back();
        }
        return derived_from(Value::list(std::move(out), e.range), source);
    }

    // ---- function calls ----

    Value function_call(const Expr& e) {
        if (e.text == "try") return call_try(e);
        if (e.text == "can") return call_can(e);
        std::vector<Value> args;
        args.reserve(e.children.size());
        for (const Expr& c : e.children) args.push_back(eval(c));
        if (e.expand_final && !args.empty()) {
            Value last = std::move(args.back());
            args.pop_back();
            if (last.is_unknown()) return propagate_unknown(last, e.range);
            if (!last.is_list()) return fail("the final argument before \"...\" must be a list, got " + describe(last), e.range);
            for (const auto& item : last.items()) args.push_back(child_of(last, item));
        }
        bool failed = false;
        Value out = detail::invoke_function(e.text, args, e.range, muted_ ? muted_scope_ : scope_, failed);
        if (failed) ++errors_;
        // Functions convert their arguments to their parameter types and unify (coalesce([], var.list)
        // is a list): only the conversion functions give their result a flavor.
        if (e.text != "tolist" && e.text != "toset" && e.text != "tomap") out.set_flavor(Flavor::Unset, false);
        return out;
    }

    // The first argument that evaluates without an error. An argument that is wholly unknown makes
    // the result unknown (it might still fail once known); unknown leaves inside a structure that
    // evaluated without an error stay leaves. What this tool does not model (an unsupported
    // function, a computed attribute) is unknown, never an error, so it never selects a fallback.
    Value call_try(const Expr& e) {
        int before = errors_;
        std::string last_error;
        for (const Expr& arg : e.children) {
            Value v = eval(arg);
            if (errors_ == before) return v.is_unknown() ? propagate_unknown(v, e.range) : v;
            last_error = v.is_unknown() ? v.unknown_reason() : "error";
            errors_ = before;
        }
        if (e.children.empty()) return fail("function \"try\" expects at least 1 argument, got 0", e.range);
        return fail("no expression given to try succeeded; the last failed with: " + last_error, e.range);
    }

    Value call_can(const Expr& e) {
        if (e.children.size() != 1)
            return fail("function \"can\" expects 1 argument, got " + std::to_string(e.children.size()), e.range);
        int before = errors_;
        Value v = eval(e.children[0]);
        if (errors_ != before) {
            errors_ = before;
            return Value::boolean(false, e.range);
        }
        if (v.is_unknown()) return propagate_unknown(v, e.range);
        return Value::boolean(true, e.range);
    }

    // ---- operators ----

    Value conditional(const Expr& e) {
        if (e.children.size() < 3) return fail("malformed conditional expression", e.range);
        Value cond = eval(e.children[0]);
        if (cond.is_unknown()) return propagate_unknown(cond, e.range);
        if (cond.is_null())
            return fail("the condition value is null; conditions must either be true or false", e.children[0].range);
        auto b = as_bool(cond);
        if (!b) return fail("the condition must be a bool, got " + describe(cond), e.children[0].range);
        Value chosen = eval(e.children[*b ? 1 : 2]);
        if (chosen.is_unknown() || chosen.is_null()) return chosen;
        // Terraform converts both results to their common type (true ? 1 : "x" is "1"); the other
        // result is evaluated for its type only: its errors and unknowns do not matter.
        bool was_muted = std::exchange(muted_, true);
        int errors = errors_;
        Value other = eval(e.children[*b ? 2 : 1]);
        errors_ = errors;
        muted_ = was_muted;
        auto unified = detail::unify_values({chosen, other});
        if (!unified)
            return fail("the true and false result expressions must have consistent types (" + describe(chosen) +
                            " and " + describe(other) + ")",
                        e.range);
        Value out = (*unified)[0];
        out.set_flavor(common_flavor(chosen, other), false);
        return out;
    }

    // The kind of the results' common type, as cty unifies: a list with a list or a tuple is a list
    // (true ? [] : var.list is a list), a map with a map or an object a map, a set with a set a
    // set; two tuples of one length a tuple, of two lengths a list; two objects with the same
    // attributes an object, else a map. A null result takes the other's type (an unknown's is not
    // followed).
    static Flavor common_flavor(const Value& chosen, const Value& other) {
        if (other.is_unknown()) return Flavor::Unset;
        if (other.is_null()) return chosen.flavor();
        Flavor a = chosen.flavor(), b = other.flavor();
        auto pair = [&](Flavor x, Flavor y) { return (a == x && b == y) || (a == y && b == x); };
        if (a == Flavor::Tuple && b == Flavor::Tuple)
            return chosen.items().size() == other.items().size() ? Flavor::Tuple : Flavor::List;
        if (a == Flavor::Object && b == Flavor::Object) {
            const auto &x = chosen.fields(), &y = other.fields();
            bool same = x.size() == y.size() &&
                        std::equal(x.begin(), x.end(), y.begin(), [](const auto& p, const auto& q) { return p.first == q.first; });
            return same ? Flavor::Object : Flavor::Map;
        }
        if (a == b) return a;
        if (pair(Flavor::List, Flavor::Tuple)) return Flavor::List;
        if (pair(Flavor::Map, Flavor::Object)) return Flavor::Map;
        return Flavor::Unset;
    }

    Value operand_error(std::string_view op, const Value& v, std::string_view need, Range range) {
        return fail("invalid operand for \"" + std::string(op) + "\": " + std::string(need) + " is required, got " +
                        describe(v),
                    range);
    }

    Value binary(const Expr& e) {
        if (e.children.size() < 2) return fail("malformed binary expression", e.range);
        const std::string& op = e.text;
        const Expr &le = e.children[0], &re = e.children[1];
        if (op == "&&" || op == "||") return logical(e, op == "&&");
        Value l = eval(le), r = eval(re);
        if (op == "==" || op == "!=") return equality(l, r, op == "==", e.range);
        if (l.is_unknown()) return propagate_unknown(l, e.range);
        if (r.is_unknown()) return propagate_unknown(r, e.range);
        auto a = to_number(l);
        if (!a) return operand_error(op, l, "a number", le.range);
        auto b = to_number(r);
        if (!b) return operand_error(op, r, "a number", re.range);
        const Value &x = *a, &y = *b;
        if (op == "<") return Value::boolean(number::order(x, y) < 0, e.range);
        if (op == ">") return Value::boolean(number::order(x, y) > 0, e.range);
        if (op == "<=") return Value::boolean(number::order(x, y) <= 0, e.range);
        if (op == ">=") return Value::boolean(number::order(x, y) >= 0, e.range);
        std::optional<Value> out;
        if (op == "+") out = number::add(x, y, e.range);
        else if (op == "-") out = number::subtract(x, y, e.range);
        else if (op == "*") out = number::multiply(x, y, e.range);
        // As cty: x / 0 is an infinity (0 / 0 an error), x % 0 is x.
        else if (op == "/") out = number::divide(x, y, e.range);
        else if (op == "%") out = number::modulo(x, y, e.range);
        else return fail("unsupported operator \"" + op + "\"", e.range);
        if (out) return std::move(*out);
        if (op == "/") return fail(x.as_number() == 0 ? "division of zero by zero" : "division of infinity by infinity", e.range);
        return fail("the result of " + x.display() + " " + op + " " + y.display() + " is not a number", e.range);
    }

    // Known as soon as a known part differs (a known object with unknown attributes is not null).
    static Value equality(const Value& l, const Value& r, bool want_equal, Range range) {
        // As cty: unknown and null first, then the types (a tuple is never equal to a list).
        bool typed = !l.is_unknown() && !r.is_unknown() && !l.is_null() && !r.is_null() &&
                     l.flavor() != Flavor::Unset && r.flavor() != Flavor::Unset;
        if (typed && l.flavor() != r.flavor()) return Value::boolean(!want_equal, range);
        const Value* unknown = nullptr;
        switch (compare(l, r, &unknown)) {
            case Equality::Equal: return Value::boolean(want_equal, range);
            case Equality::Different: return Value::boolean(!want_equal, range);
            case Equality::Unknown: break;
        }
        if (unknown) return propagate_unknown(*unknown, range);
        // Only a resource's unlisted attributes could tell.
        const Value* open = find_incomplete(l);
        if (!open) open = find_incomplete(r);
        return open ? incomplete_unknown(*open, range)
                    : Value::unknown("the comparison is not known", range, UnknownCause::AfterApply);
    }

    // && and || evaluate both operands, as Terraform does: `false && x` is unknown when x is, and an
    // error when x is null or not a bool.
    Value logical(const Expr& e, bool is_and) {
        const char* op = is_and ? "&&" : "||";
        Value l = eval(e.children[0]);
        Value r = eval(e.children[1]);
        for (const Value* v : {&l, &r})
            if (v->is_unknown() && v->unknown_cause() == UnknownCause::Error) return propagate_unknown(*v, e.range);
        std::optional<bool> a, b;
        if (!l.is_unknown()) {
            a = l.is_null() ? std::nullopt : as_bool(l);
            if (!a) return operand_error(op, l, "a bool", e.children[0].range);
        }
        if (!r.is_unknown()) {
            b = r.is_null() ? std::nullopt : as_bool(r);
            if (!b) return operand_error(op, r, "a bool", e.children[1].range);
        }
        if (l.is_unknown()) return propagate_unknown(l, e.range);
        if (r.is_unknown()) return propagate_unknown(r, e.range);
        return Value::boolean(is_and ? (*a && *b) : (*a || *b), e.range);
    }

    Value unary(const Expr& e) {
        if (e.children.empty()) return fail("malformed unary expression", e.range);
        Value v = eval(e.children[0]);
        if (v.is_unknown()) return propagate_unknown(v, e.range);
        if (e.text == "!") {
            auto b = v.is_null() ? std::nullopt : as_bool(v);
            if (!b) return operand_error("!", v, "a bool", e.children[0].range);
            return Value::boolean(!*b, e.range);
        }
        auto n = to_number(v);
        if (!n) return operand_error(e.text, v, "a number", e.children[0].range);
        return number::negate(*n, e.range);
    }

    // ---- for expressions ----

    // The (key, value) pairs a for expression or directive iterates: list index or object key.
    std::optional<Value> iterate(const Value& coll, Range range, std::vector<std::pair<Value, Value>>& out) {
        if (coll.is_unknown()) return coll;
        if (coll.is_null()) return fail("a null value cannot be used as the collection in a 'for' expression", range);
        if (coll.is_list()) {
            const auto& items = coll.items();
            for (std::size_t i = 0; i < items.size(); ++i)
                out.emplace_back(Value::number(static_cast<double>(i), range), child_of(coll, items[i]));
            return std::nullopt;
        }
        if (coll.is_object()) {
            if (coll.is_open()) return unlisted_attributes(coll, range);
            for (const auto& [k, v] : coll.fields()) out.emplace_back(Value::string(k, range), child_of(coll, v));
            return std::nullopt;
        }
        return fail(std::string("a ") + Value::kind_name(coll.kind()) +
                        " value cannot be used as the collection in a 'for' expression",
                    range);
    }

    // Binds the loop variables; returns the mark to unwind to.
    std::size_t bind(const Expr& e, const Value& key, const Value& value) {
        std::size_t mark = locals_.size();
        if (auto k = for_key(e); !k.empty()) locals_.push_back({k, key});
        locals_.push_back({for_value(e), value});
        return mark;
    }

    Value for_expr(const Expr& e) {
        bool is_object = e.kind == ExprKind::ForObject;
        std::size_t needed = is_object ? 3 : 2;
        if (e.children.size() < needed) return fail("malformed 'for' expression", e.range);
        const Expr* condition = child(e, needed);
        std::vector<std::pair<Value, Value>> entries;
        if (auto error = iterate(eval(e.children[0]), e.children[0].range, entries))
            return propagate_unknown(*error, e.range);
        ValueList items;
        std::map<std::string, ValueList, std::less<>> groups;
        ValueMap fields;
        for (auto& [key, value] : entries) {
            std::size_t mark = bind(e, key, value);
            auto stop = step_for(e, condition, is_object, items, groups, fields);
            locals_.resize(mark);
            if (stop) return *stop;
        }
        if (!is_object) return Value::list(std::move(items), e.range).with_flavor(Flavor::Tuple, true);
        if (e.expand_final)
            for (auto& [k, list] : groups) fields.emplace(k, Value::list(std::move(list), e.range).with_flavor(Flavor::Tuple, true));
        return Value::object(std::move(fields), e.range).with_flavor(Flavor::Object, true);
    }

    // One iteration of a for expression; a returned value ends the whole expression with it.
    std::optional<Value> step_for(const Expr& e, const Expr* condition, bool is_object, ValueList& items,
                   std::map<std::string, ValueList, std::less<>>& groups, ValueMap& fields) {
        if (condition) {
            Value c = eval(*condition);
            if (c.is_unknown()) return propagate_unknown(c, e.range);
            auto keep = c.is_null() ? std::nullopt : as_bool(c);
            if (!keep) return fail("the 'for' condition must be a bool, got " + describe(c), condition->range);
            if (!*keep) return std::nullopt;
        }
        if (!is_object) {
            items.push_back(eval(e.children[1]));
            return std::nullopt;
        }
        Value key = eval(e.children[1]);
        if (key.is_unknown()) return propagate_unknown(key, e.range);
        if (key.is_null()) return fail("the 'for' expression produced a null object key", e.children[1].range);
        auto name = as_text(key);
        if (!name) return fail("object key must be a string, got " + describe(key), e.children[1].range);
        Value value = eval(e.children[2]);
        if (e.expand_final) {
            groups[*name].push_back(std::move(value));
        } else if (!fields.emplace(*name, std::move(value)).second) {
            return fail("duplicate object key \"" + *name + "\" in 'for' expression; add \"...\" after the value to group values by key",
                        e.children[1].range);
        }
        return std::nullopt;
    }
};

}  // namespace

Value evaluate(const Expr& expr, Scope& scope) {
    if (t_nesting++ == 0) t_steps = 0;
    Evaluator ev(scope);
    Value out = ev.eval(expr);
    --t_nesting;
    return out;
}

}  // namespace residency::hcl
