// The residency register as JSON (docs/inventory-schema.json), CSV and Markdown.
#include <fmt/format.h>

#include <array>

#include <nlohmann/json.hpp>

#include "report/inventory_writers.hpp"
#include "report/sanitize.hpp"

namespace residency {
namespace {

using Json = nlohmann::ordered_json;

struct Where {
    std::string path;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

Where where(const Report& report, const Range& range) {
    if (!range.valid() || !report.sources || range.file >= report.sources->size()) return {};
    const SourceFile& f = report.sources->get(range.file);
    LineCol lc = f.line_col(range.begin);
    return {f.path, lc.line, lc.column};
}

Json where_json(const Report& report, const Range& range) {
    Where w = where(report, range);
    if (w.path.empty()) return nullptr;
    return Json{{"path", w.path}, {"line", w.line}, {"column", w.column}};
}

std::string file_line(const Where& w) { return w.path.empty() ? "" : fmt::format("{}:{}", w.path, w.line); }

std::string provenance_text(const Report& report, const InventoryEntry& e, std::string_view sep) {
    std::string out;
    for (const RelatedLocation& step : e.provenance) {
        if (!out.empty()) out += sep;
        out += step.message;
        std::string at = file_line(where(report, step.range));
        if (!at.empty()) out += " (" + at + ")";
    }
    return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
}

std::string path_of(const Report& report, FileId id) {
    return report.sources && id < report.sources->size() ? report.sources->get(id).path : "";
}

// Counts of entries by verdict, in a fixed order.
std::array<std::size_t, 4> verdict_counts(const Report& report) {
    std::array<std::size_t, 4> n{};
    for (const auto& e : report.inventory) {
        if (e.verdict == "inside") ++n[0];
        else if (e.verdict == "outside") ++n[1];
        else if (e.verdict == "unknown") ++n[2];
        else ++n[3];
    }
    return n;
}

std::string csv_cell(std::string_view text) {
    // Control and bidi characters made visible: the file may be shown on a terminal (cat, less).
    std::string s = sanitize_terminal(text);
    // A cell starting like a formula would run in a spreadsheet (CSV injection): make it text.
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(0, "'");
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string md_cell(std::string_view text) {
    std::string out;
    for (char c : sanitize_terminal(text)) {
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<>|#!~&").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

std::string write_inventory_json(const Report& report, const InventoryOptions& options) {
    Json assets = Json::array();
    for (const InventoryEntry& e : report.inventory) {
        Json provenance = Json::array();
        for (const RelatedLocation& step : e.provenance) {
            Where w = where(report, step.range);
            provenance.push_back(Json{{"message", step.message},
                                      {"path", w.path.empty() ? Json(nullptr) : Json(w.path)},
                                      {"line", w.path.empty() ? Json(nullptr) : Json(w.line)},
                                      {"column", w.path.empty() ? Json(nullptr) : Json(w.column)}});
        }
        Json place = nullptr;
        if (!e.place_code.empty())
            place = Json{{"code", e.place_code}, {"description", e.place_description}, {"countries", e.countries}};
        assets.push_back(Json{{"root", e.root},
                              {"address", e.address},
                              {"type", e.type},
                              {"format", e.format},
                              {"class", e.asset_class},
                              {"location", where_json(report, e.range)},
                              {"location_state", e.location_state},
                              {"place", std::move(place)},
                              {"resolved", e.location},
                              {"jurisdiction", e.verdict},
                              {"provenance", std::move(provenance)}});
    }
    Json links = Json::array();
    // An end that is an asset of the register is also named by its index in "assets".
    auto asset_index = [&](std::size_t node) {
        std::size_t entry = report.graph_nodes[node].entry;
        return entry < report.inventory.size() ? Json(entry) : Json(nullptr);
    };
    for (const GraphEdge& g : report.graph_edges)
        links.push_back(Json{{"from", report.graph_nodes[g.from].label},
                             {"to", report.graph_nodes[g.to].label},
                             {"from_asset", asset_index(g.from)},
                             {"to_asset", asset_index(g.to)},
                             {"kind", g.kind},
                             {"crosses_border", g.crosses_border},
                             {"location", where_json(report, g.range)}});
    auto n = verdict_counts(report);
    Json doc = Json{
        {"version", "1"},
        {"kind", "inventory"},
        {"tool", Json{{"name", "residency"}, {"version", report.tool_version}}},
        {"policy", Json{{"path", report.policy_path.empty() ? Json(nullptr) : Json(report.policy_path)},
                        {"jurisdiction", report.jurisdiction.codes},
                        {"jurisdiction_origin", report.jurisdiction.origin}}},
        {"summary", Json{{"assets", report.inventory.size()},
                         {"inside", n[0]},
                         {"outside", n[1]},
                         {"unknown", n[2]},
                         {"not_applicable", n[3]},
                         {"links", report.graph_edges.size()}}},
        {"assets", std::move(assets)},
        {"links", std::move(links)},
    };
    if (options.evidence) {
        Json files = Json::array();
        for (const ScannedFile& f : report.files) files.push_back(Json{{"path", path_of(report, f.id)}, {"sha256", f.sha256}});
        doc["evidence"] = Json{{"tool_version", report.tool_version},
                               {"policy", report.policy_path.empty()
                                              ? Json(nullptr)
                                              : Json{{"path", report.policy_path}, {"sha256", report.policy_sha256}}},
                               {"files", std::move(files)}};
    }
    return escape_json_invisible(doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
}

std::string write_inventory_csv(const Report& report) {
    std::string out;
    auto row = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
        out += "\r\n";
    };
    row({"root", "address", "type", "format", "class", "file", "line", "column", "location_state", "place", "countries",
         "resolved", "jurisdiction", "provenance"});
    for (const InventoryEntry& e : report.inventory) {
        Where w = where(report, e.range);
        row({e.root, e.address, e.type, e.format, e.asset_class, w.path, w.path.empty() ? "" : std::to_string(w.line),
             w.path.empty() ? "" : std::to_string(w.column), e.location_state, e.place_code, join(e.countries, " "),
             e.location, e.verdict, provenance_text(report, e, " <- ")});
    }
    return out;
}

std::string write_inventory_markdown(const Report& report, const InventoryOptions& options) {
    auto n = verdict_counts(report);
    std::string home = report.jurisdiction.codes.empty() ? "none" : join(report.jurisdiction.codes, ", ");
    std::string out = "# Residency inventory\n\n";
    out += fmt::format("Home jurisdiction: {} ({}). {} assets: {} inside, {} outside, {} unknown, {} without a location.\n\n",
                       md_cell(home), md_cell(report.jurisdiction.origin), report.inventory.size(), n[0], n[1], n[2], n[3]);
    out += "| File | Asset | Type | Class | Location | Jurisdiction | Provenance |\n";
    out += "|---|---|---|---|---|---|---|\n";
    for (const InventoryEntry& e : report.inventory) {
        // The file names the root: an address is unique within it.
        const std::string& asset = e.address;
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", md_cell(file_line(where(report, e.range))),
                           md_cell(asset), md_cell(e.type), md_cell(e.asset_class), md_cell(e.location),
                           md_cell(e.verdict), md_cell(provenance_text(report, e, " ← ")));
    }
    if (!report.graph_edges.empty()) {
        out += "\n## Links\n\n| From | Link | To | Crosses a border |\n|---|---|---|---|\n";
        for (const GraphEdge& g : report.graph_edges)
            out += fmt::format("| {} | {} | {} | {} |\n", md_cell(report.graph_nodes[g.from].label), md_cell(g.kind),
                               md_cell(report.graph_nodes[g.to].label), g.crosses_border ? "yes" : "no");
    }
    if (options.evidence) {
        out += fmt::format("\n## Evidence\n\nTool: residency {}\n\n", md_cell(report.tool_version));
        if (!report.policy_path.empty())
            out += fmt::format("Policy: {} sha256 {}\n\n", md_cell(report.policy_path), report.policy_sha256);
        out += "| File | SHA-256 |\n|---|---|\n";
        for (const ScannedFile& f : report.files) out += fmt::format("| {} | {} |\n", md_cell(path_of(report, f.id)), f.sha256);
    }
    return out;
}

}  // namespace residency
