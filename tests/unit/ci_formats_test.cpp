// The CI writers' escaping: hostile paths and messages cannot break out of a GitHub workflow
// command, a JUnit XML attribute or a Markdown summary. (Whole outputs: tests/formats/.)
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "report/writers.hpp"

using namespace residency;

namespace {

struct Hostile {
    SourceSet sources;
    Report report;
    Hostile() {
        FileId file = sources.add("a:b,c%d.tf", "/src/a:b,c%d.tf", "resource \"x\" \"y\" {}\n");
        report.sources = &sources;
        Finding f;
        f.rule_id = "RES201";
        f.severity = Severity::Critical;
        f.message = "100% <b>bad</b> | `x` & \"q\"\r\n::error::injected\x01";
        f.range = {file, 0, 8};
        f.related = {{{file, 9, 12}, "set *here*, [link](http://e)"}};
        f.fingerprint = "f";
        report.findings = {f};
    }
};

}  // namespace

TEST_CASE("github annotations escape data and properties as @actions/core does") {
    Hostile h;
    std::string out = write_github(h.report);
    CHECK(out ==
          "::error file=a%3Ab%2Cc%25d.tf,line=1,col=1,endLine=1,endColumn=9,title=RES201::"
          "100%25 <b>bad</b> | `x` & \"q\"%0D%0A::error::injected\\x01%0A= set *here*, [link](http://e) (a:b,c%25d.tf:1)\n");
    // One line per annotation: a message cannot start a second command.
    CHECK(std::count(out.begin(), out.end(), '\n') == 1);
}

TEST_CASE("junit escapes markup and control characters") {
    Hostile h;
    std::string out = write_junit(h.report);
    CHECK(out.find("&lt;b&gt;bad&lt;/b&gt;") != std::string::npos);
    CHECK(out.find("&amp;") != std::string::npos);
    CHECK(out.find("&quot;q&quot;&#13;&#10;") != std::string::npos);
    CHECK(out.find("\\x01") != std::string::npos);
    CHECK(out.find('\x01') == std::string::npos);
    CHECK(out.find("<b>") == std::string::npos);
}

TEST_CASE("markdown cannot open HTML, tables or links") {
    Hostile h;
    std::string out = write_markdown(h.report);
    CHECK(out.find("<b>") == std::string::npos);
    CHECK(out.find("100% &lt;b&gt;bad&lt;/b&gt; \\| \\`x\\` &amp; \"q\"") != std::string::npos);
    CHECK(out.find("set \\*here\\*, \\[link\\](http://e) (`a:b,c%d.tf:1`)") != std::string::npos);
    CHECK(out.find("\r") == std::string::npos);
}

TEST_CASE("gitlab maps severities and ids are stable") {
    Hostile h;
    std::string a = write_gitlab(h.report);
    CHECK(a.find("\"severity\": \"Critical\"") != std::string::npos);
    CHECK(a == write_gitlab(h.report));
}

TEST_CASE("markdown lists the 20 most severe findings and says how many more there are") {
    Hostile h;
    Finding base = h.report.findings.front();
    h.report.findings.clear();
    for (int i = 0; i < 23; ++i) {
        Finding f = base;
        f.severity = i == 22 ? Severity::High : Severity::Low;
        f.message = "finding " + std::to_string(i);
        h.report.findings.push_back(f);
    }
    std::string out = write_markdown(h.report);
    CHECK(out.find("### Top 20 findings") != std::string::npos);
    CHECK(out.find("1. **HIGH** `RES201` `a:b,c%d.tf:1`: finding 22\n") != std::string::npos);  // most severe first
    CHECK(out.find("20. **LOW** `RES201` `a:b,c%d.tf:1`: finding 18\n") != std::string::npos);
    CHECK(out.find("finding 19\n") == std::string::npos);
    CHECK(out.find("\n…and 3 more findings not shown.\n") != std::string::npos);
}
