// Tests for the plan JSON frontend: provider regions through aliases, variables and module inputs,
// resource-level regions, unknowns with reasons, known-after-apply values and malformed plans.
#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "frontends/terraform/plan/plan_json.hpp"

using namespace residency;

namespace {

constexpr FileId kFile = 5;

struct Loaded {
    std::string text;
    json::ParseResult parsed;
    Graph graph;
    std::vector<terraform::ParseProblem> problems;

    const Asset& asset(std::string_view address) const {
        const Asset* a = graph.find("plan.json", address);
        INFO(address);
        REQUIRE(a != nullptr);
        return *a;
    }
    std::string_view slice(Range r) const {
        REQUIRE(r.file == kFile);
        REQUIRE(r.end <= text.size());
        return std::string_view(text).substr(r.begin, r.end - r.begin);
    }
    std::vector<std::string> labels(const Value& v) const {
        std::vector<std::string> out;
        for (const auto* s : steps(v.provenance)) out.push_back(s->label);
        return out;
    }
};

std::unique_ptr<Loaded> load(std::string text) {
    auto l = std::make_unique<Loaded>();
    l->text = std::move(text);
    l->parsed = json::parse(kFile, l->text);
    INFO(l->parsed.error);
    REQUIRE(l->parsed.ok);
    REQUIRE(terraform::looks_like_plan(l->parsed.root));
    terraform::load_plan(kFile, l->parsed.root, "plan.json", l->graph, l->problems);
    return l;
}

// A plan with one root resource using `provider_key`, the given provider_config and variables.
std::string plan_with(std::string_view provider_configs, std::string_view provider_key, std::string_view variables = "{}") {
    return R"({"format_version": "1.2", "variables": )" + std::string(variables) + R"(,
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
     "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"bucket": "weights"}}]}},
  "configuration": {"provider_config": )" +
           std::string(provider_configs) + R"(,
    "root_module": {"resources": [
      {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
       "provider_config_key": ")" +
           std::string(provider_key) + R"(", "expressions": {"bucket": {"constant_value": "weights"}}}]}}})";
}

}  // namespace

TEST_CASE("plan json: an aliased provider with a constant region") {
    auto l = load(plan_with(R"({
      "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}},
      "aws.us": {"name": "aws", "alias": "us", "expressions": {"region": {"constant_value": "us-east-1"}}}})",
                            "aws.us"));
    CHECK(l->problems.empty());
    const Asset& a = l->asset("aws_s3_bucket.b");
    CHECK(a.root == "plan.json");
    CHECK(a.type == "aws_s3_bucket");
    CHECK(a.mode == AssetMode::Managed);
    CHECK(a.cloud == "aws");
    CHECK(a.provider_config == "aws.us");
    CHECK(l->slice(a.header_range) == "\"aws_s3_bucket.b\"");
    CHECK(l->slice(a.range).starts_with("{\"address\": \"aws_s3_bucket.b\""));
    REQUIRE(a.location.is_string());
    CHECK(a.location.as_string() == "us-east-1");
    CHECK_FALSE(a.location_from_asset);
    CHECK(l->labels(a.location) == std::vector<std::string>{"provider \"aws\" (alias \"us\") region"});
    CHECK(l->slice(steps(a.location.provenance)[0]->range) == "\"us-east-1\"");
    const Value* bucket = a.attributes.get("bucket");
    REQUIRE(bucket);
    CHECK(bucket->as_string() == "weights");
    CHECK(l->slice(bucket->range) == "\"weights\"");
}

TEST_CASE("plan json: a provider region that refers to a root variable") {
    auto l = load(plan_with(R"({"aws.dr": {"name": "aws", "alias": "dr", "expressions": {"region": {"references": ["var.dr_region"]}}}})",
                            "aws.dr", R"({"dr_region": {"value": "us-west-2"}})"));
    const Asset& a = l->asset("aws_s3_bucket.b");
    REQUIRE(a.location.is_string());
    CHECK(a.location.as_string() == "us-west-2");
    CHECK(l->labels(a.location) == std::vector<std::string>{"provider \"aws\" (alias \"dr\") region", "var.dr_region"});
    auto s = steps(a.location.provenance);
    CHECK(l->slice(s[0]->range) == "\"var.dr_region\"");
    CHECK(l->slice(s[1]->range) == "\"us-west-2\"");
}

TEST_CASE("plan json: an indexed variable reference and a map that a function picks from") {
    auto indexed = load(plan_with(R"({"aws": {"name": "aws", "expressions": {"region": {"references": ["var.regions[\"eu\"]", "var.regions"]}}}})",
                                  "aws", R"({"regions": {"value": {"eu": "eu-west-3", "us": "us-east-2"}}})"));
    const Asset& a = indexed->asset("aws_s3_bucket.b");
    REQUIRE(a.location.is_string());
    CHECK(a.location.as_string() == "eu-west-3");

    auto whole = load(plan_with(R"({"aws": {"name": "aws", "expressions": {"region": {"references": ["var.regions"]}}}})", "aws",
                                R"({"regions": {"value": {"eu": "eu-west-3"}}})"));
    const Asset& b = whole->asset("aws_s3_bucket.b");
    REQUIRE(b.location.is_unknown());
    CHECK(b.location.unknown_reason() ==
          "provider \"aws\" region is a map, not a region name: plan JSON does not record how the expression picks from it");
}

TEST_CASE("plan json: a module provider whose region comes through a module input from a root variable") {
    auto l = load(R"({"format_version": "1.2",
  "variables": {"x": {"value": "eu-central-1"}},
  "planned_values": {"root_module": {"child_modules": [
    {"address": "module.logs", "resources": [
      {"address": "module.logs.aws_s3_bucket.this", "mode": "managed", "type": "aws_s3_bucket", "name": "this",
       "values": {"bucket": "logs"}}]},
    {"address": "module.shared[\"a\"]", "resources": [
      {"address": "module.shared[\"a\"].aws_s3_bucket.this", "mode": "managed", "type": "aws_s3_bucket", "name": "this",
       "index": "a", "values": {"bucket": "shared-a"}}]}]}},
  "configuration": {
    "provider_config": {
      "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}},
      "module.logs:aws": {"name": "aws", "module_address": "module.logs",
                          "expressions": {"region": {"references": ["var.region"]}}}},
    "root_module": {"module_calls": {
      "logs": {"source": "./logs", "expressions": {"region": {"references": ["var.x"]}},
               "module": {"resources": [{"address": "aws_s3_bucket.this", "mode": "managed", "type": "aws_s3_bucket",
                                         "name": "this", "provider_config_key": "module.logs:aws"}]}},
      "shared": {"source": "./shared", "for_each_expression": {"references": ["local.names"]},
                 "module": {"resources": [{"address": "aws_s3_bucket.this", "mode": "managed", "type": "aws_s3_bucket",
                                           "name": "this", "provider_config_key": "module.shared:aws"}]}}}}}})");
    CHECK(l->problems.empty());
    const Asset& logs = l->asset("module.logs.aws_s3_bucket.this");
    REQUIRE(logs.location.is_string());
    CHECK(logs.location.as_string() == "eu-central-1");
    CHECK(logs.provider_config == "aws");
    CHECK(l->labels(logs.location) ==
          std::vector<std::string>{"module.logs provider \"aws\" region", "module.logs input region", "var.x"});
    // No provider block in the module: the key names no entry, and the root's default applies.
    const Asset& shared = l->asset("module.shared[\"a\"].aws_s3_bucket.this");
    REQUIRE(shared.location.is_string());
    CHECK(shared.location.as_string() == "eu-west-1");
    CHECK(l->labels(shared.location) == std::vector<std::string>{"provider \"aws\" region"});
}

TEST_CASE("plan json: module inputs that are unset fall back to the module's default") {
    auto l = load(R"({"format_version": "1.2",
  "planned_values": {"root_module": {"child_modules": [{"address": "module.m", "resources": [
      {"address": "module.m.aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue", "name": "q", "values": {}}]}]}},
  "configuration": {
    "provider_config": {"module.m:aws": {"name": "aws", "module_address": "module.m",
                                         "expressions": {"region": {"references": ["var.region"]}}}},
    "root_module": {"module_calls": {"m": {"source": "./m", "module": {
        "resources": [{"address": "aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue", "name": "q",
                       "provider_config_key": "module.m:aws"}],
        "variables": {"region": {"default": "eu-south-1"}}}}}}}})");
    const Asset& q = l->asset("module.m.aws_sqs_queue.q");
    REQUIRE(q.location.is_string());
    CHECK(q.location.as_string() == "eu-south-1");
    CHECK(l->labels(q.location) == std::vector<std::string>{"module.m provider \"aws\" region", "module.m var.region default"});
}

TEST_CASE("plan json: a resource's own region in its values") {
    auto l = load(R"({"format_version": "1.2",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_s3_bucket.own", "mode": "managed", "type": "aws_s3_bucket", "name": "own",
     "values": {"bucket": "own", "region": "eu-north-1"}},
    {"address": "aws_s3_bucket.inherited", "mode": "managed", "type": "aws_s3_bucket", "name": "inherited",
     "values": {"bucket": "inherited", "region": "eu-west-1"}},
    {"address": "google_storage_bucket.g", "mode": "managed", "type": "google_storage_bucket", "name": "g",
     "values": {"name": "g", "location": "EU"}}]}},
  "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}},
    "root_module": {"resources": [
      {"address": "aws_s3_bucket.own", "mode": "managed", "type": "aws_s3_bucket", "name": "own",
       "provider_config_key": "aws", "expressions": {"region": {"constant_value": "eu-north-1"}}},
      {"address": "aws_s3_bucket.inherited", "mode": "managed", "type": "aws_s3_bucket", "name": "inherited",
       "provider_config_key": "aws", "expressions": {"bucket": {"constant_value": "inherited"}}},
      {"address": "google_storage_bucket.g", "mode": "managed", "type": "google_storage_bucket", "name": "g",
       "provider_config_key": "google", "expressions": {"location": {"constant_value": "EU"}}}]}}})");
    const Asset& own = l->asset("aws_s3_bucket.own");
    CHECK(own.location.as_string() == "eu-north-1");
    CHECK(own.location_from_asset);
    CHECK(l->labels(own.location) == std::vector<std::string>{"aws_s3_bucket.own region"});
    CHECK(l->slice(own.location.range) == "\"eu-north-1\"");
    // AWS provider v6 writes the provider's region into every resource's values.
    const Asset& inherited = l->asset("aws_s3_bucket.inherited");
    CHECK(inherited.location.as_string() == "eu-west-1");
    CHECK_FALSE(inherited.location_from_asset);
    const Asset& g = l->asset("google_storage_bucket.g");
    CHECK(g.cloud == "google");
    CHECK(g.location.as_string() == "EU");
    CHECK(g.location_from_asset);
}

TEST_CASE("plan json: unresolvable provider regions are unknown with the reason") {
    auto local = load(plan_with(R"({"aws.us": {"name": "aws", "alias": "us", "expressions": {"region": {"references": ["local.region"]}}}})",
                                "aws.us"));
    const Asset& a = local->asset("aws_s3_bucket.b");
    REQUIRE(a.location.is_unknown());
    CHECK(a.location.unknown_reason() == "provider \"aws\" (alias \"us\") region refers to local.region, which plan JSON does not record");
    CHECK(local->slice(a.location.range) == "\"local.region\"");
    CHECK(local->labels(a.location) == std::vector<std::string>{"provider \"aws\" (alias \"us\") region"});

    auto missing = load(plan_with(R"({"aws": {"name": "aws", "expressions": {"region": {"references": ["var.nope"]}}}})", "aws"));
    CHECK(missing->asset("aws_s3_bucket.b").location.unknown_reason() == "var.nope has no value in the plan's variables");

    auto combined = load(plan_with(R"({"aws": {"name": "aws", "expressions": {"region": {"references": ["var.a", "var.b"]}}}})", "aws",
                                   R"({"a": {"value": "eu"}, "b": {"value": "west-1"}})"));
    CHECK(combined->asset("aws_s3_bucket.b").location.unknown_reason() ==
          "provider \"aws\" region combines var.a, var.b, and plan JSON records only which values an expression uses, not how");

    auto unset = load(plan_with(R"({"aws": {"name": "aws", "expressions": {"profile": {"constant_value": "ml"}}}})", "aws"));
    CHECK(unset->asset("aws_s3_bucket.b").location.is_null());
}

TEST_CASE("plan json: values known only after apply stay unknown and keep the resource they refer to") {
    auto l = load(R"({"format_version": "1.2",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_s3_bucket.replica", "mode": "managed", "type": "aws_s3_bucket", "name": "replica",
     "values": {"bucket": "replica"}},
    {"address": "aws_s3_bucket_replication_configuration.r", "mode": "managed",
     "type": "aws_s3_bucket_replication_configuration", "name": "r",
     "values": {"rule": [{"id": "all", "destination": [{"storage_class": null}]}]}},
    {"address": "aws_s3_bucket.gone", "mode": "managed", "type": "aws_s3_bucket", "name": "gone", "values": {}}]}},
  "resource_changes": [
    {"address": "aws_s3_bucket_replication_configuration.r",
     "change": {"actions": ["create"], "after_unknown": {"id": true, "rule": [{"destination": [{"bucket": true}]}]}}},
    {"address": "aws_s3_bucket.gone", "change": {"actions": ["delete"]}}],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_s3_bucket_replication_configuration.r", "mode": "managed",
     "type": "aws_s3_bucket_replication_configuration", "name": "r", "provider_config_key": "aws",
     "expressions": {"rule": [{"id": {"constant_value": "all"},
       "destination": [{"bucket": {"references": ["aws_s3_bucket.replica.arn", "aws_s3_bucket.replica"]}}]}]}}]}}})");
    CHECK(l->problems.empty());
    CHECK(l->graph.find("plan.json", "aws_s3_bucket.gone") == nullptr);
    const Asset& r = l->asset("aws_s3_bucket_replication_configuration.r");
    const Value* id = r.attributes.get("id");
    REQUIRE(id);
    CHECK(id->is_unknown());
    const Value& dest = r.attributes.get("rule")->items()[0].get("destination")->items()[0];
    const Value* bucket = dest.get("bucket");
    REQUIRE(bucket);
    REQUIRE(bucket->is_unknown());
    CHECK(bucket->unknown_reason() == "aws_s3_bucket_replication_configuration.r.rule[0].destination[0].bucket is known only after apply");
    CHECK(bucket->ref_asset == "aws_s3_bucket.replica");
    CHECK(l->slice(bucket->range) == "\"aws_s3_bucket.replica.arn\"");
    CHECK(dest.get("storage_class")->is_null());
}

TEST_CASE("plan json: state JSON records no provider configuration") {
    auto l = load(R"({"format_version": "1.0", "terraform_version": "1.9.0", "values": {"root_module": {"resources": [
    {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "values": {"bucket": "b"}},
    {"address": "data.aws_region.current", "mode": "data", "type": "aws_region", "name": "current",
     "values": {"name": "eu-west-1", "region": "eu-west-1"}}]}}})");
    const Asset& b = l->asset("aws_s3_bucket.b");
    REQUIRE(b.location.is_unknown());
    CHECK(b.location.unknown_reason() ==
          "aws_s3_bucket.b takes its region from its provider, and this file records no provider configuration");
    const Asset& d = l->asset("data.aws_region.current");
    CHECK(d.mode == AssetMode::Read);
    CHECK(d.location.as_string() == "eu-west-1");
}

TEST_CASE("plan json: recognising plans") {
    auto is_plan = [](std::string_view text) {
        auto r = json::parse(kFile, text);
        REQUIRE(r.ok);
        return terraform::looks_like_plan(r.root);
    };
    CHECK(is_plan(R"({"format_version": "1.2", "planned_values": {}})"));
    CHECK(is_plan(R"({"format_version": "1.0", "values": {"root_module": {}}})"));
    CHECK_FALSE(is_plan(R"({"resource": {"aws_s3_bucket": {"b": {}}}})"));
    CHECK_FALSE(is_plan(R"({"format_version": 1, "planned_values": {}})"));
    CHECK_FALSE(is_plan(R"({"format_version": "1.0"})"));
    CHECK_FALSE(is_plan(R"([1, 2])"));
}

TEST_CASE("plan json: structurally wrong plans are problems, and loading goes on") {
    auto l = load(R"({"format_version": "1.2",
  "resource_changes": {"oops": 1},
  "planned_values": {"root_module": {"resources": [
      7,
      {"mode": "managed", "type": "aws_s3_bucket", "name": "x"},
      {"address": "aws_s3_bucket.notype", "mode": "managed"},
      {"address": "aws_s3_bucket.mode", "mode": "weird", "type": "aws_s3_bucket", "name": "mode"},
      {"address": "aws_s3_bucket.vals", "mode": "managed", "type": "aws_s3_bucket", "name": "vals", "values": [1]},
      {"address": "aws_s3_bucket.ok", "mode": "managed", "type": "aws_s3_bucket", "name": "ok", "values": {"bucket": "ok"}},
      {"address": "aws_s3_bucket.ok", "mode": "managed", "type": "aws_s3_bucket", "name": "ok", "values": {}}],
    "child_modules": {"address": "module.m"}}},
  "configuration": {"provider_config": [], "root_module": "x"}})");
    std::vector<std::string> messages;
    for (const auto& p : l->problems) {
        CHECK(p.range.file == kFile);
        messages.push_back(p.message);
    }
    CHECK(messages == std::vector<std::string>{
                          "plan JSON: \"provider_config\" must be an object",
                          "plan JSON: \"configuration.root_module\" must be an object",
                          "plan JSON: \"resource_changes\" must be an array",
                          "plan JSON: a resource must be an object",
                          "plan JSON: a resource has no \"address\" string",
                          "plan JSON: resource aws_s3_bucket.notype has no \"type\" or \"name\" string",
                          "plan JSON: resource aws_s3_bucket.mode has mode \"weird\", expected \"managed\" or \"data\"",
                          "plan JSON: the \"values\" of aws_s3_bucket.vals must be an object",
                          "plan JSON: resource aws_s3_bucket.ok appears more than once",
                          "plan JSON: \"child_modules\" must be an array",
                      });
    CHECK(l->graph.find("plan.json", "aws_s3_bucket.ok") != nullptr);
    CHECK(l->graph.find("plan.json", "aws_s3_bucket.vals") != nullptr);
    CHECK(l->slice(l->problems[3].range) == "7");

    auto future = json::parse(kFile, R"({"format_version": "2.0", "planned_values": {"root_module": {}}})");
    Graph g;
    std::vector<terraform::ParseProblem> problems;
    terraform::load_plan(kFile, future.root, "p", g, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "plan JSON: format_version \"2.0\" is not supported (expected 0.x or 1.x)");
    CHECK(g.assets.empty());

    auto garbage = json::parse(kFile, R"({"format_version": "1.0", "planned_values": 3})");
    problems.clear();
    terraform::load_plan(kFile, garbage.root, "p", g, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "plan JSON: \"planned_values\" must be an object");
}

TEST_CASE("plan json: mutated plans never crash the loader") {
    // Every object and array swapped, one at a time, for values of other kinds keeps the document
    // valid JSON while breaking the plan's structure in every place.
    const std::string base = plan_with(R"({"aws.us": {"name": "aws", "alias": "us", "expressions": {"region": {"references": ["var.r[0]"]}}}})",
                                       "aws.us", R"({"r": {"value": ["eu-west-1"]}})");
    const char* replacements[] = {"null", "7", "\"x\"", "[]", "{}", "[{\"references\": [\"var.r\"]}]", "true"};
    std::mt19937 rng(42);
    int loaded = 0;
    for (int round = 0; round < 400; ++round) {
        std::string text = base;
        for (int edits = 0; edits < 3; ++edits) {
            std::size_t pos = rng() % text.size();
            while (pos < text.size() && text[pos] != '{' && text[pos] != '[' && text[pos] != '"') ++pos;
            if (pos >= text.size()) continue;
            // The value starting at `pos`, found by the parser's own ranges.
            auto whole = json::parse(kFile, text);
            if (!whole.ok) break;
            std::function<const json::Node*(const json::Node&)> at = [&](const json::Node& n) -> const json::Node* {
                if (n.range.begin == pos) return &n;
                for (const auto& i : n.items)
                    if (auto* f = at(i)) return f;
                for (const auto& [k, v] : n.members)
                    if (auto* f = at(v)) return f;
                return nullptr;
            };
            if (const json::Node* n = at(whole.root))
                text = text.substr(0, n->range.begin) + replacements[rng() % std::size(replacements)] + text.substr(n->range.end);
        }
        auto parsed = json::parse(kFile, text);
        if (!parsed.ok) continue;
        Graph g;
        std::vector<terraform::ParseProblem> problems;
        terraform::load_plan(kFile, parsed.root, "p", g, problems);
        for (const auto& p : problems) CHECK(p.range.end <= text.size());
        ++loaded;
    }
    CHECK(loaded > 300);
}
