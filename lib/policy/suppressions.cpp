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
// merely contains the words does not suppress anything.
std::optional<std::string> match_line(std::string_view text, std::string_view rule_id) {
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
    rest = trim(rest);
    std::size_t end = 0;
    while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == ',')) ++end;
    std::string_view ids = rest.substr(0, end);
    bool matched = false;
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
    std::string_view reason = trim(rest.substr(end));
    if (reason.starts_with("--") || reason.starts_with(":")) reason = trim(reason.substr(reason.starts_with("--") ? 2 : 1));
    return std::string(reason);
}

}  // namespace

std::optional<std::string> suppression_at(const SourceFile& file, std::uint32_t line, std::string_view rule_id) {
    if (auto r = match_line(file.line_text(line), rule_id)) return r;
    if (line > 1) {
        std::string_view above = trim(file.line_text(line - 1));
        // Only a line that is a comment by itself covers the line below it.
        if (above.starts_with("#") || above.starts_with("//")) return match_line(above, rule_id);
    }
    return std::nullopt;
}

}  // namespace residency
