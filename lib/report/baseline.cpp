// Baseline files: writing, strict reading, and comparing a report with one.
#include "report/baseline.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace residency {
namespace {

using Json = nlohmann::ordered_json;

BaselineEntry entry_of(const Report& report, const Finding& f) {
    BaselineEntry e;
    e.fingerprint = f.fingerprint;
    e.rule = f.rule_id;
    e.severity = std::string(severity_name(f.severity));
    e.root = f.root;
    e.asset = f.asset;
    if (report.sources && f.range.valid() && f.range.file < report.sources->size())
        e.path = report.sources->get(f.range.file).path;
    e.message = f.message;
    return e;
}

// Line and column of a byte offset, for parse errors.
std::string position(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

std::string write_baseline(const Report& report) {
    std::vector<BaselineEntry> entries;
    for (const auto* list : {&report.findings, &report.diagnostics})
        for (const Finding& f : *list) entries.push_back(entry_of(report, f));
    auto key = [](const BaselineEntry& e) { return std::tie(e.path, e.rule, e.root, e.asset, e.fingerprint, e.message); };
    std::sort(entries.begin(), entries.end(), [&](const BaselineEntry& a, const BaselineEntry& b) { return key(a) < key(b); });
    Json findings = Json::array();
    for (const auto& e : entries)
        findings.push_back(Json{{"fingerprint", e.fingerprint},
                                {"rule", e.rule},
                                {"severity", e.severity},
                                {"root", e.root},
                                {"asset", e.asset},
                                {"path", e.path},
                                {"message", e.message}});
    Json doc = Json{{"version", "1"}, {"tool", "residency"}, {"findings", std::move(findings)}};
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::variant<Baseline, std::string> parse_baseline(std::string_view display_path, std::string_view text) {
    const std::string where(display_path);
    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        return where + ":" + position(text, e.byte > 0 ? e.byte - 1 : 0) + ": error: not a residency baseline (invalid JSON)";
    }
    auto fail = [&](const std::string& message) { return where + ": error: " + message; };
    if (!doc.is_object()) return fail("a baseline must be a JSON object with version, tool and findings");
    if (!doc.contains("version") || doc["version"] != "1")
        return fail("unsupported baseline version (expected \"1\"; write it again with `residency baseline`)");
    if (!doc.contains("findings") || !doc["findings"].is_array()) return fail("\"findings\" must be a list");
    Baseline out;
    std::size_t index = 0;
    for (const auto& item : doc["findings"]) {
        auto field = [&](const char* name) -> std::string {
            if (!item.is_object() || !item.contains(name) || !item[name].is_string()) return {};
            return item[name].get<std::string>();
        };
        BaselineEntry e;
        e.fingerprint = field("fingerprint");
        if (e.fingerprint.empty())
            return fail("findings[" + std::to_string(index) + "] has no \"fingerprint\" string");
        e.rule = field("rule");
        e.severity = field("severity");
        e.root = field("root");
        e.asset = field("asset");
        e.path = field("path");
        e.message = field("message");
        out.entries.push_back(std::move(e));
        ++index;
    }
    return out;
}

void apply_baseline(const Baseline& baseline, std::string display_path, Report& report,
                    const std::vector<std::string>& only_paths) {
    std::multimap<std::string, std::size_t> known;  // fingerprint -> entry index, consumed once each
    for (std::size_t i = 0; i < baseline.entries.size(); ++i) known.emplace(baseline.entries[i].fingerprint, i);
    std::vector<bool> matched(baseline.entries.size(), false);
    report.baseline_path = std::move(display_path);
    report.baseline_unchanged = 0;
    for (auto* list : {&report.findings, &report.diagnostics})
        std::erase_if(*list, [&](const Finding& f) {
            auto it = known.find(f.fingerprint);
            if (it == known.end()) return false;
            matched[it->second] = true;
            known.erase(it);
            ++report.baseline_unchanged;
            return true;
        });
    report.baseline_absent.clear();
    for (std::size_t i = 0; i < baseline.entries.size(); ++i)
        if (!matched[i] && (only_paths.empty() || std::find(only_paths.begin(), only_paths.end(),
                                                             baseline.entries[i].path) != only_paths.end()))
            report.baseline_absent.push_back(baseline.entries[i]);
}

}  // namespace residency
