// residency: proves that infrastructure keeps data inside one jurisdiction.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#ifdef RESIDENCY_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "commands.hpp"
#include "report/sanitize.hpp"

int main(int argc, char** argv) {
#ifdef RESIDENCY_WITH_MIMALLOC
    // Pages a scan freed go back to the system at once rather than after 25 ms: a scan frees its
    // syntax trees root by root, and their pages otherwise raised the peak memory by about a tenth
    // (real Terraform: 139 MB against 126), for about 5% more CPU. MIMALLOC_RESET_DELAY still wins.
    if (!std::getenv("MIMALLOC_RESET_DELAY") && !std::getenv("MIMALLOC_DECOMMIT_DELAY"))
        mi_option_set(mi_option_decommit_delay, 0);
#endif
    using namespace residency::cli;
    CLI::App app{"residency: checks that infrastructure-as-code keeps AI data inside one jurisdiction", "residency"};
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Show help for every command");
    app.set_version_flag("--version", std::string("residency ") + kVersion, "Print the version");
    int exit_code = kExitClean;
    add_scan(app, exit_code);
    add_inventory(app, exit_code);
    add_graph(app, exit_code);
    add_baseline(app, exit_code);
    add_merge(app, exit_code);
    add_rules(app, exit_code);
    add_explain(app, exit_code);
    add_regions(app, exit_code);
    add_version(app, exit_code);
    add_docs(app, exit_code);
    add_init(app, exit_code);
    add_man(app, exit_code);
    // CLI11 says only "A subcommand is required" for a mistyped command: name it instead.
    if (argc > 1 && argv[1][0] != '-') {
        bool known = false;
        std::string listed;
        for (const CLI::App* sub : app.get_subcommands({})) {
            known = known || sub->check_name(argv[1]);
            if (!sub->get_group().empty()) listed += (listed.empty() ? "" : ", ") + sub->get_name();
        }
        if (!known) {
            std::cerr << "residency: unknown command \"" << residency::sanitize_terminal(argv[1]) << "\" (commands: "
                      << listed << ")\nRun `residency --help` for usage.\n";
            return kExitError;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "residency: " << e.what() << "\nRun `residency --help` for usage.\n";
        return kExitError;
    } catch (const std::exception& e) {
        // The library reports bad input as diagnostics; reaching here is a bug, reported as one
        // rather than as an abort.
        std::cerr << "residency: internal error: " << e.what() << "\n";
        return kExitError;
    }
    return exit_code;
}
