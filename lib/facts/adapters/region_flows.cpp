// The table-driven adapter: resource types whose nested blocks name the region their data is
// copied to. A new service of this shape is one entry here.
#include <fmt/format.h>

#include "facts/adapters/adapters.hpp"

namespace residency::adapters {
namespace {

struct RegionFlowEntry {
    std::string_view type;       // the resource type
    std::string_view block;      // the nested block that creates a copy, one per destination
    std::string_view attribute;  // the block's argument that names the destination region
    std::string_view mechanism;
};

constexpr RegionFlowEntry kRegionFlows[] = {
    {"aws_dynamodb_table", "replica", "region_name", "dynamodb-replica"},
    {"azurerm_container_registry", "georeplications", "location", "acr-geo-replication"},
    {"aws_dynamodb_global_table", "replica", "region_name", "dynamodb-replica"},  // global tables V1 (2017.11.29)
    {"aws_secretsmanager_secret", "replica", "region", "secretsmanager-replica"},
};

}  // namespace

void region_flows(Facts& facts) {
    for (const Asset& a : facts.graph->assets) {
        if (a.mode != AssetMode::Managed) continue;
        for (const auto& entry : kRegionFlows) {
            if (a.type != entry.type) continue;
            const Value* blocks = a.attributes.get(entry.block);
            if (!blocks) continue;
            if (blocks->is_unknown()) {
                facts.flows.push_back(unresolved_flow(entry.mechanism, a, a, blocks->range,
                                                      fmt::format("the {} blocks of {} are not known: {}", entry.block,
                                                                  a.address, blocks->unknown_reason())));
                continue;
            }
            for (const Value& block : blocks->items()) {
                if (block.is_unknown()) {  // a dynamic block whose instances are not known
                    facts.flows.push_back(unresolved_flow(entry.mechanism, a, a, block.range,
                                                          fmt::format("the {} blocks of {} are not known: {}", entry.block,
                                                                      a.address, block.unknown_reason())));
                    continue;
                }
                const Value* region = block.get(entry.attribute);
                if (!region || region->is_null()) continue;  // Terraform rejects the block; nothing is copied
                Flow f{entry.mechanism, &a, &a, region->range, nullptr, locate_value(a.cloud, *region)};
                f.destination.provenance = prepend(fmt::format("{} {} {}", a.address, entry.block, entry.attribute),
                                                   region->range, region->provenance);
                // A global table V1 lists its own region among its replicas: a copy within one region crosses nothing.
                const LocationFact& here = facts.fact(a).location;
                if (here.state == LocationFact::State::Known && f.destination.state == LocationFact::State::Known &&
                    here.place.code == f.destination.place.code)
                    continue;
                facts.flows.push_back(std::move(f));
            }
        }
    }
}

}  // namespace residency::adapters
