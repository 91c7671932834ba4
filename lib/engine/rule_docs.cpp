// Renders rule metadata as Markdown and terminal text; splits inline examples into files.
#include "engine/rule_docs.hpp"

#include <fmt/format.h>

namespace residency {

std::vector<ExampleFile> split_example(std::string_view source) {
    std::vector<ExampleFile> files;
    std::size_t pos = 0;
    while (pos < source.size()) {
        std::size_t eol = source.find('\n', pos);
        std::string_view line = source.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? source.size() : eol + 1;
        if (line.starts_with("-- ") && line.ends_with(" --") && line.size() > 6) {
            files.push_back({std::string(line.substr(3, line.size() - 6)), {}});
            continue;
        }
        if (files.empty()) files.push_back({"main.tf", {}});
        files.back().text.append(line).append("\n");
    }
    return files;
}

static std::string fenced(const RuleExample& ex) {
    std::string out;
    for (const auto& f : split_example(ex.source)) {
        std::string lang = f.path.ends_with(".yaml") || f.path.ends_with(".yml") ? "yaml" : "hcl";
        out += fmt::format("`{}`\n\n```{}\n{}```\n\n", f.path, lang, f.text);
    }
    return out;
}

// "data-store, compute, ai-service" from the typed classes a rule reads.
static std::string classes_text(const RuleMeta& m) {
    std::string out;
    for (AssetClass c : m.applies_to) out += (out.empty() ? "" : ", ") + std::string(class_name(c));
    return out;
}

std::string rule_markdown(const RuleMeta& m) {
    std::string out = fmt::format("# {} {}\n\n{}\n\n", m.id, m.name, m.title);
    out += fmt::format("- Family: {}\n- Default severity: {}\n- Reads: {}\n", m.family, severity_name(m.severity), m.reads);
    if (!m.applies_to.empty()) out += fmt::format("- Asset classes: {}\n", classes_text(m));
    out += "\n";
    out += fmt::format("## Why it matters\n\n{}\n\n## How to fix it\n\n{}\n\n", m.why, m.fix);
    out += "## Examples that fire\n\n";
    for (const auto& ex : m.bad) out += fmt::format("### {}\n\n{}", ex.title, fenced(ex));
    out += "## Examples that pass\n\n";
    for (const auto& ex : m.good) out += fmt::format("### {}\n\n{}", ex.title, fenced(ex));
    out += "## References\n\n";
    for (const auto& r : m.references) out += fmt::format("- <{}>\n", r);
    out += "\n<!-- generated from the rule's metadata by `residency docs`; do not edit -->\n";
    return out;
}

std::string rules_index_markdown() {
    std::string out = "| ID | name | family | severity | what it finds |\n| --- | --- | --- | --- | --- |\n";
    for (const auto& r : all_rules())
        out += fmt::format("| [{0}](docs/rules/{0}.md) | `{1}` | {2} | {3} | {4} |\n", r.meta->id, r.meta->name,
                           r.meta->family, severity_name(r.meta->severity), r.meta->title);
    return out;
}

std::string rule_explain_text(const RuleMeta& m) {
    std::string out = fmt::format("{} {} ({}, default severity {})\n{}\n\n", m.id, m.name, m.family,
                                  severity_name(m.severity), m.title);
    out += fmt::format("Why it matters:\n  {}\n\nHow to fix it:\n  {}\n\nReads: {}\n", m.why, m.fix, m.reads);
    if (!m.applies_to.empty()) out += fmt::format("Asset classes: {}\n", classes_text(m));
    out += "\n";
    for (const auto& ex : m.bad) {
        out += fmt::format("Fires on ({}):\n", ex.title);
        for (const auto& f : split_example(ex.source)) {
            out += fmt::format("  -- {} --\n", f.path);
            std::size_t pos = 0;
            while (pos < f.text.size()) {
                std::size_t eol = f.text.find('\n', pos);
                out += "    " + f.text.substr(pos, eol - pos) + "\n";
                pos = eol + 1;
            }
        }
        out += "\n";
    }
    out += "References:\n";
    for (const auto& r : m.references) out += fmt::format("  {}\n", r);
    return out;
}

}  // namespace residency
