// RES601: an Istio mesh config that lets sidecars send traffic to any host: outboundTrafficPolicy
// mode ALLOW_ANY, or no mode at all (Istio's default is ALLOW_ANY), in an IstioOperator's
// spec.meshConfig, in the `mesh` key of the `istio` ConfigMap (YAML text, parsed here), or in a
// Sidecar's spec.outboundTrafficPolicy (a Sidecar without one inherits the mesh's: nothing).
#include <string>

#include "facts/kubernetes_objects.hpp"
#include "frontends/kubernetes/yaml_stream.hpp"
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://istio.io/latest/docs/reference/config/istio.mesh.v1alpha1/#MeshConfig-OutboundTrafficPolicy-Mode",
    "https://istio.io/latest/docs/tasks/traffic-management/egress/egress-control/",
    "https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy",
};

constexpr AssetClass kApplies[] = {AssetClass::Network, AssetClass::Other};

constexpr RuleExample kBad[] = {
    {"ALLOW_ANY in an IstioOperator and a Sidecar; the istio ConfigMap with no mode", R"(-- istio.yaml --
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: control-plane
  namespace: istio-system
spec:
  meshConfig:
    outboundTrafficPolicy:
      mode: ALLOW_ANY  # expect: RES601
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: ml
spec:
  outboundTrafficPolicy:
    mode: ALLOW_ANY  # expect: RES601
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    accessLogFile: /dev/stdout  # expect: RES601
    defaultConfig:
      discoveryAddress: istiod.istio-system.svc:15012
)"},
};

constexpr RuleExample kGood[] = {
    {"REGISTRY_ONLY in the mesh config; a Sidecar that inherits it", R"(-- istio.yaml --
apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    accessLogFile: /dev/stdout
    outboundTrafficPolicy:
      mode: REGISTRY_ONLY
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: ml
spec:
  egress:
    - hosts: ["./*", "istio-system/*"]
)"},
};

const Value* mode_of(const Value* holder) {
    const Value* p = holder ? holder->get("outboundTrafficPolicy") : nullptr;
    return p ? p->get("mode") : nullptr;
}

std::string_view where(const Facts& facts) {
    (void)facts;
    return "sidecars may send data to any host, wherever it is";
}

// Findings for one mesh config (the object holding outboundTrafficPolicy); `fallback` is where an
// absent mode is reported.
void check_mesh(const Facts& facts, RuleOutput& out, const Asset& a, const Value* mesh, Range fallback,
                const std::string& label) {
    const Value* mode = mode_of(mesh);
    if (mode && mode->is_string() && mode->as_string() == "ALLOW_ANY")
        out.report(&a, mode->range.valid() ? mode->range : fallback,
                   label + " sets outboundTrafficPolicy mode ALLOW_ANY: " + std::string(where(facts)));
    else if (!mode || mode->is_null())
        out.report(&a, fallback,
                   label + " sets no outboundTrafficPolicy mode, so Istio's default ALLOW_ANY applies: " +
                       std::string(where(facts)));
}

// The range of `needle` inside `r` in its file, when written there once; else `r`.
Range pinpoint(const Facts& facts, Range r, std::string_view needle) {
    if (!facts.sources || !r.valid() || r.file >= facts.sources->size()) return r;
    std::string_view text = facts.sources->get(r.file).text;
    if (r.end > text.size() || r.begin > r.end) return r;
    std::string_view body = text.substr(r.begin, r.end - r.begin);
    auto at = body.find(needle);
    if (at == std::string_view::npos || body.find(needle, at + 1) != std::string_view::npos) return r;
    Range out = r;
    out.begin = r.begin + static_cast<std::uint32_t>(at);
    out.end = out.begin + static_cast<std::uint32_t>(needle.size());
    return out;
}

void check(const Facts& facts, RuleOutput& out) {
    for (const AssetFact* f : facts.of_classes(kApplies)) {
        const Asset& a = *f->asset;
        if (a.format != "kubernetes") continue;
        const Value* spec = a.attributes.get("spec");
        if (a.type == "install.istio.io/IstioOperator") {
            const Value* mesh = spec ? spec->get("meshConfig") : nullptr;
            Range at = mesh ? mesh->range : a.header_range;
            check_mesh(facts, out, a, mesh, at, a.address + (mesh ? " spec.meshConfig" : " (no spec.meshConfig)"));
        } else if (a.type == "networking.istio.io/Sidecar") {
            const Value* mode = mode_of(spec);
            if (mode && mode->is_string() && mode->as_string() == "ALLOW_ANY")
                out.report(&a, mode->range,
                           a.address + " sets outboundTrafficPolicy mode ALLOW_ANY for its workloads: " +
                               std::string(where(facts)));
        } else if (a.type == "core/ConfigMap") {
            std::string name = k8s::name_of(a.attributes);
            if (name != "istio" && !name.starts_with("istio-")) continue;
            const Value* data = a.attributes.get("data");
            const Value* text = data ? data->get("mesh") : nullptr;
            if (!text || !text->is_string()) continue;
            // The embedded YAML is parsed on its own: its ranges are offsets in the string, not the
            // file, so findings point at the `mesh` value (or at ALLOW_ANY when written there once).
            auto stream = yaml::parse_stream(kNoFile, text->as_string());
            if (!stream.errors.empty() || stream.documents.size() != 1) continue;  // unreadable: not judged
            const Value& mesh = stream.documents.front().root;
            if (!mesh.is_object() && !mesh.is_null()) continue;
            const Value* mode = mode_of(&mesh);
            std::string label = a.address + " data.mesh";
            if (mode && mode->is_string() && mode->as_string() == "ALLOW_ANY")
                out.report(&a, pinpoint(facts, text->range, "ALLOW_ANY"),
                           label + " sets outboundTrafficPolicy mode ALLOW_ANY: " + std::string(where(facts)));
            else if (!mode || mode->is_null())
                out.report(&a, text->range,
                           label + " sets no outboundTrafficPolicy mode, so Istio's default ALLOW_ANY applies: " +
                               std::string(where(facts)));
        }
    }
}

constexpr RuleMeta kMeta{
    .id = "RES601",
    .name = "mesh-allows-any-outbound",
    .family = "egress",
    .severity = Severity::Medium,
    .title = "Istio mesh lets sidecars reach any outbound host",
    .why = "With outboundTrafficPolicy ALLOW_ANY (Istio's default when no mode is set) the sidecar passes traffic "
           "to hosts the mesh does not know, so any workload can send prompts, features or weights to any "
           "country. Medium: the mesh opens the path; whether data takes it depends on the workloads.",
    .fix = "Set meshConfig.outboundTrafficPolicy.mode: REGISTRY_ONLY (IstioOperator, or the `mesh` key of the "
           "istio ConfigMap) and register the allowed external hosts with ServiceEntries; drop ALLOW_ANY from "
           "Sidecars.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "Istio mesh config (IstioOperator, the istio ConfigMap's mesh key) and Sidecars",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES601{&kMeta, check};

}  // namespace residency::rules
