// Glob matching: segments first (for `**`), then characters inside a segment (for `*`).
#include "policy/glob.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace residency {
namespace {

std::vector<std::string_view> segments(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('/', start);
        if (end == std::string_view::npos)
            end = s.size();
        std::string_view seg = s.substr(start, end - start);
        if (!seg.empty() && seg != ".")
            out.push_back(seg);
        start = end + 1;
    }
    return out;
}

// Matches the class starting at p[i] == '[' against c. Returns the index just past the class, or
// nullopt when the class is not closed (then '[' is an ordinary character).
std::optional<std::size_t> match_class(std::string_view p, std::size_t i, char c, bool& matched) {
    std::size_t j = i + 1;
    bool negate = j < p.size() && (p[j] == '!' || p[j] == '^');
    if (negate)
        ++j;
    bool hit = false;
    bool first = true;
    while (j < p.size() && (p[j] != ']' || first)) {
        first = false;
        char lo = p[j];
        if (lo == '\\' && j + 1 < p.size())
            lo = p[++j];
        ++j;
        char hi = lo;
        if (j + 1 < p.size() && p[j] == '-' && p[j + 1] != ']') {
            hi = p[j + 1];
            j += 2;
        }
        auto u = static_cast<unsigned char>(c);
        if (static_cast<unsigned char>(lo) <= u && u <= static_cast<unsigned char>(hi))
            hit = true;
    }
    if (j >= p.size())
        return std::nullopt;
    matched = hit != negate;
    return j + 1;
}

// Matches one pattern unit at p[i] (not '*') against c; returns the next pattern index or nullopt.
std::optional<std::size_t> match_unit(std::string_view p, std::size_t i, char c) {
    if (p[i] == '?')
        return i + 1;
    if (p[i] == '[') {
        bool matched = false;
        if (auto next = match_class(p, i, c, matched)) {
            if (matched)
                return *next;
            return std::nullopt;
        }
    }
    if (p[i] == '\\' && i + 1 < p.size())
        return p[i + 1] == c ? std::optional<std::size_t>(i + 2) : std::nullopt;
    return p[i] == c ? std::optional<std::size_t>(i + 1) : std::nullopt;
}

// The classic one-backtrack-point wildcard algorithm: a later `*` supersedes an earlier one, so
// the work is bounded by pattern length times text length.
bool match_segment(std::string_view p, std::string_view s) {
    std::size_t pi = 0, si = 0;
    std::size_t star = std::string_view::npos, star_s = 0;
    while (si < s.size()) {
        if (pi < p.size() && p[pi] == '*') {
            while (pi < p.size() && p[pi] == '*')
                ++pi;
            star = pi;
            star_s = si;
            continue;
        }
        if (pi < p.size()) {
            if (auto next = match_unit(p, pi, s[si])) {
                pi = *next;
                ++si;
                continue;
            }
        }
        if (star == std::string_view::npos)
            return false;
        pi = star;
        si = ++star_s;
    }
    while (pi < p.size() && p[pi] == '*')
        ++pi;
    return pi == p.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    auto pat = segments(pattern);
    auto segs = segments(path);
    // Same algorithm one level up: `**` is the star, every other segment pattern one unit.
    std::size_t pi = 0, si = 0;
    std::size_t star = std::string_view::npos, star_s = 0;
    while (si < segs.size()) {
        if (pi < pat.size() && pat[pi] == "**") {
            while (pi < pat.size() && pat[pi] == "**")
                ++pi;
            star = pi;
            star_s = si;
            continue;
        }
        if (pi < pat.size() && match_segment(pat[pi], segs[si])) {
            ++pi;
            ++si;
            continue;
        }
        if (star == std::string_view::npos)
            return false;
        pi = star;
        si = ++star_s;
    }
    while (pi < pat.size() && pat[pi] == "**")
        ++pi;
    return pi == pat.size();
}

}  // namespace residency
