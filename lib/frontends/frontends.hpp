// Every frontend the tool ships, with its own options: what the CLI and the tests scan with.
#pragma once

#include <memory>
#include <vector>

#include "engine/scan.hpp"
#include "frontends/kubernetes/kubernetes.hpp"
#include "frontends/mlops/mlops.hpp"
#include "frontends/terraform/terraform.hpp"

namespace residency {

struct FrontendOptions {
    terraform::Options terraform;
};

std::vector<std::unique_ptr<Frontend>> make_frontends(const FrontendOptions& options);

// The pipeline with every shipped frontend.
std::unique_ptr<ScanOutcome> run_scan(const ScanOptions& options, const FrontendOptions& frontends = {});

}  // namespace residency
