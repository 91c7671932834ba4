// A scratch project for tests that scan through the real entry: files written into a temporary
// directory (a `.git` stops the policy search there), scanned with every shipped frontend.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "frontends/frontends.hpp"

namespace residency::testing {

struct Project {
    std::filesystem::path dir;
    std::map<std::string, std::string> files;

    explicit Project(const std::string& name) {
        dir = std::filesystem::temp_directory_path() / ("residency-" + name + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / ".git");
    }
    ~Project() { std::filesystem::remove_all(dir); }
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    void write(const std::string& path, const std::string& text) {
        std::filesystem::create_directories((dir / path).parent_path());
        std::ofstream(dir / path, std::ios::binary) << text;
        files[path] = text;
    }

    // The whole project, by its absolute path.
    std::unique_ptr<ScanOutcome> scan(std::vector<std::string> jurisdiction = {"eu"}) const {
        ScanOptions o;
        o.paths = {dir.string()};
        o.jurisdictions = std::move(jurisdiction);
        return run_scan(o);
    }

    // Paths relative to the project, scanned from its directory as a user would: paths in
    // messages are then relative to it.
    std::unique_ptr<ScanOutcome> scan_from(std::vector<std::string> paths, std::vector<std::string> jurisdiction = {"eu"},
                                           FrontendOptions formats = {}) const {
        ScanOptions o;
        o.paths = std::move(paths);
        o.jurisdictions = std::move(jurisdiction);
        std::filesystem::path was = std::filesystem::current_path();
        std::filesystem::current_path(dir);
        auto out = run_scan(o, formats);
        std::filesystem::current_path(was);
        return out;
    }

    // The 1-based line of the first occurrence of `needle` in a file written above.
    std::uint32_t line_of(const std::string& path, std::string_view needle) const {
        const std::string& text = files.at(path);
        auto at = text.find(needle);
        REQUIRE(at != std::string::npos);
        return static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1);
    }
};

inline const Asset* find_asset(const ScanOutcome& out, std::string_view address) {
    for (const auto& a : out.graph.assets)
        if (a.address == address) return &a;
    return nullptr;
}

inline const Asset& asset(const ScanOutcome& out, std::string_view address) {
    const Asset* a = find_asset(out, address);
    if (!a) FAIL("no asset " << address);
    return *a;
}

}  // namespace residency::testing
