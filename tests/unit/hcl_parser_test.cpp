// Tests for the HCL parser: the syntax tree for every construct, ranges, errors and recovery.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "frontends/terraform/syntax/hcl_parser.hpp"

using namespace residency;
using namespace residency::hcl;

namespace {

constexpr FileId kFile = 7;

std::string_view slice(std::string_view text, Range r) {
    REQUIRE(r.file == kFile);
    REQUIRE(r.begin <= r.end);
    REQUIRE(r.end <= text.size());
    return text.substr(r.begin, r.end - r.begin);
}

// Parses one attribute `v = <expr>` and returns its value (the file must be error-free).
struct One {
    std::string text;
    ParsedFile file;
    explicit One(std::string expr) : text("v = " + std::move(expr) + "\n"), file(parse_hcl(kFile, text)) {
        CHECK(file.errors.empty());
        REQUIRE(file.body.attributes.size() == 1);
    }
    const Expr& v() const { return file.body.attributes[0].value; }
    std::string_view src(const Expr& e) const { return slice(text, e.range); }
};

}  // namespace

TEST_CASE("hcl: blocks with zero, one and two labels, nested blocks, attributes") {
    std::string text =
        "terraform {\n"
        "  required_version = \">= 1.5\"\n"
        "}\n"
        "provider \"aws\" {\n"
        "  region = \"eu-west-1\"\n"
        "}\n"
        "resource \"aws_s3_bucket\" \"weights\" {\n"
        "  bucket = \"w\"\n"
        "  lifecycle {\n"
        "    prevent_destroy = true\n"
        "  }\n"
        "  dynamic \"rule\" {\n"
        "    content {}\n"
        "  }\n"
        "}\n"
        "locals { a = 1 }\n"
        "ident_label foo bar {}\n";
    ParsedFile f = parse_hcl(kFile, text);
    CHECK(f.file == kFile);
    CHECK(f.errors.empty());
    REQUIRE(f.body.blocks.size() == 5);
    CHECK(f.body.attributes.empty());

    const Block& tf = f.body.blocks[0];
    CHECK(tf.type == "terraform");
    CHECK(tf.labels.empty());
    CHECK(slice(text, tf.header_range) == "terraform");
    REQUIRE(tf.body.attribute("required_version") != nullptr);
    CHECK(tf.body.attribute("required_version")->value.text == ">= 1.5");
    CHECK(tf.body.attribute("nope") == nullptr);

    const Block& prov = f.body.blocks[1];
    CHECK(prov.labels == std::vector<std::string>{"aws"});
    CHECK(slice(text, prov.header_range) == "provider \"aws\"");

    const Block& res = f.body.blocks[2];
    CHECK(res.type == "resource");
    CHECK(res.labels == std::vector<std::string>{"aws_s3_bucket", "weights"});
    REQUIRE(res.label_ranges.size() == 2);
    CHECK(slice(text, res.label_ranges[1]) == "\"weights\"");
    CHECK(slice(text, res.type_range) == "resource");
    CHECK(slice(text, res.header_range) == "resource \"aws_s3_bucket\" \"weights\"");
    CHECK(slice(text, res.range).substr(0, 10) == "resource \"");
    CHECK(slice(text, res.range).back() == '}');
    REQUIRE(res.body.blocks.size() == 2);
    CHECK(res.body.blocks[0].type == "lifecycle");
    CHECK(res.body.blocks[0].body.attribute("prevent_destroy")->value.kind == ExprKind::Bool);
    CHECK(res.body.blocks[1].labels == std::vector<std::string>{"rule"});
    REQUIRE(res.body.blocks[1].body.blocks.size() == 1);
    CHECK(res.body.blocks[1].body.blocks[0].type == "content");
    CHECK(res.body.blocks_of("lifecycle").size() == 1);
    CHECK(res.body.blocks_of("dynamic").size() == 1);
    CHECK(f.body.blocks_of("resource").size() == 1);
    CHECK(f.body.blocks_of("module").empty());

    const Attribute* bucket = res.body.attribute("bucket");
    REQUIRE(bucket != nullptr);
    CHECK(slice(text, bucket->range) == "bucket = \"w\"");
    CHECK(slice(text, bucket->name_range) == "bucket");
    CHECK(slice(text, bucket->value.range) == "\"w\"");

    CHECK(f.body.blocks[3].body.attribute("a")->value.number == 1);
    CHECK(f.body.blocks[4].labels == std::vector<std::string>{"foo", "bar"});
    CHECK(slice(text, f.body.blocks[4].header_range) == "ident_label foo bar");
}

TEST_CASE("hcl: literals") {
    CHECK(One("null").v().kind == ExprKind::Null);
    One t("true");
    CHECK(t.v().kind == ExprKind::Bool);
    CHECK(t.v().boolean);
    CHECK_FALSE(One("false").v().boolean);
    CHECK(One("42").v().number == 42);
    CHECK(One("1.5").v().number == 1.5);
    CHECK(One("1.5e3").v().number == 1500);
    CHECK(One("2.5E-1").v().number == 0.25);
}

TEST_CASE("hcl: an exponent without a fraction is a number literal, as in HCL, with its own range") {
    One bare("1e3");
    REQUIRE(bare.v().kind == ExprKind::Number);
    CHECK(bare.v().number == 1000);
    CHECK(bare.src(bare.v()) == "1e3");
    CHECK(One("1E+3").v().number == 1000);
    CHECK(One("25e-2").v().number == 0.25);
    One op("1e2 / 1e1");
    REQUIRE(op.v().kind == ExprKind::Binary);
    CHECK(op.src(op.v().children[1]) == "1e1");
    CHECK(op.v().children[1].number == 10);
    One call("f([1e3], { k = -2e1 }, \"${3e0}\", \"4e4\")");
    REQUIRE(call.v().children.size() == 4);
    CHECK(call.v().children[0].children[0].number == 1000);
    CHECK(call.v().children[3].text == "4e4");  // a string keeps its text
    One legacy("local.l.1e1");
    REQUIRE(legacy.v().kind == ExprKind::Index);
    CHECK(legacy.v().children[1].number == 10);
    // A word or a fraction after the exponent is not HCL's number: still errors.
    for (const char* bad : {"v = 1e3abc\n", "v = 1e3.5\n", "v = 1e\n", "v = 1e+\n", "v = 1e3e4\n"})
        CHECK_FALSE(parse_hcl(kFile, bad).errors.empty());
    // Inside an identifier, a comment or a heredoc nothing changes.
    One words("a1e3 + b-1e3 # 1e3\n");
    CHECK(words.v().children[0].text == "a1e3");
    CHECK(words.v().children[1].text == "b-1e3");
    One s("\"eu-west-1\"");
    CHECK(s.v().kind == ExprKind::String);
    CHECK(s.v().text == "eu-west-1");
    CHECK(s.src(s.v()) == "\"eu-west-1\"");
    CHECK(One("\"\"").v().text.empty());
}

TEST_CASE("hcl: string escapes") {
    One s(R"("a\nb\tc\"d\\e \u00e9 \U0001F600 $${x} %%{y} \r")");
    CHECK(s.v().kind == ExprKind::String);
    CHECK(s.v().text == "a\nb\tc\"d\\e \xC3\xA9 \xF0\x9F\x98\x80 ${x} %{y} \r");
    // labels decode too
    ParsedFile f = parse_hcl(kFile, "b \"x\\\"y\" {}\n");
    REQUIRE(f.body.blocks.size() == 1);
    CHECK(f.body.blocks[0].labels[0] == "x\"y");
}

TEST_CASE("hcl: templates with interpolation keep whitespace") {
    One t("\"  a  ${ b }  c \"");
    const Expr& v = t.v();
    REQUIRE(v.kind == ExprKind::Template);
    CHECK_FALSE(v.heredoc);
    REQUIRE(v.children.size() == 3);
    CHECK(v.children[0].kind == ExprKind::String);
    CHECK(v.children[0].text == "  a  ");
    CHECK(v.children[1].kind == ExprKind::Variable);
    CHECK(v.children[1].text == "b");
    CHECK(v.children[2].text == "  c ");

    One only("\"${var.region}\"");
    REQUIRE(only.v().kind == ExprKind::Template);
    REQUIRE(only.v().children.size() == 1);
    CHECK(only.v().children[0].kind == ExprKind::GetAttr);

    One esc("\"x\\n${a}\\t\"");
    REQUIRE(esc.v().children.size() == 3);
    CHECK(esc.v().children[0].text == "x\n");
    CHECK(esc.v().children[2].text == "\t");
}

TEST_CASE("hcl: template directives") {
    One t("\"x%{ if c }yes%{ else }no%{ endif }-%{ for k, v in m }${k}=${v},%{ endfor }%{for i in l}.%{endfor}\"");
    const Expr& v = t.v();
    REQUIRE(v.kind == ExprKind::Template);
    REQUIRE(v.children.size() == 5);
    CHECK(v.children[0].text == "x");
    const Expr& tif = v.children[1];
    REQUIRE(tif.kind == ExprKind::TemplateIf);
    REQUIRE(tif.children.size() == 3);
    CHECK(tif.children[0].text == "c");
    CHECK(tif.children[1].kind == ExprKind::Template);
    REQUIRE(tif.children[1].children.size() == 1);
    CHECK(tif.children[1].children[0].text == "yes");
    CHECK(tif.children[2].children[0].text == "no");
    CHECK(t.src(tif) == "%{ if c }yes%{ else }no%{ endif }");
    CHECK(v.children[2].text == "-");
    const Expr& tfor = v.children[3];
    REQUIRE(tfor.kind == ExprKind::TemplateFor);
    CHECK(tfor.text == "k,v");
    CHECK(for_key(tfor) == "k");
    CHECK(for_value(tfor) == "v");
    REQUIRE(tfor.children.size() == 2);
    CHECK(tfor.children[0].text == "m");
    const Expr& body = tfor.children[1];
    REQUIRE(body.kind == ExprKind::Template);
    REQUIRE(body.children.size() == 4);
    CHECK(body.children[0].text == "k");
    CHECK(body.children[1].text == "=");
    CHECK(body.children[3].text == ",");
    CHECK(v.children[4].text == "i");
    CHECK(for_key(v.children[4]).empty());
    CHECK(for_value(v.children[4]) == "i");

    One no_else("\"%{if a}A%{endif}\"");
    REQUIRE(no_else.v().children.size() == 1);
    CHECK(no_else.v().children[0].children.size() == 2);
}

TEST_CASE("hcl: strip markers trim adjacent whitespace") {
    One t("\"a  ${~ b ~}  c\"");
    REQUIRE(t.v().children.size() == 3);
    CHECK(t.v().children[0].text == "a");
    CHECK(t.v().children[2].text == "c");

    One h("<<EOT\n%{ for x in xs ~}\n  ${x}\n%{ endfor ~}\nend\nEOT");
    REQUIRE(h.v().kind == ExprKind::Template);
    REQUIRE(h.v().children.size() == 2);
    // In a heredoc a marker trims one line's worth, as HashiCorp's scanner makes each line a token:
    // `~}` takes the newline after it, not the next line's indentation.
    const Expr& body = h.v().children[0].children[1];
    REQUIRE(body.children.size() == 3);
    CHECK(body.children[0].text == "  ");
    CHECK(body.children[1].kind == ExprKind::Variable);
    CHECK(body.children[2].text == "\n");
    CHECK(h.v().children[1].text == "end\n");
}

TEST_CASE("hcl: heredocs") {
    One plain("<<EOT\n  keep\n    this\nEOT");
    CHECK(plain.v().kind == ExprKind::String);
    CHECK(plain.v().text == "  keep\n    this\n");

    One flush("<<-EOT\n    hi ${x}\n\n      there\n  EOT");
    const Expr& v = flush.v();
    REQUIRE(v.kind == ExprKind::Template);
    CHECK(v.heredoc);
    REQUIRE(v.children.size() == 3);
    CHECK(v.children[0].text == "hi ");
    CHECK(v.children[1].text == "x");
    CHECK(v.children[2].text == "\n\n  there\n");

    One policy("<<-POLICY\n  {\n    \"a\": \"$${b}\"\n  }\n  POLICY");
    CHECK(policy.v().kind == ExprKind::String);
    CHECK(policy.v().text == "{\n  \"a\": \"${b}\"\n}\n");

    One empty("<<EOT\nEOT");
    CHECK(empty.v().kind == ExprKind::String);
    CHECK(empty.v().text.empty());

    // backslashes are literal in heredocs
    CHECK(One("<<EOT\na\\nb\nEOT").v().text == "a\\nb\n");
}

TEST_CASE("hcl: tuples and objects") {
    One t("[1, \"a\", [], true,]");
    REQUIRE(t.v().kind == ExprKind::Tuple);
    REQUIRE(t.v().children.size() == 4);
    CHECK(t.v().children[2].kind == ExprKind::Tuple);
    CHECK(t.v().children[2].children.empty());

    One o("{ a = 1, \"b c\": 2, (k) = 3, d = { e = null }\n f = var.x }");
    const Expr& v = o.v();
    REQUIRE(v.kind == ExprKind::Object);
    REQUIRE(v.children.size() == 10);
    CHECK(v.children[0].kind == ExprKind::String);
    CHECK(v.children[0].text == "a");
    CHECK(o.src(v.children[0]) == "a");
    CHECK(v.children[1].number == 1);
    CHECK(v.children[2].kind == ExprKind::String);
    CHECK(v.children[2].text == "b c");
    CHECK(v.children[4].kind == ExprKind::Parens);
    CHECK(v.children[4].children[0].kind == ExprKind::Variable);
    CHECK(o.src(v.children[4]) == "(k)");
    CHECK(v.children[7].kind == ExprKind::Object);
    CHECK(v.children[8].text == "f");
    CHECK(v.children[9].kind == ExprKind::GetAttr);

    CHECK(One("{}").v().children.empty());
}

TEST_CASE("hcl: traversals") {
    One a("var.x.y");
    REQUIRE(a.v().kind == ExprKind::GetAttr);
    CHECK(a.v().text == "y");
    CHECK(a.src(a.v()) == "var.x.y");
    CHECK(a.v().children[0].text == "x");
    CHECK(a.v().children[0].children[0].kind == ExprKind::Variable);
    CHECK(a.v().children[0].children[0].text == "var");
    CHECK(a.src(a.v().children[0]) == "var.x");

    One i("a[0][\"k\"]");
    REQUIRE(i.v().kind == ExprKind::Index);
    CHECK(i.v().children[1].text == "k");
    CHECK(i.v().children[0].kind == ExprKind::Index);
    CHECK(i.v().children[0].children[1].number == 0);

    One legacy("aws_instance.web.0.id");
    REQUIRE(legacy.v().kind == ExprKind::GetAttr);
    const Expr& idx = legacy.v().children[0];
    REQUIRE(idx.kind == ExprKind::Index);
    CHECK(idx.children[1].kind == ExprKind::Number);
    CHECK(idx.children[1].number == 0);
    CHECK(legacy.src(idx.children[1]) == "0");

    One call("foo(1).bar[2]");
    CHECK(call.v().kind == ExprKind::Index);
    CHECK(call.v().children[0].children[0].kind == ExprKind::FunctionCall);

    One paren("(a).b");
    CHECK(paren.v().kind == ExprKind::GetAttr);
    CHECK(paren.v().children[0].kind == ExprKind::Parens);
}

TEST_CASE("hcl: splats") {
    One full("a[*].b.c[1]");
    const Expr& s = full.v();
    REQUIRE(s.kind == ExprKind::Splat);
    CHECK(s.full);
    CHECK(full.src(s) == "a[*].b.c[1]");
    CHECK(s.children[0].text == "a");
    const Expr& each = s.children[1];
    REQUIRE(each.kind == ExprKind::Index);
    CHECK(each.children[0].text == "c");
    CHECK(each.children[0].children[0].text == "b");
    CHECK(each.children[0].children[0].children[0].kind == ExprKind::SplatItem);

    One attr("a.*.b[0]");
    // legacy splat: only attribute steps apply per element; the index applies to the result
    REQUIRE(attr.v().kind == ExprKind::Index);
    const Expr& as = attr.v().children[0];
    REQUIRE(as.kind == ExprKind::Splat);
    CHECK_FALSE(as.full);
    CHECK(as.children[1].kind == ExprKind::GetAttr);
    CHECK(as.children[1].children[0].kind == ExprKind::SplatItem);

    One bare("aws_instance.x[*]");
    REQUIRE(bare.v().kind == ExprKind::Splat);
    CHECK(bare.v().children[1].kind == ExprKind::SplatItem);
}

TEST_CASE("hcl: function calls") {
    One f("concat(a, [2]...)");
    REQUIRE(f.v().kind == ExprKind::FunctionCall);
    CHECK(f.v().text == "concat");
    CHECK(f.v().expand_final);
    CHECK(f.v().children.size() == 2);

    One none("timestamp()");
    CHECK(none.v().children.empty());
    CHECK_FALSE(none.v().expand_final);

    One prov("provider::aws::arn_parse(x).region");
    REQUIRE(prov.v().kind == ExprKind::GetAttr);
    CHECK(prov.v().children[0].text == "provider::aws::arn_parse");
    CHECK(prov.v().children[0].children.size() == 1);
}

TEST_CASE("hcl: operators, precedence, conditionals") {
    One p("a + b * c");
    REQUIRE(p.v().kind == ExprKind::Binary);
    CHECK(p.v().text == "+");
    CHECK(p.v().children[0].text == "a");
    CHECK(p.v().children[1].text == "*");
    CHECK(p.src(p.v().children[1]) == "b * c");

    One q("(a + b) * c");
    CHECK(q.v().text == "*");
    CHECK(q.v().children[0].kind == ExprKind::Parens);
    CHECK(q.v().children[0].children[0].text == "+");

    One l("a || b && c == d");
    CHECK(l.v().text == "||");
    CHECK(l.v().children[1].text == "&&");
    CHECK(l.v().children[1].children[1].text == "==");

    One t("x.a >= 1 - -2");
    CHECK(t.v().text == ">=");
    CHECK(t.v().children[0].kind == ExprKind::GetAttr);
    CHECK(t.v().children[1].text == "-");
    CHECK(t.v().children[1].children[1].kind == ExprKind::Unary);

    One u("!var.enabled");
    REQUIRE(u.v().kind == ExprKind::Unary);
    CHECK(u.v().text == "!");
    CHECK(u.v().children[0].kind == ExprKind::GetAttr);

    One c("var.eu ? \"eu-west-1\" : \"us-east-1\"");
    REQUIRE(c.v().kind == ExprKind::Conditional);
    REQUIRE(c.v().children.size() == 3);
    CHECK(c.v().children[1].text == "eu-west-1");
    CHECK(c.v().children[2].text == "us-east-1");

    for (std::string op : {"-", "/", "%", "!=", "<", ">", "<="}) {
        One b("1 " + op + " 2");
        CHECK(b.v().kind == ExprKind::Binary);
        CHECK(b.v().text == op);
    }
}

TEST_CASE("hcl: for expressions") {
    One a("[for v in xs : upper(v)]");
    REQUIRE(a.v().kind == ExprKind::ForTuple);
    CHECK(for_key(a.v()).empty());
    CHECK(for_value(a.v()) == "v");
    REQUIRE(a.v().children.size() == 2);
    CHECK(a.v().children[0].text == "xs");
    CHECK(a.v().children[1].kind == ExprKind::FunctionCall);

    One b("[for i, v in xs : v if i > 0]");
    CHECK(for_key(b.v()) == "i");
    CHECK(for_value(b.v()) == "v");
    REQUIRE(b.v().children.size() == 3);
    CHECK(b.v().children[2].text == ">");

    One c("{for k, v in m : k => v}");
    REQUIRE(c.v().kind == ExprKind::ForObject);
    CHECK(c.v().text == "k,v");
    REQUIRE(c.v().children.size() == 3);
    CHECK_FALSE(c.v().expand_final);

    One d("{for x in xs : x.k => x.v... if x.ok}");
    REQUIRE(d.v().kind == ExprKind::ForObject);
    CHECK(d.v().expand_final);
    REQUIRE(d.v().children.size() == 4);
    CHECK(d.v().children[1].text == "k");
    CHECK(d.v().children[2].text == "v");
    CHECK(d.v().children[3].text == "ok");
}

TEST_CASE("hcl: comments are ignored") {
    std::string text =
        "# hash\n// slashes\n/* block\n comment */\n"
        "a = 1 # trailing\n"
        "b { /* inner */ c = [1, /* x */ 2] }\n";
    ParsedFile f = parse_hcl(kFile, text);
    CHECK(f.errors.empty());
    REQUIRE(f.body.attributes.size() == 1);
    REQUIRE(f.body.blocks.size() == 1);
    CHECK(f.body.blocks[0].body.attribute("c")->value.children.size() == 2);
}

TEST_CASE("hcl: exact ranges") {
    std::string text = "x = {\n  k = foo(var.a, 2)\n}\n";
    ParsedFile f = parse_hcl(kFile, text);
    REQUIRE(f.body.attributes.size() == 1);
    const Attribute& a = f.body.attributes[0];
    CHECK(a.range.begin == 0);
    CHECK(a.range.end == text.size() - 1);
    const Expr& call = a.value.children[1];
    CHECK(call.range.begin == 12);
    CHECK(slice(text, call.range) == "foo(var.a, 2)");
    CHECK(slice(text, call.children[0].range) == "var.a");
    CHECK(slice(text, call.children[0].children[0].range) == "var");
    CHECK(slice(text, call.children[1].range) == "2");
}

TEST_CASE("hcl: empty and trivial input") {
    CHECK(parse_hcl(kFile, "").body.attributes.empty());
    CHECK(parse_hcl(kFile, "").errors.empty());
    ParsedFile ws = parse_hcl(kFile, "\n\n  # only a comment\n");
    CHECK(ws.errors.empty());
    CHECK(ws.body.blocks.empty());
    ParsedFile bom = parse_hcl(kFile, "\xEF\xBB\xBF" "a = 1\n");
    CHECK(bom.errors.empty());
    REQUIRE(bom.body.attributes.size() == 1);
    CHECK(bom.body.attributes[0].range.begin == 3);
}

TEST_CASE("hcl: syntax errors are reported with offsets") {
    std::string text = "x { y = foo(1,,2) }\nz = 1\n";
    ParsedFile f = parse_hcl(kFile, text);
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].message == "unexpected ','");
    CHECK(f.errors[0].range.begin == 13);
    // the broken expression is Invalid, everything else is there
    REQUIRE(f.body.blocks.size() == 1);
    CHECK(f.body.blocks[0].body.attribute("y")->value.kind == ExprKind::Invalid);
    REQUIRE(f.body.attribute("z") != nullptr);
    CHECK(f.body.attribute("z")->value.number == 1);

    ParsedFile unclosed = parse_hcl(kFile, "a = [1, 2\nb = 3\n");
    REQUIRE(unclosed.errors.size() == 1);
    CHECK(unclosed.errors[0].message == "missing ']'");
    CHECK(unclosed.body.attribute("b") != nullptr);

    ParsedFile quote = parse_hcl(kFile, "a = \"abc\n");
    REQUIRE_FALSE(quote.errors.empty());
    CHECK(quote.errors[0].message == "missing '\"'");
}

TEST_CASE("hcl: recovery keeps what surrounds an error") {
    std::string text =
        "resource \"aws_s3_bucket\" \"a\" {\n"
        "  bucket = \"a\"\n"
        "  region = = \"x\"\n"
        "  tags = {\n"
        "    k = \"v\"\n"
        "  }\n"
        "}\n"
        "\n"
        "resource \"aws_s3_bucket\" \"b\" {\n"
        "  bucket = \"b\"\n"
        "}\n";
    ParsedFile f = parse_hcl(kFile, text);
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].message == "unexpected '='");
    CHECK(f.errors[0].range.begin == text.find("= \"x\""));
    REQUIRE(f.body.blocks.size() == 2);
    const Block& a = f.body.blocks[0];
    CHECK(a.labels == std::vector<std::string>{"aws_s3_bucket", "a"});
    CHECK(slice(text, a.header_range) == "resource \"aws_s3_bucket\" \"a\"");
    CHECK(a.body.attribute("bucket") != nullptr);
    CHECK(a.body.attribute("tags") != nullptr);
    CHECK(f.body.blocks[1].labels[1] == "b");
    CHECK(f.body.blocks[1].body.attribute("bucket")->value.text == "b");

    // a block missing its closing brace does not swallow the next one
    std::string open = "locals {\n  x = 1\n\nresource \"r\" \"n\" {\n  y = 2\n}\n";
    ParsedFile g = parse_hcl(kFile, open);
    REQUIRE(g.errors.size() == 1);
    CHECK(g.errors[0].message == "missing '}'");
    REQUIRE(g.body.blocks.size() == 2);
    CHECK(g.body.blocks[0].body.attribute("x") != nullptr);
    CHECK(g.body.blocks[1].type == "resource");
    CHECK(g.body.blocks[1].body.attribute("y") != nullptr);

    // junk between valid items
    ParsedFile h = parse_hcl(kFile, "a = 1\n@@@ !!\nb = 2\n}}\nc {}\n");
    CHECK_FALSE(h.errors.empty());
    CHECK(h.errors.size() <= 5);
    CHECK(h.body.attribute("a") != nullptr);
    CHECK(h.body.attribute("b") != nullptr);
    CHECK(h.body.blocks_of("c").size() == 1);
}

TEST_CASE("hcl: errors are capped per file") {
    std::string text;
    for (int i = 0; i < 50; ++i) text += "a" + std::to_string(i) + " = = 1\n";
    ParsedFile f = parse_hcl(kFile, text);
    CHECK(f.errors.size() == 5);
    for (std::size_t i = 1; i < f.errors.size(); ++i) CHECK(f.errors[i - 1].range.begin <= f.errors[i].range.begin);
}

TEST_CASE("hcl: deep nesting is cut off, not crashed on") {
    std::string deep = "a = " + std::string(5000, '[') + std::string(5000, ']') + "\nb = 1\n";
    ParsedFile f = parse_hcl(kFile, deep);
    REQUIRE_FALSE(f.errors.empty());
    CHECK(f.errors.back().message == "nesting too deep");
    REQUIRE(f.body.attribute("b") != nullptr);
    CHECK(f.body.attribute("b")->value.number == 1);

    std::string parens = "a = " + std::string(3000, '(') + "1" + std::string(3000, ')') + "\n";
    CHECK(parse_hcl(kFile, parens).errors.back().message == "nesting too deep");

    std::string chain = "a = x";
    for (int i = 0; i < 3000; ++i) chain += ".y";
    CHECK(parse_hcl(kFile, chain).errors.back().message == "nesting too deep");

    std::string sum = "a = 1";
    for (int i = 0; i < 3000; ++i) sum += " + 1";
    CHECK(parse_hcl(kFile, sum).errors.back().message == "nesting too deep");

    std::string blocks;
    for (int i = 0; i < 1000; ++i) blocks += "b {\n";
    for (int i = 0; i < 1000; ++i) blocks += "}\n";
    CHECK(parse_hcl(kFile, blocks).errors.back().message == "nesting too deep");

    // moderate nesting is fine
    std::string ok = "a = " + std::string(50, '[') + std::string(50, ']') + "\n";
    CHECK(parse_hcl(kFile, ok).errors.empty());
}

TEST_CASE("hcl: random input never crashes") {
    std::mt19937 rng(12345);
    const std::string alphabet = "{}[]()\"$%<>=.,*+-!?:~ \n\tab1#/\\";
    const std::string pieces[] = {"resource \"a\" \"b\" {", "}", "x = ", "${", "%{ if x }", "%{ endif }",
                                  "<<EOT\n", "\nEOT\n", "<<-X\n", "[for a in b : ", "{ k = ", "\"",
                                  "a.b[*].c", "...", "//", "/*", "*/", "\\u00", "$${", "~}"};
    for (int n = 0; n < 3000; ++n) {
        std::string text;
        std::size_t len = rng() % 200;
        int mode = n % 3;
        for (std::size_t i = 0; i < len; ++i) {
            if (mode == 0) {
                text += static_cast<char>(rng() & 0xff);
            } else if (mode == 1) {
                text += alphabet[rng() % alphabet.size()];
            } else {
                text += pieces[rng() % std::size(pieces)];
            }
        }
        ParsedFile f = parse_hcl(kFile, text);
        CHECK(f.errors.size() <= 6);
        for (const SyntaxError& e : f.errors) {
            CHECK(e.range.begin <= e.range.end);
            CHECK(e.range.end <= text.size());
        }
    }
}

// Files over 128 KB are parsed in pieces of whole top-level items (memory); the tree must be the
// one a single parse gives: offsets into the whole file, heredocs and unindented interiors intact.
TEST_CASE("hcl: a large file parsed in pieces gives the tree of one parse") {
    std::string text;
    constexpr int kBlocks = 3000;
    for (int i = 0; i < kBlocks; ++i) {
        text += "resource \"aws_s3_bucket\" \"b" + std::to_string(i) + "\" {\n"
                "  bucket = \"name-${var.x}-" + std::to_string(i) + "\"\n"
                "  tags   = { a = [1, 2], b = lower(\"X\") }\n"
                "  policy = <<EOF\n"
                "x = 1\n"
                "data \"y\" \"z\" {\n"
                "EOF\n"
                "}\n\n";
    }
    text += "locals {\nx = 1\n}\n";  // an unindented interior: no cut may fall inside it
    REQUIRE(text.size() > 3 * 128 * 1024);
    ParsedFile f = parse_hcl(kFile, text);
    CHECK(f.errors.empty());
    REQUIRE(f.body.blocks.size() == kBlocks + 1);
    for (int i : {0, 1, 1234, kBlocks - 1}) {
        const Block& b = f.body.blocks[i];
        CHECK(slice(text, b.type_range) == "resource");
        CHECK(b.labels[1] == "b" + std::to_string(i));
        REQUIRE(b.body.attributes.size() == 3);
        CHECK(slice(text, b.body.attributes[0].value.range) == "\"name-${var.x}-" + std::to_string(i) + "\"");
        CHECK(slice(text, b.body.attributes[1].value.range) == "{ a = [1, 2], b = lower(\"X\") }");
        const Expr& heredoc = b.body.attributes[2].value;
        CHECK(heredoc.kind == ExprKind::String);
        CHECK(heredoc.text == "x = 1\ndata \"y\" \"z\" {\n");
    }
    const Block& last = f.body.blocks.back();
    CHECK(last.type == "locals");
    REQUIRE(last.body.attributes.size() == 1);
    CHECK(slice(text, last.body.attributes[0].range) == "x = 1");

    // A syntax error anywhere: the file is parsed whole, and the error points into it.
    std::string broken = text;
    std::size_t at = broken.find("resource \"aws_s3_bucket\" \"b2000\"");
    broken.insert(at, "= =\n");
    ParsedFile g = parse_hcl(kFile, broken);
    REQUIRE(!g.errors.empty());
    CHECK(g.errors[0].range.begin >= at - 40);
    CHECK(g.errors[0].range.begin <= at + 10);
}

TEST_CASE("hcl: invalid UTF-8 in a string or heredoc is an error, in a comment it is not (as Terraform)") {
    std::string text = "# caf\xe9\na = \"caf\xe9 \xff\"\nb = <<EOT\n\xc0\xaf\nEOT\nc = \"ok \xc3\xa9\"\n";
    ParsedFile file = parse_hcl(kFile, text);
    REQUIRE(file.errors.size() == 2);  // one per literal
    CHECK(file.errors[0].range.begin == text.find("\xe9 "));
    CHECK(file.errors[0].message == "invalid character encoding: all input files must be UTF-8 encoded");
    CHECK(file.errors[1].range.begin == text.find("\xc0"));
    CHECK(file.body.attributes.size() == 3);
}

TEST_CASE("hcl: a large file is checked as a small one, and megabytes of blanks parse in pieces") {
    std::string text = "a = 1\na = 2\n";  // redefined: HashiCorp's check, past the piece size too
    for (int i = 0; i < 20000; ++i) {
        text += 'x';
        text += std::to_string(i);
        text += " = \"caf\xc3\xa9\"\n";
    }
    text += "z = \"\xe9\"\n";
    text.append(4u << 20, ' ');
    text += '\n';
    text.append(1u << 20, '\n');
    text += "y = 1\n";
    ParsedFile file = parse_hcl(kFile, text);
    REQUIRE(file.errors.size() == 2);
    CHECK(file.errors[0].message.starts_with("argument \"a\" redefined"));
    CHECK(file.errors[1].range.begin == text.find("\"\xe9") + 1);
    CHECK(file.body.attributes.size() == 20004);
}
