// Variable type constraints: parsing, and the conversion Terraform applies when it binds a value.
// Every expected value below is what `terraform console` (Terraform 1.11) prints for var.x when
// the value is assigned in terraform.tfvars, unless a comment says otherwise.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "frontends/frontends.hpp"
#include "support/project.hpp"
#include "frontends/terraform/evaluation/evaluator.hpp"
#include "frontends/terraform/evaluation/functions_internal.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"
#include "frontends/terraform/evaluation/type_constraints.hpp"

namespace fs = std::filesystem;
using namespace residency;
using namespace residency::terraform;

namespace {

// `unknown.<name>` is a value known only after apply; nothing else resolves.
struct TestScope : hcl::Scope {
    Value resolve(std::string_view root, std::span<const hcl::TraversalStep> steps, Range range,
                  std::size_t& consumed) override {
        consumed = 0;
        if (root == "unknown" && !steps.empty()) {
            consumed = 1;
            return Value::unknown("unknown." + steps[0].name + " is known only after apply", range);
        }
        return Value::unknown("no such name", range);
    }
};

hcl::Expr expr_of(std::string_view text) {
    auto parsed = hcl::parse_hcl(kNoFile, "v = " + std::string(text) + "\n");
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.body.attributes.size() == 1);
    return parsed.body.attributes[0].value;
}

Value value_of(std::string_view text) {
    TestScope scope;
    return hcl::evaluate(expr_of(text), scope);
}

TypeConstraint type_of(std::string_view text) {
    ParsedType t = parse_type_constraint(expr_of(text));
    INFO(text);
    REQUIRE(t.error == "");
    return t.type;
}

// var.x after binding `value` to a variable of `type`: its display, or "unknown: <reason>".
std::string bind(std::string_view type, std::string_view value) {
    Value out = convert(value_of(value), type_of(type), "var.x");
    return out.is_unknown() ? "unknown: " + out.unknown_reason() : out.display();
}

std::string type_error(std::string_view type) { return parse_type_constraint(expr_of(type)).error; }

}  // namespace

TEST_CASE("type constraints: the type expression is parsed, legacy forms included") {
    CHECK(type_name(type_of("string")) == "string");
    CHECK(type_name(type_of("list(map(number))")) == "list of map of number");
    CHECK(type_name(type_of("set(bool)")) == "set of bool");
    CHECK(type_name(type_of("object({a = string, b = optional(list(any))})")) == "object");
    CHECK(type_name(type_of("tuple([string, number])")) == "tuple");
    CHECK(type_name(type_of("any")) == "any");
    // Bare `list` and `map` are list(any) and map(any): ["x", 1] -> ["x", "1"] (console).
    CHECK(type_name(type_of("list")) == "list of any");
    CHECK(bind("list", R"(["x", 1])") == R"(["x", "1"])");
    CHECK(bind("map", R"({a = 1, b = "x"})") == R"({a = "1", b = "x"})");
    // Terraform 0.11's quoted types, which 1.x refuses but which still say what they mean.
    CHECK(type_name(type_of(R"("string")")) == "string");
    CHECK(type_name(type_of(R"("list")")) == "list of string");
    CHECK(type_name(type_of(R"("map")")) == "map of string");

    const TypeConstraint obj = type_of(R"(object({z = number, a = optional(string, "d"), m = optional(bool)}))");
    REQUIRE(obj.attributes.size() == 3);
    CHECK(obj.attributes[0].name == "a");  // sorted by name
    CHECK(obj.attributes[0].optional);
    CHECK(obj.attributes[0].default_value->as_string() == "d");
    CHECK(obj.attributes[1].name == "m");
    CHECK(obj.attributes[1].optional);
    CHECK(!obj.attributes[1].default_value);
    CHECK(!obj.attributes[2].optional);

    // Each of these is an "Invalid type specification" (or default) error in Terraform.
    CHECK(type_error("strin") == "the keyword \"strin\" is not a valid type specification");
    CHECK(type_error("set") == "the set type constructor requires an argument");
    CHECK(type_error("optional(string)") == "optional() is valid only for the attributes of an object type");
    CHECK(type_error("list(string, number)") == "the list type constructor requires one argument");
    CHECK(type_error(R"(object({a = optional(number, "abc")}))") ==
          "the default for optional attribute \"a\": a number is required, got string \"abc\"");
    CHECK(type_error("object({a = optional(string, var.x)})") ==
          "the default for optional attribute \"a\" is not a constant: var cannot be used in a type constraint");
}

TEST_CASE("type constraints: missing optional attributes are null or take their default, nested defaults too") {
    CHECK(bind(R"(object({region = optional(string, "eu-central-1")}))", "{}") == R"({region = "eu-central-1"})");
    // { "a" = "d"  "b" = tonumber(null)  "c" = { "r" = "eu" } }
    CHECK(bind(R"(object({a = optional(string, "d"), b = optional(number),
                          c = optional(object({r = optional(string, "eu")}), {})}))",
               "{}") == R"({a = "d", b = null, c = {r = "eu"}})");
    // An explicit null takes the default too.
    CHECK(bind(R"(object({a = optional(string, "d")}))", "{a = null}") == R"({a = "d"})");
    CHECK(bind(R"(object({a = optional(string, "d")}))", R"({a = "x"})") == R"({a = "x"})");
    // A null object stays null: defaults complete an object, they do not make one (null /* object */).
    CHECK(bind(R"(object({a = optional(string, "d")}))", "null") == "null");
    // A default object is completed by its own type's defaults; a given object is completed, not replaced.
    const char* nested = R"(object({c = optional(object({r = optional(string, "eu"), z = optional(string)}), {z = "q"})}))";
    CHECK(bind(nested, "{}") == R"({c = {r = "eu", z = "q"}})");
    CHECK(bind(nested, "{c = {}}") == R"({c = {r = "eu", z = null}})");
    // The default is converted to the attribute's type.
    CHECK(bind(R"(object({a = optional(any, "x"), b = optional(list(string), [1, true])}))", "{}") ==
          R"({a = "x", b = ["1", "true"]})");
}

TEST_CASE("type constraints: defaults apply inside list, map and set elements") {
    CHECK(bind(R"(list(object({a = optional(string, "d"), b = optional(bool)})))", R"([{}, {a = "x", z = 1}])") ==
          R"([{a = "d", b = null}, {a = "x", b = null}])");
    CHECK(bind(R"(map(object({a = optional(string, "d")})))", "{k1 = {}, k2 = {a = 5}}") ==
          R"({k1 = {a = "d"}, k2 = {a = "5"}})");
    // toset([ { "a" = "b" }, { "a" = "d" }, { "a" = "z" } ]): cty orders sets of objects by their hash text.
    CHECK(bind(R"(set(object({a = optional(string, "d")})))", R"([{a = "z"}, {}, {a = "b"}])") ==
          R"([{a = "b"}, {a = "d"}, {a = "z"}])");
}

TEST_CASE("type constraints: object attributes not in the type are dropped, missing required ones refused") {
    CHECK(bind("object({a = string})", R"({a = "x", b = 2})") == R"({a = "x"})");
    // "attribute "a" is required."
    CHECK(bind("object({a = string})", "{}") == R"(unknown: var.x: attribute "a" is required)");
    // "object required."
    CHECK(bind("object({a = string})", R"("x")") == R"(unknown: var.x: an object is required, got string "x")");
    // A nested failure names where it is ("a number is required.").
    CHECK(bind("object({a = object({b = number})})", R"({a = {b = "x"}})") ==
          R"(unknown: var.x.a.b: a number is required, got string "x")");
}

TEST_CASE("type constraints: number, bool and string convert as Terraform converts them") {
    // { "a" = 1.5  "b" = "2.5"  "c" = true  "d" = "true"  "e" = true  "f" = "100000000000000000000" }
    CHECK(bind("object({a = number, b = string, c = bool, d = string, e = bool, f = string})",
               R"({a = "1.50", b = 2.5, c = "true", d = true, e = "1", f = 100000000000000000000})") ==
          R"({a = 1.5, b = "2.5", c = true, d = "true", e = true, f = "100000000000000000000"})");
    CHECK(bind("number", R"("1e3")") == "1000");
    CHECK(bind("number", R"("+5")") == "5");
    CHECK(bind("number", R"("-0.50")") == "-0.5");
    CHECK(bind("number", R"(".5")") == "0.5");
    CHECK(bind("bool", R"("0")") == "false");
    CHECK(bind("string", "1.25") == R"("1.25")");
    CHECK(bind("string", "1.0e-7") == R"("0.0000001")");  // console: 1e-7, which our HCL parser refuses
    CHECK(bind("string", "null") == "null");  // tostring(null)
    // Refused: "a number is required.", "a bool is required; to convert from string, use lowercase
    // "true".", "bool required.", "string required."
    CHECK(bind("number", R"("abc")") == R"(unknown: var.x: a number is required, got string "abc")");
    CHECK(bind("number", R"(" 1")") == R"(unknown: var.x: a number is required, got string " 1")");
    CHECK(bind("number", R"("0x10")") == R"(unknown: var.x: a number is required, got string "0x10")");
    CHECK(bind("bool", R"("TRUE")") == R"(unknown: var.x: a bool is required, got string "TRUE")");
    CHECK(bind("bool", R"("yes")") == R"(unknown: var.x: a bool is required, got string "yes")");
    CHECK(bind("bool", "1") == "unknown: var.x: a bool is required, got number");
    CHECK(bind("string", "{a = 1}") == "unknown: var.x: a string is required, got object");
}

TEST_CASE("type constraints: lists, sets and tuples convert into each other; sets are ordered as cty orders them") {
    CHECK(bind("list(string)", R"([1, true, "x"])") == R"(["1", "true", "x"])");
    CHECK(bind("set(string)", R"(["b", "a", "b", "c"])") == R"(["a", "b", "c"])");
    CHECK(bind("set(string)", R"([3, 1, "b", 10, 1])") == R"(["1", "10", "3", "b"])");
    CHECK(bind("set(number)", R"(["10", "9", 10])") == "[9, 10]");
    CHECK(bind("set(string)", R"(["b", null, "a", null])") == R"(["a", "b", null])");
    CHECK(bind("tuple([string, number])", R"(["1", "2"])") == R"(["1", 2])");
    // "tuple required.", "list of string required."
    CHECK(bind("tuple([string, number])", R"(["1"])") ==
          "unknown: var.x: a tuple of 2 elements is required, got 1 element");
    CHECK(bind("tuple([string])", "{a = 1}") == "unknown: var.x: a tuple is required, got object");
    CHECK(bind("list(string)", "{a = 1}") == "unknown: var.x: a list of string is required, got object");
    // Sets of objects, maps and lists, in Terraform's order, duplicates merged.
    CHECK(bind("set(object({n = number, s = string}))",
               R"([{n = 10, s = "a"}, {n = 9, s = "a"}, {n = 1.0e11, s = "b"}, {n = 9, s = "a"}])") ==
          R"([{n = 10, s = "a"}, {n = 100000000000, s = "b"}, {n = 9, s = "a"}])");
    CHECK(bind("set(map(string))", R"([{b = "1"}, {a = "2"}, {a = "1", b = "0"}])") ==
          R"([{a = "1", b = "0"}, {a = "2"}, {b = "1"}])");
    CHECK(bind("set(list(string))", R"([["b"], ["a", "c"], ["a"]])") == R"([["a", "c"], ["a"], ["b"]])");
}

TEST_CASE("type constraints: map elements are converted, an object becomes a map when its attributes convert") {
    CHECK(bind("map(string)", R"({a = 1, b = true, c = "x"})") == R"({a = "1", b = "true", c = "x"})");
    CHECK(bind("map(list(string))", "{a = [1], b = []}") == R"({a = ["1"], b = []})");
    CHECK(bind("map(string)", "{a = null}") == "{a = null}");
    // "map of string required.", "element "a": string required."
    CHECK(bind("map(string)", R"(["a"])") == R"(unknown: var.x: a map of string is required, got list)");
    CHECK(bind("map(string)", "{a = {x = 1}}") == R"(unknown: var.x["a"]: a string is required, got object)");
}

TEST_CASE("type constraints: any is left alone, but a collection of any gets one element type") {
    CHECK(bind("any", R"([1, "x", {a = null}])") == R"([1, "x", {a = null}])");
    CHECK(bind("object({a = any, b = any})", R"({a = [1, "x"], b = "x"})") == R"({a = [1, "x"], b = "x"})");
    CHECK(bind("list(any)", R"(["a", 1, false])") == R"(["a", "1", "false"])");
    CHECK(bind("list(any)", R"([null, "a", 1])") == R"([null, "a", "1"])");
    CHECK(bind("map(any)", R"({a = "x", b = 1})") == R"({a = "x", b = "1"})");
    CHECK(bind("list(any)", R"([[1], ["a", "b"]])") == R"([["1"], ["a", "b"]])");
    CHECK(bind("list(any)", R"([[1, "a"], [2, "b"]])") == R"([[1, "a"], [2, "b"]])");
    CHECK(bind("map(any)", R"({a = {x = 1, y = "s"}, b = {x = "q", y = true}})") ==
          R"({a = {x = "1", y = "s"}, b = {x = "q", y = "true"}})");
    CHECK(bind("list(any)", R"([{a = 1}, {b = "x"}])") == R"([{a = "1"}, {b = "x"}])");
    CHECK(bind("list(list(any))", R"([[1], ["a"]])") == R"([["1"], ["a"]])");
    CHECK(bind("map(object({a = any}))", R"({p = {a = 1}, q = {a = "x"}})") == R"({p = {a = "1"}, q = {a = "x"}})");
    CHECK(bind("set(any)", R"([{a = 1}, {a = "x"}, {a = "1"}])") == R"([{a = "1"}, {a = "x"}])");
    // "all map elements must have the same type.", "all list elements must have the same type."
    CHECK(bind("map(any)", "{a = 2, b = true}") == "unknown: var.x: all map elements must have the same type");
    CHECK(bind("list(any)", R"(["a", {x = 1}])") == "unknown: var.x: all list elements must have the same type");
}

// Not checked against terraform console, which cannot show a partly unknown variable; this is
// what Terraform's own plan shows: unknown parts stay unknown, the rest is converted.
TEST_CASE("type constraints: unknown values stay unknown and keep the structure around them") {
    CHECK(bind("string", "unknown.a") == "unknown: unknown.a is known only after apply");
    Value out = convert(value_of(R"({b = unknown.b, n = "3"})"),
                        type_of(R"(object({a = optional(string, "d"), b = optional(string, "x"), n = number}))"), "var.x");
    REQUIRE(out.is_object());
    CHECK(out.display() == R"({a = "d", b = (unknown), n = 3})");
    CHECK(out.get("b")->unknown_reason() == "unknown.b is known only after apply");
    CHECK(bind("list(object({r = optional(string, \"eu\")}))", "[{}, unknown.c]") == R"([{r = "eu"}, (unknown)])");
    // cty orders unknown set elements after the known ones, and never merges them.
    CHECK(bind("set(string)", R"(["b", unknown.x, "a", unknown.y, "a"])") == R"(["a", "b", (unknown), (unknown)])");
    // An unknown element does not take part in unifying a list(any).
    CHECK(bind("list(any)", R"([unknown.x, "a", 1])") == R"([(unknown), "a", "1"])");
}

TEST_CASE("type constraints: a converted value keeps its range and provenance; a default says where it came from") {
    const FileId f = 3;
    Provenance given = prepend("var.x from terraform.tfvars", Range{f, 0, 30}, nullptr);
    Value n = Value::string("5", Range{f, 10, 13});
    n.provenance = prepend("somewhere", Range{f, 10, 13}, nullptr);
    n.ref_asset = "aws_s3_bucket.b";
    Value obj = Value::object({{"n", n}}, Range{f, 0, 30}).with_provenance(given);
    hcl::Expr type_expr = expr_of(R"(object({n = number, region = optional(string, "eu-west-1")}))");
    ParsedType type = parse_type_constraint(type_expr);
    REQUIRE(type.error == "");

    Value out = convert(obj, type.type, "var.x");
    REQUIRE(out.is_object());
    CHECK(out.range.begin == 0);
    CHECK(out.range.end == 30);
    CHECK(out.provenance == given);
    const Value& converted = *out.get("n");
    CHECK(converted.as_number() == 5);
    CHECK(converted.range.begin == 10);
    CHECK(converted.provenance == n.provenance);
    CHECK(converted.ref_asset == "aws_s3_bucket.b");

    const Value& region = *out.get("region");
    CHECK(region.as_string() == "eu-west-1");
    const auto chain = steps(region.provenance);
    REQUIRE(chain.size() == 2);
    CHECK(chain[0]->label == "var.x.region optional default");
    CHECK(chain[0]->range.begin == type.type.attributes[1].default_value->range.begin);  // the default as written
    CHECK(chain[1]->label == "var.x from terraform.tfvars");

    Value refused = convert(Value::string("abc", Range{f, 40, 45}).with_provenance(given), type_of("number"), "var.x");
    CHECK(refused.is_unknown());
    CHECK(refused.range.begin == 40);
    CHECK(refused.provenance == given);
}

// ---------------------------------------------------------------------------------------------
// Through the scan, as a user sees it.

namespace {

using testing::asset;
using testing::Project;

std::string rules(const ScanOutcome& out) {
    std::string ids;
    for (const auto* list : {&out.report.findings, &out.report.diagnostics})
        for (const auto& f : *list) ids += (ids.empty() ? "" : " ") + f.rule_id;
    return ids;
}

}  // namespace

TEST_CASE("type constraints in a scan: an optional default is the region, not try()'s fallback") {
    Project p("root");
    p.write("main.tf", R"(
variable "cfg" {
  type    = object({ region = optional(string, "eu-central-1") })
  default = {}
}
provider "aws" {
  region = try(var.cfg.region, "us-east-1")
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    CHECK(asset(*out, "aws_s3_bucket.b").location.as_string() == "eu-central-1");
    CHECK(rules(*out) == "");  // before: RES201, the bucket "in us-east-1"
}

TEST_CASE("type constraints in a scan: module arguments, tfvars and nullable = false") {
    Project p("module");
    p.write("main.tf", R"(
variable "home" {
  type = object({ region = optional(string, "eu-west-3"), name = string })
}
provider "aws" { region = "us-east-1" }
module "data" {
  source   = "./modules/data"
  settings = { name = "datasets", unused = true }
  backup   = null
}
resource "aws_s3_bucket" "home" {
  bucket = var.home.name
  region = var.home.region
}
)");
    p.write("terraform.tfvars", "home = { name = \"home\" }\n");
    p.write("modules/data/main.tf", R"(
variable "settings" {
  type = object({
    name     = string
    location = optional(object({ region = optional(string, "eu-west-1") }), {})
  })
}
variable "backup" {
  type     = string
  nullable = false
  default  = "eu-north-1"
}
resource "aws_s3_bucket" "this" {
  bucket = var.settings.name
  region = var.settings.location.region
}
resource "aws_s3_bucket" "backup" {
  bucket = "${var.settings.name}-backup"
  region = var.backup
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    CHECK(asset(*out, "aws_s3_bucket.home").location.as_string() == "eu-west-3");
    CHECK(asset(*out, "module.data.aws_s3_bucket.this").location.as_string() == "eu-west-1");
    CHECK(asset(*out, "module.data.aws_s3_bucket.backup").location.as_string() == "eu-north-1");
    CHECK(rules(*out) == "");
}

TEST_CASE("type constraints in a scan: a value Terraform refuses is unresolved, never a fallback") {
    Project p("refused");
    p.write("main.tf", R"(
variable "cfg" {
  type    = object({ region = string })
  default = { zone = "a" }
}
provider "aws" {
  region = try(var.cfg.region, "us-east-1")
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
)");
    auto out = p.scan();
    REQUIRE(out->error == "");
    const Value& region = asset(*out, "aws_s3_bucket.b").location;
    REQUIRE(region.is_unknown());
    CHECK(region.unknown_reason() == "var.cfg: attribute \"region\" is required");
    CHECK(rules(*out) == "RES002");
}

// The oracle itself, when it is installed: Terraform's jsonencode of each variable against ours.
// Only values Terraform accepts can be in one configuration (one refusal fails them all).
TEST_CASE("type constraints agree with terraform console, when terraform is installed") {
    if (std::system("terraform version >/dev/null 2>&1") != 0) {
        MESSAGE("skipped: terraform is not installed");
        return;
    }
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"(object({region = optional(string, "eu-central-1")}))", "{}"},
        {R"(object({a = optional(string, "d"), b = optional(number), c = optional(object({r = optional(string, "eu")}), {})}))", "{}"},
        {R"(object({a = optional(string, "d")}))", "{a = null}"},
        {R"(object({c = optional(object({r = optional(string, "eu"), z = optional(string)}), {z = "q"})}))", "{c = {}}"},
        {R"(object({a = optional(any, "x"), b = optional(list(string), [1, true])}))", "{}"},
        {R"(list(object({a = optional(string, "d"), b = optional(bool)})))", R"([{}, {a = "x", z = 1}])"},
        {R"(map(object({a = optional(string, "d")})))", "{k1 = {}, k2 = {a = 5}}"},
        {R"(set(object({a = optional(string, "d")})))", R"([{a = "z"}, {}, {a = "b"}])"},
        {"object({a = number, b = string, c = bool, d = string, e = bool, f = string})",
         R"({a = "1.50", b = 2.5, c = "true", d = true, e = "1", f = 100000000000000000000})"},
        {"number", R"("1e3")"},
        {"bool", R"("0")"},
        {"string", "1.0e-7"},
        {"set(string)", R"([3, 1, "b", 10, 1])"},
        {"set(number)", R"(["10", "9", 10])"},
        {"tuple([string, number])", R"(["1", "2"])"},
        {"set(object({n = number, s = string}))", R"([{n = 10, s = "a"}, {n = 9, s = "a"}, {n = 1.0e11, s = "b"}])"},
        {"set(map(string))", R"([{b = "1"}, {a = "2"}, {a = "1", b = "0"}])"},
        {"set(list(string))", R"([["b"], ["a", "c"], ["a"]])"},
        {"map(list(string))", "{a = [1], b = []}"},
        {"list(any)", R"([null, "a", 1])"},
        {"list(any)", R"([[1], ["a", "b"]])"},
        {"map(any)", R"({a = {x = 1, y = "s"}, b = {x = "q", y = true}})"},
        {"list(any)", R"([{a = 1}, {b = "x"}])"},
        {"list(object({a = any}))", R"([{a = [1]}, {a = [1, 2]}])"},
        {"set(any)", R"([{a = 1}, {a = "x"}, {a = "1"}])"},
        {"list", R"(["x", 1])"},
    };
    Project p("console");
    std::string vars, tfvars, all = "jsonencode([";
    for (std::size_t i = 0; i < cases.size(); ++i) {
        vars += "variable \"x" + std::to_string(i) + "\" {\n  type = " + cases[i].first + "\n}\n";
        tfvars += "x" + std::to_string(i) + " = " + cases[i].second + "\n";
        all += (i ? ", var.x" : "var.x") + std::to_string(i);
    }
    p.write("main.tf", vars);
    p.write("terraform.tfvars", tfvars);
    p.write("expr", all + "])\n");  // piped, the console prints only its last result: one expression
    std::string command = "cd '" + p.dir.string() +
                          "' && CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null terraform console < expr 2>/dev/null";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string shown;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) shown.append(buffer, n);
    ::pclose(pipe);
    // The console shows the JSON as a quoted HCL string.
    while (!shown.empty() && (shown.back() == '\n' || shown.back() == '"')) shown.pop_back();
    std::string json;
    for (std::size_t i = shown.starts_with('"') ? 1 : 0; i < shown.size(); ++i) {
        if (shown[i] == '\\' && i + 1 < shown.size()) ++i;
        json += shown[i];
    }
    auto theirs = nlohmann::json::parse(json, nullptr, false);
    INFO("terraform console printed: ", shown);
    REQUIRE(theirs.is_array());
    REQUIRE(theirs.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        CAPTURE(cases[i].first);
        CAPTURE(cases[i].second);
        Value ours = convert(value_of(cases[i].second), type_of(cases[i].first), "var.x");
        CHECK(nlohmann::json::parse(hcl::detail::json_encode(ours)).dump() == theirs[i].dump());
    }
}

TEST_CASE("type constraints: a converted collection has its type's flavor, elements under any have none") {
    auto flavor = [](std::string_view type, std::string_view value) { return convert(value_of(value), type_of(type)).flavor(); };
    CHECK(value_of("[]").flavor() == Flavor::Tuple);
    CHECK(value_of("{}").flavor() == Flavor::Object);
    CHECK(flavor("list(string)", "[]") == Flavor::List);
    CHECK(flavor("set(string)", "[\"a\"]") == Flavor::Set);
    CHECK(flavor("map(string)", "{}") == Flavor::Map);
    CHECK(flavor("tuple([string])", "[\"a\"]") == Flavor::Tuple);
    CHECK(flavor("object({a = list(string)})", "{a = []}") == Flavor::Object);
    CHECK(flavor("any", "[]") == Flavor::Tuple);  // any keeps the value's own type
    Value nested = convert(value_of("{a = []}"), type_of("object({a = list(string)})"));
    CHECK(nested.elements_typed());
    CHECK(nested.get("a")->flavor() == Flavor::List);
    // list(any) unifies its elements by rules the flavors do not follow.
    CHECK_FALSE(convert(value_of("[[1], [1, 2]]"), type_of("list(any)")).elements_typed());
    CHECK(convert(value_of("[[1]]"), type_of("list(list(number))")).elements_typed());
    // `any` passes an element through: it keeps its flavor only if its container's were certain.
    CHECK(convert(value_of("{a = []}"), type_of("object({a = any})")).get("a")->flavor() == Flavor::Tuple);
    Value tuple = value_of("[]");
    Value unfollowed = Value::object({{"a", tuple}});  // e.g. a function's result
    CHECK(convert(unfollowed, type_of("object({a = any})")).get("a")->flavor() == Flavor::Unset);
}
