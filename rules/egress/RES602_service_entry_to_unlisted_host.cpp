// RES602: an Istio ServiceEntry with `location: MESH_EXTERNAL` that registers a host the policy's
// allow.hosts does not list: the mesh routes traffic to it as a known external service.
// Only an explicit MESH_EXTERNAL fires: the default of `location` when absent was not confirmed
// in Istio's reference, so an entry without it yields nothing.
#include <string>

#include "facts/kubernetes_objects.hpp"
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://istio.io/latest/docs/reference/config/networking/service-entry/",
    "https://istio.io/latest/docs/tasks/traffic-management/egress/egress-control/",
};

constexpr AssetClass kApplies[] = {AssetClass::Network};

constexpr RuleExample kBad[] = {
    {"a US model API registered as an external service; an allowed EU host beside it", R"(-- residency.yaml --
version: 1
jurisdiction: eu
allow:
  hosts: ["*.internal.example.eu"]
-- se.yaml --
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: model-api
  namespace: ml
spec:
  hosts:
    - api.openai.com  # expect: RES602
    - vectors.internal.example.eu
  location: MESH_EXTERNAL
  ports:
    - number: 443
      name: https
      protocol: TLS
  resolution: DNS
)"},
};

constexpr RuleExample kGood[] = {
    {"only allowed hosts, and a mesh-internal entry", R"(-- residency.yaml --
version: 1
jurisdiction: eu
allow:
  hosts: ["*.internal.example.eu"]
-- se.yaml --
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: features
  namespace: ml
spec:
  hosts:
    - features.internal.example.eu
  location: MESH_EXTERNAL
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: vm-db
  namespace: ml
spec:
  hosts:
    - db.vm.local
  location: MESH_INTERNAL
  resolution: STATIC
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    for (const AssetFact* f : facts.of_classes(kApplies)) {
        const Asset& a = *f->asset;
        if (a.format != "kubernetes" || a.type != "networking.istio.io/ServiceEntry") continue;
        const Value* spec = a.attributes.get("spec");
        const Value* location = spec ? spec->get("location") : nullptr;
        if (!location || !location->is_string() || location->as_string() != "MESH_EXTERNAL") continue;
        const Value* hosts = spec->get("hosts");
        if (!hosts || !hosts->is_list()) continue;
        for (const Value& h : hosts->items()) {
            if (!h.is_string() || h.as_string().empty() || facts.host_allowed(h.as_string())) continue;
            out.report(&a, h.range,
                       a.address + " opens the mesh to " + h.as_string() +
                           " (MESH_EXTERNAL), a host allow.hosts does not list",
                       {}, h.as_string());
        }
    }
}

constexpr RuleMeta kMeta{
    .id = "RES602",
    .name = "service-entry-to-unlisted-host",
    .family = "egress",
    .severity = Severity::Medium,
    .title = "ServiceEntry registers an external host the policy does not allow",
    .why = "A MESH_EXTERNAL ServiceEntry is how a mesh with REGISTRY_ONLY egress lets workloads reach an outside "
           "host: each host listed is a declared destination for prompts and data. Medium: the path is explicit "
           "and intended, but the host's location is not checked by the tool.",
    .fix = "Remove the host, replace it with an endpoint inside the jurisdiction, or add it (or a \"*.domain\" glob) "
           "to allow.hosts in residency.yaml once checked.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "Istio ServiceEntry hosts with location MESH_EXTERNAL",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES602{&kMeta, check};

}  // namespace residency::rules
