// Glob matching for policy excludes: segments, wildcards, classes, and bounded time on hostile
// patterns.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "policy/glob.hpp"

using residency::glob_match;

TEST_CASE("glob: double star matches any number of segments, zero included") {
    CHECK(glob_match("**/testdata/**", "a/testdata/x.tf"));
    CHECK(glob_match("**/testdata/**", "testdata/x.tf"));
    CHECK(glob_match("**/testdata/**", "a/b/c/testdata/d/e/x.tf"));
    CHECK(glob_match("**/testdata/**", "testdata"));
    CHECK_FALSE(glob_match("**/testdata/**", "a/testdatax/x.tf"));
    CHECK_FALSE(glob_match("**/testdata/**", "a/my-testdata/x.tf"));
    CHECK(glob_match("**", "anything/at/all"));
    CHECK(glob_match("**", ""));
    CHECK(glob_match("a/**/b", "a/b"));
    CHECK(glob_match("a/**/b", "a/x/y/b"));
    CHECK_FALSE(glob_match("a/**/b", "a/x/y/c"));
    CHECK_FALSE(glob_match("a/**/b", "x/a/b"));
}

TEST_CASE("glob: single star stays inside one segment") {
    CHECK(glob_match("*.tf", "main.tf"));
    CHECK_FALSE(glob_match("*.tf", "a/b.tf"));
    CHECK(glob_match("**/*.tf", "a/b.tf"));
    CHECK(glob_match("**/*.tf", "b.tf"));
    CHECK_FALSE(glob_match("**/*.tf", "a/b.tfvars"));
    CHECK(glob_match("modules/*/main.tf", "modules/net/main.tf"));
    CHECK_FALSE(glob_match("modules/*/main.tf", "modules/a/b/main.tf"));
    CHECK(glob_match("a*b*c", "abc"));
    CHECK(glob_match("a*b*c", "axxbyyc"));
    CHECK_FALSE(glob_match("a*b*c", "axxbyy"));
    CHECK(glob_match("*", ".hidden"));
    CHECK(glob_match("a**b", "axyb"));  // not a whole segment: an ordinary star
    CHECK_FALSE(glob_match("a**b", "ax/yb"));
}

TEST_CASE("glob: question mark, classes and escapes") {
    CHECK(glob_match("?.tf", "a.tf"));
    CHECK_FALSE(glob_match("?.tf", "ab.tf"));
    CHECK_FALSE(glob_match("?", ""));
    CHECK(glob_match("[abc].tf", "b.tf"));
    CHECK_FALSE(glob_match("[abc].tf", "d.tf"));
    CHECK(glob_match("[!a].tf", "b.tf"));
    CHECK_FALSE(glob_match("[!a].tf", "a.tf"));
    CHECK(glob_match("[^a].tf", "b.tf"));
    CHECK(glob_match("env-[0-9]", "env-7"));
    CHECK_FALSE(glob_match("env-[0-9]", "env-x"));
    CHECK(glob_match("[]x]", "]"));
    CHECK(glob_match("[a-]", "-"));
    CHECK(glob_match("[", "["));  // an unclosed class is a literal bracket
    CHECK(glob_match("a[b", "a[b"));
    CHECK(glob_match("\\*.tf", "*.tf"));
    CHECK_FALSE(glob_match("\\*.tf", "x.tf"));
}

TEST_CASE("glob: empty and dot segments are ignored") {
    CHECK(glob_match("./a/b", "a/b"));
    CHECK(glob_match("a//b", "a/./b"));
    CHECK(glob_match("/a/*", "a/x"));
    CHECK(glob_match("a/b/", "a/b"));
}

TEST_CASE("glob: pathological patterns finish quickly") {
    std::string pattern;
    for (int i = 0; i < 200; ++i)
        pattern += "**/";
    pattern += "a";
    std::string path;
    for (int i = 0; i < 2000; ++i)
        path += "b/";
    path += "c";
    std::string stars;
    for (int i = 0; i < 100; ++i)
        stars += "*a";
    stars += "b";
    std::string as(5000, 'a');
    std::string nested;
    for (int i = 0; i < 100; ++i)
        nested += "**/a/";
    nested += "b";
    std::string deep;
    for (int i = 0; i < 3000; ++i)
        deep += "a/";
    deep += "a";

    auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(glob_match(pattern, path));
    CHECK(glob_match(pattern, path + "/a"));
    CHECK_FALSE(glob_match(stars, as));
    CHECK_FALSE(glob_match(nested, deep));
    auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed < std::chrono::seconds(1));
}
