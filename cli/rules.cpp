// `residency rules`: the rule list; `residency explain RULE`: one rule's documentation.
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "engine/rule.hpp"
#include "engine/rule_docs.hpp"

namespace residency::cli {

void add_rules(CLI::App& app, int& exit_code) {
    CLI::App* cmd = app.add_subcommand("rules", "List every rule");
    cmd->callback([&exit_code]() {
        for (const auto& r : all_rules())
            std::cout << fmt::format("{}  {:<9} {:<12} {:<36} {}\n", r.meta->id, severity_name(r.meta->severity),
                                     r.meta->family, r.meta->name, r.meta->title);
        exit_code = kExitClean;
    });
}

void add_explain(CLI::App& app, int& exit_code) {
    auto id = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("explain", "Show a rule's documentation: why it matters, how to fix it, examples");
    cmd->add_option("rule", *id, "Rule ID, e.g. RES101")->required();
    cmd->callback([id, &exit_code]() {
        const Rule* r = find_rule(*id);
        if (!r) {
            std::cerr << fmt::format("residency: no rule \"{}\" (see `residency rules`)\n", *id);
            exit_code = kExitError;
            return;
        }
        std::cout << rule_explain_text(*r->meta);
        exit_code = kExitClean;
    });
}

}  // namespace residency::cli
