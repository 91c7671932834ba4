// Tests for Terraform's JSON syntax: blocks, templates equal to native HCL, bare expressions, ranges, errors.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "frontends/terraform/syntax/hcl_parser.hpp"
#include "frontends/terraform/syntax/tf_json.hpp"

using namespace residency;
using namespace residency::hcl;
using residency::terraform::parse_tf_json;
using residency::terraform::parse_tfvars_json;

namespace {

constexpr FileId kFile = 5;

std::string_view slice(std::string_view text, Range r) {
    REQUIRE(r.file == kFile);
    REQUIRE(r.begin <= r.end);
    REQUIRE(r.end <= text.size());
    return text.substr(r.begin, r.end - r.begin);
}

// Every range in the tree is in this file and inside the text.
void check_ranges(const Expr& e, std::string_view text) {
    CHECK(e.range.file == kFile);
    CHECK(e.range.begin <= e.range.end);
    CHECK(e.range.end <= text.size());
    for (const Expr& c : e.children) check_ranges(c, text);
}

void check_ranges(const Body& b, std::string_view text) {
    for (const Attribute& a : b.attributes) {
        slice(text, a.name_range);
        slice(text, a.range);
        check_ranges(a.value, text);
    }
    for (const Block& bl : b.blocks) {
        slice(text, bl.range);
        slice(text, bl.header_range);
        for (Range r : bl.label_ranges) slice(text, r);
        check_ranges(bl.body, text);
    }
}

// Structural equality, ranges aside: the JSON form must give what the native parser gives.
bool same(const Expr& a, const Expr& b) {
    if (a.kind != b.kind || a.text != b.text || a.number != b.number ||
        a.boolean != b.boolean || a.full != b.full || a.heredoc != b.heredoc || a.expand_final != b.expand_final ||
        a.children.size() != b.children.size())
        return false;
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (!same(a.children[i], b.children[i])) return false;
    return true;
}

Expr native(const std::string& expr) {
    ParsedFile f = parse_hcl(kFile, "x = " + expr + "\n");
    REQUIRE(f.errors.empty());
    REQUIRE(f.body.attributes.size() == 1);
    return f.body.attributes[0].value;
}

// The value of `"x": <json>` in a locals block.
struct Local {
    std::string text;
    ParsedFile file;
    explicit Local(const std::string& json)
        : text("{\"locals\": {\"x\": " + json + "}}"), file(parse_tf_json(kFile, text)) {
        REQUIRE(file.body.blocks.size() == 1);
        REQUIRE(file.body.blocks[0].body.attributes.size() == 1);
        check_ranges(file.body, text);
    }
    const Expr& v() const { return file.body.blocks[0].body.attributes[0].value; }
    std::string_view src(const Expr& e) const { return slice(text, e.range); }
};

const char* kConfig = R"JSON({
  "//": "AI training stack, EU only",
  "terraform": {
    "required_version": ">= 1.5",
    "required_providers": {"aws": {"source": "hashicorp/aws", "version": "~> 5.0"}},
    "backend": {"s3": {"bucket": "tf-state", "region": "eu-central-1", "key": "ai/terraform.tfstate"}}
  },
  "provider": {
    "aws": [
      {"region": "${var.region}"},
      {"alias": "us", "region": "us-east-1", "default_tags": {"tags": {"team": "ml"}}}
    ]
  },
  "variable": {
    "region": {"type": "string", "default": "eu-west-1", "description": "Home region"},
    "zones": {"type": "list(string)", "default": ["a", "${b}"]}
  },
  "locals": {"name": "weights-${var.region}", "n": 3},
  "resource": {
    "aws_s3_bucket": {
      "weights": {"bucket": "${local.name}", "tags": {"Env": "prod"}, "provider": "aws.us",
                  "depends_on": ["aws_iam_role.replication"], "lifecycle": {"ignore_changes": ["tags"]}}
    },
    "aws_s3_bucket_replication_configuration": {
      "rep": {
        "bucket": "${aws_s3_bucket.weights.id}",
        "role": "${aws_iam_role.replication.arn}",
        "rule": [
          {"id": "all", "status": "Enabled",
           "destination": {"bucket": "${aws_s3_bucket.replica.arn}", "storage_class": "STANDARD"}},
          {"id": "second", "status": "Disabled", "destination": {"bucket": "arn:aws:s3:::x"}}
        ]
      }
    }
  },
  "module": {
    "vpc": {"source": "./modules/vpc", "providers": {"aws": "aws.eu", "aws.west": "aws.w"}, "cidr": "10.0.0.0/16",
            "settings": {"a": 1}}
  },
  "output": {"bucket": {"value": "${aws_s3_bucket.weights.arn}"}}
})JSON";

}  // namespace

TEST_CASE("tf.json: a full configuration becomes the same blocks as native syntax") {
    std::string text = kConfig;
    ParsedFile f = parse_tf_json(kFile, text);
    CHECK(f.file == kFile);
    for (const auto& e : f.errors) INFO(e.message);
    CHECK(f.errors.empty());
    check_ranges(f.body, text);
    CHECK(f.body.attributes.empty());

    auto tfs = f.body.blocks_of("terraform");
    REQUIRE(tfs.size() == 1);
    const Body& tf = tfs[0]->body;
    REQUIRE(tf.attribute("required_version") != nullptr);
    CHECK(tf.attribute("required_version")->value.kind == ExprKind::String);
    auto rp = tf.blocks_of("required_providers");
    REQUIRE(rp.size() == 1);
    const Attribute* aws = rp[0]->body.attribute("aws");
    REQUIRE(aws != nullptr);
    CHECK(aws->value.kind == ExprKind::Object);
    auto backend = tf.blocks_of("backend");
    REQUIRE(backend.size() == 1);
    CHECK(backend[0]->labels == std::vector<std::string>{"s3"});
    CHECK(slice(text, backend[0]->header_range) == "\"s3\"");
    REQUIRE(backend[0]->body.attribute("region") != nullptr);
    CHECK(backend[0]->body.attribute("region")->value.text == "eu-central-1");
    CHECK(slice(text, backend[0]->body.attribute("region")->value.range) == "\"eu-central-1\"");

    // provider: an array of bodies is one block per configuration
    auto providers = f.body.blocks_of("provider");
    REQUIRE(providers.size() == 2);
    CHECK(providers[0]->labels == std::vector<std::string>{"aws"});
    CHECK(providers[1]->labels == std::vector<std::string>{"aws"});
    const Expr& region = providers[0]->body.attribute("region")->value;
    CHECK(same(region, native("\"${var.region}\"")));
    CHECK(region.kind == ExprKind::Template);
    CHECK(slice(text, region.range) == "\"${var.region}\"");
    REQUIRE(region.children.size() == 1);
    CHECK(slice(text, region.children[0].range) == "var.region");
    CHECK(slice(text, region.children[0].children[0].range) == "var");
    CHECK(providers[1]->body.attribute("alias")->value.text == "us");
    auto dt = providers[1]->body.blocks_of("default_tags");
    REQUIRE(dt.size() == 1);
    REQUIRE(dt[0]->body.attribute("tags") != nullptr);
    CHECK(dt[0]->body.attribute("tags")->value.kind == ExprKind::Object);

    // variables: type is a bare expression, default a literal
    auto vars = f.body.blocks_of("variable");
    REQUIRE(vars.size() == 2);
    CHECK(same(vars[0]->body.attribute("type")->value, native("string")));
    CHECK(vars[0]->body.attribute("type")->value.kind == ExprKind::Variable);
    CHECK(vars[0]->body.attribute("default")->value.kind == ExprKind::String);
    CHECK(vars[0]->body.attribute("default")->value.text == "eu-west-1");
    CHECK(vars[0]->body.attribute("description")->value.text == "Home region");
    CHECK(same(vars[1]->body.attribute("type")->value, native("list(string)")));
    const Expr& zones = vars[1]->body.attribute("default")->value;
    REQUIRE(zones.kind == ExprKind::Tuple);
    REQUIRE(zones.children.size() == 2);
    CHECK(zones.children[1].kind == ExprKind::String);  // literal: no template in a default
    CHECK(zones.children[1].text == "${b}");

    // locals
    auto locals = f.body.blocks_of("locals");
    REQUIRE(locals.size() == 1);
    CHECK(same(locals[0]->body.attribute("name")->value, native("\"weights-${var.region}\"")));
    CHECK(locals[0]->body.attribute("n")->value.kind == ExprKind::Number);
    CHECK(locals[0]->body.attribute("n")->value.number == 3);
    CHECK(slice(text, locals[0]->body.attribute("n")->range) == "\"n\": 3");

    // resources
    auto resources = f.body.blocks_of("resource");
    REQUIRE(resources.size() == 2);
    const Block& bucket = *resources[0];
    CHECK(bucket.labels == std::vector<std::string>{"aws_s3_bucket", "weights"});
    CHECK(slice(text, bucket.label_ranges[0]) == "\"aws_s3_bucket\"");
    CHECK(slice(text, bucket.header_range) == "\"weights\"");
    CHECK(slice(text, bucket.type_range) == "\"resource\"");
    CHECK(same(bucket.body.attribute("bucket")->value, native("\"${local.name}\"")));
    const Attribute* tags = bucket.body.attribute("tags");
    REQUIRE(tags != nullptr);  // map-typed: an attribute, not a block
    CHECK(same(tags->value, native("{\"Env\" = \"prod\"}")));
    CHECK(slice(text, tags->value.children[0].range) == "\"Env\"");
    const Attribute* prov = bucket.body.attribute("provider");
    REQUIRE(prov != nullptr);
    CHECK(same(prov->value, native("aws.us")));
    CHECK(prov->value.kind == ExprKind::GetAttr);
    CHECK(slice(text, prov->value.range) == "aws.us");
    CHECK(same(bucket.body.attribute("depends_on")->value, native("[aws_iam_role.replication]")));
    auto lc = bucket.body.blocks_of("lifecycle");
    REQUIRE(lc.size() == 1);
    CHECK(same(lc[0]->body.attribute("ignore_changes")->value, native("[tags]")));

    const Block& rep = *resources[1];
    CHECK(rep.labels == std::vector<std::string>{"aws_s3_bucket_replication_configuration", "rep"});
    CHECK(same(rep.body.attribute("role")->value, native("\"${aws_iam_role.replication.arn}\"")));
    auto rules = rep.body.blocks_of("rule");
    REQUIRE(rules.size() == 2);
    CHECK(rules[0]->body.attribute("id")->value.text == "all");
    CHECK(rules[1]->body.attribute("status")->value.text == "Disabled");
    auto dest = rules[0]->body.blocks_of("destination");
    REQUIRE(dest.size() == 1);
    const Expr& dest_bucket = dest[0]->body.attribute("bucket")->value;
    CHECK(same(dest_bucket, native("\"${aws_s3_bucket.replica.arn}\"")));
    CHECK(slice(text, dest_bucket.children[0].range) == "aws_s3_bucket.replica.arn");
    CHECK(rules[1]->body.blocks_of("destination").size() == 1);

    // module call: providers map of references, every other member an attribute
    auto modules = f.body.blocks_of("module");
    REQUIRE(modules.size() == 1);
    const Body& vpc = modules[0]->body;
    CHECK(vpc.blocks.empty());
    CHECK(vpc.attribute("source")->value.text == "./modules/vpc");
    const Expr& pm = vpc.attribute("providers")->value;
    CHECK(same(pm, native("{ aws = aws.eu, aws.west = aws.w }")));
    REQUIRE(pm.children.size() == 4);
    CHECK(slice(text, pm.children[0].range) == "aws");
    CHECK(slice(text, pm.children[1].range) == "aws.eu");
    CHECK(slice(text, pm.children[2].range) == "aws.west");
    REQUIRE(vpc.attribute("settings") != nullptr);
    CHECK(vpc.attribute("settings")->value.kind == ExprKind::Object);

    auto outputs = f.body.blocks_of("output");
    REQUIRE(outputs.size() == 1);
    CHECK(same(outputs[0]->body.attribute("value")->value, native("\"${aws_s3_bucket.weights.arn}\"")));
}

TEST_CASE("tf.json: templates equal native quoted templates") {
    struct Case {
        const char* json;
        const char* hcl;
    };
    const Case cases[] = {
        {R"("plain")", R"("plain")"},
        {R"("")", R"("")"},
        {R"("${var.a}")", R"("${var.a}")"},
        {R"("a-${var.a}-b")", R"("a-${var.a}-b")"},
        {R"("${var.a}\n")", R"("${var.a}\n")"},
        {R"("$${literal}")", R"("$${literal}")"},
        {R"("%{ if var.x }yes%{ else }no%{ endif }")", R"("%{ if var.x }yes%{ else }no%{ endif }")"},
        {R"("%{ for z in var.zones }${z},%{ endfor }")", R"("%{ for z in var.zones }${z},%{ endfor }")"},
        {R"("${lookup(var.m, \"k\", \"d\")}")", R"("${lookup(var.m, "k", "d")}")"},
        {R"("${join(\",\", [for s in var.l : upper(s)])}")", R"("${join(",", [for s in var.l : upper(s)])}")"},
        {R"("${var.a ? \"x${var.b}\" : null}")", R"("${var.a ? "x${var.b}" : null}")"},
        {R"("a ${var.b ~} c")", R"("a ${var.b ~} c")"},
        {R"("${aws_instance.x[*].id}")", R"("${aws_instance.x[*].id}")"},
        {R"(1.5)", R"(1.5)"},
        {R"(true)", R"(true)"},
        {R"(null)", R"(null)"},
        {R"([1, "a", "${b}"])", R"([1, "a", "${b}"])"},
        {R"({"k": "${v}", "n": {"m": 1}})", R"({"k" = "${v}", "n" = {"m" = 1}})"},
    };
    for (const Case& c : cases) {
        INFO(c.json);
        Local l(c.json);
        CHECK(l.file.errors.empty());
        CHECK(same(l.v(), native(c.hcl)));
    }
}

TEST_CASE("tf.json: backslashes in a JSON string are not HCL escapes") {
    // JSON "a\\nb" is the four characters a\nb; Terraform keeps the backslash.
    Local l(R"("a\\nb${x}")");
    REQUIRE(l.v().kind == ExprKind::Template);
    CHECK(l.v().children[0].text == "a\\nb");
    Local m(R"("C:\\dir")");
    CHECK(m.v().text == "C:\\dir");
}

TEST_CASE("tf.json: ranges stay exact across escapes") {
    Local l(R"("\u00e9\"${var.a}\t")");
    const Expr& t = l.v();
    REQUIRE(t.kind == ExprKind::Template);
    CHECK(l.src(t) == R"("\u00e9\"${var.a}\t")");
    REQUIRE(t.children.size() == 3);
    CHECK(t.children[0].text == "\xC3\xA9\"");
    CHECK(l.src(t.children[0]) == R"(\u00e9\")");
    CHECK(l.src(t.children[1]) == "var.a");
    CHECK(t.children[2].text == "\t");
    CHECK(l.src(t.children[2]) == R"(\t)");

    Local s(R"("\ud83d\ude00${a}")");
    REQUIRE(s.v().children.size() == 2);
    CHECK(s.src(s.v().children[0]) == R"(\ud83d\ude00)");
    CHECK(s.src(s.v().children[1]) == "a");
}

TEST_CASE("tf.json: comments, nested blocks, dynamic blocks and meta-arguments") {
    std::string text = R"({
      "resource": {"aws_security_group": {"sg": {
        "//": "ignored",
        "count": 2,
        "for_each": {"a": 1},
        "ingress": [{"from_port": 443}, {"from_port": 80}],
        "dynamic": {"egress": {"for_each": "${var.rules}", "iterator": "r", "content": {"to_port": "${r.value}"}}},
        "provisioner": {"local-exec": {"command": "echo hi"}},
        "lifecycle": {"create_before_destroy": true, "ignore_changes": "all"}
      }}}
    })";
    ParsedFile f = parse_tf_json(kFile, text);
    CHECK(f.errors.empty());
    check_ranges(f.body, text);
    REQUIRE(f.body.blocks.size() == 1);
    const Body& b = f.body.blocks[0].body;
    CHECK(b.attribute("//") == nullptr);
    CHECK(b.attribute("count")->value.kind == ExprKind::Number);
    CHECK(b.attribute("for_each")->value.kind == ExprKind::Object);
    CHECK(b.blocks_of("ingress").size() == 2);
    auto dyn = b.blocks_of("dynamic");
    REQUIRE(dyn.size() == 1);
    CHECK(dyn[0]->labels == std::vector<std::string>{"egress"});
    CHECK(same(dyn[0]->body.attribute("iterator")->value, native("r")));
    auto content = dyn[0]->body.blocks_of("content");
    REQUIRE(content.size() == 1);
    CHECK(same(content[0]->body.attribute("to_port")->value, native("\"${r.value}\"")));
    auto prov = b.blocks_of("provisioner");
    REQUIRE(prov.size() == 1);
    CHECK(prov[0]->labels == std::vector<std::string>{"local-exec"});
    auto lc = b.blocks_of("lifecycle");
    REQUIRE(lc.size() == 1);
    CHECK(lc[0]->body.attribute("create_before_destroy")->value.boolean);
    CHECK(same(lc[0]->body.attribute("ignore_changes")->value, native("all")));
}

TEST_CASE("tf.json: a label level may hold an array of objects") {
    std::string text = R"({"resource": [{"aws_s3_bucket": {"a": {}}}, {"aws_s3_bucket": [{"b": {}}, {"c": {}}]}],
                           "locals": [{"x": 1}, {"y": 2}]})";
    ParsedFile f = parse_tf_json(kFile, text);
    CHECK(f.errors.empty());
    auto res = f.body.blocks_of("resource");
    REQUIRE(res.size() == 3);
    CHECK(res[0]->labels[1] == "a");
    CHECK(res[1]->labels[1] == "b");
    CHECK(res[2]->labels[1] == "c");
    CHECK(f.body.blocks_of("locals").size() == 2);
}

TEST_CASE("tf.json: kubernetes metadata is a block, elsewhere a map") {
    std::string text = R"({"resource": {
        "kubernetes_namespace": {"ns": {"metadata": {"name": "ml", "labels": {"a": "b"}}}},
        "google_compute_instance": {"vm": {"metadata": {"k": "v"}}}}})";
    ParsedFile f = parse_tf_json(kFile, text);
    REQUIRE(f.body.blocks.size() == 2);
    auto md = f.body.blocks[0].body.blocks_of("metadata");
    REQUIRE(md.size() == 1);
    CHECK(md[0]->body.attribute("labels")->value.kind == ExprKind::Object);
    CHECK(f.body.blocks[1].body.attribute("metadata") != nullptr);
}

TEST_CASE("tf.json: errors") {
    {
        std::string text = R"({"resource": {"aws_s3_bucket": {"a": {"bucket": "x",}}}})";
        ParsedFile f = parse_tf_json(kFile, text);
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].range.begin == text.find(",}") + 1);
        CHECK(f.errors[0].message.find("string key") != std::string::npos);
        CHECK(f.body.blocks.empty());
    }
    {
        std::string text = R"({"resource": {"aws_s3_bucket": {"a": "oops", "b": {"bucket": "ok"}}}, "variable": []})";
        ParsedFile f = parse_tf_json(kFile, text);
        REQUIRE(f.errors.size() == 1);
        CHECK(slice(text, f.errors[0].range) == "\"oops\"");
        CHECK(f.errors[0].message == "resource \"aws_s3_bucket\" \"a\": expected a block body object, found a string");
        REQUIRE(f.body.blocks.size() == 1);  // the rest is still converted
        CHECK(f.body.blocks[0].labels[1] == "b");
    }
    {
        std::string text = R"({"resource": {"aws_s3_bucket": []}, "provider": {"aws": 3}})";
        ParsedFile f = parse_tf_json(kFile, text);
        REQUIRE(f.errors.size() == 1);
        CHECK(slice(text, f.errors[0].range) == "3");
    }
    {
        std::string text = "[1]";
        ParsedFile f = parse_tf_json(kFile, text);
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].message.find("JSON object") != std::string::npos);
    }
    {
        std::string text = R"({"locals": {"a": "${var.", "b": "ok"}})";
        ParsedFile f = parse_tf_json(kFile, text);
        CHECK_FALSE(f.errors.empty());
        for (const auto& e : f.errors) slice(text, e.range);
        REQUIRE(f.body.blocks.size() == 1);
        CHECK(f.body.blocks[0].body.attribute("b")->value.text == "ok");
    }
    {
        // A bare expression cannot smuggle in a second attribute.
        std::string text = R"({"resource": {"t": {"n": {"provider": "aws.us\ny = 1"}}}})";
        ParsedFile f = parse_tf_json(kFile, text);
        CHECK_FALSE(f.errors.empty());
        for (const auto& e : f.errors) slice(text, e.range);
    }
}

TEST_CASE("tfvars.json: literal values") {
    std::string text = R"({"//": "c", "region": "${not_a_template}", "zones": ["a", "b"], "n": 2, "on": true,
                           "tags": {"Env": "prod"}, "none": null})";
    ParsedFile f = parse_tfvars_json(kFile, text);
    CHECK(f.errors.empty());
    check_ranges(f.body, text);
    REQUIRE(f.body.attributes.size() == 6);
    const Attribute* region = f.body.attribute("region");
    REQUIRE(region != nullptr);
    CHECK(region->value.kind == ExprKind::String);
    CHECK(region->value.text == "${not_a_template}");
    CHECK(slice(text, region->name_range) == "\"region\"");
    CHECK(slice(text, region->range) == "\"region\": \"${not_a_template}\"");
    CHECK(f.body.attribute("zones")->value.kind == ExprKind::Tuple);
    CHECK(f.body.attribute("n")->value.number == 2);
    CHECK(f.body.attribute("on")->value.boolean);
    const Expr& tags = f.body.attribute("tags")->value;
    REQUIRE(tags.kind == ExprKind::Object);
    CHECK(tags.children[0].kind == ExprKind::String);
    CHECK(slice(text, tags.children[0].range) == "\"Env\"");
    CHECK(f.body.attribute("none")->value.kind == ExprKind::Null);

    ParsedFile bad = parse_tfvars_json(kFile, "{\"a\": ");
    CHECK(bad.errors.size() == 1);
}

TEST_CASE("tf.json: mutated input never crashes and ranges stay inside the file") {
    std::mt19937 rng(99);
    const std::string alphabet = "{}[],:\"\\${}%~ \n.aX0";
    for (int i = 0; i < 400; ++i) {
        std::string text = kConfig;
        int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = rng() % (text.size() + 1);
            if (rng() % 2)
                text.insert(at, 1, alphabet[rng() % alphabet.size()]);
            else if (at < text.size())
                text.erase(at, 1);
        }
        ParsedFile f = parse_tf_json(kFile, text);
        for (const auto& e : f.errors) {
            CHECK(e.range.begin <= e.range.end);
            CHECK(e.range.end <= text.size());
        }
        check_ranges(f.body, text);
    }
}
