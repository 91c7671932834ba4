// The register and graph writers (`residency inventory`, `residency graph`): they read only the
// Report's inventory, graph and findings, in the Report's order, and add no timestamps.
#pragma once

#include <string>

#include "report/report.hpp"

namespace residency {

struct InventoryOptions {
    // The SHA-256 of every scanned file and of the policy, and the tool version: a stored register
    // can be checked against the repository it describes.
    bool evidence = false;
};

// docs/inventory-schema.json
std::string write_inventory_json(const Report& report, const InventoryOptions& options = {});
// RFC 4180 (CRLF, every field quoted); cells a spreadsheet would run as formulas are prefixed with '.
std::string write_inventory_csv(const Report& report);
std::string write_inventory_markdown(const Report& report, const InventoryOptions& options = {});

struct HtmlOptions {
    bool evidence = false;
    std::string svg;          // the graph drawn by Graphviz; "" when it is not available
    std::string dot;          // the graph in DOT, shown as text when there is no SVG
    std::string link_prefix;  // from the page's directory to the working directory ("" or "../")
};
// One self-contained page: the register as a sortable table, the graph, the findings.
std::string write_inventory_html(const Report& report, const HtmlOptions& options);

std::string write_graph_dot(const Report& report);
std::string write_graph_mermaid(const Report& report);

// Text for a double-quoted DOT string; for a quoted Mermaid label; for HTML text and attributes.
std::string dot_escape(std::string_view text);
std::string mermaid_escape(std::string_view text);
std::string html_escape(std::string_view text);

}  // namespace residency
