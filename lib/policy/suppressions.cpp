// Parsing of `residency:ignore` comments.
#include "policy/suppressions.hpp"

#include <cctype>

namespace residency {

namespace {

constexpr std::string_view kMarker = "residency:ignore";

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// The comment must be a real comment start (`#` or `//`) before the marker, so a string that
// merely contains the words does not suppress anything. An empty rule_id matches every ignore.
std::optional<IgnoreDirective> match_line(std::string_view text, std::string_view rule_id) {
    std::size_t at = text.find(kMarker);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view before = trim(text.substr(0, at));
    if (!(before.ends_with("#") || before.ends_with("//"))) return std::nullopt;
    // An odd number of unescaped quotes before it: the marker is inside a string, not a comment.
    std::size_t quotes = 0;
    for (std::size_t i = 0; i < before.size(); ++i)
        if (before[i] == '"' && (i == 0 || before[i - 1] != '\\')) ++quotes;
    if (quotes % 2 == 1) return std::nullopt;
    std::string_view rest = text.substr(at + kMarker.size());
    if (rest.empty() || !std::isspace(static_cast<unsigned char>(rest.front()))) return std::nullopt;
    std::string_view untrimmed = rest;
    rest = trim(rest);
    std::size_t lead = 0;
    while (lead < untrimmed.size() && std::isspace(static_cast<unsigned char>(untrimmed[lead]))) ++lead;
    std::size_t rest_offset = at + kMarker.size() + lead;
    std::size_t end = 0;
    while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == ',')) ++end;
    std::string_view ids = rest.substr(0, end);
    bool matched = rule_id.empty() && !ids.empty();
    while (!ids.empty()) {
        std::size_t comma = ids.find(',');
        std::string_view id = ids.substr(0, comma);
        bool prefix = !id.empty() && id.size() <= rule_id.size();
        for (std::size_t i = 0; prefix && i < id.size(); ++i)
            prefix = std::toupper(static_cast<unsigned char>(id[i])) == rule_id[i];
        if (prefix && id.size() >= 4) matched = true;  // at least "RES1": a bare "RES" would silence everything
        if (comma == std::string_view::npos) break;
        ids.remove_prefix(comma + 1);
    }
    if (!matched) return std::nullopt;
    IgnoreDirective d;
    d.column = static_cast<std::uint32_t>(at + 1);
    std::size_t until_offset = std::string_view::npos;
    std::string_view tail = rest.substr(end);
    split_until_reason(tail, d.until, until_offset, d.reason);
    if (until_offset != std::string_view::npos)
        d.until_column = static_cast<std::uint32_t>(rest_offset + end + until_offset + 1);
    return d;
}

}  // namespace

void split_until_reason(std::string_view rest, std::string& until, std::size_t& until_offset, std::string& reason) {
    until.clear();
    until_offset = std::string_view::npos;
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
    };
    skip_space();
    std::string_view word = rest.substr(i, 5);
    if (word.size() == 5 && (word == "until" || word == "Until") &&
        (i + 5 == rest.size() || std::isspace(static_cast<unsigned char>(rest[i + 5])))) {
        i += 5;
        skip_space();
        until_offset = i;
        std::size_t start = i;
        while (i < rest.size() && !std::isspace(static_cast<unsigned char>(rest[i])) && rest[i] != ':' &&
               !(rest[i] == '-' && i + 1 < rest.size() && rest[i + 1] == '-'))
            ++i;
        until = std::string(rest.substr(start, i - start));
        if (until.empty()) until = " ";  // `until` with no date: malformed, never "does not expire"
    }
    std::string_view r = trim(rest.substr(i));
    if (r.starts_with("--") || r.starts_with(":")) r = trim(r.substr(r.starts_with("--") ? 2 : 1));
    reason = std::string(r);
}

std::optional<int> parse_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(5, 2))),
        d = std::stoi(std::string(s.substr(8, 2)));
    if (m < 1 || m > 12 || d < 1) return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
    if (d > max) return std::nullopt;
    return y * 10000 + m * 100 + d;
}

std::optional<IgnoreDirective> ignore_at(const SourceFile& file, std::uint32_t line, std::string_view rule_id) {
    if (auto r = match_line(file.line_text(line), rule_id)) {
        r->line = line;
        return r;
    }
    if (line > 1) {
        std::string_view above = trim(file.line_text(line - 1));
        // Only a line that is a comment by itself covers the line below it.
        if (above.starts_with("#") || above.starts_with("//"))
            if (auto r = match_line(file.line_text(line - 1), rule_id)) {
                r->line = line - 1;
                return r;
            }
    }
    return std::nullopt;
}

std::optional<std::string> suppression_at(const SourceFile& file, std::uint32_t line, std::string_view rule_id) {
    if (auto d = ignore_at(file, line, rule_id)) return d->reason;
    return std::nullopt;
}

std::vector<IgnoreDirective> dated_ignores(const SourceFile& file) {
    std::vector<IgnoreDirective> out;
    std::size_t pos = 0;
    std::uint32_t last_line = 0;
    while ((pos = file.text.find(kMarker, pos)) != std::string::npos) {
        std::uint32_t line = file.line_col(static_cast<std::uint32_t>(pos)).line;
        pos += kMarker.size();
        if (line == last_line) continue;
        last_line = line;
        if (auto d = match_line(file.line_text(line), "")) {
            d->line = line;
            if (d->until_column) out.push_back(std::move(*d));
        }
    }
    return out;
}

}  // namespace residency
