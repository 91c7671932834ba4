// Source line index, values and provenance, the graph's address index, severities.
#include <doctest/doctest.h>

#include "core/finding.hpp"
#include "core/graph.hpp"
#include "core/source.hpp"
#include "core/value.hpp"

using namespace residency;

TEST_CASE("line index maps offsets to 1-based line and column, lazily and at the edges") {
    SourceSet set;
    FileId id = set.add("main.tf", "/x/main.tf", "ab\r\ncd\n\nef");
    const SourceFile& f = set.get(id);
    CHECK(f.line_col(0).line == 1);
    CHECK(f.line_col(0).column == 1);
    CHECK(f.line_col(4).line == 2);
    CHECK(f.line_col(5).column == 2);
    CHECK(f.line_col(8).line == 4);
    CHECK(f.line_col(1000).line == 4);  // past the end clamps to the last line
    CHECK(f.line_text(1) == "ab");      // \r stripped
    CHECK(f.line_text(3) == "");
    CHECK(f.line_text(4) == "ef");
    CHECK(f.line_text(9) == "");
    CHECK(f.line_count() == 4);
    CHECK(set.find("main.tf") == id);
    CHECK(set.find("other.tf") == kNoFile);
}

TEST_CASE("empty file has one line") {
    SourceSet set;
    const SourceFile& f = set.get(set.add("e.tf", "", ""));
    CHECK(f.line_count() == 1);
    CHECK(f.line_col(0).line == 1);
}

TEST_CASE("values: kinds, display, structural equality, unknown is never equal") {
    Value list = Value::list({Value::string("a"), Value::number(3), Value::boolean(true), Value::null()});
    CHECK(list.display() == "[\"a\", 3, true, null]");
    CHECK(Value::number(2.5).display() == "2.5");
    Value obj = Value::object({{"b", Value::number(1)}, {"a", Value::string("x")}});
    CHECK(obj.display() == "{a = \"x\", b = 1}");  // keys sorted
    CHECK(obj.get("a")->as_string() == "x");
    CHECK(obj.get("zz") == nullptr);
    CHECK(same_data(list, Value::list({Value::string("a"), Value::number(3), Value::boolean(true), Value::null()})));
    CHECK_FALSE(same_data(Value::unknown("x"), Value::unknown("x")));
    CHECK(Value::list({Value::unknown("later")}).contains_unknown());
    CHECK_FALSE(obj.contains_unknown());
    CHECK(Value::string("x").items().empty());  // wrong-kind access is empty, not a crash
}

TEST_CASE("provenance chains are shared and read outermost first") {
    Range r1{0, 1, 2}, r2{0, 5, 9};
    Provenance inner = prepend("var.region default", r2, nullptr);
    Provenance outer = prepend("provider \"aws\" region", r1, inner);
    auto chain = steps(outer);
    REQUIRE(chain.size() == 2);
    CHECK(chain[0]->label == "provider \"aws\" region");
    CHECK(chain[1]->label == "var.region default");
    CHECK(chain[1] == inner.get());  // the tail is not copied
    Value v = Value::string("eu-west-1", r2).with_provenance(outer).at(r1);
    CHECK(v.range == r1);
    CHECK(v.provenance == outer);
}

TEST_CASE("graph indexes addresses per root") {
    Graph g;
    Asset a;
    a.root = "prod";
    a.address = "aws_s3_bucket.x";
    Asset b = a;
    b.root = "dev";
    AssetId ia = g.add(a), ib = g.add(b);
    CHECK(g.id_of("prod", "aws_s3_bucket.x") == ia);
    CHECK(g.id_of("dev", "aws_s3_bucket.x") == ib);
    CHECK_FALSE(g.id_of("prod", "aws_s3_bucket.y").has_value());
}

TEST_CASE("severities parse and order") {
    CHECK(parse_severity("high") == Severity::High);
    CHECK_FALSE(parse_severity("HIGHEST").has_value());
    CHECK(Severity::Critical > Severity::Low);
    CHECK(is_diagnostic("RES002"));
    CHECK_FALSE(is_diagnostic("RES201"));
}
