// residency.yaml: the full format, every validation error with its position, YAML bombs, discovery.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "policy/policy.hpp"

using namespace residency;

namespace {

bool known_rule(std::string_view id) {
    return id == "RES205" || id == "RES501" || id == "RES401" || id == "RES101";
}

Policy parse_ok(std::string_view text) {
    auto result = parse_policy("residency.yaml", text, known_rule);
    if (auto* e = std::get_if<PolicyError>(&result))
        FAIL("unexpected error: " << e->to_string());
    return std::get<Policy>(result);
}

std::string parse_error(std::string_view text) {
    auto result = parse_policy("residency.yaml", text, known_rule);
    if (auto* e = std::get_if<PolicyError>(&result))
        return e->to_string();
    return "(no error)";
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("policy: the documented example parses exactly") {
    Policy p = parse_ok(R"(version: 1
jurisdiction: eu              # one or more catalog jurisdictions
allow:
  regions: [eu-central-2]     # extra regions counted as inside
  hosts: [mlflow.corp.example.eu, "*.internal.example.eu"]
require:
  tags: [data-classification, jurisdiction]
  tee: [workloads, node-pools, vms]
  customer_managed_keys: true
rules:
  RES501: { severity: high }
  RES205: off
exclude: ["**/testdata/**"]
)");
    CHECK(p.path == "residency.yaml");
    CHECK(p.version == 1);
    CHECK(p.jurisdictions == Strings{"eu"});
    CHECK(p.allow_regions == Strings{"eu-central-2"});
    CHECK(p.allow_hosts == Strings{"mlflow.corp.example.eu", "*.internal.example.eu"});
    CHECK(p.require_tags == Strings{"data-classification", "jurisdiction"});
    CHECK(p.require_tee == Strings{"node-pools", "vms", "workloads"});
    CHECK(p.require_customer_managed_keys);
    REQUIRE(p.rules.size() == 2);
    CHECK(p.rules[0].rule_id == "RES205");
    CHECK_FALSE(p.rules[0].enabled);
    CHECK_FALSE(p.rules[0].severity.has_value());
    CHECK(p.rules[1].rule_id == "RES501");
    CHECK(p.rules[1].enabled);
    CHECK(p.rules[1].severity == Severity::High);
    CHECK(p.exclude == Strings{"**/testdata/**"});
}

TEST_CASE("policy: block style, optional sections and defaults") {
    Policy p = parse_ok(
        "jurisdiction: de\nallow:\n  regions:\n    - EU-Central-2\n    - eu-central-2\n  hosts:\n"
        "    - MLflow.Example.EU\nrequire:\nrules:\nexclude:\n  - a/**\n  - a/**\n");
    CHECK(p.version == 1);
    CHECK(p.jurisdictions == Strings{"de"});
    CHECK(p.allow_regions == Strings{"eu-central-2"});  // lower-cased, repeats dropped
    CHECK(p.allow_hosts == Strings{"mlflow.example.eu"});
    CHECK(p.require_tags.empty());
    CHECK_FALSE(p.require_customer_managed_keys);
    CHECK(p.require_tee.empty());
    CHECK(p.rules.empty());
    CHECK(p.exclude == Strings{"a/**"});

    Policy minimal = parse_ok("version: 1\n");
    CHECK(minimal.jurisdictions.empty());
    CHECK(minimal.path == "residency.yaml");
}

TEST_CASE("policy: jurisdiction as a scalar or a list, in any case") {
    CHECK(parse_ok("jurisdiction: eu\n").jurisdictions == Strings{"eu"});
    CHECK(parse_ok("jurisdiction: EU\n").jurisdictions == Strings{"eu"});
    CHECK(parse_ok("jurisdiction: [us, EU, de, eu]\n").jurisdictions == Strings{"de", "eu", "us"});
    CHECK(parse_ok("jurisdiction:\n  - De\n").jurisdictions == Strings{"de"});
    CHECK(parse_ok("jurisdiction: \"eu\"\n").jurisdictions == Strings{"eu"});
}

TEST_CASE("policy: rule settings") {
    Policy p = parse_ok(
        "rules:\n  RES101: on\n  res205: false\n  RES401: True\n  RES501: {severity: CRITICAL}\n");
    REQUIRE(p.rules.size() == 4);
    CHECK(p.rules[0].rule_id == "RES101");
    CHECK(p.rules[0].enabled);
    CHECK(p.rules[1].rule_id == "RES205");
    CHECK_FALSE(p.rules[1].enabled);
    CHECK(p.rules[2].rule_id == "RES401");
    CHECK(p.rules[2].enabled);
    CHECK(p.rules[3].severity == Severity::Critical);

    // Without a rule catalogue every ID is taken as it is.
    auto result = parse_policy("p.yaml", "rules:\n  RES999: off\n", {});
    REQUIRE(std::holds_alternative<Policy>(result));
    CHECK(std::get<Policy>(result).rules[0].rule_id == "RES999");
}

TEST_CASE("policy: suppressions.require_reason and rules.<id>.ignorable") {
    Policy p = parse_ok("version: 1\nsuppressions:\n  require_reason: true\nrules:\n  RES101: { ignorable: false, severity: low }\n  RES205: on\n");
    CHECK(p.suppressions_require_reason);
    REQUIRE(p.rules.size() == 2);
    CHECK_FALSE(p.rules[0].ignorable);
    CHECK(p.rules[0].severity == Severity::Low);
    CHECK(p.rules[1].ignorable);
    CHECK_FALSE(parse_ok("version: 1\n").suppressions_require_reason);
    CHECK(parse_error("suppressions: {require_reason: yes}\n") ==
          "residency.yaml:1:32: error: suppressions.require_reason must be true or false, found \"yes\"");
    CHECK(parse_error("suppressions: {expire: true}\n") ==
          "residency.yaml:1:16: error: unknown key \"expire\" in suppressions; expected one of: require_reason");
    CHECK(parse_error("suppressions: true\n") ==
          "residency.yaml:1:15: error: suppressions must be a mapping with keys require_reason, found a string");
    CHECK(parse_error("rules:\n  RES101: { ignorable: [false] }\n") ==
          "residency.yaml:2:24: error: rules.RES101.ignorable must be true or false, found a list");
}

TEST_CASE("policy: every validation error has its position and exact text") {
    struct Case {
        const char* text;
        const char* error;
    };
    const Case cases[] = {
        {"", "residency.yaml: error: policy file is empty"},
        {"# nothing but a comment\n", "residency.yaml: error: policy file is empty"},
        {"version: 1\n# where\njurisdiction: europe\n",
         "residency.yaml:3:15: error: unknown jurisdiction \"europe\"; expected eu, eea or a "
         "country code such as de "
         "(see residency regions)"},
        {"version: 1\njurisdication: eu\n",
         "residency.yaml:2:1: error: unknown key \"jurisdication\"; expected one of: version, "
         "jurisdiction, allow, "
         "require, rules, exclude, suppressions"},
        {"- eu\n",
         "residency.yaml:1:1: error: a policy must be a mapping with keys version, jurisdiction, "
         "allow, require, "
         "rules, exclude, suppressions, found a list"},
        {"eu\n",
         "residency.yaml:1:1: error: a policy must be a mapping with keys version, jurisdiction, "
         "allow, require, "
         "rules, exclude, suppressions, found a string"},
        {"version: 2\n", "residency.yaml:1:10: error: unsupported version \"2\"; expected 1"},
        {"version: \"1\"\n",
         "residency.yaml:1:10: error: version must be the number 1, not a quoted string"},
        {"version: [1]\n", "residency.yaml:1:10: error: version must be 1, found a list"},
        {"version: 1\nversion: 1\n", "residency.yaml:2:1: error: duplicate key \"version\""},
        {"jurisdiction:\n",
         "residency.yaml:1:13: error: jurisdiction must be a jurisdiction code or a list of them, "
         "found nothing"},
        {"jurisdiction: {eu: 1}\n",
         "residency.yaml:1:15: error: jurisdiction must be a jurisdiction code or a list of them, "
         "found a mapping"},
        {"jurisdiction: [eu, [de]]\n",
         "residency.yaml:1:20: error: jurisdiction entries must be strings, found a list"},
        {"jurisdiction: [eu, \"\"]\n",
         "residency.yaml:1:20: error: jurisdiction has an empty entry"},
        {"jurisdiction: [eu, mars]\n",
         "residency.yaml:1:20: error: unknown jurisdiction \"mars\"; expected eu, eea or a country "
         "code such as de "
         "(see residency regions)"},
        {"allow: [eu-central-2]\n",
         "residency.yaml:1:8: error: allow must be a mapping with keys regions, hosts, found a "
         "list"},
        {"allow:\n  region: [eu-central-2]\n",
         "residency.yaml:2:3: error: unknown key \"region\" in allow; expected one of: regions, "
         "hosts"},
        {"allow:\n  regions: eu-central-2\n",
         "residency.yaml:2:12: error: allow.regions must be a list of strings, found a string "
         "(write "
         "[\"eu-central-2\"])"},
        {"allow:\n  hosts: {a: b}\n",
         "residency.yaml:2:10: error: allow.hosts must be a list of strings, found a mapping"},
        {"allow:\n  regions:\n    - eu-west-1\n    - {a: b}\n",
         "residency.yaml:4:7: error: allow.regions entries must be strings, found a mapping"},
        {"allow:\n  regions:\n    - eu\n    -\n",
         "residency.yaml:3:9: error: allow.regions has an empty entry"},
        {"allow:\n  hosts: []\n  hosts: []\n",
         "residency.yaml:3:3: error: duplicate key \"hosts\" in allow"},
        {"require: yes\n",
         "residency.yaml:1:10: error: require must be a mapping with keys tags, tee, "
         "customer_managed_keys, found a string"},
        {"require:\n  labels: [a]\n",
         "residency.yaml:2:3: error: unknown key \"labels\" in require; expected one of: tags, "
         "tee, customer_managed_keys"},
        {"require:\n  customer_managed_keys: sometimes\n",
         "residency.yaml:2:26: error: require.customer_managed_keys must be true or false, found a string"},
        {"require:\n  tee: [vms, pods]\n",
         "residency.yaml:2:14: error: unknown require.tee value \"pods\"; expected one of: "
         "node-pools, vms, "
         "workloads"},
        {"require:\n  tags: data-classification\n",
         "residency.yaml:2:9: error: require.tags must be a list of strings, found a string (write "
         "[\"data-classification\"])"},
        {"rules: [RES205]\n",
         "residency.yaml:1:8: error: rules must be a mapping from rule ID to off, on or { "
         "severity: <level> }, found "
         "a list"},
        {"rules:\n  RES999: off\n",
         "residency.yaml:2:3: error: unknown rule \"RES999\" (residency rules lists them)"},
        {"rules:\n  RES205: disable\n",
         "residency.yaml:2:11: error: rules.RES205 must be off, on or { severity: <level>, ignorable: <true|false> }, found "
         "\"disable\""},
        {"rules:\n  RES205:\n",
         "residency.yaml:2:9: error: rules.RES205 must be off, on or { severity: <level>, ignorable: <true|false> }, found "
         "nothing"},
        {"rules:\n  RES205: {}\n",
         "residency.yaml:2:11: error: rules.RES205 must be off, on or { severity: <level>, ignorable: <true|false> }, found "
         "an empty mapping"},
        {"rules:\n  RES501: { severity: urgent }\n",
         "residency.yaml:2:23: error: unknown severity \"urgent\"; expected one of: info, low, "
         "medium, high, "
         "critical"},
        {"rules:\n  RES501: { level: high }\n",
         "residency.yaml:2:13: error: unknown key \"level\" in rules.RES501; expected one of: "
         "severity, ignorable"},
        {"rules:\n  RES501: { severity: [high] }\n",
         "residency.yaml:2:23: error: rules.RES501.severity must be one of: info, low, medium, "
         "high, critical; "
         "found a list"},
        {"rules:\n  RES205: off\n  res205: on\n",
         "residency.yaml:3:3: error: duplicate rule \"RES205\""},
        {"exclude: \"**/testdata/**\"\n",
         "residency.yaml:1:10: error: exclude must be a list of strings, found a string (write "
         "[\"**/testdata/**\"])"},
        {"exclude: [**/testdata/**]\n",
         "residency.yaml:1:11: error: aliases are not allowed in a policy file (found "
         "**/testdata/**; quote a value "
         "that starts with *)"},
        {"base: &b eu\njurisdiction: *b\n",
         "residency.yaml:2:15: error: aliases are not allowed in a policy file (found *b; quote a "
         "value that starts "
         "with *)"},
        {"version: !!int 1\n",
         "residency.yaml:1:10: error: YAML tags are not allowed in a policy file (found !!int)"},
        {"jurisdiction: !python/object eu\n",
         "residency.yaml:1:15: error: YAML tags are not allowed in a policy file (found "
         "!python/object)"},
        {"version: 1\n---\nversion: 1\n",
         "residency.yaml:2:1: error: a policy file holds one YAML document; found a second one"},
        {"? [a]\n: b\n", "residency.yaml:1:3: error: a key must be a string, found a list"},
        {"jurisdiction: [eu\nversion: 1\n",
         "residency.yaml:3:1: error: flow sequence without a closing bracket"},
        {"\tversion: 1\n", "residency.yaml:1:1: error: invalid tab as indendation in a mapping"},
        {"jurisdiction: \"e\\u0001u\"\n",
         "residency.yaml:1:15: error: unknown jurisdiction \"e\\x01u\"; expected eu, eea or a "
         "country code such as de "
         "(see residency regions)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_error(c.text) == c.error);
    }
}

TEST_CASE("policy: error display without a position") {
    PolicyError e{"conf/residency.yaml", 0, 0, "policy file is empty"};
    CHECK(e.to_string() == "conf/residency.yaml: error: policy file is empty");
    PolicyError at{"residency.yaml", 3, 15, "unknown jurisdiction \"europe\""};
    CHECK(at.to_string() == "residency.yaml:3:15: error: unknown jurisdiction \"europe\"");
}

TEST_CASE("policy: hostile YAML is refused quickly") {
    // Billion laughs: nine levels of nine aliases would expand to 9^9 strings.
    std::string bomb =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        std::string prev(1, static_cast<char>(c - 1));
        bomb += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i)
            bomb += (i ? ",*" : "*") + prev;
        bomb += "]\n";
    }
    std::string deep =
        "jurisdiction: " + std::string(100000, '[') + std::string(100000, ']') + "\n";

    auto start = std::chrono::steady_clock::now();
    CHECK(parse_error(bomb) ==
          "residency.yaml:2:8: error: aliases are not allowed in a policy file (found *a; quote a "
          "value that starts "
          "with *)");
    CHECK(parse_error(deep) ==
          "residency.yaml:1:46: error: the policy nests deeper than 32 levels");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("policy: bytes that are not UTF-8 are refused with their place") {
    // fuzz_policy: libfyaml never returned from a directive followed by such a byte.
    CHECK(parse_error("%\xba\njurisdiction: eu\n") ==
          "residency.yaml:1:2: error: invalid character encoding: byte 0xba is not UTF-8, and YAML must be UTF-8 encoded");
    CHECK(parse_error("jurisdiction: eu\n# caf\xe9\n") ==
          "residency.yaml:2:6: error: invalid character encoding: byte 0xe9 is not UTF-8, and YAML must be UTF-8 encoded");
    CHECK(parse_error("\xff") ==
          "residency.yaml:1:1: error: invalid character encoding: byte 0xff is not UTF-8, and YAML must be UTF-8 encoded");
    CHECK(parse_ok("jurisdiction: eu # caf\xc3\xa9\n").jurisdictions == std::vector<std::string>{"eu"});
}

TEST_CASE("policy: many entries parse in linear time") {
    std::string text = "exclude:\n";
    for (int i = 0; i < 50000; ++i)
        text += "  - \"dir" + std::to_string(i) + "/**\"\n";
    auto start = std::chrono::steady_clock::now();
    CHECK(parse_ok(text).exclude.size() == 50000);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("policy: find_policy walks up to the repository root") {
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / "residency_find_policy_test";
    fs::remove_all(root);
    fs::create_directories(root / "outer" / "repo" / ".git");
    fs::create_directories(root / "outer" / "repo" / "infra" / "modules" / "net");
    fs::create_directories(root / "outer" / "other" / "deep");
    auto touch = [](const fs::path& p) { std::ofstream(p) << "version: 1\n"; };
    touch(root / "outer" / "residency.yaml");  // above the repository: never reached from inside it
    touch(root / "outer" / "repo" / "infra" / "main.tf");
    const fs::path repo = root / "outer" / "repo";

    CHECK_FALSE(find_policy(repo / "infra" / "modules" / "net").has_value());

    touch(repo / "residency.yaml");
    CHECK(find_policy(repo / "infra" / "modules" / "net") == repo / "residency.yaml");
    CHECK(find_policy(repo / "infra" / "main.tf") == repo / "residency.yaml");
    CHECK(find_policy(repo) == repo / "residency.yaml");

    touch(repo / "infra" / "residency.yaml");  // the nearest one wins
    CHECK(find_policy(repo / "infra" / "modules" / "net") == repo / "infra" / "residency.yaml");
    CHECK(find_policy(repo / "infra" / "main.tf") == repo / "infra" / "residency.yaml");
    CHECK(find_policy(repo) == repo / "residency.yaml");

    touch(repo / "infra" / "modules" / ".residency.yaml");  // only the documented name counts
    CHECK(find_policy(repo / "infra" / "modules") == repo / "infra" / "residency.yaml");

    // A worktree or submodule has a .git file; it also bounds the walk.
    fs::create_directories(root / "outer" / "sub" / "x");
    touch(root / "outer" / "sub" / ".git");
    CHECK_FALSE(find_policy(root / "outer" / "sub" / "x").has_value());

    // Outside any repository the walk goes on up (here to the file in outer/).
    CHECK(find_policy(root / "outer" / "other" / "deep") == root / "outer" / "residency.yaml");

    fs::remove_all(root);
}
