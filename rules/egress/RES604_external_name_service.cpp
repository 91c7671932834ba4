// RES604: a Service of type ExternalName whose externalName is a host outside the cluster
// (not ending in .svc.cluster.local or .svc) and not in the policy's allow.hosts: in-cluster
// clients reach an outside host under an in-cluster name.
#include <string>

#include "facts/kubernetes_objects.hpp"
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://kubernetes.io/docs/concepts/services-networking/service/#externalname",
};

constexpr AssetClass kApplies[] = {AssetClass::Network};

constexpr RuleExample kBad[] = {
    {"an in-cluster name for a US inference API", R"(-- svc.yaml --
apiVersion: v1
kind: Service
metadata:
  name: llm-api
  namespace: ml
spec:
  type: ExternalName
  externalName: api.us.example.com  # expect: RES604
)"},
};

constexpr RuleExample kGood[] = {
    {"an alias of an in-cluster service, and an allowed EU host", R"(-- residency.yaml --
version: 1
jurisdiction: eu
allow:
  hosts: ["*.internal.example.eu"]
-- svc.yaml --
apiVersion: v1
kind: Service
metadata:
  name: vector-db
  namespace: ml
spec:
  type: ExternalName
  externalName: qdrant.data.svc.cluster.local
---
apiVersion: v1
kind: Service
metadata:
  name: features
  namespace: ml
spec:
  type: ExternalName
  externalName: features.internal.example.eu
)"},
};

bool in_cluster(std::string host) {
    while (!host.empty() && host.back() == '.') host.pop_back();
    for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return host.ends_with(".svc.cluster.local") || host.ends_with(".svc");
}

void check(const Facts& facts, RuleOutput& out) {
    for (const AssetFact* f : facts.of_classes(kApplies)) {
        const Asset& a = *f->asset;
        if (a.format != "kubernetes" || a.type != "core/Service") continue;
        const Value* spec = a.attributes.get("spec");
        const Value* type = spec ? spec->get("type") : nullptr;
        if (!type || !type->is_string() || type->as_string() != "ExternalName") continue;
        const Value* name = spec->get("externalName");
        if (!name || !name->is_string() || name->as_string().empty()) continue;
        const std::string& host = name->as_string();
        if (in_cluster(host) || facts.host_allowed(host)) continue;
        out.report(&a, name->range,
                   a.address + " is an in-cluster name for " + host +
                       ", a host outside the cluster that allow.hosts does not list: its location is not checked");
    }
}

constexpr RuleMeta kMeta{
    .id = "RES604",
    .name = "external-name-service",
    .family = "egress",
    .severity = Severity::Low,
    .title = "ExternalName Service points outside the cluster",
    .why = "A Service of type ExternalName gives an outside host an in-cluster DNS name, so workloads that "
           "look internal send data to it. Low: the host may well be inside the jurisdiction; the finding asks "
           "to list it in allow.hosts once checked.",
    .fix = "Point the Service at an in-cluster service, or add the host (or a \"*.domain\" glob) to allow.hosts "
           "in residency.yaml after checking where it runs.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "Kubernetes Services of type ExternalName",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES604{&kMeta, check};

}  // namespace residency::rules
