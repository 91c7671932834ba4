// RES603: a NetworkPolicy egress rule that lets pods reach any address: an ipBlock of 0.0.0.0/0
// or ::/0, or a rule whose `to` is absent or empty (Kubernetes reads both as "all destinations").
// An ipBlock with `except` entries still opens the whole internet minus a few ranges: it fires too.
#include <string>

#include "facts/kubernetes_objects.hpp"
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://kubernetes.io/docs/concepts/services-networking/network-policies/",
    "https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/",
};

constexpr AssetClass kApplies[] = {AssetClass::Network};

constexpr RuleExample kBad[] = {
    {"egress to the whole IPv4 internet, and a rule with no `to`", R"(-- netpol.yaml --
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: serving-egress
  namespace: ml
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0  # expect: RES603
    - ports:  # expect: RES603
        - port: 443
)"},
};

constexpr RuleExample kGood[] = {
    {"egress only to an in-cluster namespace and an EU range", R"(-- netpol.yaml --
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: serving-egress
  namespace: ml
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: vector-db
        - ipBlock:
            cidr: 10.20.0.0/16
)"},
};

bool open_cidr(const std::string& cidr) { return cidr == "0.0.0.0/0" || cidr == "::/0"; }

void check(const Facts& facts, RuleOutput& out) {
    for (const AssetFact* f : facts.of_classes(kApplies)) {
        const Asset& a = *f->asset;
        if (a.format != "kubernetes" || k8s::kind_of(a) != "NetworkPolicy") continue;
        const Value* spec = a.attributes.get("spec");
        const Value* egress = spec ? spec->get("egress") : nullptr;
        if (!egress || !egress->is_list()) continue;
        std::size_t i = 0;
        for (const Value& rule : egress->items()) {
            const Value* to = rule.get("to");
            std::string where = a.address + " spec.egress[" + std::to_string(i) + "]";
            if (rule.is_object() && (!to || to->is_null() || (to->is_list() && to->items().empty()))) {
                out.report(&a, rule.range,
                           where + " has no `to`: pods it selects may send data to any address, inside or outside " +
                               (facts.has_jurisdiction() ? facts.jurisdiction_label() : std::string("the cluster")));
            } else if (to && to->is_list()) {
                for (const Value& peer : to->items()) {
                    const Value* block = peer.get("ipBlock");
                    const Value* cidr = block ? block->get("cidr") : nullptr;
                    if (cidr && cidr->is_string() && open_cidr(cidr->as_string()))
                        out.report(&a, cidr->range,
                                   where + " allows egress to " + cidr->as_string() +
                                       ": any address on the internet, wherever it is");
                }
            }
            ++i;
        }
    }
}

constexpr RuleMeta kMeta{
    .id = "RES603",
    .name = "network-policy-open-egress",
    .family = "egress",
    .severity = Severity::Medium,
    .title = "NetworkPolicy allows egress to any address",
    .why = "A NetworkPolicy egress rule to 0.0.0.0/0 or ::/0, or with no `to` at all, lets the selected pods send "
           "prompts, features or model weights to any host in any country. Medium: the policy opens the path, "
           "whether data takes it depends on the workload. An ipBlock with `except` ranges still fires: it closes "
           "a few ranges of an open internet.",
    .fix = "List the destinations: namespaceSelector/podSelector for in-cluster peers and ipBlock ranges of "
           "endpoints inside the jurisdiction; send other traffic through an egress gateway.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "Kubernetes NetworkPolicy egress rules",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES603{&kMeta, check};

}  // namespace residency::rules
