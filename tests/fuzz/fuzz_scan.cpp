// libFuzzer target: the whole scan of one file given in memory, as `residency scan - --stdin-filename
// NAME` runs it (frontend, evaluation, facts, every rule), then the text and JSON writers. Built once
// per format with RESIDENCY_FUZZ_NAME: main.tf (HCL frontend), manifests.yaml (Kubernetes
// multi-document stream), plan.json (plan JSON). Nothing is read from disk but the policy search,
// which stops at the empty .git/ of the scratch directory the target works in.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "engine/scan.hpp"
#include "frontends/frontends.hpp"
#include "report/writers.hpp"

#ifndef RESIDENCY_FUZZ_NAME
#error "define RESIDENCY_FUZZ_NAME, the name the input is scanned as"
#endif

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // A scratch scan root: the policy search walks up from it and stops at its .git/.
    char pattern[] = "/tmp/residency-fuzz-XXXXXX";
    const char* dir = mkdtemp(pattern);
    if (!dir) std::abort();
    fs::create_directory(fs::path(dir) / ".git");
    fs::current_path(dir);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    residency::ScanOptions options;
    options.stdin_file = residency::InMemoryFile{RESIDENCY_FUZZ_NAME, std::string(reinterpret_cast<const char*>(data), size)};
    options.jurisdictions = {"eu"};
    options.jobs = 1;
    options.today = "2026-01-01";
    options.tool_version = "fuzz";
    auto outcome = residency::run_scan(options);
    if (outcome->error.empty()) {
        std::string text = residency::write_text(outcome->report);
        std::string json = residency::write_json(outcome->report);
        if (text.empty() || json.empty()) std::abort();
    }
    return 0;
}
