// `residency graph`: assets clustered by jurisdiction with their replication, storage, mount,
// routing and tracking links, as DOT, Mermaid, or SVG drawn by Graphviz.
#include <iostream>

#include "inputs.hpp"
#include "report/inventory_writers.hpp"
#include "report/sanitize.hpp"

namespace residency::cli {

namespace {

struct GraphArgs {
    InputArgs inputs;
    std::string format = "dot";
};

int run(const GraphArgs& args) {
    auto outcome = scan_inputs(args.inputs);
    if (!outcome) return kExitError;
    const Report& report = outcome->report;
    std::string text;
    if (args.format == "mermaid") {
        text = write_graph_mermaid(report);
    } else if (args.format == "svg") {
        std::string error;
        auto svg = render_svg(write_graph_dot(report), error);
        if (!svg) {
            std::cerr << "residency: " << sanitize_terminal(error) << "\n";
            return kExitError;
        }
        text = std::move(*svg);
    } else {
        text = write_graph_dot(report);
    }
    return write_output(text, args.inputs.output) ? kExitClean : kExitError;
}

}  // namespace

void add_graph(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<GraphArgs>();
    CLI::App* cmd = app.add_subcommand(
        "graph", "Draw assets by jurisdiction with their replication, storage, mount and routing links");
    add_input_options(cmd, args->inputs);
    cmd->add_option("-f,--format", args->format, "Output format (svg runs Graphviz's dot)")
        ->check(CLI::IsMember({"dot", "mermaid", "svg"}))
        ->default_str("dot");
    cmd->callback([args, &exit_code]() { exit_code = run(*args); });
}

}  // namespace residency::cli
