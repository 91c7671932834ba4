// UAX #29 grapheme cluster boundaries (rules GB3 to GB13) over the committed property table.
#include "core/grapheme.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "core/utf8.hpp"

namespace residency {
namespace {

enum class GB : std::uint8_t {
    Other, CR, LF, Control, Extend, ZWJ, RegionalIndicator, Prepend, SpacingMark,
    L, V, T, LV, LVT, HangulSyllable, Pictographic
};

struct Row {
    char32_t first;
    GB property;
};

constexpr Row kTable[] = {
#include "core/grapheme_table.inc"
};

GB property(char32_t cp) {
    if (cp < 0x80) return cp == '\r' ? GB::CR : cp == '\n' ? GB::LF : cp < 0x20 || cp == 0x7F ? GB::Control : GB::Other;
    auto it = std::upper_bound(std::begin(kTable), std::end(kTable), cp,
                               [](char32_t c, const Row& r) { return c < r.first; });
    GB p = std::prev(it)->property;
    if (p == GB::HangulSyllable) return (cp - 0xAC00) % 28 == 0 ? GB::LV : GB::LVT;
    return p;
}

// The code point at text[i] and its length; an invalid byte reads as one byte of property Other.
GB next(std::string_view text, std::size_t& i) {
    std::size_t n = utf8_length(text, i);
    if (n == 0) {
        ++i;
        return GB::Other;
    }
    auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
    char32_t cp = n == 1 ? b(0)
                : n == 2 ? ((b(0) & 0x1F) << 6) | (b(1) & 0x3F)
                : n == 3 ? ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F)
                         : ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    i += n;
    return property(cp);
}

bool control(GB p) { return p == GB::CR || p == GB::LF || p == GB::Control; }

struct Context {
    bool pictographic = false;            // the cluster so far ends in ExtPict Extend*
    bool zwj_after_pictographic = false;  // ... followed by a ZWJ
    bool odd_regional = false;            // it ends in an odd number of regional indicators
};

// Whether `p` continues the cluster whose last code point is `prev`, rule by rule.
bool joins(GB prev, GB p, const Context& c) {
    if (prev == GB::CR && p == GB::LF) return true;                                            // GB3
    if (control(prev) || control(p)) return false;                                             // GB4, GB5
    if (prev == GB::L && (p == GB::L || p == GB::V || p == GB::LV || p == GB::LVT)) return true;  // GB6
    if ((prev == GB::LV || prev == GB::V) && (p == GB::V || p == GB::T)) return true;          // GB7
    if ((prev == GB::LVT || prev == GB::T) && p == GB::T) return true;                         // GB8
    if (p == GB::Extend || p == GB::ZWJ || p == GB::SpacingMark) return true;                  // GB9, GB9a
    if (prev == GB::Prepend) return true;                                                      // GB9b
    if (prev == GB::ZWJ && p == GB::Pictographic) return c.zwj_after_pictographic;             // GB11
    if (prev == GB::RegionalIndicator && p == GB::RegionalIndicator) return c.odd_regional;    // GB12, GB13
    return false;                                                                              // GB999
}

}  // namespace

std::size_t grapheme_end(std::string_view text, std::size_t i) {
    GB prev = next(text, i);
    Context c;
    c.pictographic = prev == GB::Pictographic;
    c.odd_regional = prev == GB::RegionalIndicator;
    while (i < text.size()) {
        std::size_t at = i;
        GB p = next(text, at);
        if (!joins(prev, p, c)) break;
        c.zwj_after_pictographic = p == GB::ZWJ && c.pictographic;
        c.pictographic = p == GB::Pictographic || (c.pictographic && p == GB::Extend);
        c.odd_regional = p == GB::RegionalIndicator && !c.odd_regional;
        prev = p;
        i = at;
    }
    return i;
}

std::size_t grapheme_count(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); i = grapheme_end(text, i)) ++n;
    return n;
}

std::vector<std::size_t> grapheme_starts(std::string_view text) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < text.size(); i = grapheme_end(text, i)) out.push_back(i);
    return out;
}

std::vector<std::string_view> grapheme_clusters(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0, end; i < text.size(); i = end) {
        end = grapheme_end(text, i);
        out.push_back(text.substr(i, end - i));
    }
    return out;
}

}  // namespace residency
