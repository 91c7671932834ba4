// The shipped frontends, in the order they are asked to claim a file.
#include "frontends/frontends.hpp"

namespace residency {

std::vector<std::unique_ptr<Frontend>> make_frontends(const FrontendOptions& options) {
    std::vector<std::unique_ptr<Frontend>> out;
    out.push_back(std::make_unique<terraform::TerraformFrontend>(options.terraform));
    // Before Kubernetes, which looks at every YAML file: compose files are claimed by name.
    out.push_back(std::make_unique<mlops::MlopsFrontend>());
    out.push_back(std::make_unique<kubernetes::KubernetesFrontend>());
    return out;
}

std::unique_ptr<ScanOutcome> run_scan(const ScanOptions& options, const FrontendOptions& frontends) {
    auto owned = make_frontends(frontends);
    std::vector<Frontend*> list;
    for (auto& f : owned) list.push_back(f.get());
    return run_pipeline(options, list);
}

}  // namespace residency
