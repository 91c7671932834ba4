// `residency inventory`: the residency register, every asset with its location, verdict and
// provenance, as JSON, CSV, Markdown or the auditor's HTML page.
#include <filesystem>
#include <iostream>

#include "inputs.hpp"
#include "report/inventory_writers.hpp"
#include "report/sanitize.hpp"

namespace residency::cli {

namespace {

struct InventoryArgs {
    InputArgs inputs;
    std::string format = "json";
    bool evidence = false;
};

// Links in the page are relative to its own directory; report paths are relative to the working
// directory.
std::string link_prefix(const std::string& output) {
    namespace fs = std::filesystem;
    if (output.empty()) return "";
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    fs::path dir = fs::absolute(fs::path(output), ec).parent_path();
    std::string rel = cwd.lexically_relative(dir).generic_string();
    return rel.empty() || rel == "." ? "" : rel + "/";
}

int run(const InventoryArgs& args) {
    if (args.evidence && args.format == "csv") {
        std::cerr << "residency: --evidence needs --format json, markdown or html (CSV holds one table: the register)\n";
        return kExitError;
    }
    auto outcome = scan_inputs(args.inputs);
    if (!outcome) return kExitError;
    const Report& report = outcome->report;
    std::string text;
    if (args.format == "csv") {
        text = write_inventory_csv(report);
    } else if (args.format == "markdown") {
        text = write_inventory_markdown(report, {args.evidence});
    } else if (args.format == "html") {
        HtmlOptions options;
        options.evidence = args.evidence;
        options.dot = write_graph_dot(report);
        options.link_prefix = link_prefix(args.inputs.output);
        std::string error;
        if (auto svg = render_svg(options.dot, error)) options.svg = std::move(*svg);
        else std::cerr << "residency: " << sanitize_terminal(error) << "; the page shows the graph as DOT text\n";
        text = write_inventory_html(report, options);
    } else {
        text = write_inventory_json(report, {args.evidence});
    }
    return write_output(text, args.inputs.output) ? kExitClean : kExitError;
}

}  // namespace

void add_inventory(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<InventoryArgs>();
    CLI::App* cmd = app.add_subcommand(
        "inventory", "List every asset with its location, jurisdiction and provenance (the residency register)");
    add_input_options(cmd, args->inputs);
    cmd->add_option("-f,--format", args->format, "Output format (html: one self-contained page for auditors)")
        ->check(CLI::IsMember({"json", "csv", "markdown", "html"}))
        ->default_str("json");
    cmd->add_flag("--evidence", args->evidence,
                  "Add the SHA-256 of every scanned file and of the policy, and the tool version");
    cmd->callback([args, &exit_code]() { exit_code = run(*args); });
}

}  // namespace residency::cli
