// RES602: an Istio ServiceEntry with `location: MESH_EXTERNAL` that registers a host the policy's
// allow.hosts does not list: the mesh routes traffic to it as a known external service.
// An entry without `location` is MESH_EXTERNAL: it is the enum's zero value, and istio/istio's
// pilot/pkg/serviceregistry/serviceentry/conversion.go reads it so ("MESH_EXTERNAL // 0 - default").
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
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: embeddings
  namespace: ml
spec:
  hosts:
    - embed.example.com  # expect: RES602
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
        if (!spec || !spec->is_object()) continue;
        const Value* location = spec->get("location");
        bool external = !location || location->is_null() ||
                        (location->is_string() && location->as_string() == "MESH_EXTERNAL");
        if (!external) continue;
        const Value* hosts = spec->get("hosts");
        if (!hosts || !hosts->is_list()) continue;
        for (const Value& h : hosts->items()) {
            if (!h.is_string() || h.as_string().empty() || facts.host_allowed(h.as_string())) continue;
            out.report(&a, h.range,
                       a.address + " opens the mesh to " + h.as_string() +
                           (location ? " (MESH_EXTERNAL)" : " (MESH_EXTERNAL, the default)") + std::string(", a host allow.hosts does not list"),
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
    .reads = "Istio ServiceEntry hosts with location MESH_EXTERNAL (written or by default)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES602{&kMeta, check};

}  // namespace residency::rules
