// Terraform's function library: exact results for every implemented function, unknowns, and errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "frontends/terraform/evaluation/evaluator.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"

using namespace residency;
using namespace residency::hcl;

namespace {

// Roots: `var.<name>` from `vars`, any other root name from `roots`; files for file() and friends.
struct FunctionScope : Scope {
    ValueMap vars;
    std::map<std::string, std::string, std::less<>> files;
    std::vector<std::string> unsupported;

    Value resolve(std::string_view root, std::span<const TraversalStep> steps, Range range,
                  std::size_t& consumed) override {
        consumed = 0;
        if (root != "var" || steps.empty() || steps[0].is_index) return Value::unknown("unknown name", range);
        consumed = 1;
        if (auto it = vars.find(steps[0].name); it != vars.end()) return it->second;
        return Value::unknown("no variable \"" + steps[0].name + "\"", range);
    }
    std::optional<std::string> read_file(std::string_view path, std::string& error) override {
        auto it = files.find(path);
        if (it == files.end()) {
            error = "no such file";
            return std::nullopt;
        }
        return it->second;
    }
    void unsupported_function(std::string_view name, Range) override { unsupported.emplace_back(name); }
};

FunctionScope make_scope() {
    FunctionScope s;
    s.vars["u"] = Value::unknown("var.u is only known after apply");
    // A known object with an attribute known only after apply (a replication destination).
    s.vars["dest"] = Value::object({{"bucket", Value::string("replica")},
                                    {"kms", Value::unknown("aws_kms_key.k.arn is known only after apply", {},
                                                           UnknownCause::AfterApply)}});
    // A whole resource instance: it lists its arguments, not its computed attributes.
    s.vars["res"] = Value::open_object({{"bucket", Value::string("weights")}});
    s.vars["res"].ref_asset = "aws_s3_bucket.w";
    s.files["hello.txt"] = "Hello World";
    s.files["t.tpl"] = "region=${name}%{ for p in ports }:${p}%{ endfor }";
    return s;
}

Value eval_in(std::string_view expr, FunctionScope& scope) {
    std::string src = "v = " + std::string(expr) + "\n";
    ParsedFile file = parse_hcl(0, src);
    INFO(expr);
    REQUIRE(file.errors.empty());
    const Attribute* attr = file.body.attribute("v");
    REQUIRE(attr != nullptr);
    return evaluate(attr->value, scope);
}

std::string show(const Value& v) { return v.is_unknown() ? "unknown: " + v.unknown_reason() : v.display(); }

std::string run(std::string_view expr) {
    FunctionScope scope = make_scope();
    return show(eval_in(expr, scope));
}

struct Case {
    const char* expr;
    const char* expected;
};

// One or more exact cases per implemented function; the coverage test below keeps it complete.
const std::vector<Case> kCases = {
    // numeric
    {R"(abs(-12.4))", "12.4"},
    {R"(ceil(5.1))", "6"},
    {R"(floor(4.9))", "4"},
    {R"(log(16, 2))", "4"},
    {R"(max(12, 54, 3))", "54"},
    {R"(max([12, 54, 3]...))", "54"},
    {R"(min(12, 54, 3))", "3"},
    {R"(parseint("100", 10))", "100"},
    {R"(parseint("FF", 16))", "255"},
    {R"(parseint("-10", 2))", "-2"},
    {R"(parseint("zz", 36))", "1295"},
    {R"(parseint("12", 2))", R"(unknown: Invalid value for "number" parameter: cannot parse "12" as a base 2 integer)"},
    {R"(pow(3, 2))", "9"},
    {R"(signum(-13))", "-1"},
    // string
    {R"(chomp("hello\n\r\n"))", R"("hello")"},
    {R"(endswith("hello world", "world"))", "true"},
    {R"(format("Hello, %s!", "Ander"))", R"("Hello, Ander!")"},
    {R"(format("There are %d lights", 4))", R"("There are 4 lights")"},
    {R"(format("%6.2f|%-5s|%05d|%x|%t|%q|%v|%#v|%%", 3.14159, "ab", 42, 255, true, "hi", 1.5, "s"))",
     R"("  3.14|ab   |00042|ff|true|"hi"|1.5|"s"|%")"},
    {R"(format("%v %v %g %e", [1, "a"], true, 0.000001, 1234.5678))", R"("[1,"a"] true 1e-06 1.234568e+03")"},
    {R"(format("%[2]s-%[1]s", "a", "b"))", R"("b-a")"},
    {R"(format("%-3s|%.1s", "👍🏽", "🇫🇷x"))", R"("👍🏽  |🇫🇷")"},
    {R"(format("%s %s", "a"))",
     R"(unknown: Call to function "format" failed: not enough arguments for "%s" at 3: need index 2 but have 1 total)"},
    {R"(format("%s", "a", "b"))", R"(unknown: Call to function "format" failed: too many arguments; only 1 used by format string)"},
    {R"(formatlist("Hello, %s!", ["Valentina", "Ander"]))", R"(["Hello, Valentina!", "Hello, Ander!"])"},
    {R"(formatlist("%s=%s", ["a", "b"], "x"))", R"(["a=x", "b=x"])"},
    {R"(indent(2, "a\nb"))", "\"a\n  b\""},
    {R"(join(", ", ["foo", "bar", "baz"]))", R"("foo, bar, baz")"},
    {R"(join("-", ["a"], [1, true]))", R"("a-1-true")"},
    {R"(lower("HELLO"))", R"("hello")"},
    {R"(replace("1 + 2 + 3", "+", "-"))", R"("1 - 2 - 3")"},
    {R"(replace("hello world", "/w.*d/", "everybody"))", R"("hello everybody")"},
    {R"(replace("a1b22", "/([0-9]+)/", "<$1>"))", R"("a<1>b<22>")"},
    {R"x(replace("eu-west-1a", "/^(?P<region>[a-z]+-[a-z]+-[0-9]+)[a-z]$/", "$${region}"))x", R"("eu-west-1")"},
    {R"(replace("aaa", "/a*/", "<$0>"))", R"("<aaa>")"},
    {R"(regex("[a-z]+", "53453453.345345aaabbbccc23454"))", R"("aaabbbccc")"},
    {R"x(regex("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01"))x", R"(["2019", "02", "01"])"},
    {R"x(regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/"))x",
     R"({authority = "terraform.io", scheme = "https"})"},
    {R"(regex("[a-z]+", "123"))",
     R"(unknown: Call to function "regex" failed: pattern did not match any part of the given string)"},
    {R"x(regex("(a)(?P<b>b)", "ab"))x",
     R"(unknown: Invalid value for "pattern" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups)"},
    {R"(regexall("[a-z]+", "1234abcd5678efgh9"))", R"(["abcd", "efgh"])"},
    {R"(regexall("a*", "baaab"))", R"(["", "aaa", ""])"},
    {R"(split(",", "foo,bar,baz"))", R"(["foo", "bar", "baz"])"},
    {R"(split(",", ""))", R"([""])"},
    {R"(startswith("hello world", "hello"))", "true"},
    {R"(strcontains("hello world", "wor"))", "true"},
    {R"(strrev("héllo"))", R"("olléh")"},
    {R"(strrev("a👍🏽🇫🇷b"))", R"("b🇫🇷👍🏽a")"},  // grapheme clusters, not code points
    {R"(substr("hello world", 1, 4))", R"("ello")"},
    {R"(substr("👨‍👩‍👧 x", 0, 1))", R"("👨‍👩‍👧")"},
    {R"(substr("hello", -3, -1))", R"("llo")"},
    {R"(substr("hello", 10, 2))", R"("")"},
    {R"(title("hello world-wide"))", R"("Hello World-Wide")"},
    {R"(trim("?!hello?!", "!?"))", R"("hello")"},
    {R"(trimprefix("helloworld", "hello"))", R"("world")"},
    {R"(trimsuffix("helloworld", "world"))", R"("hello")"},
    {R"(trimspace("  hello\n"))", R"("hello")"},
    {R"(upper("hello"))", R"("HELLO")"},
    // collection
    {R"(alltrue(["true", true]))", "true"},
    {R"(alltrue([true, false]))", "false"},
    {R"(anytrue([false, "true"]))", "true"},
    {R"(anytrue([]))", "false"},
    {R"(chunklist(["a", "b", "c", "d", "e"], 2))", R"([["a", "b"], ["c", "d"], ["e"]])"},
    {R"(coalesce("", "b", "c"))", R"("b")"},
    {R"(coalesce(null, 1))", "1"},
    {R"(coalesce(null, ""))", R"(unknown: Call to function "coalesce" failed: no non-null, non-empty-string arguments)"},
    {R"(coalescelist([], ["c"]))", R"(["c"])"},
    {R"(compact(["a", "", "b", null]))", R"(["a", "b"])"},
    {R"(concat(["a"], ["b", "c"]))", R"(["a", "b", "c"])"},
    {R"(contains(["a", "b"], "b"))", "true"},
    {R"(contains([1], "1"))", "false"},
    {R"(distinct(["a", "b", "a", "c"]))", R"(["a", "b", "c"])"},
    {R"(element(["a", "b", "c"], 3))", R"("a")"},
    {R"(element([], 0))", R"(unknown: Call to function "element" failed: cannot use element function with an empty list)"},
    {R"(flatten([["a", "b"], [], ["c", ["d"]]]))", R"(["a", "b", "c", "d"])"},
    {R"(index(["a", "b", "c"], "b"))", "1"},
    {R"(index(["a"], "z"))", R"(unknown: Call to function "index" failed: item not found)"},
    {R"(keys({a = 1, c = 2, d = 3}))", R"(["a", "c", "d"])"},
    {R"(length("👍🏽\r\n🇫🇷🇩🇪"))", "4"},
    {R"(length([1, 2]))", "2"},
    {R"(length({a = 1}))", "1"},
    {R"(length("héllo"))", "5"},
    {R"(length(null))", R"(unknown: Invalid value for "value" parameter: argument must not be null)"},
    {R"(lookup({a = "ay", b = "bee"}, "a", "what?"))", R"("ay")"},
    {R"(lookup({a = "ay"}, "c", "what?"))", R"("what?")"},
    {R"(lookup({a = 1}, "b"))", R"(unknown: Call to function "lookup" failed: lookup failed to find key "b")"},
    {R"(matchkeys(["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"]))",
     R"(["i-abc", "i-def"])"},
    {R"(merge({a = "b", c = "d"}, {e = "f", c = "z"}))", R"({a = "b", c = "z", e = "f"})"},
    {R"(merge({a = 1}, [1]))", R"(unknown: Call to function "merge" failed: arguments must be maps or objects, got "list")"},
    {R"(one(["hello"]))", R"("hello")"},
    {R"(one([]))", "null"},
    {R"(one([1, 2]))",
     R"(unknown: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements)"},
    {R"(range(3))", "[0, 1, 2]"},
    {R"(range(1, 4))", "[1, 2, 3]"},
    {R"(range(1, 8, 2))", "[1, 3, 5, 7]"},
    {R"(range(4, 1))", "[4, 3, 2]"},
    {R"(reverse([1, 2, 3]))", "[3, 2, 1]"},
    {R"(setintersection(["a", "b"], ["b", "c"], ["b", "d"]))", R"(["b"])"},
    {R"(setproduct(["development", "staging"], ["app1", "app2"]))",
     R"([["development", "app1"], ["development", "app2"], ["staging", "app1"], ["staging", "app2"]])"},
    {R"(setsubtract(["a", "b", "c"], ["a", "c"]))", R"(["b"])"},
    {R"(setunion(["b", "a"], ["b", "c"], ["d"]))", R"(["a", "b", "c", "d"])"},
    {R"(slice(["a", "b", "c", "d"], 1, 3))", R"(["b", "c"])"},
    {R"(slice(["a"], 0, 2))",
     R"(unknown: Invalid value for "end_index" parameter: end index must not be greater than the length of the list)"},
    {R"(sort(["e", "d", "a", "x"]))", R"(["a", "d", "e", "x"])"},
    {R"(sort([3, 1, 10]))", R"(["1", "10", "3"])"},
    {R"(sum([10, 13, 6, 4.5]))", "33.5"},
    {R"(sum([]))", R"(unknown: Invalid value for "list" parameter: cannot sum an empty list)"},
    {R"(transpose({a = ["1", "2"], b = ["2", "3"]}))", R"({1 = ["a"], 2 = ["a", "b"], 3 = ["b"]})"},
    {R"(values({a = 3, c = 2, d = 1}))", "[3, 2, 1]"},
    {R"(zipmap(["a", "b"], [1, 2]))", "{a = 1, b = 2}"},
    // encoding
    {R"(base64decode("SGVsbG8gV29ybGQ="))", R"("Hello World")"},
    {R"(base64decode("!!"))", R"(unknown: Invalid value for "str" parameter: failed to decode base64 data "!!")"},
    {R"(base64encode("Hello World"))", R"("SGVsbG8gV29ybGQ=")"},
    {R"(csvdecode("a,b\n1,2\n3,\"x,y\"\n"))", R"([{a = "1", b = "2"}, {a = "3", b = "x,y"}])"},
    {R"(jsondecode("{\"hello\": [1, true, null, 2.5]}"))", "{hello = [1, true, null, 2.5]}"},
    {R"(jsondecode("{"))",
     R"(unknown: Invalid value for "str" parameter: the given string is not valid JSON: expected a string key, found end of input)"},
    {R"(yamldecode("a: [1, 0x1f, 'x', ~, true, 2.5, eu-west-1]\nb: {c: \"d\"}"))",
     R"({a = [1, 31, "x", null, true, 2.5, "eu-west-1"], b = {c = "d"}})"},
    {R"(yamldecode("a: &m {k: v}\nb: *m\nc: &s [1, 2]\nd: *s"))", R"({a = {k = "v"}, b = {k = "v"}, c = [1, 2], d = [1, 2]})"},
    {R"(yamldecode("a: *x"))", R"(unknown: Invalid value for "src" parameter: reference to undefined anchor "x")"},
    {R"(yamldecode("a: &x [1, *x]"))",
     R"(unknown: Invalid value for "src" parameter: cannot refer to anchor "x" from inside its own definition)"},
    {R"(yamldecode("&k a: 1\nb: *k"))", R"(unknown: Invalid value for "src" parameter: reference to undefined anchor "k")"},
    {R"(yamldecode("a: &x 1\n*x : 2"))", R"(unknown: Invalid value for "src" parameter: only strings are allowed as mapping keys)"},
    {R"(jsonencode({hello = "world", n = 1.5, l = [true, null, 3], h = "<a&b>"}))",
     R"("{"h":"\u003ca\u0026b\u003e","hello":"world","l":[true,null,3],"n":1.5}")"},
    {R"(urlencode("Hello World?/é"))", R"("Hello+World%3F%2F%C3%A9")"},
    // filesystem
    {R"(basename("foo/bar/baz.txt"))", R"("baz.txt")"},
    {R"(dirname("foo/bar/baz.txt"))", R"("foo/bar")"},
    {R"(dirname("baz.txt"))", R"(".")"},
    {R"(file("hello.txt"))", R"("Hello World")"},
    {R"(file("missing.txt"))", R"(unknown: cannot read file "missing.txt": no such file)"},
    {R"(filebase64("hello.txt"))", R"("SGVsbG8gV29ybGQ=")"},
    {R"(fileexists("hello.txt"))", "true"},
    {R"(templatefile("t.tpl", {name = "eu", ports = [1, 2]}))", R"("region=eu:1:2")"},
    {R"(templatefile("t.tpl", {ports = []}))", R"(unknown: vars map does not contain key "name")"},
    {R"(templatestring("x=$${a}", {a = 1}))", R"("x=1")"},
    // conversion
    {R"(can(1))", "true"},
    {R"(nonsensitive(sensitive("x")))", R"("x")"},
    {R"(sensitive(1))", "1"},
    {R"(tobool("true"))", "true"},
    {R"(tobool("yes"))",
     R"(unknown: Invalid value for "v" parameter: cannot convert "yes" to bool; only the strings "true" or "false" are allowed)"},
    {R"(tolist(["a"]))", R"(["a"])"},
    {R"(tomap({a = 1}))", "{a = 1}"},
    {R"(tonumber("1.5"))", "1.5"},
    {R"(tonumber("x"))",
     R"(unknown: Invalid value for "v" parameter: cannot convert "x" to number; given string must be a decimal representation of a number)"},
    {R"(toset(["b", "a", "b"]))", R"(["a", "b"])"},
    {R"(toset([1, "a"]))", R"(["1", "a"])"},
    {R"(tostring(2))", R"("2")"},
    {R"(tostring([]))", R"(unknown: Invalid value for "v" parameter: cannot convert list to string)"},
    {R"(try(upper([]), "fallback"))", R"("fallback")"},
    // network
    {R"(cidrhost("10.12.112.0/20", 16))", R"("10.12.112.16")"},
    {R"(cidrhost("10.12.112.0/20", 268))", R"("10.12.113.12")"},
    {R"(cidrhost("10.12.112.0/20", -1))", R"("10.12.127.255")"},
    {R"(cidrhost("fd00:fd12:3456:7890:00a2::/72", 34))", R"("fd00:fd12:3456:7890::22")"},
    {R"(cidrhost("10.0.0.0/30", 4))",
     R"(unknown: Call to function "cidrhost" failed: prefix of 30 bits cannot accommodate a host numbered 4)"},
    {R"(cidrnetmask("172.16.0.0/12"))", R"("255.240.0.0")"},
    {R"(cidrsubnet("172.16.0.0/12", 4, 2))", R"("172.18.0.0/16")"},
    {R"(cidrsubnet("10.1.2.0/24", 4, 15))", R"("10.1.2.240/28")"},
    {R"(cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162))", R"("fd00:fd12:3456:7800:a200::/72")"},
    {R"(cidrsubnet("10.0.0.0/8", 4, 16))",
     R"(unknown: Call to function "cidrsubnet" failed: prefix extension of 4 does not accommodate a subnet numbered 16)"},
    {R"(cidrsubnet("not-a-cidr", 4, 1))",
     R"(unknown: Invalid value for "prefix" parameter: invalid CIDR expression: invalid CIDR address: not-a-cidr)"},
    {R"(cidrsubnets("10.1.0.0/16", 4, 4, 8, 4))", R"(["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"])"},
    {R"(cidrsubnets("10.0.0.0/30", 1, 1, 1))",
     R"(unknown: Call to function "cidrsubnets" failed: not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31)"},
};

}  // namespace

TEST_CASE("every function gives Terraform's exact result") {
    for (const Case& c : kCases) {
        INFO(c.expr);
        CHECK(run(c.expr) == c.expected);
    }
}

// Numbers are Go big.Float values (core/number.hpp); each expected text is what Terraform 1.11's
// console printed for the same expression.
TEST_CASE("numbers keep Terraform's precision: 512 bits from text, 53 from float64 functions") {
    const std::vector<Case> cases = {
        {"tostring(0.1 * 3)", R"("0.3")"},
        {"0.1 + 0.2 == 0.3", "true"},
        {"tostring(1 / 3)",
         R"("0.33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333335")"},
        {"tostring(1.1 * 1.1)",
         R"("1.2100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001")"},
        {"tostring(pow(2, 70))", R"("1180591620717411300000")"},
        {"tostring(12345678901234567890 + 1)", R"("12345678901234567891")"},
        {R"(jsonencode(jsondecode("12345678901234567890")))", R"("12345678901234567890")"},
        {"tostring(floor(1e20 / 7))", R"("14285714285714285714")"},
        {"tostring(1e400 / 1e399)", R"("10")"},
        {"tostring(ceil(-1 / 3))", R"("0")"},
        {"tostring(range(0.1, 0.5, 0.1)[2])", R"("0.3")"},
        {R"(format("%d|%x", 12345678901234567890, 12345678901234567890))", R"("12345678901234567890|ab54a98ceb1f0ad2")"},
        {R"(format("%.2f|%g", 2 / 3, 1 / 4))", R"("0.67|0.25")"},
        {"tostring(-7 % 3)", R"("-1")"},
        {R"(tostring(parseint("ffffffffffffffffffff", 16)))", R"("1208925819614629174706175")"},
    };
    for (const Case& c : cases) {
        INFO(c.expr);
        CHECK(run(c.expr) == c.expected);
    }
}

TEST_CASE("every implemented function has at least one case, and the list is sorted") {
    auto names = implemented_functions();
    CHECK(std::is_sorted(names.begin(), names.end()));
    for (std::string_view name : names) {
        std::string call = std::string(name) + "(";
        bool covered = false;
        for (const Case& c : kCases) covered = covered || std::string_view(c.expr).find(call) != std::string_view::npos;
        INFO(name);
        CHECK(covered);
    }
    CHECK(std::find(names.begin(), names.end(), "md5") == names.end());
}

TEST_CASE("arity and argument type errors name the parameter") {
    CHECK(run(R"(lower("a", "b"))") == R"(unknown: function "lower" expects 1 argument, got 2)");
    CHECK(run(R"(max())") == R"(unknown: function "max" expects at least 1 argument, got 0)");
    CHECK(run(R"(upper([1]))") == R"(unknown: Invalid value for "str" parameter: string required, got list)");
    CHECK(run(R"(abs("x"))") == R"(unknown: Invalid value for "num" parameter: a number is required, got string "x")");
    CHECK(run(R"(upper(null))") == R"(unknown: Invalid value for "str" parameter: argument must not be null)");
    // Primitive conversions Terraform applies silently.
    CHECK(run(R"(abs("-3"))") == "3");
    CHECK(run(R"(upper(true))") == R"("TRUE")");
}

TEST_CASE("unimplemented, non-deterministic and provider functions are unknown and reported") {
    FunctionScope scope = make_scope();
    CHECK(show(eval_in(R"(md5("x"))", scope)) == R"(unknown: function "md5" is not supported)");
    CHECK(show(eval_in(R"(timestamp())", scope)) ==
          "unknown: timestamp() gives a different result on every run; its value is only known after apply");
    CHECK(show(eval_in(R"(uuid())", scope)) ==
          "unknown: uuid() gives a different result on every run; its value is only known after apply");
    CHECK(scope.unsupported == std::vector<std::string>{"md5", "timestamp", "uuid"});
    std::vector<Value> args{Value::string("arn:aws:s3:::b")};
    Value v = call_function("provider::aws::arn_parse", args, Range{}, scope);
    CHECK(show(v) == "unknown: provider-defined function provider::aws::arn_parse is not supported");
    CHECK(scope.unsupported.back() == "provider::aws::arn_parse");
    // Names are case-sensitive.
    CHECK(show(eval_in(R"(Lower("A"))", scope)) == R"(unknown: function "Lower" is not supported)");
}

TEST_CASE("functions propagate unknown arguments except where Terraform can still answer") {
    const char* reason = "unknown: var.u is only known after apply";
    CHECK(run("lower(var.u)") == reason);
    CHECK(run("join(\",\", [var.u])") == reason);
    CHECK(run("sort([\"a\", var.u])") == reason);
    CHECK(run("toset([\"a\", var.u])") == reason);
    CHECK(run("jsonencode({a = var.u})") == reason);
    CHECK(run("cidrsubnet(var.u, 4, 1)") == reason);
    CHECK(run("compact([\"a\", var.u])") == reason);
    CHECK(run("flatten([[\"a\"], var.u])") == reason);
    // Known answers despite unknown parts.
    CHECK(run("length([var.u, 1])") == "2");
    CHECK(run("keys({a = var.u, b = 1})") == R"(["a", "b"])");
    CHECK(run("values({a = var.u})") == "[(unknown)]");
    CHECK(run("concat([var.u], [\"a\"])") == R"([(unknown), "a"])");
    CHECK(run("element([var.u, \"b\"], 1)") == R"("b")");
    CHECK(run("lookup({a = var.u, b = \"x\"}, \"b\")") == R"("x")");
    CHECK(run("merge({a = var.u}, {b = 1})") == "{a = (unknown), b = 1}");
    CHECK(run("coalesce(\"a\", var.u)") == R"("a")");
    CHECK(run("coalesce(\"\", var.u, \"b\")") == reason);
    CHECK(run("coalescelist([], var.u)") == reason);
    CHECK(run("alltrue([var.u, false])") == reason);  // alltrue stops at the first unknown
    CHECK(run("alltrue([false, var.u])") == "false");
    CHECK(run("alltrue([var.u, true])") == reason);
    CHECK(run("anytrue([var.u, true])") == "true");
    CHECK(run("contains([var.u, \"a\"], \"a\")") == "true");
    CHECK(run("contains([var.u], \"a\")") == reason);
    CHECK(run("one([var.u])") == reason);
    CHECK(run("sensitive(var.u)") == reason);
    CHECK(run("can(var.u)") == reason);
    CHECK(run("try(var.u, \"x\")") == reason);
    CHECK(run("templatefile(\"t.tpl\", {name = var.u, ports = []})") == reason);
}

TEST_CASE("call_function can be used directly with values") {
    FunctionScope scope;
    std::vector<Value> args{Value::string("EU-WEST-1"), Value::string("-"), Value::string("_")};
    CHECK(show(call_function("replace", args, Range{}, scope)) == R"("EU_WEST_1")");
    std::vector<Value> none;
    CHECK(show(call_function("nope", none, Range{}, scope)) == R"(unknown: function "nope" is not supported)");
}

TEST_CASE("hostile arguments give reasoned unknowns instead of exhausting memory or stack") {
    std::string deep(1000, '[');
    deep += std::string(1000, ']');
    FunctionScope scope;
    std::vector<Value> args{Value::string(deep)};
    CHECK(show(call_function("jsondecode", args, Range{}, scope)) ==
          R"(unknown: Invalid value for "str" parameter: the given string is not valid JSON: nesting deeper than 512 levels)");
    // RE2 matches in linear time, without recursion: no pattern or input size needs a bound.
    std::vector<Value> re{Value::string(std::string(20000, 'a')), Value::string("/(a|b)*/"), Value::string("x")};
    CHECK(show(call_function("replace", re, Range{}, scope)) == R"("x")");
    std::vector<Value> backtrack{Value::string(std::string(100000, 'a')), Value::string("/(a*)*b/"), Value::string("x")};
    CHECK(call_function("replace", backtrack, Range{}, scope).as_string() == std::string(100000, 'a'));
    CHECK(run(R"(indent(1000000, "a"))") ==
          R"(unknown: Invalid value for "spaces" parameter: value must be a whole number up to 100000)");
    // A "billion laughs": ten levels of ten aliases each expand to 10^10 values.
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char level = 'b'; level <= 'k'; ++level) {
        std::string prev(1, static_cast<char>(level - 1));
        bomb += std::string(1, level) + ": &" + level + " [";
        for (int i = 0; i < 10; ++i) bomb += (i ? ", *" : "*") + prev;
        bomb += "]\n";
    }
    std::vector<Value> yaml{Value::string(bomb)};
    CHECK(show(call_function("yamldecode", yaml, Range{}, scope)) ==
          R"(unknown: Invalid value for "src" parameter: aliases expand this document to more than 1000000 values; )"
          R"(residency does not read it (an alias bomb?))");
    CHECK(run(R"(range(0, 5000))") ==
          R"(unknown: Call to function "range" failed: more than 1024 values were generated; either decrease the difference between start and limit or use a smaller step)");
}

TEST_CASE("collection functions keep unknown leaves where the structure they need is known") {
    const char* dest = R"({bucket = "replica", kms = (unknown)})";
    CHECK(run("flatten([var.dest])") == std::string("[") + dest + "]");
    CHECK(run("flatten([[var.dest], []])") == std::string("[") + dest + "]");
    CHECK(run("concat([var.dest], [1])") == std::string("[") + dest + ", 1]");
    CHECK(run("merge(var.dest, {c = 1})") == R"({bucket = "replica", c = 1, kms = (unknown)})");
    CHECK(run("lookup(var.dest, \"bucket\")") == R"("replica")");
    CHECK(run("lookup(var.dest, \"kms\", \"x\")") == "unknown: aws_kms_key.k.arn is known only after apply");
    CHECK(run("length([var.dest, var.u])") == "2");
    CHECK(run("length(var.dest)") == "2");
    CHECK(run("keys(var.dest)") == R"(["bucket", "kms"])");
    CHECK(run("values(var.dest)") == R"(["replica", (unknown)])");
    CHECK(run("element([var.dest], 3)") == dest);
    CHECK(run("one([var.dest])") == dest);
    CHECK(run("coalesce(null, var.dest)") == dest);
    CHECK(run("tolist([var.dest])") == std::string("[") + dest + "]");
    CHECK(run("tomap(var.dest)") == dest);
    CHECK(run("reverse([1, var.dest])") == std::string("[") + dest + ", 1]");
    CHECK(run("slice([var.dest, 1], 0, 1)") == std::string("[") + dest + "]");
    // Sets and distinct need to tell elements apart: a known difference is enough.
    CHECK(run("toset([var.dest])") == std::string("[") + dest + "]");
    CHECK(run("toset([var.dest, {bucket = \"other\", kms = \"k\"}])") ==
          std::string("[") + dest + R"(, {bucket = "other", kms = "k"}])");
    CHECK(run("toset([var.dest, {bucket = \"replica\", kms = \"k\"}])") ==
          "unknown: aws_kms_key.k.arn is known only after apply");
    // A list of objects with different attributes is a list of maps: 1 beside strings is "1".
    CHECK(run("distinct([var.dest, {b = 1}, {b = 1}])") == std::string("[") + dest + ", {b = \"1\"}]");
    CHECK(run("distinct([var.u, \"a\"])") == "unknown: var.u is only known after apply");
    CHECK(run("contains([var.dest], {b = 1})") == "false");
    CHECK(run("contains([var.dest, {b = 1}], {b = 1})") == "true");
    CHECK(run("contains([{a = var.u}], {a = 1})") == "unknown: var.u is only known after apply");
}

TEST_CASE("a resource's object lists its arguments only: what reads its other attributes is unknown") {
    const char* after = "unknown: the attributes of aws_s3_bucket.w are known only after apply";
    CHECK(run("keys(var.res)") == after);
    CHECK(run("values(var.res)") == after);
    CHECK(run("length(var.res)") == after);
    CHECK(run("jsonencode(var.res)") == after);
    CHECK(run("jsonencode({a = [var.res]})") == after);
    CHECK(run("lookup(var.res, \"arn\", \"default\")") == "unknown: aws_s3_bucket.w.arn is known only after apply");
    CHECK(run("lookup(var.res, \"bucket\")") == R"("weights")");
    CHECK(run("merge(var.res, {tags = {}}).arn") == "unknown: aws_s3_bucket.w.arn is known only after apply");
    CHECK(run("merge(var.res, {tags = {}}).bucket") == R"("weights")");
    CHECK(run("contains([var.res], {bucket = \"weights\"})") == after);
    CHECK(run("[for k, v in var.res: k]") == after);
    FunctionScope scope = make_scope();
    Value arn = eval_in("lookup(var.res, \"arn\", null)", scope);
    CHECK(arn.unknown_cause() == UnknownCause::AfterApply);
    CHECK(arn.ref_asset == "aws_s3_bucket.w");
}

TEST_CASE("a function's own failure is an error; an unsupported function is not") {
    FunctionScope scope = make_scope();
    CHECK(eval_in("element([], 0)", scope).unknown_cause() == UnknownCause::Error);
    CHECK(eval_in("upper([1])", scope).unknown_cause() == UnknownCause::Error);
    CHECK(eval_in("lower(\"a\", \"b\")", scope).unknown_cause() == UnknownCause::Error);
    CHECK(eval_in("templatefile(\"t.tpl\", {})", scope).unknown_cause() == UnknownCause::Error);
    CHECK(eval_in("try(templatefile(\"t.tpl\", {}), \"fallback\")", scope).display() == R"("fallback")");
    CHECK(eval_in("md5(\"x\")", scope).unknown_cause() == UnknownCause::Unsupported);
    CHECK(eval_in("file(\"missing.txt\")", scope).unknown_cause() == UnknownCause::Unsupported);
    CHECK(eval_in("try(md5(\"x\"), \"fallback\")", scope).unknown_cause() == UnknownCause::Unsupported);
    CHECK(eval_in("uuid()", scope).unknown_cause() == UnknownCause::AfterApply);
    // Propagated through other functions, the first unknown's cause and reason stay.
    Value v = eval_in("upper(format(\"%s\", md5(\"x\")))", scope);
    CHECK(v.unknown_cause() == UnknownCause::Unsupported);
    CHECK(v.unknown_reason() == R"(function "md5" is not supported)");
    CHECK(v.range == Range{0, 23, 31});
}
