// `residency init [PATH]`: writes a commented residency.yaml into PATH, proposing the home
// jurisdiction the engine infers from the located assets it finds there.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "frontends/frontends.hpp"
#include "report/sanitize.hpp"

namespace residency::cli {

namespace {
namespace fs = std::filesystem;

struct InitArgs {
    std::string path = ".";
    bool force = false;
};

// The policy text: every line is deterministic for the same inputs (no date, no absolute path).
std::string policy_text(const JurisdictionInfo& info) {
    std::string out =
        "# residency.yaml: the policy `residency scan` reads (found walking up from the scan root).\n"
        "# Unknown keys and values are errors, so a typo cannot weaken a check. See the README's\n"
        "# \"Policy file\" section.\n"
        "version: 1\n"
        "\n"
        "# The home jurisdiction: eu, eea or a country code (several: [eu, ch]).\n";
    if (info.origin == "inferred" && !info.codes.empty()) {
        out += "# Proposed by `residency init` (" + info.explanation + ").\n";
        std::string codes;
        for (const auto& c : info.codes) codes += (codes.empty() ? "" : ", ") + c;
        out += "jurisdiction: " + (info.codes.size() == 1 ? codes : "[" + codes + "]") + "\n";
    } else {
        out += "# Not proposed by `residency init`: " + info.explanation + ".\n";
        out += "# Without it, the jurisdiction is inferred at each scan from a clear majority only.\n";
        out += "# jurisdiction: eu\n";
    }
    out +=
        "\n"
        "# Extra regions and endpoints known to be inside the jurisdiction.\n"
        "# allow:\n"
        "#   regions: [eu-central-2]                # regions counted as inside\n"
        "#   hosts: [\"*.internal.example.eu\"]       # endpoints inside (egress rules RES602, RES604)\n"
        "\n"
        "# What every asset must have.\n"
        "# require:\n"
        "#   tags: [data-classification, jurisdiction]   # tag keys every data asset carries (RES501, RES503)\n"
        "#   tee: [node-pools, vms, workloads]           # where confidential computing is required (RES401-RES406)\n"
        "#   customer_managed_keys: true                 # AI data stores encrypted with your own keys (RES804)\n"
        "\n"
        "# Per rule: off, or another severity (`residency rules` lists them).\n"
        "# rules:\n"
        "#   RES202: off\n"
        "#   RES201: { severity: critical }\n"
        "\n"
        "# Paths never scanned (globs).\n"
        "# exclude: [\"**/testdata/**\"]\n";
    return out;
}

int run(const InitArgs& args) {
    std::error_code ec;
    if (!fs::is_directory(args.path, ec)) {
        std::cerr << "residency: init: " << sanitize_terminal(args.path) << " is not a directory\n";
        return kExitError;
    }
    fs::path target = fs::path(args.path) / "residency.yaml";
    std::string shown = (args.path == "." ? std::string("residency.yaml") : target.string());
    if (fs::exists(target, ec) && !args.force) {
        std::cerr << "residency: init: " << sanitize_terminal(shown)
                  << " already exists (--force overwrites it)\n";
        return kExitError;
    }
    // The scan must infer, not read a policy found above PATH: give it an empty one.
    char tmpl[] = "/tmp/residency-init-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0) {
        std::cerr << "residency: init: cannot create a temporary file\n";
        return kExitError;
    }
    static constexpr char kEmpty[] = "version: 1\n";
    bool wrote = ::write(fd, kEmpty, sizeof kEmpty - 1) == static_cast<ssize_t>(sizeof kEmpty - 1);
    ::close(fd);
    JurisdictionInfo info;
    if (wrote) {
        ScanOptions options;
        options.paths = {args.path};
        options.policy_path = tmpl;
        options.tool_version = kVersion;
        auto outcome = run_scan(options);  // quietly: notices are not shown
        if (outcome->error.empty()) info = outcome->report.jurisdiction;
    }
    fs::remove(tmpl, ec);
    if (info.origin.empty()) {
        info.origin = "none";
        info.explanation = "the scan did not complete";
    }
    std::ofstream f(target, std::ios::binary | std::ios::trunc);
    if (!(f << policy_text(info))) {
        std::cerr << "residency: init: cannot write " << sanitize_terminal(shown) << "\n";
        return kExitError;
    }
    std::cout << "Wrote " << sanitize_terminal(shown);
    if (info.origin == "inferred") {
        std::string codes;
        for (const auto& c : info.codes) codes += (codes.empty() ? "" : ", ") + c;
        std::cout << " (jurisdiction: " << codes << ")";
    } else {
        std::cout << " (no jurisdiction proposed: set one)";
    }
    std::cout << "\n";
    return kExitClean;
}
}  // namespace

void add_init(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<InitArgs>();
    CLI::App* cmd = app.add_subcommand("init", "Write a commented residency.yaml, proposing the jurisdiction");
    cmd->add_option("path", args->path, "Directory to scan and write residency.yaml into (default: .)");
    cmd->add_flag("--force", args->force, "Overwrite an existing residency.yaml");
    cmd->callback([args, &exit_code]() { exit_code = run(*args); });
}

}  // namespace residency::cli
