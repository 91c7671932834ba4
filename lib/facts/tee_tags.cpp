// The policy's TEE scope over compute facts.
#include <algorithm>

#include "facts/facts.hpp"

namespace residency {

bool Facts::tee_required(const ComputeFact& c) const {
    if (c.kind == ComputeFact::Kind::Workload)
        return std::find(require_tee.begin(), require_tee.end(), "workloads") != require_tee.end();
    if (require_tee.empty()) return c.kind == ComputeFact::Kind::NodePool || c.accelerator;
    auto has = [&](std::string_view t) { return std::find(require_tee.begin(), require_tee.end(), t) != require_tee.end(); };
    return (c.kind == ComputeFact::Kind::NodePool && has("node-pools")) || (c.kind == ComputeFact::Kind::Vm && has("vms"));
}

std::string Facts::tee_scope_label() const {
    if (require_tee.empty()) return "the default TEE scope (node pools and GPU or accelerator compute)";
    std::string out = "require.tee: ";
    for (std::size_t i = 0; i < require_tee.size(); ++i) out += (i ? ", " : "") + require_tee[i];
    return out;
}

}  // namespace residency
