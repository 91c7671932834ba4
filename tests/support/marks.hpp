// `# expect: RESxxx` marks: the lines of a rule example or a golden case that must produce a
// finding.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

namespace residency::test {

// A mark or a reported finding, compared as a set: file (relative, '/'-separated; empty for a
// diagnostic without a location), 1-based line of the primary location, rule ID.
using Mark = std::tuple<std::string, std::uint32_t, std::string>;

// The IDs after `# expect:` on one line: every `RES` with the three characters after it, so
// "RES101 RES202" and "RES101, RES202" both give two IDs.
inline void add_mark_ids(std::set<Mark>& marks, const std::string& file, std::uint32_t line,
                         std::string_view ids) {
    std::size_t i = 0;
    while ((i = ids.find("RES", i)) != std::string_view::npos) {
        marks.emplace(file, line, std::string(ids.substr(i, 6)));
        i += 6;
    }
}

// Whether `# expect(eu,de):` marks (those before `:`, after `expect`) hold under `jurisdiction`:
// a platform scanned under several jurisdictions says which findings each one gives.
inline bool mark_applies(std::string_view qualifier, std::string_view jurisdiction) {
    if (qualifier.empty()) return true;
    if (qualifier.front() != '(' || qualifier.back() != ')' || jurisdiction.empty()) return false;
    qualifier = qualifier.substr(1, qualifier.size() - 2);
    while (!qualifier.empty()) {
        std::size_t comma = qualifier.find(',');
        std::string_view one = qualifier.substr(0, comma);
        while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
        while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
        if (one == jurisdiction) return true;
        if (comma == std::string_view::npos) break;
        qualifier.remove_prefix(comma + 1);
    }
    return false;
}

// Every line of text that carries `# expect: RES101 [RES202...]` (HCL and YAML comments), or
// `# expect(de): RES201` when the scan's jurisdiction is one of those named.
inline void collect_marks(const std::string& file, std::string_view text, std::set<Mark>& marks,
                          std::string_view jurisdiction = {}) {
    std::uint32_t line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        std::string_view row =
            text.substr(pos, (eol == std::string_view::npos ? text.size() : eol) - pos);
        ++line;
        for (std::size_t at = row.find("# expect"); at != std::string_view::npos;
             at = row.find("# expect", at + 8)) {
            std::size_t colon = row.find(':', at);
            if (colon == std::string_view::npos) break;
            std::string_view qualifier = row.substr(at + 8, colon - at - 8);
            std::size_t next = row.find("# expect", colon);
            if (mark_applies(qualifier, jurisdiction))
                add_mark_ids(marks, file, line, row.substr(colon + 1, next == std::string_view::npos ? next : next - colon - 1));
        }
        pos = eol == std::string_view::npos ? text.size() : eol + 1;
    }
}

inline std::string show_marks(const std::set<Mark>& marks) {
    std::string out;
    for (const auto& [file, line, rule] : marks)
        out += "  " +
               (file.empty() ? std::string("(no location)") : file + ":" + std::to_string(line)) +
               " " + rule + "\n";
    return out.empty() ? "  (none)\n" : out;
}

}  // namespace residency::test
