// The fast HCL parser against tree-sitter's path, file by file: every file the fast parser accepts
// must give the tree (and, after HashiCorp's checks, the errors) tree-sitter's path gives, byte for
// byte in the scan cache's encoding, and tree-sitter must find no syntax error in it.
//   residency_parser_agreement [--list-declined] [--require-accept] PATH...   (files, or directories
//   searched for .tf, .tfvars and .hcl)
// Prints the counts; exit code 1 on any mismatch, naming the file and the first differing node, and
// with --require-accept on any file declined too (tests/parser-agreement/cases: what the fast
// parser must keep reading).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "frontends/terraform/syntax/hcl_codec.hpp"
#include "frontends/terraform/syntax/hcl_fast_parser.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"

namespace fs = std::filesystem;
using namespace residency;
using namespace residency::hcl;

namespace {

std::string where(const Range& r) { return "[" + std::to_string(r.begin) + "," + std::to_string(r.end) + ")"; }

std::string describe(const Expr& e) {
    return "kind " + std::to_string(static_cast<int>(e.kind)) + " " + where(e.range) + " text '" + e.text + "' children " + std::to_string(e.children.size());
}

// The first difference between two trees, "" when none (the encoding tells equal trees apart too;
// this only names the place).
std::string diff(const Expr& a, const Expr& b, const std::string& path) {
    if (a.kind != b.kind || !(a.range == b.range) || a.text != b.text ||
        a.number != b.number || a.boolean != b.boolean || a.full != b.full || a.heredoc != b.heredoc ||
        a.expand_final != b.expand_final || a.children.size() != b.children.size()) {
        return path + ": fast " + describe(a) + " / tree-sitter " + describe(b);
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        std::string d = diff(a.children[i], b.children[i], path + "/" + std::to_string(i));
        if (!d.empty()) return d;
    }
    return "";
}

std::string diff(const Body& a, const Body& b, const std::string& path) {
    if (a.attributes.size() != b.attributes.size() || a.blocks.size() != b.blocks.size())
        return path + ": item counts differ";
    for (std::size_t i = 0; i < a.attributes.size(); ++i) {
        const Attribute& x = a.attributes[i];
        const Attribute& y = b.attributes[i];
        std::string p = path + "/" + y.name;
        if (x.name != y.name || !(x.range == y.range) || !(x.name_range == y.name_range))
            return p + ": attribute " + where(x.range) + " / " + where(y.range);
        std::string d = diff(x.value, y.value, p);
        if (!d.empty()) return d;
    }
    for (std::size_t i = 0; i < a.blocks.size(); ++i) {
        const Block& x = a.blocks[i];
        const Block& y = b.blocks[i];
        std::string p = path + "/" + y.type;
        if (x.type != y.type || x.labels != y.labels || !(x.range == y.range) || !(x.type_range == y.type_range) ||
            x.label_ranges != y.label_ranges || !(x.header_range == y.header_range))
            return p + ": block " + where(x.range) + " / " + where(y.range);
        std::string d = diff(x.body, y.body, p);
        if (!d.empty()) return d;
    }
    return "";
}

bool hcl_file(const fs::path& p) {
    std::string ext = p.extension().string();
    return ext == ".tf" || ext == ".tfvars" || ext == ".hcl";
}

}  // namespace

int main(int argc, char** argv) {
    bool list_declined = false;
    bool require_accept = false;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--list-declined") {
            list_declined = true;
            continue;
        }
        if (arg == "--require-accept") {
            require_accept = list_declined = true;
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file(ec) && hcl_file(it->path())) files.push_back(it->path());
            }
        } else {
            files.emplace_back(arg);
        }
    }
    std::sort(files.begin(), files.end());
    std::size_t identical = 0, declined = 0, declined_flagged = 0, mismatches = 0;
    for (const fs::path& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string text = buffer.str();
        ParsedFile reference = parse_hcl_tree_sitter(1, text);
        std::uint32_t at = 0;
        if (!fast_parse_hcl(1, text, &at)) {
            ++declined;
            if (!reference.errors.empty()) ++declined_flagged;
            if (list_declined) {
                std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + std::min<std::size_t>(at, text.size()), '\n'));
                std::printf("declined%s: %s:%zu%s\n", reference.errors.empty() ? "" : " (flagged)", path.c_str(), line,
                            reference.errors.empty() ? "" : (" (tree-sitter: " + reference.errors[0].message + " at " +
                                                             std::to_string(reference.errors[0].range.begin) + ")").c_str());
            }
            continue;
        }
        ParsedFile fast = parse_hcl(1, text);  // the fast path, with the checks that follow it
        auto a = encode(fast);
        auto b = encode(reference);
        if (a && b && *a == *b) {
            ++identical;
            continue;
        }
        ++mismatches;
        std::string d = diff(fast.body, reference.body, "");
        if (d.empty()) d = "errors differ: fast " + std::to_string(fast.errors.size()) + ", tree-sitter " +
                           std::to_string(reference.errors.size()) +
                           (reference.errors.empty() ? "" : " (first: " + reference.errors[0].message + ")");
        std::printf("MISMATCH %s: %s\n", path.c_str(), d.c_str());
    }
    std::printf("%zu files: %zu accepted and identical, %zu declined (%zu of them flagged by tree-sitter), %zu "
                "mismatches\n",
                files.size(), identical, declined, declined_flagged, mismatches);
    return mismatches == 0 && (!require_accept || declined == 0) ? 0 : 1;
}
