// The text writer: `path:line:col  SEVERITY  RULE  message`, a code frame with carets, provenance, a summary.
#include <algorithm>
#include <cstdio>

#include "report/sanitize.hpp"
#include "report/writers.hpp"

namespace residency {
namespace {

constexpr const char* kReset = "\x1b[0m";

struct Style {
    bool color;
    std::string paint(std::string_view text, const char* sgr) const {
        if (!color) return std::string(text);
        return std::string(sgr) + std::string(text) + kReset;
    }
};

const char* severity_sgr(Severity s) {
    switch (s) {
        case Severity::Critical:
        case Severity::High: return "\x1b[1;31m";
        case Severity::Medium: return "\x1b[33m";
        case Severity::Low: return "\x1b[36m";
        case Severity::Info: return "\x1b[2m";
    }
    return "\x1b[2m";
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string plural(std::size_t n, std::string_view noun) {
    std::string out = std::to_string(n) + " " + std::string(noun);
    if (n != 1) out += 's';
    return out;
}

std::string location_text(const Report& report, const Range& range) {
    const SourceFile& file = report.sources->get(range.file);
    LineCol lc = file.line_col(range.begin);
    return sanitize_terminal(file.path) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

void write_source_line(std::string& out, std::uint32_t number, std::string_view text) {
    char gutter[16];
    std::snprintf(gutter, sizeof gutter, "%5u |", number);
    out += gutter;
    // No trailing blank on empty lines: golden files and editors strip it.
    if (!text.empty()) out += ' ' + std::string(text);
    out += '\n';
}

constexpr std::size_t kMaxFrameWidth = 160;  // bytes of a source line shown in a code frame
constexpr std::size_t kFrameLead = 40;       // context kept before the range in a windowed line

// The largest cut at or before `at` that does not split a UTF-8 sequence.
std::size_t utf8_boundary(std::string_view s, std::size_t at) {
    if (at >= s.size()) return s.size();
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return at;
}

// The line before the range (when there is one) and the range's first line, carets under the range;
// a range spanning lines is underlined to the end of its first line.
void write_frame(std::string& out, const Report& report, const Range& range, const Style& style) {
    const SourceFile& file = report.sources->get(range.file);
    LineCol begin = file.line_col(range.begin);
    LineCol end = file.line_col(std::max(range.begin, range.end));
    if (begin.line > 1) {
        std::string_view before = file.line_text(begin.line - 1);
        std::string shown = sanitize_code_line(before.substr(0, utf8_boundary(before, kMaxFrameWidth))).text;
        if (before.size() > kMaxFrameWidth) shown += " ...";
        write_source_line(out, begin.line - 1, shown);
    }

    // A long line (a plan file is one line) is shown as a window around the range.
    std::string_view full = file.line_text(begin.line);
    std::size_t window = 0;
    if (full.size() > kMaxFrameWidth && begin.column - 1 > kFrameLead)
        window = utf8_boundary(full, begin.column - 1 - kFrameLead);
    std::string_view line = full.substr(window);
    line = line.substr(0, utf8_boundary(line, kMaxFrameWidth));
    CodeLine code = sanitize_code_line(line);
    std::string prefix = window > 0 ? "... " : "";
    std::string suffix = window + line.size() < full.size() ? " ..." : "";
    write_source_line(out, begin.line, prefix + code.text + suffix);
    begin.column -= static_cast<std::uint32_t>(window);
    if (end.line == begin.line) end.column = end.column > window ? end.column - static_cast<std::uint32_t>(window) : 1;

    auto clamp = [&](std::uint32_t byte) { return std::min<std::size_t>(byte, line.size()); };
    std::size_t first = clamp(begin.column - 1);
    std::size_t last = end.line == begin.line ? clamp(end.column - 1) : line.size();
    std::uint32_t from = code.columns[first];
    std::uint32_t to = std::max(from + 1, code.columns[std::max(first, last)]);
    out += "      | " + std::string(prefix.size() + from, ' ') + style.paint(std::string(to - from, '^'), "\x1b[31m") + "\n";
}

void write_entry(std::string& out, const Report& report, const Finding& f, const Style& style,
                 const std::string& note = "") {
    bool located = has_source(report, f.range);
    if (located) out += location_text(report, f.range) + "  ";
    out += style.paint(upper(severity_name(f.severity)), severity_sgr(f.severity)) + "  ";
    out += style.paint(sanitize_terminal(f.rule_id), "\x1b[1m") + "  ";
    out += sanitize_terminal(f.message) + "\n";
    if (located) write_frame(out, report, f.range, style);
    for (const RelatedLocation& rel : f.related) {
        out += "  = " + sanitize_terminal(rel.message);
        if (has_source(report, rel.range)) out += " (" + location_text(report, rel.range) + ")";
        out += '\n';
    }
    if (!note.empty()) out += "  = " + sanitize_terminal(note) + "\n";
    out += '\n';
}

std::string jurisdiction_line(const Report& report) {
    const JurisdictionInfo& j = report.jurisdiction;
    std::string codes;
    for (const std::string& code : j.codes) codes += (codes.empty() ? "" : ", ") + code;
    if (codes.empty()) codes = "none";
    // The explanation is written by the scan ("from residency.yaml", "inferred: ..."); these are
    // fallbacks for a Report built without one.
    std::string why = j.explanation;
    if (why.empty() && j.origin == "policy") why = "from " + (report.policy_path.empty() ? std::string("policy") : report.policy_path);
    if (why.empty() && j.origin == "flag") why = "from --jurisdiction";
    if (why.empty() && j.origin == "inferred") why = "inferred";
    if (why.empty()) return "Jurisdiction: " + sanitize_terminal(codes) + "\n";
    return "Jurisdiction: " + sanitize_terminal(codes) + " (" + sanitize_terminal(why) + ")\n";
}

std::string summary(const Report& report) {
    std::string out = jurisdiction_line(report);
    out += "Scanned " + plural(report.files.size(), "file") + ", " + plural(report.asset_count, "asset") + " (" +
           std::to_string(report.located_asset_count) + " located).\n";
    out += "Found " + plural(report.findings.size(), "finding");
    auto counts = count_by_severity(report);
    std::string by;
    for (int s = static_cast<int>(Severity::Critical); s >= static_cast<int>(Severity::Info); --s) {
        if (counts[s] == 0) continue;
        by += (by.empty() ? "" : ", ") + std::to_string(counts[s]) + " " +
              std::string(severity_name(static_cast<Severity>(s)));
    }
    if (!by.empty()) out += " (" + by + ")";
    out += " and " + plural(report.diagnostics.size(), "diagnostic") + ".\n";
    if (!report.suppressed.empty())
        out += "Suppressed in source: " + plural(report.suppressed.size(), "finding") + ".\n";
    for (const auto& [rule, n] : report.unreported)
        out += rule == "RES004"
                   ? "Not shown: " + plural(n, "call") + " of functions residency does not evaluate, deciding no location (RES004).\n"
                   : "Not shown: " + plural(n, "diagnostic") + " " + rule + ".\n";
    return out;
}

}  // namespace

std::string write_text(const Report& report, const TextOptions& options) {
    Style style{options.color};
    std::string out;
    for (const Finding& f : report.findings) write_entry(out, report, f, style);
    for (const Finding& d : report.diagnostics) write_entry(out, report, d, style);
    if (options.show_suppressed && !report.suppressed.empty()) {
        out += "Suppressed:\n\n";
        for (const Finding& f : report.suppressed) {
            std::string note = "suppressed by the ignore" + (f.suppressed_at.empty() ? "" : " at " + f.suppressed_at);
            if (!f.until.empty()) note += " until " + f.until;
            note += f.justification.empty() ? " (no reason given)" : ": " + f.justification;
            write_entry(out, report, f, style, note);
        }
    }
    if (!report.baseline_path.empty() && !report.baseline_absent.empty()) {
        out += "Fixed since the baseline:\n";
        for (const BaselineEntry& e : report.baseline_absent)
            out += "  " + (e.path.empty() ? std::string() : sanitize_terminal(e.path) + "  ") + sanitize_terminal(e.rule) +
                   "  " + sanitize_terminal(e.message) + "\n";
        out += '\n';
    }
    if (options.summary) out += summary(report);
    if (options.summary && !report.baseline_path.empty())
        out += "Baseline " + sanitize_terminal(report.baseline_path) + ": " +
               plural(report.baseline_unchanged, "finding") + " unchanged (not shown), " +
               std::to_string(report.baseline_absent.size()) + " fixed.\n";
    return out;
}

}  // namespace residency
