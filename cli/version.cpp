// `residency version`.
#include <iostream>

#include "commands.hpp"

namespace residency::cli {

void add_version(CLI::App& app, int& exit_code) {
    CLI::App* cmd = app.add_subcommand("version", "Print the version");
    cmd->callback([&exit_code]() {
        std::cout << "residency " << kVersion << "\n";
        exit_code = kExitClean;
    });
}

}  // namespace residency::cli
