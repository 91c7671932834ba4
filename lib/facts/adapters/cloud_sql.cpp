// Cloud SQL: a read replica (`master_instance_name` names its primary) copies the primary's data to
// the replica's region; `settings.backup_configuration.location` stores the backups in that location.
#include <fmt/format.h>

#include "facts/adapters/adapters.hpp"

namespace residency::adapters {
namespace {

constexpr std::string_view kType = "google_sql_database_instance";

const Value* first_block(const Value* blocks) {
    if (!blocks || blocks->is_unknown() || blocks->items().empty()) return nullptr;
    return &blocks->items().front();
}

// The primary of the scan that `master_instance_name` names: by reference, or by the literal name
// of an instance of the same root.
const Asset* primary(const Facts& facts, const Asset& replica, const Value& name) {
    if (!name.ref_asset.empty()) {
        const Asset* a = facts.graph->find(replica.root, name.ref_asset);
        return a && a->type == kType && a->mode == AssetMode::Managed && a != &replica ? a : nullptr;
    }
    if (!name.is_string()) return nullptr;
    // "project:instance" is accepted too; the instance is the last part.
    std::string_view wanted = name.as_string();
    if (auto colon = wanted.rfind(':'); colon != std::string_view::npos) wanted.remove_prefix(colon + 1);
    for (const Asset& a : facts.graph->assets) {
        if (a.type != kType || a.root != replica.root || a.mode != AssetMode::Managed || &a == &replica) continue;
        const Value* n = a.attributes.get("name");
        if (n && n->is_string() && n->as_string() == wanted) return &a;
    }
    return nullptr;
}

bool same_place(const LocationFact& a, const LocationFact& b) {
    return a.state == LocationFact::State::Known && b.state == LocationFact::State::Known && a.place.code == b.place.code;
}

}  // namespace

void cloud_sql(Facts& facts) {
    for (const Asset& a : facts.graph->assets) {
        if (a.type != kType || a.mode != AssetMode::Managed) continue;
        if (const Value* name = a.attributes.get("master_instance_name"); name && !name->is_null())
            // A primary outside the scan: the replica's own location is all there is (RES201's).
            if (const Asset* from = primary(facts, a, *name)) {
                const LocationFact& to = facts.fact(a).location;
                if (!same_place(facts.fact(*from).location, to))
                    facts.flows.push_back(Flow{"cloud-sql-replica", from, &a, name->range, &a, to});
            }
        const Value* backup = first_block(a.attributes.get("settings"));
        backup = backup ? first_block(backup->get("backup_configuration")) : nullptr;
        const Value* location = backup ? backup->get("location") : nullptr;
        if (!location || location->is_null()) continue;  // the default: the multi-region nearest the instance
        Flow f{"cloud-sql-backup", &a, &a, location->range, nullptr, locate_value(a.cloud, *location)};
        f.destination.provenance = prepend(fmt::format("{} settings backup_configuration location", a.address),
                                           location->range, location->provenance);
        if (!same_place(facts.fact(a).location, f.destination)) facts.flows.push_back(std::move(f));
    }
}

}  // namespace residency::adapters
