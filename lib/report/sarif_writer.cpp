// The SARIF 2.1.0 writer: clean under Microsoft's validator and shaped for GitHub code scanning.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "report/sanitize.hpp"
#include "report/writers.hpp"

namespace residency {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSrcRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "residency/v1";

std::string_view sarif_level(Severity s) {
    switch (s) {
        case Severity::Critical:
        case Severity::High: return "error";
        case Severity::Medium: return "warning";
        case Severity::Low:
        case Severity::Info: return "note";
    }
    return "note";
}

// GitHub code scanning maps this score to its critical/high/medium/low alert severities.
std::string_view security_severity(Severity s) {
    switch (s) {
        case Severity::Critical: return "9.5";
        case Severity::High: return "8.0";
        case Severity::Medium: return "5.5";
        case Severity::Low: return "3.0";
        case Severity::Info: return "1.0";
    }
    return "1.0";
}

std::string pascal_case(std::string_view kebab) {
    std::string out;
    bool up = true;
    for (char c : kebab) {
        if (c == '-' || c == '_' || c == ' ') {
            up = true;
            continue;
        }
        out += up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        up = false;
    }
    return out;
}

// SARIF validators ask that messages be sentences (rule SARIF2001).
std::string sentence(std::string_view text) {
    std::string out(text);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    if (!out.empty() && out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
    return out;
}

// A relative URI reference for a '/'-separated path: unreserved characters and '/' stay, the rest
// (spaces, '%', ':', non-ASCII bytes) are percent-encoded.
std::string uri_path(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        }
    }
    return out;
}

// Our columns count bytes; the run declares columnKind "unicodeCodePoints", so count code points
// (bytes that are not UTF-8 continuation bytes) before the byte column.
std::uint32_t code_point_column(const SourceFile& file, LineCol lc) {
    std::string_view line = file.line_text(lc.line);
    std::size_t bytes = lc.column - 1;
    std::size_t inside = std::min(bytes, line.size());
    std::uint32_t column = 1 + static_cast<std::uint32_t>(bytes - inside);
    for (std::size_t i = 0; i < inside; ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xc0) != 0x80) ++column;
    return column;
}

constexpr std::uint32_t kMaxSnippet = 1000;

// Whole lines around a region: the line before its first and the line after its last, when they exist.
Json context_region(const SourceFile& file, std::uint32_t first, std::uint32_t last) {
    std::uint32_t from = first > 1 ? first - 1 : first;
    std::uint32_t to = last + 1;
    // The "line" after a final newline is empty and not a line an editor shows.
    if (to > file.line_count() || (to == file.line_count() && file.line_text(to).empty())) to = last;
    std::string_view first_line = file.line_text(from);
    std::string_view last_line = file.line_text(to);
    std::size_t begin = first_line.data() - file.text.data();
    std::size_t end = last_line.data() - file.text.data() + last_line.size();
    LineCol stop{to, static_cast<std::uint32_t>(last_line.size() + 1)};
    return Json{{"startLine", from},
                {"startColumn", 1},
                {"endLine", to},
                {"endColumn", code_point_column(file, stop)},
                {"snippet", Json{{"text", file.text.substr(begin, end - begin)}}}};
}

struct Indexes {
    std::map<std::string_view, std::size_t> rule;  // rule ID -> index in driver.rules
    std::map<FileId, std::size_t> artifact;         // file -> index in run.artifacts
};

Json physical_location(const Report& report, const Indexes& idx, const Range& range) {
    const SourceFile& file = report.sources->get(range.file);
    Json artifact = Json{{"uri", uri_path(file.path)}, {"uriBaseId", kSrcRoot}};
    if (auto it = idx.artifact.find(range.file); it != idx.artifact.end()) artifact["index"] = it->second;
    LineCol begin = file.line_col(range.begin);
    LineCol end = file.line_col(std::max(range.begin, range.end));
    Json region = Json{{"startLine", begin.line},
                       {"startColumn", code_point_column(file, begin)},
                       {"endLine", end.line},
                       {"endColumn", code_point_column(file, end)}};
    Json location = Json{{"artifactLocation", std::move(artifact)}};
    // Snippets let a viewer show the code without the checkout; large regions (whole blocks) would
    // only bloat the log.
    std::uint32_t stop = std::min<std::uint32_t>(std::max(range.begin, range.end), file.text.size());
    std::uint32_t start = std::min(range.begin, stop);
    if (stop - start > kMaxSnippet) {
        location["region"] = std::move(region);
        return location;
    }
    region["snippet"] = Json{{"text", file.text.substr(start, stop - start)}};
    Json context = context_region(file, begin.line, end.line);
    // A context must be strictly larger than its region (validator rule SARIF1008).
    // Nor a context that is a whole one-line file (`terraform show -json` writes plans on one line).
    bool larger = context["snippet"]["text"].get_ref<const std::string&>().size() <= kMaxSnippet;
    bool differs = false;
    for (const char* key : {"startLine", "startColumn", "endLine", "endColumn"}) differs |= context[key] != region[key];
    larger = larger && differs;
    location["region"] = std::move(region);
    if (larger) location["contextRegion"] = std::move(context);
    return location;
}

Json rule_json(const RuleMeta& meta) {
    std::string family(report_family_of(meta.id));
    std::string help_text = sentence(meta.why) + "\n\nHow to fix: " + sentence(meta.fix);
    std::string help_md = sentence(meta.why) + "\n\n**How to fix:** " + sentence(meta.fix);
    if (!meta.references.empty()) {
        help_text += "\n\nReferences:";
        help_md += "\n\n**References:**\n";
        for (std::string_view ref : meta.references) {
            help_text += "\n- " + std::string(ref);
            help_md += "\n- <" + std::string(ref) + ">";
        }
    }
    // "security" is the tag that makes GitHub read security-severity.
    Json properties = Json{{"tags", Json::array({"security", "residency", family})},
                           {"security-severity", security_severity(meta.severity)},
                           {"precision", "high"}};
    return Json{{"id", meta.id},
                {"name", pascal_case(meta.name)},
                {"shortDescription", Json{{"text", sentence(meta.title)}}},
                {"fullDescription", Json{{"text", sentence(meta.why)}}},
                {"help", Json{{"text", help_text}, {"markdown", help_md}}},
                {"defaultConfiguration", Json{{"level", sarif_level(meta.severity)}}},
                {"properties", std::move(properties)}};
}

Json result_json(const Report& report, const Indexes& idx, const Finding& f) {
    Json result = Json{{"ruleId", f.rule_id}};
    if (auto it = idx.rule.find(f.rule_id); it != idx.rule.end()) result["ruleIndex"] = it->second;
    result["level"] = sarif_level(f.severity);
    result["message"] = Json{{"text", sentence(f.message)}};
    Json location = Json{{"physicalLocation", physical_location(report, idx, f.range)}};
    // The asset, qualified by its root: one module file used by several roots gives one result each.
    if (!f.asset.empty()) {
        std::string qualified = f.root.empty() || f.root == "." ? f.asset : f.root + "/" + f.asset;
        location["logicalLocations"] =
            Json::array({Json{{"name", f.asset}, {"fullyQualifiedName", qualified}, {"kind", "resource"}}});
    }
    result["locations"] = Json::array({std::move(location)});
    Json related = Json::array();
    for (const RelatedLocation& rel : f.related) {
        if (!has_source(report, rel.range)) continue;
        related.push_back(Json{{"id", related.size() + 1},
                               {"physicalLocation", physical_location(report, idx, rel.range)},
                               {"message", Json{{"text", sentence(rel.message)}}}});
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    if (!f.fingerprint.empty()) result["partialFingerprints"] = Json{{kFingerprintKey, f.fingerprint}};
    if (!f.asset.empty()) result["properties"] = Json{{"asset", f.asset}, {"root", f.root}};
    return result;
}

bool is_semantic_version(std::string_view v) {
    int dots = 0;
    std::size_t digits = 0;
    std::size_t i = 0;
    for (; i < v.size() && v[i] != '-' && v[i] != '+'; ++i) {
        if (v[i] == '.') {
            if (digits == 0) return false;
            ++dots;
            digits = 0;
        } else if (v[i] >= '0' && v[i] <= '9') {
            ++digits;
        } else {
            return false;
        }
    }
    return dots == 2 && digits > 0 && (i == v.size() || i + 1 < v.size());
}

}  // namespace

std::string write_sarif(const Report& report, std::string_view src_root_uri) {
    Indexes idx;
    Json rules = Json::array();
    for (const RuleMeta* meta : report.rules) {
        if (!meta || idx.rule.count(meta->id)) continue;
        idx.rule.emplace(meta->id, rules.size());
        rules.push_back(rule_json(*meta));
    }

    Json artifacts = Json::array();
    for (const ScannedFile& file : report.files) {
        if (!report.sources || file.id >= report.sources->size() || idx.artifact.count(file.id)) continue;
        const SourceFile& source = report.sources->get(file.id);
        idx.artifact.emplace(file.id, artifacts.size());
        Json artifact = Json{{"location", Json{{"uri", uri_path(source.path)}, {"uriBaseId", kSrcRoot}}},
                             {"length", source.text.size()}};
        if (!file.sha256.empty()) artifact["hashes"] = Json{{"sha-256", file.sha256}};
        artifacts.push_back(std::move(artifact));
    }

    // GitHub rejects results without a location; one with none (an unreadable input) is a tool
    // execution notification instead, which is what SARIF has them for.
    Json results = Json::array();
    Json notifications = Json::array();
    for (const auto* list : {&report.findings, &report.diagnostics, &report.suppressed}) {
        for (const Finding& f : *list) {
            if (has_source(report, f.range)) {
                Json result = result_json(report, idx, f);
                // With a baseline every result listed is new (unchanged ones are left out).
                if (!report.baseline_path.empty()) result["baselineState"] = "new";
                if (list == &report.suppressed) {
                    Json suppression = Json{{"kind", "inSource"}};
                    if (!f.justification.empty()) suppression["justification"] = f.justification;
                    if (!f.until.empty()) suppression["properties"] = Json{{"until", f.until}};
                    result["suppressions"] = Json::array({std::move(suppression)});
                }
                results.push_back(std::move(result));
                continue;
            }
            Json descriptor = Json{{"id", f.rule_id}};
            if (auto it = idx.rule.find(f.rule_id); it != idx.rule.end()) descriptor["index"] = it->second;
            notifications.push_back(Json{{"descriptor", std::move(descriptor)},
                                         {"level", sarif_level(f.severity)},
                                         {"message", Json{{"text", sentence(f.message)}}}});
        }
    }

    Json driver = Json{{"name", "residency"}};
    if (!report.tool_version.empty()) driver["version"] = report.tool_version;
    if (is_semantic_version(report.tool_version)) driver["semanticVersion"] = report.tool_version;
    driver["informationUri"] = "https://github.com/residency-dev/residency";
    driver["rules"] = std::move(rules);

    Json run = Json{{"tool", Json{{"driver", std::move(driver)}}}};
    if (!notifications.empty())
        run["invocations"] = Json::array(
            {Json{{"executionSuccessful", true}, {"toolExecutionNotifications", std::move(notifications)}}});
    run["originalUriBaseIds"] = Json{{kSrcRoot, src_root_uri.empty()
                                                    ? Json{{"description", Json{{"text", "The directory the scan started from."}}}}
                                                    : Json{{"uri", src_root_uri}}}};
    run["artifacts"] = std::move(artifacts);
    run["results"] = std::move(results);
    run["columnKind"] = "unicodeCodePoints";
    if (!report.baseline_path.empty()) {
        Json absent = Json::array();
        for (const BaselineEntry& e : report.baseline_absent)
            absent.push_back(Json{{"fingerprint", e.fingerprint}, {"ruleId", e.rule}, {"path", e.path}, {"message", e.message}});
        run["properties"] = Json{{"baseline", Json{{"path", report.baseline_path},
                                                   {"unchanged", report.baseline_unchanged},
                                                   {"absent", std::move(absent)}}}};
    }
    Json log = Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", Json::array({std::move(run)})}};
    return escape_json_invisible(log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
}

}  // namespace residency
