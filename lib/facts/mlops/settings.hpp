// The environment and command line of each process the scan can see configured: a container of a
// Kubernetes workload (env, envFrom and valueFrom resolved against the ConfigMaps of the scan), a
// compose service, a `.env` file, an MLproject, a W&B settings file (lib/frontends/mlops).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/graph.hpp"
#include "facts/kubernetes_objects.hpp"

namespace residency::mlops {

struct ProcessSettings {
    const Asset* asset = nullptr;
    std::string container;  // the Kubernetes container's name; "" for other sources
    // Name -> value as the process sees it: a string with its range (and provenance when it came from
    // a ConfigMap or an env_file), or Unknown with why (a Secret's value, a ConfigMap not in the scan).
    std::map<std::string, Value, std::less<>> env;
    std::vector<Value> argv;  // command and arguments, `$(VAR)` expanded
    // Why the environment may hold more than `env` shows (an envFrom source not in the scan): a
    // setting's absence then proves nothing.
    std::string incomplete;
};

// `objects` resolves the ConfigMaps and Secrets that containers name.
std::vector<ProcessSettings> collect_settings(const Graph& graph, const k8s::ObjectIndex& objects);

}  // namespace residency::mlops
