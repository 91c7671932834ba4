// The JSON writer: schema version "1" (docs/json-schema.json), keys in documented order.
#include <nlohmann/json.hpp>

#include "report/sanitize.hpp"
#include "report/writers.hpp"

namespace residency {
namespace {

using Json = nlohmann::ordered_json;

Json location_json(const Report& report, const Range& range) {
    if (!has_source(report, range)) return nullptr;
    const SourceFile& file = report.sources->get(range.file);
    LineCol begin = file.line_col(range.begin);
    LineCol end = file.line_col(std::max(range.begin, range.end));
    return Json{{"path", file.path},
                {"start_line", begin.line},
                {"start_column", begin.column},
                {"end_line", end.line},
                {"end_column", end.column}};
}

Json finding_json(const Report& report, const Finding& f) {
    const RuleMeta* meta = report_rule(report, f.rule_id);
    Json related = Json::array();
    for (const RelatedLocation& rel : f.related)
        related.push_back(Json{{"message", rel.message}, {"location", location_json(report, rel.range)}});
    return Json{{"rule", f.rule_id},
                {"name", meta ? Json(std::string(meta->name)) : Json(nullptr)},
                {"family", std::string(report_family_of(f.rule_id))},
                {"severity", std::string(severity_name(f.severity))},
                {"message", f.message},
                {"root", f.root.empty() ? Json(nullptr) : Json(f.root)},
                {"asset", f.asset.empty() ? Json(nullptr) : Json(f.asset)},
                {"fingerprint", f.fingerprint},
                {"location", location_json(report, f.range)},
                {"related", std::move(related)}};
}

Json summary_json(const Report& report) {
    auto counts = count_by_severity(report);
    Json by = Json::object();
    for (int s = static_cast<int>(Severity::Critical); s >= static_cast<int>(Severity::Info); --s)
        by[std::string(severity_name(static_cast<Severity>(s)))] = counts[s];
    Json unreported = Json::object();
    for (const auto& [rule, n] : report.unreported) unreported[rule] = n;
    return Json{{"files", report.files.size()},
                {"assets", report.asset_count},
                {"located_assets", report.located_asset_count},
                {"findings", report.findings.size()},
                {"diagnostics", report.diagnostics.size()},
                {"suppressed", report.suppressed.size()},
                {"unreported", std::move(unreported)},
                {"by_severity", std::move(by)}};
}

}  // namespace

std::string write_json(const Report& report) {
    Json findings = Json::array();
    for (const Finding& f : report.findings) findings.push_back(finding_json(report, f));
    Json diagnostics = Json::array();
    for (const Finding& d : report.diagnostics) diagnostics.push_back(finding_json(report, d));
    Json suppressed = Json::array();
    for (const Finding& f : report.suppressed) {
        Json j = finding_json(report, f);
        j["justification"] = f.justification;
        j["until"] = f.until.empty() ? Json(nullptr) : Json(f.until);
        j["suppressed_at"] = f.suppressed_at.empty() ? Json(nullptr) : Json(f.suppressed_at);
        suppressed.push_back(std::move(j));
    }
    Json files = Json::array();
    for (const ScannedFile& file : report.files) {
        std::string path = report.sources && file.id < report.sources->size() ? report.sources->get(file.id).path : "";
        files.push_back(Json{{"path", path}, {"sha256", file.sha256}});
    }
    if (report.shard.count) {
        // What `residency merge` needs besides what every report holds: the key that orders and
        // tells apart findings at one place, the rules that ran, and the roots.
        auto add_keys = [](Json& list, const std::vector<Finding>& from) {
            for (std::size_t i = 0; i < from.size(); ++i) list[i]["key"] = from[i].key;
        };
        add_keys(findings, report.findings);
        add_keys(diagnostics, report.diagnostics);
        add_keys(suppressed, report.suppressed);
    }
    Json doc = Json{
        {"version", "1"},
        {"tool", Json{{"name", "residency"}, {"version", report.tool_version}}},
        {"policy", Json{{"path", report.policy_path.empty() ? Json(nullptr) : Json(report.policy_path)},
                        {"jurisdiction", report.jurisdiction.codes},
                        {"jurisdiction_origin", report.jurisdiction.origin},
                        {"jurisdiction_explanation", report.jurisdiction.explanation}}},
        {"summary", summary_json(report)},
        {"findings", std::move(findings)},
        {"diagnostics", std::move(diagnostics)},
        {"suppressed", std::move(suppressed)},
        {"files", std::move(files)},
    };
    if (!report.baseline_path.empty()) {
        Json absent = Json::array();
        for (const BaselineEntry& e : report.baseline_absent)
            absent.push_back(Json{{"fingerprint", e.fingerprint},
                                  {"rule", e.rule},
                                  {"severity", e.severity},
                                  {"root", e.root},
                                  {"asset", e.asset},
                                  {"path", e.path},
                                  {"message", e.message}});
        doc["baseline"] = Json{{"path", report.baseline_path},
                               {"unchanged", report.baseline_unchanged},
                               {"absent", std::move(absent)}};
    }
    if (report.shard.count) {
        Json rules = Json::array();
        for (const RuleMeta* r : report.rules) rules.push_back(std::string(r->id));
        doc["shard"] = Json{{"index", report.shard.index},
                            {"count", report.shard.count},
                            {"roots", report.shard.roots},
                            {"unreported_at", Json{{"RES004", report.shard.unreported_at}}},
                            {"rules", std::move(rules)}};
    }
    // Scanned text may hold invalid UTF-8; replacing it (U+FFFD) keeps the writer from throwing.
    return escape_json_invisible(doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
}

}  // namespace residency
