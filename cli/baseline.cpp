// `residency baseline`: writes the fingerprints of the current findings, for `scan --baseline`.
#include <iostream>

#include "inputs.hpp"
#include "report/baseline.hpp"
#include "report/sanitize.hpp"

namespace residency::cli {

namespace {

int run(const InputArgs& args) {
    auto outcome = scan_inputs(args);
    if (!outcome) return kExitError;
    const Report& report = outcome->report;
    if (!write_output(write_baseline(report), args.output)) return kExitError;
    if (!args.output.empty()) {
        std::size_t n = report.findings.size() + report.diagnostics.size();
        std::cerr << "residency: " << n << (n == 1 ? " finding" : " findings") << " written to "
                  << sanitize_terminal(args.output) << "\n";
    }
    return kExitClean;
}

}  // namespace

void add_baseline(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<InputArgs>();
    CLI::App* cmd = app.add_subcommand(
        "baseline", "Record the current findings' fingerprints, so that `scan --baseline FILE` reports only new ones");
    add_input_options(cmd, *args);
    cmd->callback([args, &exit_code]() { exit_code = run(*args); });
}

}  // namespace residency::cli
