// `residency:ignore` comments: where they apply, which IDs they name, and what is not a comment.
#include <doctest/doctest.h>

#include "policy/suppressions.hpp"

using namespace residency;

namespace {
SourceFile file(std::string text) {
    SourceFile f;
    f.path = "main.tf";
    f.text = std::move(text);
    return f;
}
}  // namespace

TEST_CASE("a comment on the line or on its own line just above suppresses, with its reason") {
    auto f = file("# residency:ignore RES201 -- approved, PRIV-42\nresource \"a\" \"b\" {\n  x = 1 // residency:ignore RES1,RES202\n}\n");
    CHECK(suppression_at(f, 2, "RES201") == std::optional<std::string>("approved, PRIV-42"));
    CHECK(suppression_at(f, 3, "RES101") == std::optional<std::string>(""));
    CHECK(suppression_at(f, 3, "RES202") == std::optional<std::string>(""));
    CHECK_FALSE(suppression_at(f, 3, "RES201").has_value());
    CHECK_FALSE(suppression_at(f, 4, "RES101").has_value());  // line 3's comment is not on its own line
}

TEST_CASE("what does not suppress") {
    CHECK_FALSE(suppression_at(file("x = \"# residency:ignore RES201\"\n"), 1, "RES201").has_value());
    CHECK_FALSE(suppression_at(file("# residency:ignore RES\n"), 1, "RES201").has_value());  // too broad
    CHECK_FALSE(suppression_at(file("# residency:ignoreRES201\n"), 1, "RES201").has_value());
    CHECK_FALSE(suppression_at(file("# residency:ignore\n"), 1, "RES201").has_value());
    CHECK_FALSE(suppression_at(file("# residency:ignore RES101\n"), 1, "RES201").has_value());
    CHECK(suppression_at(file("# residency:ignore res201\n"), 1, "RES201").has_value());  // IDs are case-insensitive
}

TEST_CASE("an ignore's until date and reason, and where the date is") {
    auto f = file("x = 1 # residency:ignore RES101 until 2027-03-31 -- migration, PRIV-43\n# residency:ignore RES2 until 2027-02-30\ny = 2\n");
    auto d = ignore_at(f, 1, "RES101");
    REQUIRE(d.has_value());
    CHECK(d->line == 1);
    CHECK(d->column == 9);
    CHECK(d->until == "2027-03-31");
    CHECK(d->until_column == 39);
    CHECK(d->reason == "migration, PRIV-43");
    auto above = ignore_at(f, 3, "RES201");
    REQUIRE(above.has_value());
    CHECK(above->line == 2);
    CHECK(above->until == "2027-02-30");
    CHECK(above->reason == "");
    CHECK(dated_ignores(f).size() == 2);
}

TEST_CASE("days are real calendar days written YYYY-MM-DD") {
    CHECK(parse_day("2027-03-31") == std::optional<int>(20270331));
    CHECK(parse_day("2028-02-29") == std::optional<int>(20280229));  // leap year
    CHECK_FALSE(parse_day("2027-02-29").has_value());
    CHECK_FALSE(parse_day("2027-3-31").has_value());
    CHECK_FALSE(parse_day("31.03.2027").has_value());
    CHECK_FALSE(parse_day("2027-13-01").has_value());
    CHECK_FALSE(parse_day("").has_value());
}

TEST_CASE("until with no date is malformed, not an ignore that never expires") {
    auto d = ignore_at(file("# residency:ignore RES101 until -- reason\n"), 1, "RES101");
    REQUIRE(d.has_value());
    CHECK(d->until == " ");
    CHECK_FALSE(parse_day(d->until).has_value());
    CHECK(d->reason == "reason");
    auto plain = ignore_at(file("# residency:ignore RES101 until\n"), 1, "RES101");
    REQUIRE(plain.has_value());
    CHECK(plain->until == " ");
}
