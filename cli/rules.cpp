// `residency rules`: the rule list; `residency explain RULE`: one rule's documentation.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "engine/rule.hpp"
#include "engine/rule_docs.hpp"

namespace residency::cli {

void add_rules(CLI::App& app, int& exit_code) {
    CLI::App* cmd = app.add_subcommand("rules", "List every rule");
    cmd->callback([&exit_code]() {
        // Columns as wide as their longest entry, so a long rule name never shifts the titles.
        std::size_t family = 0, name = 0;
        for (const auto& r : all_rules()) {
            family = std::max(family, r.meta->family.size());
            name = std::max(name, r.meta->name.size());
        }
        for (const auto& r : all_rules())
            std::cout << fmt::format("{}  {:<9} {:<{}}  {:<{}}  {}\n", r.meta->id, severity_name(r.meta->severity),
                                     r.meta->family, family, r.meta->name, name, r.meta->title);
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
