// `scan -`: content from standard input scanned under the name --stdin-filename gives it, through
// the same SourceSet every frontend reads from, with the working directory as the scan root.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "frontends/frontends.hpp"
#include "support/project.hpp"

namespace fs = std::filesystem;
using namespace residency;

namespace {

using testing::Project;

// A frontend for YAML as the Kubernetes one reads it: claims by name and first bytes, reads through
// the SourceSet, shows paths through the context. It records what it was given.
class RecordingYaml : public Frontend {
public:
    std::string_view name() const override { return "yaml-test"; }
    std::string_view reads() const override { return "test YAML"; }
    bool claims(const fs::path& file, const std::function<std::string_view()>& head) const override {
        return file.extension() == ".yaml" && head().find("kind:") != std::string_view::npos;
    }
    void load(LoadContext& context) override {
        root = context.root;
        files = context.files;
        for (const auto& f : files) {
            auto text = context.sources.read(f);
            shown.push_back(context.display(f));
            texts.push_back(text ? *text : "<unreadable>");
            context.sources.add(shown.back(), f.string(), texts.back());
        }
        if (auto provided = context.sources.provided_in(files.front().parent_path())) listed = *provided;
    }

    fs::path root;
    std::vector<fs::path> files, listed;
    std::vector<std::string> shown, texts;
};

std::unique_ptr<ScanOutcome> scan_stdin_with(const Project& p, std::string name, std::string text,
                                             std::span<Frontend* const> frontends, std::vector<std::string> paths = {}) {
    ScanOptions o;
    o.stdin_file = InMemoryFile{std::move(name), std::move(text)};
    o.paths = std::move(paths);
    o.jurisdictions = {"eu"};
    fs::path was = fs::current_path();
    fs::current_path(p.dir);
    auto out = run_pipeline(o, frontends);
    fs::current_path(was);
    return out;
}

std::unique_ptr<ScanOutcome> scan_stdin(const Project& p, std::string name, std::string text,
                                        std::vector<std::string> jurisdiction = {"eu"}) {
    ScanOptions o;
    o.stdin_file = InMemoryFile{std::move(name), std::move(text)};
    o.jurisdictions = std::move(jurisdiction);
    fs::path was = fs::current_path();
    fs::current_path(p.dir);
    auto out = run_scan(o);
    fs::current_path(was);
    return out;
}

constexpr const char* kUsBucket = R"(provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "data" {
  bucket = "training-data"
}
)";

}  // namespace

TEST_CASE("stdin: a YAML frontend gets the content in memory under the given name, and nothing beside it") {
    Project p("stdin-yaml");
    p.write("k8s/rendered.yaml", "kind: OnDisk\n");  // the name's file on disk is not what is read
    p.write("k8s/other.yaml", "kind: Beside\n");     // nor is anything beside it
    RecordingYaml yaml;
    Frontend* list[] = {&yaml};
    auto out = scan_stdin_with(p, "k8s/rendered.yaml", "kind: Piped\n", list);
    REQUIRE(out->error.empty());
    CHECK(yaml.root == fs::canonical(p.dir));
    REQUIRE(yaml.files.size() == 1);
    CHECK(yaml.files[0] == (fs::canonical(p.dir) / "k8s" / "rendered.yaml"));
    CHECK(yaml.shown == std::vector<std::string>{"k8s/rendered.yaml"});
    CHECK(yaml.texts == std::vector<std::string>{"kind: Piped\n"});
    CHECK(yaml.listed == yaml.files);
    REQUIRE(out->report.files.size() == 1);
    CHECK(out->sources.get(out->report.files[0].id).path == "k8s/rendered.yaml");
    CHECK(out->notices.empty());
}

TEST_CASE("stdin: the name decides the frontend; content no frontend claims is skipped and said") {
    Project p("stdin-unclaimed");
    RecordingYaml yaml;
    Frontend* list[] = {&yaml};
    auto out = scan_stdin_with(p, "rendered.yaml", "just: text\n", list);  // .yaml, but not what it reads
    CHECK(out->error.empty());
    CHECK(yaml.files.empty());
    CHECK(out->notices == std::vector<std::string>{"skipped rendered.yaml (standard input): no frontend reads it"});
    auto empty = scan_stdin(p, "main.tf", "");
    CHECK(empty->error.empty());
    CHECK(empty->notices == std::vector<std::string>{"standard input is empty"});
    CHECK(empty->report.findings.empty());
}

TEST_CASE("stdin: Terraform read alone from memory, shown as named, with the working directory's policy") {
    Project p("stdin-terraform");
    p.write("residency.yaml", "version: 1\njurisdiction: de\n");
    // On disk beside the name: a different main.tf and a sibling that would fire. Neither is read.
    p.write("infra/main.tf", "resource \"aws_s3_bucket\" \"old\" {\n  bucket = \"x\"\n}\n");
    p.write("infra/other.tf", "resource \"aws_s3_bucket\" \"beside\" {\n  bucket = \"y\"\n}\n");
    p.write("infra/terraform.tfvars", "region = \"us-west-2\"\n");
    auto out = scan_stdin(p, "infra/./main.tf", kUsBucket, {});
    REQUIRE(out->error.empty());
    CHECK(out->report.policy_path == "residency.yaml");
    CHECK(out->report.jurisdiction.codes == std::vector<std::string>{"de"});
    REQUIRE(out->report.findings.size() == 1);
    const Finding& f = out->report.findings[0];
    CHECK(f.rule_id == "RES201");
    CHECK(f.message == "aws_s3_bucket.data is in us-east-1 (US), outside de");
    CHECK(out->sources.get(f.range.file).path == "infra/main.tf");
    CHECK(testing::find_asset(*out, "aws_s3_bucket.old") == nullptr);
    CHECK(testing::find_asset(*out, "aws_s3_bucket.beside") == nullptr);
}

TEST_CASE("stdin: a local module the content calls is read from disk, relative to the name") {
    Project p("stdin-module");
    p.write("modules/bucket/main.tf", "resource \"aws_s3_bucket\" \"this\" {\n  bucket = \"weights\"\n}\n");
    auto out = scan_stdin(p, "main.tf",
                          "provider \"aws\" {\n  region = \"us-east-1\"\n}\n\nmodule \"b\" {\n  source = \"./modules/bucket\"\n}\n");
    REQUIRE(out->error.empty());
    CHECK(testing::asset(*out, "module.b.aws_s3_bucket.this").location.as_string() == "us-east-1");
}

TEST_CASE("stdin: same content, same fingerprint as the file on disk; bad names and paths are errors") {
    Project p("stdin-identity");
    p.write("main.tf", kUsBucket);
    auto disk = p.scan_from({"main.tf"});
    auto piped = scan_stdin(p, "main.tf", kUsBucket);
    REQUIRE(disk->report.findings.size() == 1);
    REQUIRE(piped->report.findings.size() == 1);
    CHECK(disk->report.findings[0].fingerprint == piped->report.findings[0].fingerprint);

    RecordingYaml yaml;
    Frontend* list[] = {&yaml};
    CHECK(scan_stdin_with(p, "main.tf", kUsBucket, list, {"."})->error == "- (standard input) cannot be combined with paths");
    for (std::string bad : {"", ".", "k8s/", "..", "a/.."})
        CHECK_MESSAGE(!scan_stdin(p, bad, kUsBucket)->error.empty(), bad);
}
