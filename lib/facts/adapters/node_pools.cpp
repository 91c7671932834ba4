// Node pools and the node label that carries their name: GKE labels every node with
// cloud.google.com/gke-nodepool, AKS with kubernetes.azure.com/agentpool, EKS managed node groups
// with eks.amazonaws.com/nodegroup (regions.md section 6).
#include "facts/adapters/node_pools.hpp"

#include <fmt/format.h>

#include "facts/adapters/adapters.hpp"

namespace residency::adapters {
namespace {

constexpr std::string_view kGke = "cloud.google.com/gke-nodepool";
constexpr std::string_view kAks = "kubernetes.azure.com/agentpool";
constexpr std::string_view kEks = "eks.amazonaws.com/nodegroup";

bool literally_true(const Value* v) { return v && v->is_bool() && v->as_bool(); }

// Where a pool is, for messages that list several: "google_container_node_pool.gpu (europe-west4)",
// with the root module when the scan has several.
std::string pool_words(const Facts& facts, const Asset& pool) {
    const LocationFact& l = facts.fact(pool).location;
    std::string root = pool.root.empty() || pool.root == "." ? "" : fmt::format(" of {}", pool.root);
    return fmt::format("{}{} ({})", pool.address, root,
                       l.state == LocationFact::State::Known ? l.place.code : describe_location(l));
}

}  // namespace

bool NodePools::pool_label(std::string_view label) { return label == kGke || label == kAks || label == kEks; }

void NodePools::add(std::string_view label, const Value* name, const Asset& asset) {
    Pool p{label, {}, true, &asset};
    if (name && name->is_string()) p.name = name->as_string();
    else if (name && name->is_unknown()) p.name_known = false;
    else return;  // no name written: the provider generates one, which no manifest can name ahead
    pools_.push_back(std::move(p));
}

NodePools::NodePools(const Facts& facts) : facts_(facts) {
    for (const Asset& a : facts.graph->assets) {
        if (a.format != "terraform" || a.mode == AssetMode::Superseded) continue;
        const Value& attrs = a.attributes;
        if (a.type == "google_container_node_pool") {
            add(kGke, attrs.get("name"), a);
        } else if (a.type == "google_container_cluster") {
            // Autopilot nodes belong to pools Google creates; a cluster with node_pool blocks has those
            // pools; otherwise it has "default-pool" unless it removes it.
            if (literally_true(attrs.get("enable_autopilot"))) continue;
            const Value* blocks = attrs.get("node_pool");
            if (blocks && blocks->is_list() && !blocks->items().empty()) {
                for (const Value& b : blocks->items()) add(kGke, b.get("name"), a);
            } else if (blocks && blocks->is_unknown()) {
                add(kGke, blocks, a);
            } else if (!literally_true(attrs.get("remove_default_node_pool"))) {
                Value name = Value::string("default-pool", a.header_range);
                add(kGke, &name, a);
            }
        } else if (a.type == "azurerm_kubernetes_cluster_node_pool") {
            add(kAks, attrs.get("name"), a);
        } else if (a.type == "azurerm_kubernetes_cluster") {
            const Value* pool = nested_block(attrs.get("default_node_pool"));
            if (pool && pool->is_object()) add(kAks, pool->get("name"), a);
            else if (pool && pool->is_unknown()) add(kAks, pool, a);
        } else if (a.type == "aws_eks_node_group") {
            add(kEks, attrs.get("node_group_name"), a);
        }
    }
}

std::optional<PoolLink> NodePools::link(std::string_view label, const Value& value) const {
    if (!value.is_string()) return std::nullopt;
    std::vector<const Asset*> named, possible;
    for (const Pool& p : pools_) {
        if (p.label != label) continue;
        if (p.name_known && p.name == value.as_string()) named.push_back(p.asset);
        else if (!p.name_known) possible.push_back(p.asset);
    }
    if (named.empty()) return std::nullopt;
    PoolLink link{std::string(label), value.as_string(), value.range, named.front(), {}};
    // Pools of one place are one answer whichever of them runs the workload.
    auto code = [&](const Asset* a) {
        const LocationFact& l = facts_.fact(*a).location;
        return l.state == LocationFact::State::Known ? l.place.code : std::string();
    };
    std::string first = code(named.front());
    bool same = true;
    for (const auto* list : {&named, &possible})
        for (const Asset* a : *list)
            if (a != named.front() && (first.empty() || code(a) != first)) same = false;
    if (same) return link;
    std::string names;
    for (const Asset* a : named) names += (names.empty() ? "" : ", ") + pool_words(facts_, *a);
    std::string unnamed;
    for (const Asset* a : possible) unnamed += (unnamed.empty() ? "" : ", ") + pool_words(facts_, *a);
    link.ambiguous = fmt::format("several node pools of the scan are named \"{}\": {}{}; the manifest does not say "
                                 "which cluster runs it",
                                 value.as_string(), names,
                                 unnamed.empty() ? "" : fmt::format(" (and {}, whose name is not known)", unnamed));
    if (named.size() == 1)
        link.ambiguous = fmt::format("{} is named \"{}\", and {} may be too, whose name is not known; the manifest does "
                                     "not say which cluster runs it",
                                     names, value.as_string(), unnamed);
    return link;
}

}  // namespace residency::adapters
