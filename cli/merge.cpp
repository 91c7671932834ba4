// `residency merge`: joins the JSON reports of `scan --shard K/N` runs into the report of one scan,
// in any output format.
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "engine/merge.hpp"
#include "outputs.hpp"
#include "report/sanitize.hpp"

namespace residency::cli {

namespace {
struct MergeArgs {
    std::vector<std::string> reports;
    OutputArgs out;
    std::string baseline;
};

int run(const MergeArgs& args) {
    auto targets = parse_output_targets(args.out);
    if (!targets) return kExitError;
    std::vector<ShardReport> shards;
    for (const auto& path : args.reports) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream content;
        if (!(in && content << in.rdbuf())) {
            std::cerr << "residency: " << sanitize_terminal(path) << ": cannot read it\n";
            return kExitError;
        }
        shards.push_back({path, std::move(content).str()});
    }
    auto merged = merge_shards(shards, kVersion);
    if (!merged->error.empty()) {
        std::cerr << "residency: merge: " << sanitize_terminal(merged->error) << "\n";
        return kExitError;
    }
    if (!args.baseline.empty()) {
        auto baseline = read_baseline(args.baseline);
        if (!baseline) return kExitError;
        apply_baseline(*baseline, args.baseline, merged->report);
    }
    if (!write_outputs(merged->report, *targets, args.out)) return kExitError;
    return exit_code_of(merged->report, args.out);
}
}  // namespace

void add_merge(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<MergeArgs>();
    CLI::App* cmd = app.add_subcommand(
        "merge", "Join the JSON reports of `scan --shard K/N` into the report one scan gives (run where the scans ran)");
    cmd->add_option("reports", args->reports, "The JSON reports of every shard (`scan --shard K/N --format json`)")
        ->required();
    add_output_options(cmd, args->out);
    cmd->add_option("--baseline", args->baseline,
                    "Report only findings not in this baseline (written by `residency baseline`); list those fixed since")
        ->type_name("FILE");
    cmd->callback([args, &exit_code]() { exit_code = run(*args); });
}

}  // namespace residency::cli
