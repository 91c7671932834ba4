// The HCL expression evaluator: operators, templates, for, splats, references, unknowns, provenance.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "frontends/terraform/evaluation/evaluator.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"

using namespace residency;
using namespace residency::hcl;

namespace {

constexpr FileId kVarsFile = 7;

// `var.<name>` consumes one step; `aws_s3_bucket.<name>` one step; `data.<type>.<name>` two; `local`
// none. Records what it was asked.
struct EvalScope : Scope {
    ValueMap vars;
    ValueMap buckets;
    Value locals = Value::object({{"i", Value::string("k")}});
    std::vector<std::string> roots_seen;
    std::vector<std::vector<TraversalStep>> steps_seen;

    Value resolve(std::string_view root, std::span<const TraversalStep> steps, Range range,
                  std::size_t& consumed) override {
        roots_seen.emplace_back(root);
        steps_seen.emplace_back(steps.begin(), steps.end());
        consumed = 0;
        if (root == "local") return locals;
        if (root == "data" && steps.size() >= 2) {
            consumed = 2;
            Value identity = Value::open_object({});  // a data source: every attribute is read when planning
            identity.ref_asset = "data." + steps[0].name + "." + steps[1].name;
            return identity;
        }
        ValueMap* table = root == "var" ? &vars : root == "aws_s3_bucket" ? &buckets : nullptr;
        if (!table || steps.empty() || steps[0].is_index) return Value::unknown("unknown reference", range);
        consumed = 1;
        auto it = table->find(steps[0].name);
        if (it == table->end()) return Value::unknown("no variable \"" + steps[0].name + "\"", range);
        return it->second;
    }
};

struct Fixture {
    EvalScope scope;
    Provenance x_chain = prepend("var.x", Range{kVarsFile, 10, 21},
                                 prepend("terraform.tfvars", Range{kVarsFile + 1, 0, 20}, nullptr));
    Provenance m_chain = prepend("var.m", Range{kVarsFile, 30, 60}, nullptr);

    Fixture() {
        Value x = Value::string("EU-West-1", Range{kVarsFile, 10, 21});
        x.provenance = x_chain;
        scope.vars["x"] = x;
        Value m = Value::object({{"k", Value::string("eu-central-1", Range{kVarsFile, 40, 54})},
                                 {"j", Value::string("v", Range{kVarsFile, 55, 58})}},
                                Range{kVarsFile, 30, 60});
        m.provenance = m_chain;
        scope.vars["m"] = m;
        scope.vars["u"] = Value::unknown("var.u has no value", Range{kVarsFile, 70, 80});
        scope.vars["l"] = Value::list({Value::number(1), Value::number(2), Value::number(3)});
        scope.vars["objs"] = Value::list({Value::object({{"id", Value::string("a")}}), Value::object({{"id", Value::string("b")}})});
        Value bucket = Value::object({{"arn", Value::unknown("known after apply", {}, UnknownCause::AfterApply)},
                                      {"bucket", Value::string("weights-eu")}});
        bucket.ref_asset = "aws_s3_bucket.b";
        scope.buckets["b"] = bucket;
        // A whole resource instance: its arguments only; its computed attributes are not listed.
        Value open = Value::open_object({{"bucket", Value::string("weights-eu")},
                                         {"versioning", Value::list({Value::open_object({{"enabled", Value::boolean(true)}})})}});
        open.ref_asset = "aws_s3_bucket.o";
        scope.buckets["o"] = open;
        // A known object with an attribute known only after apply.
        scope.vars["ou"] = Value::object({{"a", Value::unknown("aws_kms_key.k.arn is known only after apply", Range{kVarsFile, 90, 99},
                                                               UnknownCause::AfterApply)},
                                          {"b", Value::string("x")}});
    }

    Value eval(std::string_view expr) {
        std::string src = "v = " + std::string(expr) + "\n";
        ParsedFile file = parse_hcl(0, src);
        INFO(expr);
        REQUIRE(file.errors.empty());
        const Attribute* attr = file.body.attribute("v");
        REQUIRE(attr != nullptr);
        return evaluate(attr->value, scope);
    }
    std::string show(std::string_view expr) {
        Value v = eval(expr);
        return v.is_unknown() ? "unknown: " + v.unknown_reason() : v.display();
    }
};

Expr leaf(ExprKind kind) {
    Expr e;
    e.kind = kind;
    return e;
}

}  // namespace

TEST_CASE("literals carry their own range and no provenance") {
    Fixture f;
    Value v = f.eval("42");
    CHECK(v.display() == "42");
    CHECK(v.range == Range{0, 4, 6});
    CHECK(!v.provenance);
    CHECK(f.show("null") == "null");
    CHECK(f.show("[1, \"a\", true]") == R"([1, "a", true])");
    CHECK(f.show("{b = 1, \"a\" = 2, (local.i) = 3}") == "{a = 2, b = 1, k = 3}");
    CHECK(f.show("1.5e3") == "1500");
}

TEST_CASE("templates convert numbers and bools, keep a lone interpolation's type, and run directives") {
    Fixture f;
    CHECK(f.show(R"("a${1}b${true}c${1.5}d${10000000}")") == R"("a1btruec1.5d10000000")");
    CHECK(f.show(R"("${[1, 2]}")") == "[1, 2]");
    CHECK(f.show(R"("${var.l[0]}")") == "1");
    CHECK(f.show(R"("x${null}")") == "unknown: cannot include a null value in a string template");
    CHECK(f.show(R"("x${[1]}")") == "unknown: cannot include a list value in a string template: string required");
    CHECK(f.show(R"("x-${var.u}-${1}")") == "unknown: var.u has no value");
    CHECK(f.show(R"("%{ if length(var.l) > 2 }many%{ else }few%{ endif }")") == R"("many")");
    CHECK(f.show(R"("%{ if false }yes%{ endif }")") == R"("")");
    CHECK(f.show(R"("%{ for k, v in {b = 2, a = 1} }${k}=${v};%{ endfor }")") == R"("a=1;b=2;")");
    CHECK(f.show(R"("%{ for v in var.l }${v}%{ endfor }")") == R"("123")");
    CHECK(f.show(R"("%{ if var.u }a%{ endif }")") == "unknown: var.u has no value");
    CHECK(f.show(R"("%{ for v in var.u }a%{ endfor }")") == "unknown: var.u has no value");
    CHECK(f.show("<<EOT\nregion ${lower(var.x)}\nEOT") == "\"region eu-west-1\n\"");
}

TEST_CASE("arithmetic, comparison and logic follow Terraform") {
    Fixture f;
    CHECK(f.show("1 + 2 * 3") == "7");
    CHECK(f.show("\"2\" + 3") == "5");
    CHECK(f.show("7 % 3") == "1");
    CHECK(f.show("10 / 4") == "2.5");
    CHECK(f.show("-(-2)") == "2");
    // As cty: x / 0 is an infinity, 0 / 0 an error, x % 0 is x.
    CHECK(f.show("1 / 0") == "inf");
    CHECK(f.show("0 / 0") == "unknown: division of zero by zero");
    CHECK(f.show("1 % 0") == "1");
    CHECK(f.show("\"a\" + 1") == R"(unknown: invalid operand for "+": a number is required, got string "a")");
    CHECK(f.show("null * 2") == R"(unknown: invalid operand for "*": a number is required, got null)");
    CHECK(f.show("1 == 1.0") == "true");
    CHECK(f.show("\"1\" == 1") == "false");
    CHECK(f.show("[1, \"a\"] == [1, \"a\"]") == "true");
    CHECK(f.show("{a = 1} != {a = 2}") == "true");
    CHECK(f.show("var.x == null") == "false");
    CHECK(f.show("3 > 2") == "true");
    CHECK(f.show("2 >= 3") == "false");
    CHECK(f.show("\"10\" < 9") == "false");
    CHECK(f.show("!true") == "false");
    CHECK(f.show("!\"false\"") == "true");
    CHECK(f.show("true && false") == "false");
    CHECK(f.show("false || true") == "true");
    CHECK(f.show("1 && true") == R"(unknown: invalid operand for "&&": a bool is required, got number)");
    // Unknown operands make unknown results, keeping the first unknown's reason...
    CHECK(f.show("var.u + 1") == "unknown: var.u has no value");
    CHECK(f.show("1 + var.u") == "unknown: var.u has no value");
    CHECK(f.show("var.u == 1") == "unknown: var.u has no value");
    CHECK(f.show("[var.u] == [1]") == "unknown: var.u has no value");
    CHECK(f.show("!var.u") == "unknown: var.u has no value");
    CHECK(f.show("true && var.u") == "unknown: var.u has no value");
    // ...even when a known left operand would decide: Terraform evaluates both operands.
    CHECK(f.show("false && var.u") == "unknown: var.u has no value");
    CHECK(f.show("true || var.u") == "unknown: var.u has no value");
    CHECK(f.show("false && null") == R"(unknown: invalid operand for "&&": a bool is required, got null)");
}

TEST_CASE("conditionals pick one branch and require a bool condition") {
    Fixture f;
    CHECK(f.show("true ? \"a\" : \"b\"") == R"("a")");
    CHECK(f.show("\"false\" ? 1 : 2") == "2");
    CHECK(f.show("false ? 1 / 0 : 2") == "2");
    CHECK(f.show("var.u ? 1 : 2") == "unknown: var.u has no value");
    CHECK(f.show("1 ? 1 : 2") == "unknown: the condition must be a bool, got number");
    CHECK(f.show("null ? 1 : 2") == "unknown: the condition value is null; conditions must either be true or false");
    CHECK(f.show("true ? var.u : 1") == "unknown: var.u has no value");
    CHECK(f.show("false ? var.u : 1") == "1");
}

TEST_CASE("for expressions iterate lists by index and objects by sorted key") {
    Fixture f;
    CHECK(f.show("[for i, v in [\"a\", \"b\"]: \"${i}:${v}\"]") == R"(["0:a", "1:b"])");
    CHECK(f.show("[for k, v in {b = 2, a = 1}: k]") == R"(["a", "b"])");
    CHECK(f.show("[for v in var.l: v * 10 if v != 2]") == "[10, 30]");
    CHECK(f.show("{for o in var.objs: o.id => upper(o.id)}") == R"({a = "A", b = "B"})");
    CHECK(f.show("{for v in [\"a\", \"bb\", \"cc\"]: length(v) => v...}") == R"({1 = ["a"], 2 = ["bb", "cc"]})");
    CHECK(f.show("{for v in [\"a\", \"a\"]: v => 1}") ==
          R"(unknown: duplicate object key "a" in 'for' expression; add "..." after the value to group values by key)");
    CHECK(f.show("[for v in null: v]") == "unknown: a null value cannot be used as the collection in a 'for' expression");
    CHECK(f.show("[for v in \"abc\": v]") == "unknown: a string value cannot be used as the collection in a 'for' expression");
    CHECK(f.show("[for v in var.u: v]") == "unknown: var.u has no value");
    CHECK(f.show("[for v in var.l: v if var.u]") == "unknown: var.u has no value");
    CHECK(f.show("{for v in [1]: var.u => v}") == "unknown: var.u has no value");
    CHECK(f.show("[for v in [1, 2]: var.u]") == "[(unknown), (unknown)]");
    CHECK(f.show("[for v in [1]: v if 1]") == "unknown: the 'for' condition must be a bool, got number");
}

TEST_CASE("local symbols shadow the scope and are resolved without it") {
    Fixture f;
    CHECK(f.show("[for var in [\"a\"]: var]") == R"(["a"])");
    CHECK(f.scope.roots_seen.empty());
    CHECK(f.show("[for a in [1, 2]: [for b in [10]: a + b]]") == "[[11], [12]]");
    CHECK(f.show("[for a in [1]: [for a in [5]: a]]") == "[[5]]");
    CHECK(f.show("[for o in var.objs: o.id]") == R"(["a", "b"])");
    CHECK(f.show("[for o in var.objs: o.nope]") == "[(unknown), (unknown)]");
    CHECK(f.show("[for o in var.objs: o.nope][0]") == R"(unknown: object has no attribute "nope")");
    // After the loop the name refers to the scope again.
    CHECK(f.show("[[for x in [1]: x], var.x]") == R"([[1], "EU-West-1"])");
}

TEST_CASE("splats map over lists, wrap single values and turn null into an empty list") {
    Fixture f;
    CHECK(f.show("var.objs[*].id") == R"(["a", "b"])");
    CHECK(f.show("var.objs.*.id") == R"(["a", "b"])");
    CHECK(f.show("var.m[*].k") == R"(["eu-central-1"])");
    CHECK(f.show("null[*]") == "[]");
    CHECK(f.show("var.l[*]") == "[1, 2, 3]");
    CHECK(f.show("var.u[*].id") == "unknown: var.u has no value");
    CHECK(f.show("length(var.objs[*].id)") == "2");
}

TEST_CASE("references pass evaluated steps to the scope and apply the rest") {
    Fixture f;
    CHECK(f.show("var.m[local.i]") == R"("eu-central-1")");
    REQUIRE(f.scope.steps_seen.size() == 2);  // local, then var
    const auto& steps = f.scope.steps_seen.back();
    REQUIRE(steps.size() == 2);
    CHECK(!steps[0].is_index);
    CHECK(steps[0].name == "m");
    CHECK(steps[1].is_index);
    CHECK(steps[1].key.as_string() == "k");
    CHECK(f.show("var.objs[1].id") == R"("b")");
    CHECK(f.show("var.l.1") == "2");
    CHECK(f.show("[10, 20][1]") == "20");
    CHECK(f.show("{a = {b = 1}}.a.b") == "1");
    CHECK(f.show("var.nothing") == R"(unknown: no variable "nothing")");
    CHECK(f.show("var.u.field[0]") == "unknown: var.u has no value");
    CHECK(f.show("var.l[var.u]") == "unknown: var.u has no value");
}

TEST_CASE("index and attribute errors have precise reasons") {
    Fixture f;
    CHECK(f.show("[1, 2][3]") == "unknown: index 3 out of range for list of 2 elements");
    CHECK(f.show("[1][-1]") == "unknown: index -1 out of range for list of 1 element");
    CHECK(f.show("[1][0.5]") == "unknown: index 0.5 is not a whole number");
    CHECK(f.show("[1][\"a\"]") == R"(unknown: a number is required to index a list, got string "a")");
    CHECK(f.show("{a = 1}.foo") == R"(unknown: object has no attribute "foo")");
    CHECK(f.show("{a = 1}[\"b\"]") == R"(unknown: object has no element "b")");
    CHECK(f.show("\"s\"[0]") == "unknown: cannot index a string value");
    CHECK(f.show("null.a") == R"(unknown: attempt to get attribute "a" from a null value)");
    CHECK(f.show("null[0]") == "unknown: cannot index a null value");
    CHECK(f.show("[1].a") == R"(unknown: cannot access attribute "a" on a list value)");
    CHECK(f.show("[1][null]") == "unknown: cannot use a null value as an index key");
    CHECK(f.show("{(null) = 1}") == "unknown: cannot use a null value as an object key");
}

TEST_CASE("try and can fall back on errors but not on values that are merely unknown") {
    Fixture f;
    CHECK(f.show("try(var.m.nope, \"fallback\")") == R"("fallback")");
    CHECK(f.show("try(0 / 0, [1][5], \"third\")") == R"("third")");
    CHECK(f.show("try(var.m.k, \"fallback\")") == R"("eu-central-1")");
    CHECK(f.show("try(var.u, \"fallback\")") == "unknown: var.u has no value");
    CHECK(f.show("try([var.u], \"fallback\")") == "[(unknown)]");  // [var.u] cannot fail: a known list
    CHECK(f.show("try(0 / 0)") ==
          "unknown: no expression given to try succeeded; the last failed with: division of zero by zero");
    CHECK(f.show("try(try(0 / 0, 2), 3)") == "2");
    CHECK(f.show("[try(0 / 0, 1), 0 / 0]") == "[1, (unknown)]");
    CHECK(f.show("can(var.m.nope)") == "false");
    CHECK(f.show("can(var.m.k)") == "true");
    CHECK(f.show("can(var.u)") == "unknown: var.u has no value");
    CHECK(f.show("can(upper([]))") == "false");
    CHECK(f.show("can(1, 2)") == R"(unknown: function "can" expects 1 argument, got 2)");
}

TEST_CASE("values from the scope keep their range and provenance through pass-through expressions") {
    Fixture f;
    Value x = f.eval("var.x");
    CHECK(x.range == Range{kVarsFile, 10, 21});
    CHECK(x.provenance == f.x_chain);
    auto chain = steps(x.provenance);
    REQUIRE(chain.size() == 2);
    CHECK(chain[0]->label == "var.x");
    CHECK(chain[1]->label == "terraform.tfvars");

    for (const char* expr : {"(var.x)", "\"${var.x}\"", "true ? var.x : \"b\"", "false ? \"b\" : var.x", "try(var.x, \"\")",
                             "coalesce(\"\", var.x)", "element([var.x], 0)", "[var.x][0]", "one([var.x])",
                             "tolist([var.x])[0]", "[for s in [var.x]: s][0]", "sensitive(var.x)", "tostring(var.x)",
                             "lookup({a = var.x}, \"a\")", "{a = var.x}.a"}) {
        INFO(expr);
        Value v = f.eval(expr);
        CHECK(v.as_string() == "EU-West-1");
        CHECK(v.provenance == f.x_chain);
        CHECK(v.range == Range{kVarsFile, 10, 21});
    }
    for (const char* expr : {"lower(var.x)", "upper(trimspace(var.x))", "trimprefix(lower(var.x), \"x\")"}) {
        INFO(expr);
        Value v = f.eval(expr);
        CHECK(v.provenance == f.x_chain);
        CHECK(v.range == Range{kVarsFile, 10, 21});
    }
    CHECK(f.eval("lower(var.x)").as_string() == "eu-west-1");
    // Values built around one sourced value keep its provenance.
    for (const char* expr : {"format(\"%s-bucket\", var.x)", "\"weights-${var.x}\"", "join(\"\", [format(\"%s\", var.x)])"}) {
        INFO(expr);
        Value v = f.eval(expr);
        if (std::string_view(expr).starts_with("join")) {
            CHECK(!v.provenance);  // join builds a new string from a list
        } else {
            CHECK(v.provenance == f.x_chain);
        }
    }
    // An element without its own provenance inherits its container's.
    for (const char* expr : {"var.m[\"k\"]", "var.m.k", "lookup(var.m, \"k\")", "values(var.m)[1]", "(var.m[*].k)[0]"}) {
        INFO(expr);
        Value v = f.eval(expr);
        CHECK(v.as_string() == "eu-central-1");
        CHECK(v.provenance == f.m_chain);
        CHECK(v.range == Range{kVarsFile, 40, 54});
    }
    // Literals do not pretend to come from anywhere else.
    CHECK(!f.eval("true ? \"eu-west-1\" : var.x").provenance);
}

TEST_CASE("asset references survive attribute access, templates and unknowns") {
    Fixture f;
    Value arn = f.eval("aws_s3_bucket.b.arn");
    CHECK(arn.is_unknown());
    CHECK(arn.unknown_reason() == "known after apply");
    CHECK(arn.ref_asset == "aws_s3_bucket.b");
    CHECK(f.eval("\"${aws_s3_bucket.b.arn}/*\"").ref_asset == "aws_s3_bucket.b");
    CHECK(f.eval("[aws_s3_bucket.b.arn][0]").ref_asset == "aws_s3_bucket.b");
    Value name = f.eval("format(\"arn:aws:s3:::%s\", aws_s3_bucket.b.bucket)");
    CHECK(name.as_string() == "arn:aws:s3:::weights-eu");
    CHECK(name.ref_asset == "aws_s3_bucket.b");
    CHECK(f.eval("upper(aws_s3_bucket.b.bucket)").ref_asset == "aws_s3_bucket.b");
}

TEST_CASE("deep and wide input evaluates in linear time") {
    Fixture f;
    // 30 levels of constructs an evaluator might visit twice (condition then branch, try's
    // argument, a lone interpolation): visiting any of them twice would take 2^30 steps.
    std::string cond = "\"leaf\"";
    for (int i = 0; i < 30; ++i) cond = "(var.l[0] == 1 ? try(can(" + cond + ") ? \"leaf\" : 0, 1) : 0)";
    std::string nested = "\"leaf\"";
    for (int i = 0; i < 30; ++i) nested = "try(\"${(" + nested + ")}\", 0)";
    std::string concat = "[\"x\"]";
    for (int i = 0; i < 200; ++i) concat = "concat(" + concat + ", [" + std::to_string(i) + "])";
    std::string tmpl = "var.x";
    for (int i = 0; i < 30; ++i) tmpl = "\"${" + tmpl + "}\"";
    std::string wide = "[";
    for (int i = 0; i < 20000; ++i) wide += "\"item-${" + std::to_string(i) + "}\", ";
    wide += "]";
    auto start = std::chrono::steady_clock::now();
    CHECK(f.show(cond) == R"("leaf")");
    CHECK(f.show(nested) == R"("leaf")");
    CHECK(f.show("length(" + concat + ")") == "201");
    CHECK(f.show(tmpl) == R"("EU-West-1")");
    CHECK(f.show("length(" + wide + ")") == "20000");
    auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed < std::chrono::seconds(30));
}

TEST_CASE("hostile nesting and malformed trees give unknowns, never a crash") {
    Fixture f;
    Expr e = leaf(ExprKind::Number);
    e.number = 1;
    for (int i = 0; i < 5000; ++i) {
        Expr p = leaf(ExprKind::Parens);
        p.children.push_back(std::move(e));
        e = std::move(p);
    }
    Value v = evaluate(e, f.scope);
    CHECK(v.is_unknown());
    CHECK(v.unknown_reason() == "expression is nested too deeply");
    CHECK(evaluate(leaf(ExprKind::Invalid), f.scope).unknown_reason() == "invalid expression (syntax error)");
    CHECK(evaluate(leaf(ExprKind::Binary), f.scope).unknown_reason() == "malformed binary expression");
    CHECK(evaluate(leaf(ExprKind::SplatItem), f.scope).unknown_reason() == "splat item used outside a splat expression");
    CHECK(evaluate(leaf(ExprKind::Conditional), f.scope).is_unknown());
    CHECK(evaluate(leaf(ExprKind::ForTuple), f.scope).is_unknown());
    CHECK(evaluate(leaf(ExprKind::GetAttr), f.scope).is_unknown());
}

TEST_CASE("unknowns say why, and propagation keeps the first unknown's cause, reason and range") {
    Fixture f;
    CHECK(f.eval("0 / 0").unknown_cause() == UnknownCause::Error);
    CHECK(f.eval("[1][5]").unknown_cause() == UnknownCause::Error);
    CHECK(f.eval("{a = 1}.b").unknown_cause() == UnknownCause::Error);
    CHECK(f.eval("timestamp()").unknown_cause() == UnknownCause::AfterApply);
    CHECK(f.eval("aws_s3_bucket.o.arn").unknown_cause() == UnknownCause::AfterApply);
    // `v = ` is 4 bytes: nope(1) is at [4, 11) wherever it is used.
    Value direct = f.eval("nope(1)");
    CHECK(direct.unknown_cause() == UnknownCause::Unsupported);
    CHECK(direct.unknown_reason() == R"(function "nope" is not supported)");
    CHECK(direct.range == Range{0, 4, 11});
    for (const char* expr : {"upper(nope(1))", "\"x-${nope(1)}\"", "[nope(1)][0]", "nope(1) == 1", "nope(1) + 1",
                             "nope(1) ? 1 : 2", "[for x in nope(1): x]", "{(nope(1)) = 1}", "nope(1).a[0]",
                             "try(nope(1), \"fallback\")", "can(nope(1))", "length(nope(1))", "!nope(1)"}) {
        std::string text = std::string(expr);
        Value v = f.eval(text);
        INFO(expr);
        REQUIRE(v.is_unknown());
        CHECK(v.unknown_cause() == UnknownCause::Unsupported);
        CHECK(v.unknown_reason() == R"(function "nope" is not supported)");
        auto at = static_cast<std::uint32_t>(4 + text.find("nope(1)"));
        CHECK(v.range == Range{0, at, at + 7});
    }
    Value input = f.eval("lower(var.ou.a)");
    CHECK(input.unknown_cause() == UnknownCause::AfterApply);
    CHECK(input.range == Range{kVarsFile, 90, 99});
    // Limits of this tool are not errors in the configuration.
    Expr deep = leaf(ExprKind::Number);
    for (int i = 0; i < 1000; ++i) {
        Expr p = leaf(ExprKind::Parens);
        p.children.push_back(std::move(deep));
        deep = std::move(p);
    }
    CHECK(evaluate(deep, f.scope).unknown_cause() == UnknownCause::Unsupported);
    Expr call = leaf(ExprKind::FunctionCall);
    call.text = "try";
    call.children.push_back(std::move(deep));
    call.children.push_back(leaf(ExprKind::Number));
    CHECK(evaluate(call, f.scope).unknown_reason() == "expression is nested too deeply");  // no fallback
    CHECK(std::string(unknown_cause_name(UnknownCause::AfterApply)) == "after-apply");
}

TEST_CASE("try and can treat what the tool does not model as unknown, never as a reason to fall back") {
    Fixture f;
    // An unsupported function is unknown, not an error.
    CHECK(f.show("try(nope(1), \"fallback\")") == R"(unknown: function "nope" is not supported)");
    CHECK(f.show("can(nope(1))") == R"(unknown: function "nope" is not supported)");
    // A resource's object lists only its arguments: another attribute is computed, not missing.
    for (const char* expr : {"aws_s3_bucket.o.arn", "try(aws_s3_bucket.o.arn, \"x\")", "aws_s3_bucket.o[\"arn\"]",
                             "{ b = aws_s3_bucket.o }.b.arn", "try({ b = aws_s3_bucket.o }.b.arn, \"x\")",
                             "(aws_s3_bucket.o[*].arn)[0]", "lookup(aws_s3_bucket.o, \"arn\", \"x\")"}) {
        INFO(expr);
        Value v = f.eval(expr);
        REQUIRE(v.is_unknown());
        CHECK(v.unknown_reason() == "aws_s3_bucket.o.arn is known only after apply");
        CHECK(v.unknown_cause() == UnknownCause::AfterApply);
        CHECK(v.ref_asset == "aws_s3_bucket.o");
    }
    CHECK(f.show("aws_s3_bucket.o.bucket") == R"("weights-eu")");
    CHECK(f.show("can(aws_s3_bucket.o.arn)") == "unknown: aws_s3_bucket.o.arn is known only after apply");
    // Nested blocks of a resource are open too.
    CHECK(f.show("try(aws_s3_bucket.o.versioning[0].mfa_delete, false)") ==
          "unknown: aws_s3_bucket.o.mfa_delete is known only after apply");
    CHECK(f.show("aws_s3_bucket.o.versioning[0].enabled") == "true");
    // A data source's attributes are read when Terraform plans.
    CHECK(f.show("try(data.aws_caller_identity.current.account_id, \"000\")") ==
          "unknown: data.aws_caller_identity.current.account_id is read from the existing object when Terraform plans");
    // What Terraform itself rejects still falls back.
    CHECK(f.show("try({a = 1}.b, \"fallback\")") == R"("fallback")");
    CHECK(f.show("try(aws_s3_bucket.b.nope, \"fallback\")") == R"("fallback")");  // an object of known shape
    CHECK(f.show("try([1, 2][3], \"fallback\")") == R"("fallback")");
    CHECK(f.show("try(\"a\" + 1, \"fallback\")") == R"("fallback")");
    CHECK(f.show("try(aws_s3_bucket.o.versioning[3], \"fallback\")") == R"("fallback")");
    CHECK(f.show("can({a = 1}.b)") == "false");
    CHECK(f.show("try(aws_s3_bucket.o[0], \"fallback\")") == R"("fallback")");  // no count: not a list
}

TEST_CASE("== and != are known as soon as a known part differs") {
    Fixture f;
    // A known object with an attribute known only after apply is not null (terraform console agrees).
    CHECK(f.show("var.ou == null") == "false");
    CHECK(f.show("var.ou != null") == "true");
    CHECK(f.show("null == var.ou") == "false");
    CHECK(f.show("var.ou == null ? 1 : 0") == "0");
    CHECK(f.show("aws_s3_bucket.o == null") == "false");
    CHECK(f.show("[var.u] == null") == "false");
    // Different kinds, key sets, lengths, or two known leaves that differ.
    CHECK(f.show("{a = var.u} == {b = 1}") == "false");
    CHECK(f.show("{a = var.u} == {a = 1, b = 2}") == "false");
    CHECK(f.show("[var.u] == [1, 2]") == "false");
    CHECK(f.show("[var.u, 1] != [2, 2]") == "true");
    CHECK(f.show("{a = var.u, b = 1} == {a = 2, b = 3}") == "false");
    CHECK(f.show("[var.u] == {a = 1}") == "false");
    CHECK(f.show("[var.u] == \"a\"") == "false");
    CHECK(f.show("aws_s3_bucket.o == {bucket = \"other\"}") == "false");
    // Equal where known, unknown somewhere: unknown, with the first unknown's reason.
    CHECK(f.show("[var.u, 1] == [2, 1]") == "unknown: var.u has no value");
    CHECK(f.show("var.ou == {a = 1, b = \"x\"}") == "unknown: aws_kms_key.k.arn is known only after apply");
    CHECK(f.show("var.u == null") == "unknown: var.u has no value");
    CHECK(f.show("var.u != 1") == "unknown: var.u has no value");
    // An open object may have attributes it does not list.
    CHECK(f.show("aws_s3_bucket.o == {bucket = \"weights-eu\", versioning = [{enabled = true}]}") ==
          "unknown: the attributes of aws_s3_bucket.o are known only after apply");
    // ...but an attribute it lists and the other object lacks is a known difference.
    CHECK(f.show("aws_s3_bucket.o == {bucket = \"weights-eu\"}") == "false");
}

TEST_CASE("== tells a tuple from a list and an object from a map where cty's types are certain") {
    Fixture f;
    auto typed = [](Value v, Flavor flavor) {
        v.set_flavor(flavor, true);  // what a variable's type constraint gives
        return v;
    };
    f.scope.vars["el"] = typed(Value::list({}), Flavor::List);
    f.scope.vars["em"] = typed(Value::object({}), Flavor::Map);
    f.scope.vars["ll"] = typed(Value::list({typed(Value::list({}), Flavor::List)}), Flavor::List);
    CHECK(f.show("var.el == []") == "false");
    CHECK(f.show("var.el != []") == "true");
    CHECK(f.show("var.em == {}") == "false");
    CHECK(f.show("var.ll[0] == []") == "false");
    CHECK(f.show("[1, 2] == tolist([1, 2])") == "false");
    CHECK(f.show("{a = 1} == tomap({a = 1})") == "false");
    CHECK(f.show("tolist([\"a\"]) == toset([\"a\"])") == "false");
    CHECK(f.show("[for x in [1] : x] == [1]") == "true");
    CHECK(f.show("{for k, v in {a = 1} : k => v} == tomap({a = 1})") == "false");
    CHECK(f.show("var.el == null") == "false");
    CHECK(f.show("try(var.el, []) == []") == "false");  // try returns its argument unconverted
    // A conditional has its results' common type: a list with a tuple is a list, and so are two
    // tuples of two lengths; an unknown's type is not followed.
    CHECK(f.show("(true ? [] : var.el) == []") == "false");
    CHECK(f.show("(true ? var.em : null) == {}") == "false");
    CHECK(f.show("(true ? [] : [1]) == []") == "false");
    CHECK(f.show("(true ? [2] : [1]) == [2]") == "true");
    CHECK(f.show("(true ? {a = 1} : {b = 2}) == {a = 1}") == "false");
    CHECK(f.show("(true ? {a = 1} : {a = 2}) == {a = 1}") == "true");
    CHECK(f.show("(true ? [] : var.u) == []") == "true");
    // A resource attribute has its provider schema's type, which is not followed: a literal
    // written there is not known to be an object, and the data decide.
    f.scope.buckets["t"] = Value::object({{"tags", typed(Value::object({}), Flavor::Object)}});
    CHECK(f.show("aws_s3_bucket.t.tags == var.em") == "true");
    CHECK(f.show("var.em == aws_s3_bucket.t.tags") == "true");
}

TEST_CASE("try keeps unknown leaves of a structure that evaluated without an error") {
    Fixture f;
    CHECK(f.show("try(var.ou, {})") == R"({a = (unknown), b = "x"})");
    CHECK(f.show("try(flatten([var.ou]), [])") == R"([{a = (unknown), b = "x"}])");
    CHECK(f.show("try([var.ou.a, var.ou.b], [])") == R"([(unknown), "x"])");
    CHECK(f.show("try([for k, v in var.ou: k], [])") == R"(["a", "b"])");
    CHECK(f.show("can([var.u])") == "true");
    CHECK(f.show("can(var.ou)") == "true");
    // Wholly unknown: it might still fail once known.
    CHECK(f.show("try(var.u, \"x\")") == "unknown: var.u has no value");
    CHECK(f.show("can(var.u)") == "unknown: var.u has no value");
    // The leaf keeps its reference, so a rule can still follow it to the asset.
    Value dest = f.eval("try(flatten([{bucket = aws_s3_bucket.b.arn}]), [])[0].bucket");
    CHECK(dest.is_unknown());
    CHECK(dest.ref_asset == "aws_s3_bucket.b");
}

TEST_CASE_FIXTURE(Fixture, "an unknown string rendered from references keeps its pattern; a transformed one does not") {
    Value arn = Value::unknown("aws_s3_bucket.o.id is known only after apply", {}, UnknownCause::AfterApply);
    arn.ref_asset = "aws_s3_bucket.o";
    scope.vars["id"] = arn;
    Value a = eval(R"("replica-${var.id}")");
    REQUIRE(a.is_unknown());
    REQUIRE(a.pattern() != nullptr);
    CHECK(*a.pattern() == "replica-\x1f" "var.id\x1e" "aws_s3_bucket.o.id is known only after apply\x1f");
    scope.vars["name"] = a;
    Value nested = eval(R"("arn:aws:s3:::${var.name}")");
    REQUIRE(nested.pattern() != nullptr);
    CHECK(*nested.pattern() == "arn:aws:s3:::replica-\x1f" "var.id\x1e" "aws_s3_bucket.o.id is known only after apply\x1f");
    scope.vars["unset"] = Value::unknown("var.unset has no default", {}, UnknownCause::Input);
    CHECK(eval(R"("x-${var.unset}")").pattern() != nullptr);  // a variable with no value is one value everywhere
    CHECK(eval(R"(upper("replica-${var.id}"))").pattern() == nullptr);
    CHECK(eval(R"("x-${uuid()}")").pattern() == nullptr);
    CHECK(eval(R"("x-${md5("a")}")").pattern() == nullptr);
    CHECK(eval(R"("x-${var.id}-%{ if var.u }y%{ endif }")").pattern() == nullptr);
    scope.vars["list"] = Value::unknown("random_shuffle.s.result is known only after apply", {}, UnknownCause::AfterApply);
    scope.vars["list"].ref_asset = "random_shuffle.s";
    CHECK(eval(R"("x-${var.list[0]}")").pattern() == nullptr);  // [0] and [1] would look alike
    CHECK(eval(R"("x-${var.unset ? "a" : "b"}")").pattern() == nullptr);
}
