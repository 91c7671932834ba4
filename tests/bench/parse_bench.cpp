// Benchmark executable (not installed, not a user-facing option): residency's HCL parse stage alone,
// on one thread, for tests/bench/run.sh. Reads a list of files (one path a line) on stdin, reads
// each file and parses it, then drops the result, as the peers' parse-only programs do.
//   residency_parse_bench               tree-sitter HCL + conversion to the syntax tree (parse_hcl)
//   residency_parse_bench --tree-sitter tree-sitter HCL alone (the tree is built, then deleted)
// Prints the counts and the time spent parsing (reading files excluded) on stdout.
#include <tree_sitter/api.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "frontends/terraform/syntax/hcl_parser.hpp"

extern "C" const TSLanguage* tree_sitter_hcl();

int main(int argc, char** argv) {
    const bool tree_sitter_only = argc > 1 && std::string_view(argv[1]) == "--tree-sitter";
    if (argc > 2 || (argc == 2 && !tree_sitter_only)) {
        std::cerr << "usage: residency_parse_bench [--tree-sitter] < list-of-files\n";
        return 2;
    }
    TSParser* parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_hcl());

    std::size_t files = 0, bytes = 0, with_errors = 0;
    std::chrono::steady_clock::duration parsing{};
    std::string path;
    while (std::getline(std::cin, path)) {
        if (path.empty()) continue;
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "residency_parse_bench: cannot read " << path << "\n";
            return 2;
        }
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        ++files;
        bytes += text.size();
        const auto start = std::chrono::steady_clock::now();
        if (tree_sitter_only) {
            TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<std::uint32_t>(text.size()));
            if (tree && ts_node_has_error(ts_tree_root_node(tree))) ++with_errors;
            if (tree) ts_tree_delete(tree);
        } else {
            const auto parsed = residency::hcl::parse_hcl(static_cast<residency::FileId>(files - 1), text);
            if (!parsed.errors.empty()) ++with_errors;
        }
        parsing += std::chrono::steady_clock::now() - start;
    }
    ts_parser_delete(parser);
    std::printf("%s: %zu files, %zu bytes, %zu with syntax errors, parse %.3f s\n",
                tree_sitter_only ? "tree-sitter" : "parse_hcl", files, bytes, with_errors,
                std::chrono::duration<double>(parsing).count());
    return 0;
}
