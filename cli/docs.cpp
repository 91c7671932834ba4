// `residency docs DIR`: writes the rule reference (DIR/RES101.md, DIR/README.md) from rule metadata.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "engine/rule.hpp"
#include "engine/rule_docs.hpp"

namespace residency::cli {

void add_docs(CLI::App& app, int& exit_code) {
    auto dir = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("docs", "Write the rule reference as Markdown into a directory (docs/rules)");
    cmd->add_option("dir", *dir, "Output directory")->required();
    cmd->group("");  // for maintainers: hidden from the command list
    cmd->callback([dir, &exit_code]() {
        std::error_code ec;
        std::filesystem::create_directories(*dir, ec);
        auto write = [&](const std::string& name, const std::string& text) {
            std::ofstream f(std::filesystem::path(*dir) / name, std::ios::binary);
            f << text;
            return static_cast<bool>(f);
        };
        bool ok = write("README.md", "# Rules\n\n" + rules_index_markdown() +
                                         "\n<!-- generated from rule metadata by `residency docs`; do not edit -->\n");
        for (const auto& r : all_rules()) ok = write(std::string(r.meta->id) + ".md", rule_markdown(*r.meta)) && ok;
        if (!ok) std::cerr << "residency: cannot write into " << *dir << "\n";
        exit_code = ok ? kExitClean : kExitError;
    });
}

}  // namespace residency::cli
