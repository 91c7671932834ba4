// The graph in DOT and Mermaid: assets clustered by jurisdiction or country, links labelled by
// kind, links that cross a border in red and bold. Labels come from scanned files: every one is
// escaped for the target language, after control and bidi characters are made visible.
#include <fmt/format.h>

#include <cctype>
#include <map>

#include "report/inventory_writers.hpp"
#include "report/sanitize.hpp"

namespace residency {
namespace {

std::string visible(std::string_view text) {
    std::string s = sanitize_terminal(text);
    for (char& c : s)
        if (c == '\t') c = ' ';
    return s;
}

// Clusters in the Report's node order (sorted by group): group -> node indexes.
std::vector<std::pair<std::string, std::vector<std::size_t>>> clusters(const Report& report) {
    std::vector<std::pair<std::string, std::vector<std::size_t>>> out;
    for (std::size_t i = 0; i < report.graph_nodes.size(); ++i) {
        const std::string& g = report.graph_nodes[i].group;
        if (out.empty() || out.back().first != g) out.push_back({g, {}});
        out.back().second.push_back(i);
    }
    return out;
}

std::string cluster_label(const Report& report, const std::string& group) {
    for (const auto& j : report.jurisdiction.codes) {
        std::string up;
        for (char c : j) up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (up == group) return group + " (home jurisdiction)";
    }
    return group;
}

const char* fill(const std::string& verdict) {
    if (verdict == "inside") return "#dff3e4";
    if (verdict == "outside") return "#fbdcdc";
    if (verdict == "unknown") return "#fff4cc";
    return "#eeeeee";
}

}  // namespace

std::string dot_escape(std::string_view text) {
    std::string out;
    for (char c : visible(text)) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string mermaid_escape(std::string_view text) {
    // Mermaid reads entity codes (#35; #quot;) in quoted labels; anything beyond plain words is one,
    // so no character can close the label, start markdown or HTML, or a directive.
    std::string out;
    std::string s = visible(text);
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = 0;
        std::size_t len = decode_utf8(s, i, cp);
        if (len == 0) {
            cp = 0xfffd;
            len = 1;
        }
        bool plain = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
                     cp == ' ' || cp == '.' || cp == '_' || cp == '-' || cp == '/' || cp == ':' || cp == ',' ||
                     cp == '(' || cp == ')';
        if (plain) out += static_cast<char>(cp);
        else out += fmt::format("#{};", static_cast<std::uint32_t>(cp));
        i += len;
    }
    return out;
}

std::string write_graph_dot(const Report& report) {
    std::string out =
        "digraph residency {\n"
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, labeljust=l];\n"
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n";
    auto groups = clusters(report);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        out += fmt::format("  subgraph cluster_{} {{\n    label=\"{}\";\n    style=\"rounded\";\n    color=\"#999999\";\n", g,
                           dot_escape(cluster_label(report, groups[g].first)));
        for (std::size_t i : groups[g].second) {
            const GraphNode& n = report.graph_nodes[i];
            const char* shape = n.kind == "asset" ? "box" : n.kind == "endpoint" ? "component" : "ellipse";
            out += fmt::format("    n{} [label=\"{}\", shape={}, fillcolor=\"{}\"];\n", i, dot_escape(n.label), shape,
                               fill(n.verdict));
        }
        out += "  }\n";
    }
    for (const GraphEdge& e : report.graph_edges) {
        out += fmt::format("  n{} -> n{} [label=\"{}\"", e.from, e.to, dot_escape(e.kind));
        if (e.crosses_border) out += ", color=\"#d00000\", fontcolor=\"#d00000\", penwidth=2.5, style=bold";
        out += "];\n";
    }
    out += "}\n";
    return out;
}

std::string write_graph_mermaid(const Report& report) {
    std::string out = "flowchart LR\n";
    auto groups = clusters(report);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        out += fmt::format("  subgraph g{}[\"{}\"]\n", g, mermaid_escape(cluster_label(report, groups[g].first)));
        for (std::size_t i : groups[g].second) {
            const GraphNode& n = report.graph_nodes[i];
            const char* open = n.kind == "asset" ? "[" : n.kind == "endpoint" ? "[[" : "([";
            const char* close = n.kind == "asset" ? "]" : n.kind == "endpoint" ? "]]" : "])";
            out += fmt::format("    n{}{}\"{}\"{}\n", i, open, mermaid_escape(n.label), close);
        }
        out += "  end\n";
    }
    std::string styles;
    for (std::size_t k = 0; k < report.graph_edges.size(); ++k) {
        const GraphEdge& e = report.graph_edges[k];
        out += fmt::format("  n{} -->|\"{}\"| n{}\n", e.from, mermaid_escape(e.kind), e.to);
        if (e.crosses_border) styles += fmt::format("  linkStyle {} stroke:#d00000,stroke-width:3px,color:#d00000\n", k);
    }
    out += styles;
    std::map<std::string, std::vector<std::size_t>> by_verdict;
    for (std::size_t i = 0; i < report.graph_nodes.size(); ++i) by_verdict[report.graph_nodes[i].verdict].push_back(i);
    for (const auto& [verdict, nodes] : by_verdict) {
        std::string cls = verdict == "not-applicable" ? "na" : verdict;
        out += fmt::format("  classDef {} fill:{}\n  class ", cls, fill(verdict));
        for (std::size_t k = 0; k < nodes.size(); ++k) out += fmt::format("{}n{}", k ? "," : "", nodes[k]);
        out += fmt::format(" {}\n", cls);
    }
    return out;
}

}  // namespace residency
