// The auditor's page: one self-contained HTML file (inline style and script only, enforced by its
// Content-Security-Policy) with the register as a sortable table, the graph, and the findings with
// their provenance. Every text from scanned files is escaped.
#include <fmt/format.h>

#include <cctype>

#include "report/inventory_writers.hpp"
#include "report/sanitize.hpp"
#include "report/writers.hpp"

namespace residency {
namespace {

struct Where {
    std::string path;
    std::uint32_t line = 0;
};

Where where(const Report& report, const Range& range) {
    if (!range.valid() || !report.sources || range.file >= report.sources->size()) return {};
    const SourceFile& f = report.sources->get(range.file);
    return {f.path, f.line_col(range.begin).line};
}

// A relative link to a file and line; the path is percent-encoded so that it stays a path.
std::string link(const Report& report, const Range& range, const std::string& prefix) {
    Where w = where(report, range);
    if (w.path.empty()) return "";
    std::string href = prefix;
    for (unsigned char c : w.path) {
        bool plain = std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~';
        href += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
    }
    // A leading ':' would make the first segment a scheme (javascript:...): percent-encoded above.
    return fmt::format("<a href=\"{}#L{}\">{}:{}</a>", html_escape(href), w.line, html_escape(w.path), w.line);
}

std::string chain(const Report& report, const std::vector<RelatedLocation>& steps, const std::string& prefix) {
    if (steps.empty()) return "";
    std::string out = "<ol class=\"chain\">";
    for (const RelatedLocation& s : steps) {
        out += "<li>" + html_escape(s.message);
        std::string l = link(report, s.range, prefix);
        if (!l.empty()) out += " <span class=\"at\">" + l + "</span>";
        out += "</li>";
    }
    return out + "</ol>";
}

constexpr const char* kStyle = R"(body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d1d1f}
h1{font-size:22px}h2{font-size:18px;margin-top:28px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f0f0f0;cursor:pointer;user-select:none;white-space:nowrap}th:after{content:" \2195";color:#999}
tr:nth-child(even) td{background:#fafafa}
.inside{color:#116611;font-weight:600}.outside{color:#b00000;font-weight:600}.unknown{color:#8a6d00}
.chain{margin:0;padding-left:18px;font-size:12px}.at{color:#555}.picture{overflow:auto;border:1px solid #ddd;padding:8px}
svg{max-width:100%;height:auto}
pre{white-space:pre-wrap;background:#f6f6f6;padding:8px}.finding{margin:10px 0}
.sev{font-weight:600;text-transform:uppercase;font-size:12px}
)";

// Click a header to sort by it; again to reverse. Numbers (line) compare as numbers.
constexpr const char* kScript = R"(document.querySelectorAll('table.sortable').forEach(function(t){
var hs=t.tHead.rows[0].cells;for(var i=0;i<hs.length;i++){(function(c){hs[c].addEventListener('click',function(){
var b=t.tBodies[0],rs=Array.prototype.slice.call(b.rows),asc=t.getAttribute('data-col')!=String(c)||t.getAttribute('data-dir')!='asc';
rs.sort(function(x,y){var p=x.cells[c].textContent,q=y.cells[c].textContent,m=parseFloat(p),n=parseFloat(q);
var r=(!isNaN(m)&&!isNaN(n))?m-n:p.localeCompare(q);return asc?r:-r;});
rs.forEach(function(r){b.appendChild(r);});t.setAttribute('data-col',String(c));t.setAttribute('data-dir',asc?'asc':'desc');});})(i);}});
)";

// The SVG Graphviz writes, from its root element on (no XML declaration or DOCTYPE inside HTML).
std::string svg_element(const std::string& svg) {
    std::size_t at = svg.find("<svg");
    return at == std::string::npos ? "" : svg.substr(at);
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    for (char c : sanitize_terminal(text)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string write_inventory_html(const Report& report, const HtmlOptions& options) {
    const std::string& prefix = options.link_prefix;
    std::string home;
    for (const auto& j : report.jurisdiction.codes) home += (home.empty() ? "" : ", ") + j;
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">\n"
        "<title>Residency inventory</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n<h1>Residency inventory</h1>\n";
    out += fmt::format("<p>Home jurisdiction: <b>{}</b> ({}). {} assets, {} findings. residency {}.</p>\n",
                       html_escape(home.empty() ? "none" : home), html_escape(report.jurisdiction.explanation),
                       report.inventory.size(), report.findings.size(), html_escape(report.tool_version));

    out += "<h2>Graph</h2>\n<div class=\"picture\">\n";
    std::string svg = svg_element(options.svg);
    if (!svg.empty()) out += svg + "\n";
    else
        out += "<p>Graphviz (<code>dot</code>) was not found, so the graph is not drawn: install graphviz and run "
               "again to see the picture. The graph in DOT:</p>\n<pre>" +
               html_escape(options.dot) + "</pre>\n";
    out += "</div>\n";

    out += "<h2>Register</h2>\n<table id=\"register\" class=\"sortable\">\n<thead><tr><th>Asset</th><th>Type</th>"
           "<th>Class</th><th>File</th><th>Location</th><th>Jurisdiction</th><th>Provenance</th></tr></thead>\n<tbody>\n";
    for (const InventoryEntry& e : report.inventory) {
        // The file names the root: an address is unique within it.
        const std::string& asset = e.address;
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td></tr>\n",
                           html_escape(asset), html_escape(e.type), html_escape(e.asset_class), link(report, e.range, prefix),
                           html_escape(e.location), html_escape(e.verdict), html_escape(e.verdict),
                           chain(report, e.provenance, prefix));
    }
    out += "</tbody>\n</table>\n";

    out += fmt::format("<h2>Findings ({})</h2>\n", report.findings.size());
    if (report.findings.empty()) out += "<p>None.</p>\n";
    for (const Finding& f : report.findings) {
        out += fmt::format("<div class=\"finding\"><span class=\"sev\">{}</span> <b>{}</b> {} <span class=\"at\">{}</span>{}</div>\n",
                           html_escape(severity_name(f.severity)), html_escape(f.rule_id), html_escape(f.message),
                           link(report, f.range, prefix), chain(report, f.related, prefix));
    }

    if (options.evidence) {
        out += fmt::format("<h2>Evidence</h2>\n<p>Tool: residency {}.", html_escape(report.tool_version));
        if (!report.policy_path.empty())
            out += fmt::format(" Policy: {} sha256 <code>{}</code>.", html_escape(report.policy_path), report.policy_sha256);
        out += "</p>\n<table id=\"evidence\" class=\"sortable\"><thead><tr><th>File</th><th>SHA-256</th></tr></thead><tbody>\n";
        for (const ScannedFile& f : report.files) {
            std::string path = report.sources && f.id < report.sources->size() ? report.sources->get(f.id).path : "";
            out += fmt::format("<tr><td>{}</td><td><code>{}</code></td></tr>\n", html_escape(path), f.sha256);
        }
        out += "</tbody></table>\n";
    }
    out += "<script>";
    out += kScript;
    out += "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace residency
