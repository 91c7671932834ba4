// Tests for the JSON parser: values, exact ranges, escapes, errors, deep nesting and garbage input.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <string>

#include "core/json.hpp"

using namespace residency;
using residency::json::Node;

namespace {

constexpr FileId kFile = 3;

std::string_view slice(std::string_view text, Range r) {
    REQUIRE(r.file == kFile);
    REQUIRE(r.begin <= r.end);
    REQUIRE(r.end <= text.size());
    return text.substr(r.begin, r.end - r.begin);
}

json::ParseResult ok(std::string_view text) {
    json::ParseResult r = json::parse(kFile, text);
    INFO(r.error);
    CHECK(r.ok);
    return r;
}

json::ParseResult bad(std::string_view text) {
    json::ParseResult r = json::parse(kFile, text);
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.error.empty());
    CHECK(r.error_range.file == kFile);
    CHECK(r.error_range.begin <= r.error_range.end);
    CHECK(r.error_range.end <= text.size());
    return r;
}

}  // namespace

TEST_CASE("json: scalars, arrays and objects with exact ranges") {
    std::string text = " {\"a\" : [1, -2.5e3, true, false, null], \"b\":{\"c\":\"d\"}, \"e\":[] ,\"f\":{}}\n";
    auto r = ok(text);
    const Node& root = r.root;
    REQUIRE(root.is_object());
    CHECK(slice(text, root.range) == text.substr(1, text.size() - 2));
    REQUIRE(root.members.size() == 4);
    REQUIRE(root.key_ranges.size() == 4);
    CHECK(root.members[0].first == "a");
    CHECK(slice(text, root.key_ranges[0]) == "\"a\"");
    CHECK(slice(text, root.key_ranges[3]) == "\"f\"");

    const Node& a = root.members[0].second;
    REQUIRE(a.is_array());
    CHECK(slice(text, a.range) == "[1, -2.5e3, true, false, null]");
    REQUIRE(a.items.size() == 5);
    CHECK(a.items[0].kind == Node::Kind::Number);
    CHECK(a.items[0].number == 1);
    CHECK(a.items[0].text == "1");
    CHECK(a.items[1].number == -2500);
    CHECK(a.items[1].text == "-2.5e3");
    CHECK(slice(text, a.items[1].range) == "-2.5e3");
    CHECK(a.items[2].kind == Node::Kind::Bool);
    CHECK(a.items[2].boolean);
    CHECK(slice(text, a.items[3].range) == "false");
    CHECK_FALSE(a.items[3].boolean);
    CHECK(a.items[4].kind == Node::Kind::Null);
    CHECK(slice(text, a.items[4].range) == "null");

    const Node* b = root.get("b");
    REQUIRE(b != nullptr);
    REQUIRE(b->get("c") != nullptr);
    CHECK(b->get("c")->text == "d");
    CHECK(slice(text, b->get("c")->range) == "\"d\"");
    CHECK(slice(text, root.get("e")->range) == "[]");
    CHECK(root.get("e")->items.empty());
    CHECK(slice(text, root.get("f")->range) == "{}");
    CHECK(root.get("missing") == nullptr);
}

TEST_CASE("json: top-level scalars, whitespace and a byte order mark") {
    CHECK(ok("42").root.number == 42);
    CHECK(ok(" \t\r\n\"x\" ").root.text == "x");
    CHECK(ok("\xEF\xBB\xBF{}").root.is_object());
    auto r = ok("0");
    CHECK(r.root.range.begin == 0);
    CHECK(r.root.range.end == 1);
}

TEST_CASE("json: duplicate keys are kept in order and get() returns the last") {
    auto r = ok(R"({"k":1,"k":2})");
    REQUIRE(r.root.members.size() == 2);
    CHECK(r.root.get("k")->number == 2);
}

TEST_CASE("json: string escapes and unicode") {
    auto r = ok(R"(["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "\ud800x", "\udc00", "\ud800\u0041", "é"])");
    const auto& items = r.root.items;
    REQUIRE(items.size() == 7);
    CHECK(items[0].text == "a\"b\\c/d\b\f\n\r\t");
    CHECK(items[1].text == "\xC3\xA9\xE2\x82\xAC");
    CHECK(items[2].text == "\xF0\x9F\x98\x80");
    CHECK(items[3].text == "\xEF\xBF\xBDx");
    CHECK(items[4].text == "\xEF\xBF\xBD");
    CHECK(items[5].text == "\xEF\xBF\xBD" "A");
    CHECK(items[6].text == "\xC3\xA9");
}

TEST_CASE("json: numbers keep their literal") {
    auto r = ok("[0, -0, 1.5, 1E+2, 2e-2, 1e400, -1e400, 1e-400, 12345678901234567890]");
    const auto& n = r.root.items;
    REQUIRE(n.size() == 9);
    CHECK(n[0].number == 0);
    CHECK(n[2].number == 1.5);
    CHECK(n[3].number == 100);
    CHECK(n[4].number == doctest::Approx(0.02));
    CHECK(std::isinf(n[5].number));
    CHECK(n[5].number > 0);
    CHECK(n[6].number < 0);
    CHECK(n[7].number == 0);
    CHECK(n[8].text == "12345678901234567890");
    CHECK(n[8].number == doctest::Approx(1.2345678901234567e19));
}

TEST_CASE("json: errors with messages and ranges") {
    {
        std::string t = R"({"a":1 "b":2})";
        auto r = bad(t);
        CHECK(r.error.find("expected ',' or '}'") != std::string::npos);
        CHECK(r.error_range.begin == 7);
    }
    {
        auto r = bad("[1,]");
        CHECK(r.error.find("expected a value") != std::string::npos);
        CHECK(r.error_range.begin == 3);
    }
    {
        auto r = bad(R"({"a":1,})");
        CHECK(r.error.find("expected a string key") != std::string::npos);
        CHECK(r.error_range.begin == 7);
    }
    {
        auto r = bad(R"({"a" 1})");
        CHECK(r.error.find("expected ':'") != std::string::npos);
        CHECK(r.error_range.begin == 5);
    }
    {
        auto r = bad("\"abc");
        CHECK(r.error == "unterminated string");
        CHECK(r.error_range.begin == 0);
        CHECK(r.error_range.end == 4);
    }
    {
        auto r = bad(R"("a\qb")");
        CHECK(r.error.find("invalid escape") != std::string::npos);
        CHECK(r.error_range.begin == 2);
        CHECK(r.error_range.end == 4);
    }
    {
        auto r = bad(R"("\u12G4")");
        CHECK(r.error.find("\\u") != std::string::npos);
        CHECK(r.error_range.begin == 1);
    }
    {
        auto r = bad("\"a\nb\"");
        CHECK(r.error.find("control character") != std::string::npos);
        CHECK(r.error_range.begin == 2);
    }
    {
        auto r = bad("{} x");
        CHECK(r.error.find("after the JSON value") != std::string::npos);
        CHECK(r.error_range.begin == 3);
    }
    {
        auto r = bad("");
        CHECK(r.error.find("end of input") != std::string::npos);
        CHECK(r.error_range.begin == 0);
        CHECK(r.error_range.end == 0);
    }
    {
        auto r = bad("[1, 2");
        CHECK(r.error.find("end of input") != std::string::npos);
        CHECK(r.error_range.begin == 5);
    }
    bad("01");
    bad("-");
    bad("1.");
    bad("1e");
    bad(".5");
    bad("+1");
    bad("tru");
    bad("nul");
    bad("truex");
    bad("// c\n{}");
    bad("{'a':1}");
    bad("[1 2]");
    bad("{\"a\"}");
    bad("NaN");
}

TEST_CASE("json: nesting up to 512 levels parses, deeper is an error, never a stack overflow") {
    std::string ok_text = std::string(512, '[') + std::string(512, ']');
    auto r = ok(ok_text);
    CHECK(r.root.is_array());
    const Node* n = &r.root;
    int depth = 1;
    while (!n->items.empty()) {
        n = &n->items[0];
        ++depth;
    }
    CHECK(depth == 512);

    std::string deep = std::string(513, '[') + std::string(513, ']');
    auto d = bad(deep);
    CHECK(d.error.find("512") != std::string::npos);
    CHECK(d.error_range.begin == 512);

    std::string huge;
    for (int i = 0; i < 100000; ++i) huge += "{\"a\":";
    bad(huge);
}

TEST_CASE("json: random bytes and mutated documents never crash") {
    std::mt19937 rng(1234);
    const std::string alphabet = "{}[],:\"\\u0123456789abcdefE.-+ \n\ttrue false null\x01\xff";
    std::string seed = R"({"a":[1,2,{"b":"c\u00e9"}],"d":null,"e":-1.5e3,"f":[true,false]})";
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        if (i % 2 == 0) {
            std::size_t len = rng() % 64;
            for (std::size_t j = 0; j < len; ++j) text += alphabet[rng() % alphabet.size()];
        } else {
            text = seed;
            int edits = 1 + rng() % 4;
            for (int e = 0; e < edits; ++e) {
                std::size_t at = rng() % (text.size() + 1);
                switch (rng() % 3) {
                    case 0: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
                    case 1: if (at < text.size()) text.erase(at, 1); break;
                    default: if (at < text.size()) text[at] = static_cast<char>(rng() % 256); break;
                }
            }
        }
        json::ParseResult r = json::parse(kFile, text);
        if (!r.ok) {
            CHECK(r.error_range.end <= text.size());
            CHECK_FALSE(r.error.empty());
        } else {
            CHECK(r.root.range.end <= text.size());
        }
    }
}
