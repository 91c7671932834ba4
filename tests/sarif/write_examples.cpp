// Writes every rule's bad and good examples (rule metadata) into DIR, one directory each, so that
// tests/sarif/check_all.sh can scan them with the real CLI and validate their SARIF.
//
// usage: residency_write_examples DIR
// DIR/RES101-bad-1/, DIR/RES101-good-1/, ...: the example's files (split_example), and an empty
// .git/ that stops the policy search there, as in the rule-examples unit test. Prints each
// directory, one a line. DIR must not exist yet or be empty.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "engine/rule.hpp"
#include "engine/rule_docs.hpp"

namespace fs = std::filesystem;
using namespace residency;

namespace {

bool write_example(const fs::path& dir, const RuleExample& ex) {
    std::error_code ec;
    fs::create_directories(dir / ".git", ec);
    if (ec)
        return false;
    for (const auto& file : split_example(ex.source)) {
        fs::path path = dir / file.path;
        fs::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary);
        out << file.text;
        if (ec || !out)
            return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: residency_write_examples DIR\n";
        return 2;
    }
    const fs::path root = argv[1];
    std::error_code ec;
    if (fs::exists(root) && !fs::is_empty(root, ec)) {
        std::cerr << "residency_write_examples: " << root.string() << " is not empty\n";
        return 2;
    }
    int written = 0;
    for (const auto& rule : all_rules()) {
        const RuleMeta& meta = *rule.meta;
        for (const auto& [kind, examples] :
             {std::pair{"bad", meta.bad}, std::pair{"good", meta.good}}) {
            for (std::size_t i = 0; i < examples.size(); ++i) {
                fs::path dir =
                    root / (std::string(meta.id) + "-" + kind + "-" + std::to_string(i + 1));
                if (!write_example(dir, examples[i])) {
                    std::cerr << "residency_write_examples: cannot write " << dir.string() << "\n";
                    return 1;
                }
                std::cout << dir.string() << "\n";
                ++written;
            }
        }
    }
    if (written == 0) {
        std::cerr << "residency_write_examples: no rule has an example\n";
        return 1;
    }
    return 0;
}
