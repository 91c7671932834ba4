// What RES206 and RES207 share: whether a StorageClass keeps its volumes inside the jurisdiction;
// and how RES503 matches Kubernetes label keys.
#include "rules/rules.hpp"

namespace residency::rules {

std::optional<std::string> storage_class_unconstrained(const Facts& facts, const StorageClassFact& s) {
    if (!facts.has_jurisdiction()) return std::nullopt;
    // Local volumes: the class provisions nothing; each PersistentVolume is created with its node affinity.
    if (s.provisioner == "kubernetes.io/no-provisioner") return std::nullopt;
    std::string outside;
    for (const TopologyValue& t : s.topology)
        if (t.place && !facts.inside(*t.place))
            outside += fmt::format("{}{} {} ({})", outside.empty() ? "" : ", ", t.label, t.value, describe_place(*t.place));
    if (!outside.empty())
        return fmt::format("allows volumes in {}, outside {}", outside, facts.jurisdiction_label());
    // Every value inside, or one that is not known or not in the catalog.
    if (!s.topology.empty() || s.topology_unknown) return std::nullopt;
    std::string none = s.topology_other ? fmt::format("restricts no region or zone in its {}", s.topologies_field)
                                        : fmt::format("sets no {}", s.topologies_field);
    if (s.immediate)
        return fmt::format("{} and binds {}: each volume is provisioned as soon as its claim "
                           "is made, in whatever zone the provisioner picks, before any pod is scheduled",
                           none, s.binding_written ? "Immediate" : "Immediate (the default)");
    return fmt::format("{}: each volume is provisioned wherever the first pod using it is "
                       "scheduled, and nothing in the class keeps that inside {}",
                       none, facts.jurisdiction_label());
}

bool label_matches(std::string_view label, std::string_view required) {
    std::string key = tag_key(label);
    std::string want = tag_key(required);
    if (key == want) return true;
    auto slash = key.rfind('/');
    return slash != std::string::npos && want.find('/') == std::string::npos && key.substr(slash + 1) == want;
}

}  // namespace residency::rules
