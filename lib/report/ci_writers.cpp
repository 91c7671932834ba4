// The CI writers: JUnit XML, GitHub workflow commands, Markdown (PR comment / job summary) and the
// GitLab SAST report. Like the others they read only the Report and add no wall-clock time.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include <nlohmann/json.hpp>

#include "report/sanitize.hpp"
#include "report/sha256.hpp"
#include "report/writers.hpp"

namespace residency {
namespace {

using Json = nlohmann::ordered_json;

struct Where {
    bool known = false;
    std::string path;
    std::uint32_t line = 0, column = 0, end_line = 0, end_column = 0;
};

Where where(const Report& report, const Range& range) {
    Where w;
    if (!has_source(report, range)) return w;
    const SourceFile& file = report.sources->get(range.file);
    LineCol begin = file.line_col(range.begin);
    LineCol end = file.line_col(std::max(range.begin, range.end));
    w = Where{true, file.path, begin.line, begin.column, end.line, end.column};
    return w;
}

std::string file_line(const Where& w) { return w.path + ":" + std::to_string(w.line); }

// Valid UTF-8 stays; an invalid byte becomes U+FFFD, so every writer's output is valid UTF-8.
std::string valid_utf8(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t n = decode_utf8(s, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string plural(std::size_t n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// Findings, most severe first; the Report's order (file, line) within one severity.
std::vector<const Finding*> by_severity(const Report& report) {
    std::vector<const Finding*> out;
    for (const Finding& f : report.findings) out.push_back(&f);
    std::stable_sort(out.begin(), out.end(), [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
    return out;
}

// ---- JUnit XML ----

// XML 1.0 text and attribute values: markup escaped; control characters XML cannot carry (all C0
// but tab, LF, CR) shown as \xNN.
std::string xml(std::string_view raw) {
    std::string s = valid_utf8(raw);
    std::string out;
    for (unsigned char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out;
}

std::string failure_text(const Report& report, const Finding& f) {
    std::string body = f.message + "\n";
    for (const RelatedLocation& rel : f.related) {
        body += "  = " + rel.message;
        Where w = where(report, rel.range);
        if (w.known) body += " (" + file_line(w) + ")";
        body += "\n";
    }
    return body;
}

}  // namespace

std::string write_junit(const Report& report) {
    // One testsuite per rule family; in it one testcase per finding, or one passed testcase for a
    // rule that ran and found nothing. Diagnostics (RES0xx) are not tests of the infrastructure.
    // Rules in the Report's order (by ID); a finding of a rule the Report does not list still counts.
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> families;  // family -> (id, name)
    std::vector<std::string> order;
    auto add_rule = [&](std::string_view id, std::string_view name) {
        if (is_diagnostic(id)) return;
        std::string family(report_family_of(id));
        auto& rules = families[family];
        if (rules.empty() && std::find(order.begin(), order.end(), family) == order.end()) order.push_back(family);
        for (const auto& r : rules)
            if (r.first == id) return;
        rules.emplace_back(std::string(id), std::string(name));
    };
    for (const RuleMeta* meta : report.rules)
        if (meta) add_rule(meta->id, meta->name);
    for (const Finding& f : report.findings) add_rule(f.rule_id, "");
    std::string suites;
    std::size_t total_tests = 0, total_failures = 0;
    for (const std::string& family : order) {
        std::string cases;
        std::size_t tests = 0, failures = 0;
        for (const auto& [rule, rule_name] : families[family]) {
            std::string classname = "residency." + family + "." + rule;
            bool any = false;
            for (const Finding& f : report.findings) {
                if (f.rule_id != rule) continue;
                any = true;
                ++tests;
                ++failures;
                Where w = where(report, f.range);
                std::string at = w.known ? file_line(w) : std::string("(no location)");
                std::string name = rule + " " + (f.asset.empty() ? at : f.asset + " at " + at);
                cases += "    <testcase classname=\"" + xml(classname) + "\" name=\"" + xml(name) + "\"";
                if (w.known) cases += " file=\"" + xml(w.path) + "\" line=\"" + std::to_string(w.line) + "\"";
                cases += ">\n      <failure message=\"" + xml(at + ": " + f.message) + "\" type=\"" +
                         std::string(severity_name(f.severity)) + "\">" + xml(failure_text(report, f)) +
                         "</failure>\n    </testcase>\n";
            }
            if (!any) {
                ++tests;
                cases += "    <testcase classname=\"" + xml(classname) + "\" name=\"" + xml(rule + " " + rule_name) +
                         "\"/>\n";
            }
        }
        total_tests += tests;
        total_failures += failures;
        suites += "  <testsuite name=\"residency." + xml(family) + "\" tests=\"" + std::to_string(tests) +
                  "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"0\">\n" + cases +
                  "  </testsuite>\n";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"residency\" tests=\"" +
           std::to_string(total_tests) + "\" failures=\"" + std::to_string(total_failures) + "\" errors=\"0\">\n" +
           suites + "</testsuites>\n";
}

namespace {

// ---- GitHub workflow commands (escaping as @actions/core's command.ts) ----

// Control characters (C0 but CR, LF and tab, C1) and bidirectional overrides shown as escapes
// (\x1b, \u202e), line by line: line ends stay, for the command's %0D and %0A.
std::string visible_lines(std::string_view raw) {
    std::string out;
    for (std::size_t pos = 0;;) {
        std::size_t nl = raw.find_first_of("\r\n", pos);
        out += sanitize_terminal(raw.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        if (nl == std::string_view::npos) return out;
        out += raw[nl];
        pos = nl + 1;
    }
}

std::string gh_data(std::string_view text) {
    std::string out;
    for (char c : valid_utf8(visible_lines(text))) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
            // Other control characters (ESC sequences) are shown, never passed to the log viewer.
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
            out += buf;
        } else out += c;
    }
    return out;
}

std::string gh_property(std::string_view raw) {
    std::string out;
    for (char c : gh_data(raw)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

std::string_view gh_command(Severity s) {
    switch (s) {
        case Severity::Critical:
        case Severity::High: return "error";
        case Severity::Medium: return "warning";
        case Severity::Low:
        case Severity::Info: return "notice";
    }
    return "notice";
}

std::string gh_annotation(const Report& report, const Finding& f, std::string_view command) {
    Where w = where(report, f.range);
    std::string props;
    if (w.known) {
        props = "file=" + gh_property(w.path) + ",line=" + std::to_string(w.line) + ",col=" + std::to_string(w.column) +
                ",endLine=" + std::to_string(w.end_line);
        // GitHub reads endColumn only when the annotation stays on one line.
        if (w.end_line == w.line) props += ",endColumn=" + std::to_string(w.end_column);
        props += ",";
    }
    props += "title=" + gh_property(f.rule_id);
    std::string message = f.message;
    for (const RelatedLocation& rel : f.related) {
        message += "\n= " + rel.message;
        Where r = where(report, rel.range);
        if (r.known) message += " (" + file_line(r) + ")";
    }
    return "::" + std::string(command) + " " + props + "::" + gh_data(message) + "\n";
}

}  // namespace

std::string write_github(const Report& report) {
    std::string out;
    for (const Finding& f : report.findings) out += gh_annotation(report, f, gh_command(f.severity));
    // Diagnostics say where the scan could not see: notices, whatever their severity.
    for (const Finding& d : report.diagnostics) out += gh_annotation(report, d, "notice");
    return out;
}

namespace {

// ---- Markdown ----

// Text in a Markdown paragraph or table cell: characters GitHub would read as markup are escaped,
// HTML cannot open, line breaks become spaces.
std::string md(std::string_view raw) {
    std::string out;
    for (char c : valid_utf8(sanitize_terminal(raw))) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '\n':
            case '\r': out += ' '; break;
            case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#': case '~': case '!':
            case '$':
                out += '\\';
                out += c;
                break;
            default: out += c;
        }
    }
    return out;
}

// A code span that cannot be broken out of: backticks inside become quotes.
std::string md_code(std::string_view raw) {
    std::string s = valid_utf8(sanitize_terminal(raw));
    for (char& c : s)
        if (c == '`' || c == '\n' || c == '\r') c = '\'';
    return "`" + s + "`";
}

constexpr std::size_t kTopFindings = 20;

}  // namespace

std::string write_markdown(const Report& report) {
    std::string out = "## residency: ";
    out += report.findings.empty() ? std::string("no findings") : plural(report.findings.size(), "finding");
    std::string codes;
    for (const std::string& c : report.jurisdiction.codes) codes += (codes.empty() ? "" : ", ") + c;
    out += " (jurisdiction: " + md(codes.empty() ? "none" : codes) + ")\n\n";
    out += "Scanned " + plural(report.files.size(), "file") + ", " + plural(report.asset_count, "asset") + " (" +
           std::to_string(report.located_asset_count) + " located); " + plural(report.diagnostics.size(), "diagnostic");
    if (!report.suppressed.empty()) out += ", " + std::to_string(report.suppressed.size()) + " suppressed in source";
    out += ".\n\n";

    auto counts = count_by_severity(report);
    out += "| Severity | Findings |\n| :-- | --: |\n";
    for (int s = static_cast<int>(Severity::Critical); s >= static_cast<int>(Severity::Info); --s)
        out += "| " + std::string(severity_name(static_cast<Severity>(s))) + " | " + std::to_string(counts[s]) + " |\n";
    out += "\n";

    std::map<std::string, std::array<std::size_t, 5>> families;
    for (const Finding& f : report.findings) ++families[std::string(report_family_of(f.rule_id))][static_cast<int>(f.severity)];
    if (!families.empty()) {
        out += "| Family | Critical | High | Medium | Low | Info | Total |\n| :-- | --: | --: | --: | --: | --: | --: |\n";
        for (const auto& [family, n] : families) {
            std::size_t total = 0;
            out += "| " + md(family);
            for (int s = static_cast<int>(Severity::Critical); s >= static_cast<int>(Severity::Info); --s) {
                out += " | " + std::to_string(n[s]);
                total += n[s];
            }
            out += " | " + std::to_string(total) + " |\n";
        }
        out += "\n";
    }

    auto sorted = by_severity(report);
    if (!sorted.empty()) {
        std::size_t shown = std::min(sorted.size(), kTopFindings);
        out += "### " + std::string(shown == sorted.size() ? "Findings" : "Top " + std::to_string(shown) + " findings") + "\n\n";
        for (std::size_t i = 0; i < shown; ++i) {
            const Finding& f = *sorted[i];
            Where w = where(report, f.range);
            out += std::to_string(i + 1) + ". **" + upper(severity_name(f.severity)) + "** " + md_code(f.rule_id);
            if (w.known) out += " " + md_code(file_line(w));
            out += ": " + md(f.message) + "\n";
            for (const RelatedLocation& rel : f.related) {
                out += "   - " + md(rel.message);
                Where r = where(report, rel.range);
                if (r.known) out += " (" + md_code(file_line(r)) + ")";
                out += "\n";
            }
        }
        if (sorted.size() > shown) out += "\n…and " + plural(sorted.size() - shown, "more finding") + " not shown.\n";
        out += "\n";
    }
    return out;
}

namespace {

// ---- GitLab SAST ----

std::string_view gitlab_severity(Severity s) {
    switch (s) {
        case Severity::Critical: return "Critical";
        case Severity::High: return "High";
        case Severity::Medium: return "Medium";
        case Severity::Low: return "Low";
        case Severity::Info: return "Info";
    }
    return "Unknown";
}

// The scan's start and end time GitLab requires: SOURCE_DATE_EPOCH when set (reproducible builds'
// convention), else the fixed 1970-01-01T00:00:00, so that the report does not change from run to run.
std::string report_time() {
    std::time_t t = 0;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(epoch, &end, 10);
        if (end != epoch && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    return buf;
}

// A UUID-shaped id derived from the finding's fingerprint: stable across runs and line moves.
std::string uuid_of(std::string_view text) {
    std::string h = sha256_hex(text);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

}  // namespace

std::string write_gitlab(const Report& report) {
    Json tool = Json{{"id", "residency"},
                     {"name", "residency"},
                     {"version", report.tool_version.empty() ? std::string("unknown") : report.tool_version},
                     {"vendor", Json{{"name", "residency"}}}};
    std::string time = report_time();
    Json vulnerabilities = Json::array();
    for (const Finding& f : report.findings) {
        const RuleMeta* meta = report_rule(report, f.rule_id);
        Where w = where(report, f.range);
        std::string description = f.message;
        for (const RelatedLocation& rel : f.related) {
            description += "\n- " + rel.message;
            Where r = where(report, rel.range);
            if (r.known) description += " (" + file_line(r) + ")";
        }
        Json location = Json::object();
        if (w.known) location = Json{{"file", w.path}, {"start_line", w.line}, {"end_line", std::max(w.line, w.end_line)}};
        Json identifier = Json{{"type", "residency_rule_id"}, {"name", f.rule_id}, {"value", f.rule_id}};
        if (meta && !meta->references.empty()) identifier["url"] = std::string(meta->references.front());
        std::string name = meta ? std::string(meta->title) : f.rule_id;
        vulnerabilities.push_back(Json{{"id", uuid_of(f.fingerprint.empty() ? f.rule_id + f.message : f.fingerprint)},
                                       {"category", "sast"},
                                       {"name", name.substr(0, 255)},
                                       {"description", description},
                                       {"severity", std::string(gitlab_severity(f.severity))},
                                       {"location", std::move(location)},
                                       {"identifiers", Json::array({std::move(identifier)})}});
    }
    Json doc = Json{{"version", "15.0.6"},
                    {"scan", Json{{"analyzer", tool},
                                  {"scanner", tool},
                                  {"type", "sast"},
                                  {"start_time", time},
                                  {"end_time", time},
                                  {"status", "success"}}},
                    {"vulnerabilities", std::move(vulnerabilities)}};
    return escape_json_invisible(doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
}

}  // namespace residency
