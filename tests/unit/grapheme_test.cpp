// Tests for grapheme cluster segmentation: Unicode's own conformance file, and the cases
// Terraform's length(), substr() and strrev() meet.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/grapheme.hpp"
#include "core/utf8.hpp"

using namespace residency;

namespace {

std::vector<std::string> clusters(std::string_view text) {
    std::vector<std::string> out;
    for (std::string_view c : grapheme_clusters(text)) out.emplace_back(c);
    return out;
}

}  // namespace

TEST_CASE("grapheme clusters: emoji sequences, flags, combining marks, Hangul, CRLF") {
    CHECK(clusters("").empty());
    CHECK(clusters("abc") == std::vector<std::string>{"a", "b", "c"});
    CHECK(clusters("a\r\nb\n\r") == std::vector<std::string>{"a", "\r\n", "b", "\n", "\r"});
    CHECK(clusters("👍🏽!") == std::vector<std::string>{"👍🏽", "!"});                        // skin tone: Extend
    CHECK(clusters("👨‍👩‍👧x") == std::vector<std::string>{"👨‍👩‍👧", "x"});               // ZWJ sequence (GB11)
    CHECK(clusters("a\u200d👍") == std::vector<std::string>{"a\u200d", "👍"});             // ZWJ after no pictograph
    CHECK(clusters("🇫🇷🇩🇪🇮") == std::vector<std::string>{"🇫🇷", "🇩🇪", "🇮"});          // regional indicator pairs
    CHECK(clusters("x\u0301\u0302y") == std::vector<std::string>{"x\u0301\u0302", "y"});   // combining marks
    CHECK(clusters("\u1100\u1161\u11a8가각") == std::vector<std::string>{"\u1100\u1161\u11a8", "가", "각"});  // L V T, LV, LVT
    CHECK(clusters("\u0600a") == std::vector<std::string>{"\u0600a"});                      // Prepend
    CHECK(clusters("\u0915\u093f") == std::vector<std::string>{"\u0915\u093f"});            // SpacingMark
    CHECK(clusters("\xff\xfe" "a") == std::vector<std::string>{"\xff", "\xfe", "a"});       // not UTF-8: a byte each
    CHECK(grapheme_starts("a👍🏽b") == std::vector<std::size_t>{0, 1, 9});
    CHECK(grapheme_count("a👍🏽b\r\n") == 4);
}

// Unicode 15.0's conformance cases (Debian's unicode-data, which scripts/setup.sh installs).
TEST_CASE("grapheme clusters: every case of GraphemeBreakTest.txt") {
    std::ifstream in("/usr/share/unicode/auxiliary/GraphemeBreakTest.txt");
    if (!in) {
        MESSAGE("skipped: /usr/share/unicode/auxiliary/GraphemeBreakTest.txt is absent (apt-get install unicode-data)");
        return;
    }
    int cases = 0;
    for (std::string line; std::getline(in, line);) {
        line = line.substr(0, line.find('#'));
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        std::istringstream words(line);
        std::string text;
        std::vector<std::size_t> expected;
        for (std::string w; words >> w;) {
            if (w == "\xc3\xb7") {  // ÷ a boundary
                expected.push_back(text.size());
            } else if (w != "\xc3\x97") {  // × none
                append_utf8(text, static_cast<std::uint32_t>(std::stoul(w, nullptr, 16)));
            }
        }
        expected.pop_back();  // the end of the text
        INFO(line);
        CHECK(grapheme_starts(text) == expected);
        ++cases;
    }
    CHECK(cases == 602);
}
