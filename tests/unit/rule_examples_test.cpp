// Runs every rule's inline examples through the real scan: in a bad example exactly the lines
// marked `# expect: RESxxx` fire; a good example produces nothing at all.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "engine/rule.hpp"
#include "engine/rule_docs.hpp"
#include "frontends/frontends.hpp"
#include "support/marks.hpp"

namespace fs = std::filesystem;
using namespace residency;
using residency::test::Mark;

namespace {

struct ExampleDir {
    fs::path dir;
    explicit ExampleDir(std::string_view name) {
        dir = fs::temp_directory_path() / fmt::format("residency-example-{}-{}", name, ::getpid());
        fs::remove_all(dir);
        fs::create_directories(dir / ".git");  // stops the policy search here
    }
    ~ExampleDir() { fs::remove_all(dir); }
};

std::set<Mark> expected_marks(const std::vector<ExampleFile>& files) {
    std::set<Mark> marks;
    for (const auto& f : files) test::collect_marks(f.path, f.text, marks);
    return marks;
}

std::set<Mark> actual_marks(const ScanOutcome& out, const fs::path& dir) {
    std::set<Mark> marks;
    for (const auto* list : {&out.report.findings, &out.report.diagnostics})
        for (const auto& f : *list) {
            const SourceFile& file = out.sources.get(f.range.file);
            std::string rel = fs::path(file.abs_path).lexically_relative(dir).generic_string();
            marks.emplace(rel, file.line_col(f.range.begin).line, f.rule_id);
        }
    return marks;
}

void run_example(const RuleMeta& meta, const RuleExample& ex, bool bad) {
    ExampleDir tmp(meta.id);
    auto files = split_example(ex.source);
    for (const auto& f : files) {
        fs::create_directories((tmp.dir / f.path).parent_path());
        std::ofstream(tmp.dir / f.path, std::ios::binary) << f.text;
    }
    ScanOptions options;
    options.paths = {tmp.dir.string()};
    // An example that brings no policy is judged against the EU, so it need not repeat one.
    bool has_policy = std::any_of(files.begin(), files.end(), [](const ExampleFile& f) { return f.path == "residency.yaml"; });
    if (!has_policy) options.jurisdictions = {"eu"};
    auto out = run_scan(options);
    const std::string what = std::string(meta.id) + (bad ? " bad" : " good") + " example \"" + std::string(ex.title) + "\"";
    INFO(what);
    REQUIRE(out->error == "");
    auto expected = expected_marks(files);
    auto actual = actual_marks(*out, tmp.dir);
    INFO("expected:\n", test::show_marks(expected), "actual:\n", test::show_marks(actual));
    CHECK(expected == actual);
    if (bad) {
        bool fires = false;
        for (const auto& [file, line, rule] : expected) fires = fires || rule == meta.id;
        CHECK_MESSAGE(fires, "a bad example must expect its own rule");
    }
}

}  // namespace

TEST_CASE("every rule has examples and they behave as marked") {
    for (const auto& rule : all_rules()) {
        const RuleMeta& meta = *rule.meta;
        CAPTURE(meta.id);
        CHECK(!meta.bad.empty());
        CHECK(!meta.good.empty());
        for (const auto& ex : meta.bad) run_example(meta, ex, true);
        for (const auto& ex : meta.good) run_example(meta, ex, false);
    }
}

TEST_CASE("rule metadata is complete and the list is sorted") {
    std::string previous;
    for (const auto& rule : all_rules()) {
        const RuleMeta& m = *rule.meta;
        CAPTURE(m.id);
        CHECK(std::string(m.id) > previous);
        previous = m.id;
        CHECK(m.id.size() == 6);
        CHECK(family_of(m.id) == m.family);
        CHECK(!m.name.empty());
        CHECK(m.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos);
        CHECK(!m.title.empty());
        CHECK(!m.why.empty());
        CHECK(!m.fix.empty());
        CHECK(!m.references.empty());
        CHECK(!m.reads.empty());
        CHECK(find_rule(m.id) == &rule);
    }
}
