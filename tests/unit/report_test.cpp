// Report writers: exact text and JSON, JSON schema conformance, SARIF shape, sanitising, SHA-256.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "report/sanitize.hpp"
#include "report/sha256.hpp"
#include "report/writers.hpp"
#include "support/json_schema.hpp"

using namespace residency;
using nlohmann::json;

namespace {

constexpr std::string_view kMainTf =
    "resource \"aws_s3_bucket\" \"weights\" {\n"
    "  bucket = \"weights-eu\"\n"
    "}\n"
    "\n"
    "resource \"aws_s3_bucket_replication_configuration\" \"weights\" {\n"
    "  role = \"arn:aws:iam::1:role/r\"\n"
    "  rule {\n"
    "    destination {\n"
    "      bucket = aws_s3_bucket.replica.arn\n"
    "    }\n"
    "  }\n"
    "}\n";

constexpr std::string_view kProvidersTf =
    "provider \"aws\" {\n"
    "  alias  = \"us\"\n"
    "  region = \"us-east-1\"\n"
    "}\n";

constexpr std::string_view kRefs[] = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html"};

constexpr RuleMeta kRes101{
    "RES101", "s3-replication-out-of-jurisdiction", "replication", Severity::High,
    "S3 replication to a bucket outside the jurisdiction",
    "Replication copies every object, model weights included, to the destination region.",
    "Replicate to a bucket in a region inside the jurisdiction, or remove the rule.",
    kRefs, {}, "aws_s3_bucket_replication_configuration, aws_s3_bucket", {}, {}};

constexpr RuleMeta kRes201{
    "RES201", "provider-region-outside-jurisdiction", "location", Severity::Medium,
    "Provider region outside the jurisdiction",
    "Every resource of this provider is created in its region.",
    "Set the provider region to one inside the jurisdiction.",
    {}, {}, "provider", {}, {}};

// A range covering the n-th occurrence (0-based) of needle in the file's text.
Range find_range(const SourceSet& sources, FileId file, std::string_view needle, int nth = 0) {
    const std::string& text = sources.get(file).text;
    std::size_t at = text.find(needle);
    while (nth-- > 0) at = text.find(needle, at + 1);
    REQUIRE(at != std::string::npos);
    return {file, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

struct Fixture {
    SourceSet sources;
    Report report;

    Fixture() {
        FileId main = sources.add("main.tf", "/src/main.tf", std::string(kMainTf));
        FileId providers = sources.add("providers.tf", "/src/providers.tf", std::string(kProvidersTf));
        report.tool_version = "0.1.0";
        report.jurisdiction = {{"eu"}, "inferred", "inferred from 2 of 3 located assets in eu"};
        report.sources = &sources;
        report.files = {{main, sha256_hex(kMainTf)}, {providers, sha256_hex(kProvidersTf)}};
        report.rules = {&kRes101, &kRes201};
        report.asset_count = 4;
        report.located_asset_count = 3;

        Finding replication;
        replication.rule_id = "RES101";
        replication.severity = Severity::High;
        replication.message = "S3 bucket \"aws_s3_bucket.weights\" replicates to \"aws_s3_bucket.replica\" in us-east-1 (US), outside eu";
        replication.range = find_range(sources, main, "rule");
        replication.related = {
            {find_range(sources, providers, "\"us-east-1\""), "region us-east-1 <- provider \"aws\" (alias \"us\") region"},
            {find_range(sources, main, "aws_s3_bucket.replica.arn"), "destination bucket"},
        };
        replication.asset = "aws_s3_bucket_replication_configuration.weights";
        replication.fingerprint = "3f2a9c1d5e7b8a60";

        Finding provider;
        provider.rule_id = "RES201";
        provider.severity = Severity::Medium;
        provider.message = "provider \"aws\" (alias \"us\") places resources in us-east-1 (US), outside eu";
        Range block = find_range(sources, providers, "provider");
        block.end = static_cast<std::uint32_t>(kProvidersTf.size() - 1);
        provider.range = block;
        provider.related = {{find_range(sources, providers, "\"us-east-1\""), "region set here"}};
        provider.asset = "provider.aws.us";
        provider.fingerprint = "77aa0c3e19b2d4f5";
        report.findings = {replication, provider};

        Finding unresolved;
        unresolved.rule_id = "RES002";
        unresolved.severity = Severity::Info;
        unresolved.message = "location of aws_s3_bucket.weights is unknown: var.region has no default";
        unresolved.range = find_range(sources, main, "resource");
        unresolved.asset = "aws_s3_bucket.weights";
        unresolved.fingerprint = "0c1d2e3f4a5b6c7d";
        report.diagnostics = {unresolved};
    }
};

constexpr std::string_view kExpectedText =
    "main.tf:7:3  HIGH  RES101  S3 bucket \"aws_s3_bucket.weights\" replicates to \"aws_s3_bucket.replica\" in us-east-1 (US), outside eu\n"
    "    6 |   role = \"arn:aws:iam::1:role/r\"\n"
    "    7 |   rule {\n"
    "      |   ^^^^\n"
    "  = region us-east-1 <- provider \"aws\" (alias \"us\") region (providers.tf:3:12)\n"
    "  = destination bucket (main.tf:9:16)\n"
    "\n"
    "providers.tf:1:1  MEDIUM  RES201  provider \"aws\" (alias \"us\") places resources in us-east-1 (US), outside eu\n"
    "    1 | provider \"aws\" {\n"
    "      | ^^^^^^^^^^^^^^^^\n"
    "  = region set here (providers.tf:3:12)\n"
    "\n"
    "main.tf:1:1  INFO  RES002  location of aws_s3_bucket.weights is unknown: var.region has no default\n"
    "    1 | resource \"aws_s3_bucket\" \"weights\" {\n"
    "      | ^^^^^^^^\n"
    "\n"
    "Jurisdiction: eu (inferred from 2 of 3 located assets in eu)\n"
    "Scanned 2 files, 4 assets (3 located).\n"
    "Found 2 findings (1 high, 1 medium) and 1 diagnostic.\n";

json load_schema() {
    auto path = std::filesystem::path(RESIDENCY_SOURCE_DIR) / "docs" / "json-schema.json";
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
    return json::parse(in);
}

std::vector<std::string> schema_errors(const std::string& document) {
    return test::schema_errors(load_schema(), json::parse(document));
}

}  // namespace

TEST_CASE("sha256 known vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // 55, 56 and 64 bytes: the padding boundaries.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("text output, colour off, is exact") {
    Fixture fx;
    CHECK(write_text(fx.report, {}) == kExpectedText);
    CHECK(write_text(fx.report, {}).find('\x1b') == std::string::npos);
}

TEST_CASE("text output with colour paints severity, rule and carets") {
    Fixture fx;
    std::string out = write_text(fx.report, {.color = true});
    CHECK(out.find("\x1b[1;31mHIGH\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[33mMEDIUM\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[2mINFO\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[1mRES101\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[31m^^^^\x1b[0m") != std::string::npos);
}

TEST_CASE("text summary wording") {
    SourceSet sources;
    Report report;
    report.sources = &sources;
    report.jurisdiction = {{"de"}, "flag", ""};
    CHECK(write_text(report, {}) ==
          "Jurisdiction: de (from --jurisdiction)\n"
          "Scanned 0 files, 0 assets (0 located).\n"
          "Found 0 findings and 0 diagnostics.\n");

    report.policy_path = "infra/residency.yaml";
    report.jurisdiction = {{"ch", "eu"}, "policy", "from infra/residency.yaml"};
    report.asset_count = 1;
    report.located_asset_count = 1;
    FileId f = sources.add("a.tf", "/a.tf", "x\n");
    report.files = {{f, sha256_hex("x\n")}};
    Finding one;
    one.rule_id = "RES201";
    one.severity = Severity::Critical;
    one.message = "m";
    report.findings = {one};
    CHECK(write_text(report, {}) ==
          "CRITICAL  RES201  m\n"
          "\n"
          "Jurisdiction: ch, eu (from infra/residency.yaml)\n"
          "Scanned 1 file, 1 asset (1 located).\n"
          "Found 1 finding (1 critical) and 0 diagnostics.\n");

    report.jurisdiction = {{}, "none", "no located assets"};
    CHECK(write_text(report, {}).find("\nJurisdiction: none (no located assets)\n") != std::string::npos);
}

TEST_CASE("sanitising control characters, bidi overrides and invalid UTF-8") {
    CHECK(sanitize_terminal("a\x1b[2Jb") == "a\\x1b[2Jb");
    CHECK(sanitize_terminal("tab\tkept, nl\n, del\x7f") == "tab\tkept, nl\\x0a, del\\x7f");
    CHECK(sanitize_terminal("x\u202Ey\u2066z\u2069") == "x\\u202ey\\u2066z\\u2069");
    CHECK(sanitize_terminal("c1:\u009b") == "c1:\\u009b");
    CHECK(sanitize_terminal("bad:\xff\xc3(") == "bad:\\xff\\xc3(");
    CHECK(sanitize_terminal("overlong:\xc0\xaf surrogate:\xed\xa0\x80") == "overlong:\\xc0\\xaf surrogate:\\xed\\xa0\\x80");
    CHECK(sanitize_terminal("ok: é € 😀") == "ok: é € 😀");

    // JSON documents: C1 and bidi controls as \u escapes (serialisers escape only C0), the rest kept.
    CHECK(escape_json_invisible("{\"a\": \"x\u202Ey\u009b é \\u001b\"}\n") == "{\"a\": \"x\\u202ey\\u009b é \\u001b\"}\n");
    CHECK(escape_json_invisible("{}\n") == "{}\n");

    CodeLine code = sanitize_code_line("\tx = \"\x1b\"");
    CHECK(code.text == "    x = \"\\x1b\"");
    CHECK(code.columns[1] == 4);  // 'x' after the expanded tab
    CHECK(code.columns[6] == 9);   // ESC, shown as the 4-wide escape
    CHECK(code.columns[7] == 13);  // the closing quote after it
}

TEST_CASE("sanitising arbitrary bytes leaves no control bytes and monotonic columns") {
    std::uint32_t seed = 12345;
    for (int round = 0; round < 200; ++round) {
        std::string bytes;
        for (int i = 0; i < 64; ++i) {
            seed = seed * 1103515245u + 12345u;
            bytes += static_cast<char>(seed >> 16);
        }
        std::string clean = sanitize_terminal(bytes);
        CodeLine code = sanitize_code_line(bytes);
        REQUIRE(code.columns.size() == bytes.size() + 1);
        CHECK(std::is_sorted(code.columns.begin(), code.columns.end()));
        for (const std::string* out : {&clean, &code.text}) {
            std::size_t unsafe = 0;
            for (std::size_t i = 0; i < out->size();) {
                char32_t cp = 0;
                std::size_t len = decode_utf8(*out, i, cp);
                if (len == 0) {  // the output must be valid UTF-8
                    ++unsafe;
                    len = 1;
                }
                bool control = (cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp <= 0x9f);
                bool bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
                unsafe += control || bidi;
                i += len;
            }
            CHECK(unsafe == 0);
        }
    }
}

TEST_CASE("text code frame is sanitised and carets follow expanded tabs") {
    SourceSet sources;
    FileId f = sources.add("evil.tf", "/evil.tf", "a = 1\n\tname = \"\u202Egnp.exe\x1b[0m\"\n");
    Report report;
    report.sources = &sources;
    report.jurisdiction = {{"eu"}, "flag", ""};
    Finding finding;
    finding.rule_id = "RES501";
    finding.severity = Severity::Low;
    finding.message = "asset \"x\x1b]0;pwned\x07\" is untagged";
    const std::string& text = sources.get(f).text;
    auto at = static_cast<std::uint32_t>(text.find("name"));
    finding.range = {f, at, at + 4};
    report.findings = {finding};
    std::string out = write_text(report, {});
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find("\u202E") == std::string::npos);
    CHECK(out.rfind("evil.tf:2:2  LOW  RES501  asset \"x\\x1b]0;pwned\\x07\" is untagged\n"
                    "    1 | a = 1\n"
                    "    2 |     name = \"\\u202egnp.exe\\x1b[0m\"\n"
                    "      |     ^^^^\n"
                    "\n",
                    0) == 0);
}

TEST_CASE("json output is exact for a small report") {
    SourceSet sources;
    FileId f = sources.add("main.tf", "/src/main.tf", "provider \"aws\" {\n  region = \"us-east-1\"\n}\n");
    Report report;
    report.tool_version = "0.1.0";
    report.jurisdiction = {{"eu"}, "flag", "--jurisdiction eu"};
    report.sources = &sources;
    report.files = {{f, sha256_hex(sources.get(f).text)}};
    report.rules = {&kRes201};
    report.asset_count = 1;
    report.located_asset_count = 1;
    Finding finding;
    finding.rule_id = "RES201";
    finding.severity = Severity::Medium;
    finding.message = "provider \"aws\" region us-east-1 is outside eu";
    finding.range = {f, 0, 8};
    finding.related = {{{f, 28, 39}, "region set here"}};  // the quoted "us-east-1"
    finding.asset = "provider.aws";
    finding.fingerprint = "abc123";
    report.findings = {finding};
    Finding diag;
    diag.rule_id = "RES001";
    diag.severity = Severity::Low;
    diag.message = "cannot read x.tf";
    report.diagnostics = {diag};

    const std::string expected = R"({
  "version": "1",
  "tool": {
    "name": "residency",
    "version": "0.1.0"
  },
  "policy": {
    "path": null,
    "jurisdiction": [
      "eu"
    ],
    "jurisdiction_origin": "flag",
    "jurisdiction_explanation": "--jurisdiction eu"
  },
  "summary": {
    "files": 1,
    "assets": 1,
    "located_assets": 1,
    "findings": 1,
    "diagnostics": 1,
    "suppressed": 0,
    "unreported": {},
    "by_severity": {
      "critical": 0,
      "high": 0,
      "medium": 1,
      "low": 0,
      "info": 0
    }
  },
  "findings": [
    {
      "rule": "RES201",
      "name": "provider-region-outside-jurisdiction",
      "family": "location",
      "severity": "medium",
      "message": "provider \"aws\" region us-east-1 is outside eu",
      "root": null,
      "asset": "provider.aws",
      "fingerprint": "abc123",
      "location": {
        "path": "main.tf",
        "start_line": 1,
        "start_column": 1,
        "end_line": 1,
        "end_column": 9
      },
      "related": [
        {
          "message": "region set here",
          "location": {
            "path": "main.tf",
            "start_line": 2,
            "start_column": 12,
            "end_line": 2,
            "end_column": 23
          }
        }
      ]
    }
  ],
  "diagnostics": [
    {
      "rule": "RES001",
      "name": null,
      "family": "diagnostics",
      "severity": "low",
      "message": "cannot read x.tf",
      "root": null,
      "asset": null,
      "fingerprint": "",
      "location": null,
      "related": []
    }
  ],
  "suppressed": [],
  "files": [
    {
      "path": "main.tf",
      "sha256": "2672e0a902d9c3c38797aea03241aabd3d579cb6fa05506e1e8f406e2db004e0"
    }
  ]
}
)";
    CHECK(write_json(report) == expected);
    CHECK(schema_errors(write_json(report)).empty());
}

TEST_CASE("json output of the full fixture conforms to docs/json-schema.json") {
    Fixture fx;
    std::string out = write_json(fx.report);
    auto errors = schema_errors(out);
    for (const auto& e : errors) INFO(e);
    CHECK(errors.empty());

    json doc = json::parse(out);
    CHECK(doc["findings"][0]["family"] == "replication");
    CHECK(doc["findings"][0]["related"][0]["location"]["path"] == "providers.tf");
    CHECK(doc["findings"][1]["location"]["end_line"] == 4);
    CHECK(doc["diagnostics"][0]["name"].is_null());

    // The validator itself must reject what the schema forbids.
    doc["findings"][0]["surprise"] = 1;
    doc["summary"].erase("files");
    doc["findings"][1]["severity"] = "severe";
    CHECK(schema_errors(doc.dump()).size() == 3);
}

TEST_CASE("json never throws on invalid UTF-8 in messages") {
    Fixture fx;
    fx.report.findings[0].message = "bad \xff byte";
    CHECK(write_json(fx.report).find("bad \xef\xbf\xbd byte") != std::string::npos);
}

TEST_CASE("sarif key fields") {
    Fixture fx;
    std::string out = write_sarif(fx.report, "file:///src/");
    json log = json::parse(out);
    CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
    CHECK(log["version"] == "2.1.0");
    REQUIRE(log["runs"].size() == 1);
    const json& run = log["runs"][0];
    CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///src/");
    CHECK(run["columnKind"] == "unicodeCodePoints");

    const json& driver = run["tool"]["driver"];
    CHECK(driver["name"] == "residency");
    CHECK(driver["semanticVersion"] == "0.1.0");
    REQUIRE(driver["rules"].size() == 2);
    const json& rule = driver["rules"][0];
    CHECK(rule["id"] == "RES101");
    CHECK(rule["name"] == "S3ReplicationOutOfJurisdiction");
    CHECK(rule["defaultConfiguration"]["level"] == "error");
    CHECK(rule["properties"]["security-severity"] == "8.0");
    CHECK(rule["properties"]["tags"] == json({"security", "residency", "replication"}));
    CHECK(rule["help"]["markdown"].get<std::string>().find("**How to fix:**") != std::string::npos);
    CHECK_FALSE(rule.contains("helpUri"));

    REQUIRE(run["artifacts"].size() == 2);
    CHECK(run["artifacts"][1]["location"]["uri"] == "providers.tf");
    CHECK(run["artifacts"][1]["hashes"]["sha-256"] == sha256_hex(kProvidersTf));

    REQUIRE(run["results"].size() == 3);
    const json& result = run["results"][0];
    CHECK(result["ruleId"] == "RES101");
    CHECK(result["ruleIndex"] == 0);
    CHECK(result["level"] == "error");
    CHECK(result["message"]["text"].get<std::string>().back() == '.');
    const json& loc = result["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"] == json({{"uri", "main.tf"}, {"uriBaseId", "%SRCROOT%"}, {"index", 0}}));
    CHECK(loc["region"] == json({{"startLine", 7}, {"startColumn", 3}, {"endLine", 7}, {"endColumn", 7},
                                 {"snippet", {{"text", "rule"}}}}));
    CHECK(loc["contextRegion"] == json({{"startLine", 6}, {"startColumn", 1}, {"endLine", 8}, {"endColumn", 18},
                                        {"snippet", {{"text", "  role = \"arn:aws:iam::1:role/r\"\n  rule {\n    destination {"}}}}));
    // A region that is the whole file has no larger context to give.
    const json& whole = run["results"][1]["locations"][0]["physicalLocation"];
    CHECK(whole["region"]["snippet"]["text"] == std::string(kProvidersTf.substr(0, kProvidersTf.size() - 1)));
    CHECK_FALSE(whole.contains("contextRegion"));
    // The last line of the file has no line after it in the context.
    const json& tail = result["relatedLocations"][0]["physicalLocation"];
    CHECK(tail["contextRegion"]["startLine"] == 2);
    CHECK(tail["contextRegion"]["endLine"] == 4);
    CHECK(result["relatedLocations"][0]["id"] == 1);
    CHECK(result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["index"] == 1);
    CHECK(result["partialFingerprints"]["residency/v1"] == "3f2a9c1d5e7b8a60");
    CHECK(run["results"][2]["ruleId"] == "RES002");
    CHECK_FALSE(run["results"][2].contains("ruleIndex"));
    CHECK(run["results"][2]["level"] == "note");

    // Without a root URI the base id stays, described, for the consumer to resolve.
    json bare = json::parse(write_sarif(fx.report));
    CHECK_FALSE(bare["runs"][0]["originalUriBaseIds"]["%SRCROOT%"].contains("uri"));

    // tests/sarif/validate.sh checks this sample with Microsoft's validator.
    if (const char* sample = std::getenv("RESIDENCY_SARIF_SAMPLE")) std::ofstream(sample) << out;
}

TEST_CASE("sarif puts location-less diagnostics in tool execution notifications") {
    Fixture fx;
    Finding unreadable;
    unreadable.rule_id = "RES001";
    unreadable.severity = Severity::Medium;
    unreadable.message = "cannot read modules/net: permission denied";
    fx.report.diagnostics.push_back(unreadable);
    json run = json::parse(write_sarif(fx.report))["runs"][0];
    CHECK(run["results"].size() == 3);
    REQUIRE(run["invocations"].size() == 1);
    CHECK(run["invocations"][0] ==
          json({{"executionSuccessful", true},
                {"toolExecutionNotifications",
                 {{{"descriptor", {{"id", "RES001"}}},
                   {"level", "warning"},
                   {"message", {{"text", "cannot read modules/net: permission denied."}}}}}}}));
    for (const auto& result : run["results"]) CHECK(result.contains("locations"));
}

TEST_CASE("sarif columns count code points and URIs are encoded") {
    SourceSet sources;
    FileId f = sources.add("dir with space/é.tf", "/x", "name = \"é\" # ü\n");
    Report report;
    report.sources = &sources;
    report.files = {{f, sha256_hex(sources.get(f).text)}};
    Finding finding;
    finding.rule_id = "RES501";
    finding.severity = Severity::Low;
    finding.message = "m";
    auto at = static_cast<std::uint32_t>(sources.get(f).text.find('#'));
    finding.range = {f, at, at + 4};  // "# ü": 4 bytes, 3 code points
    report.findings = {finding};
    json log = json::parse(write_sarif(report));
    const json& loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "dir%20with%20space/%C3%A9.tf");
    CHECK(loc["region"]["startColumn"] == 12);  // byte column 13
    CHECK(loc["region"]["endColumn"] == 15);
    CHECK_FALSE(log["runs"][0]["tool"]["driver"].contains("version"));
}

TEST_CASE("writers are deterministic") {
    Fixture a;
    Fixture b;
    CHECK(write_text(a.report, {}) == write_text(b.report, {}));
    CHECK(write_json(a.report) == write_json(b.report));
    CHECK(write_sarif(a.report, "file:///src/") == write_sarif(b.report, "file:///src/"));
}

TEST_CASE("json with suppressed findings and a baseline conforms to docs/json-schema.json") {
    Fixture fx;
    Finding s = fx.report.findings[0];
    s.justification = "approved, PRIV-42";
    s.until = "2027-03-31";
    s.suppressed_at = "providers.tf:1";
    fx.report.suppressed.push_back(s);
    fx.report.baseline_path = ".residency-baseline.json";
    fx.report.baseline_unchanged = 1;
    fx.report.baseline_absent.push_back({"0123", "RES201", "high", ".", "aws_s3_bucket.gone", "main.tf", "gone"});
    std::string out = write_json(fx.report);
    auto errors = schema_errors(out);
    for (const auto& e : errors) INFO(e);
    CHECK(errors.empty());
    json doc = json::parse(out);
    CHECK(doc["suppressed"][0]["until"] == "2027-03-31");
    CHECK(doc["baseline"]["absent"][0]["asset"] == "aws_s3_bucket.gone");
}
