// Azure replication: where azurerm resources copy their data beyond their own location.
// - Geo-redundant settings (storage accounts, SQL and managed instance backups, Cosmos DB periodic
//   backups, Recovery Services and Data Protection backup vaults) copy to the fixed paired region of
//   the primary region (catalog::azure_pair); a documented default that is geo-redundant applies when
//   nothing is set.
// - Cosmos DB `geo_location` blocks: every region listed holds the data (priority 0 is the write
//   region; the account's own `location` only registers the ARM resource).
// - SQL failover groups replicate the primary server or managed instance to the partner's location.
// Facts from shared/reference/replication-resources.md §3 and regions.md §3.3-3.4, checked against
// the azurerm documentation (website/docs/r/*.html.markdown).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <span>

#include "facts/adapters/adapters.hpp"

namespace residency::adapters {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// A setting that copies data to the paired region when its value is one of `geo`.
struct GeoSetting {
    std::string_view mechanism;
    std::string_view attribute;                // as written in the configuration
    std::string_view default_value;            // the provider's documented default; "" when required
    std::span<const std::string_view> geo;     // the values that copy to the pair
    std::string_view copies;                   // "geo-redundant copies", "its backups"
};

// The flow a geo-redundant setting makes, from the primary region (a location fact) to its pair.
// `at` is the object holding the setting (the asset's attributes or a nested block); `primary_note`
// qualifies the region copied from when it is not the asset's own location ("of its write region").
void pair_flow(Facts& facts, const Asset& a, const GeoSetting& s, const Value& at, Range fallback,
               const LocationFact& primary, std::string_view primary_note = {}) {
    const Value* v = at.get(s.attribute);
    bool by_default = !v || v->is_null();
    if (by_default && s.default_value.empty()) return;
    Range range = by_default ? fallback : v->range;
    std::optional<std::string_view> pair;
    if (primary.state == LocationFact::State::Known && primary.place.cloud == "azure" &&
        primary.place.kind == catalog::PlaceKind::Region)
        pair = catalog::azure_pair(primary.place.code);
    if (!by_default && v->is_unknown()) {
        // Could be geo-redundant: only worth saying when the pair is known (an unknown location is
        // the asset's own diagnostic; an unpaired region has no documented destination to name).
        if (!pair) return;
        std::string values;
        for (auto g : s.geo) values += (values.empty() ? "" : ", ") + std::string(g);
        auto place = catalog::resolve("azure", *pair);
        facts.flows.push_back(unresolved_flow(
            s.mechanism, a, a, range,
            fmt::format("the {} of {} is not known: {}; {} would keep {} in the paired region {}", s.attribute, a.address,
                        v->unknown_reason(), values, s.copies, place ? describe_place(*place) : std::string(*pair))));
        return;
    }
    std::string value = by_default ? std::string(s.default_value) : v->is_string() ? v->as_string() : std::string();
    if (std::none_of(s.geo.begin(), s.geo.end(), [&](std::string_view g) { return iequals(g, value); })) return;
    std::string setting = by_default ? fmt::format("{} {} by default", s.attribute, s.default_value)
                                     : fmt::format("{} {}", s.attribute, value);
    switch (primary.state) {
        case LocationFact::State::Known: break;
        case LocationFact::State::Unset:
        case LocationFact::State::NotApplicable:
            // No location of its own in this configuration (a database whose server is elsewhere).
            facts.flows.push_back(unresolved_flow(
                s.mechanism, a, a, range,
                fmt::format("{} keeps {} ({}) in the paired region of its location, which this configuration does not give",
                            a.address, s.copies, setting)));
            return;
        default: return;  // unknown, not in the catalog: the location's own diagnostic says so
    }
    if (!pair) {
        if (primary.place.cloud != "azure" || primary.place.kind != catalog::PlaceKind::Region) return;
        facts.flows.push_back(unresolved_flow(
            s.mechanism, a, a, range,
            fmt::format("{} keeps {} ({}) in the paired region, and {} has no Azure region pair: Azure documents no "
                        "geo-redundant secondary for it",
                        a.address, s.copies, setting, primary.place.code)));
        return;
    }
    auto place = catalog::resolve("azure", *pair);
    if (!place) return;
    Flow f{s.mechanism, &a, &a, range, nullptr, {}};
    f.destination.state = LocationFact::State::Known;
    f.destination.place = std::move(*place);
    f.destination.written = std::string(*pair);
    f.destination.range = range;
    f.destination.provenance =
        prepend(fmt::format("paired region of {} ({} {})", primary.place.code, a.address, setting), range,
                primary.provenance);
    f.what = primary_note.empty()
                 ? fmt::format("keeps {} ({}) in the paired region", s.copies, setting)
                 : fmt::format("keeps {} ({}) in the pair {} {}:", s.copies, setting, primary_note.substr(1),
                               primary.place.code);
    facts.flows.push_back(std::move(f));
}

// --- Storage accounts -------------------------------------------------------------------------

constexpr std::string_view kStorageGeo[] = {"GRS", "RAGRS", "GZRS", "RAGZRS"};
constexpr GeoSetting kStorage{"storage-geo-pair", "account_replication_type", "",  // Required
                              kStorageGeo, "geo-redundant copies"};

// --- Cosmos DB --------------------------------------------------------------------------------

// Periodic backups: storage_redundancy defaults to Geo (only with type Periodic). With no backup
// block, the service's own default mode applies, which the provider's documentation does not state.
constexpr std::string_view kGeo[] = {"Geo"};
constexpr GeoSetting kCosmosBackup{"cosmos-backup-geo-pair", "storage_redundancy", "Geo", kGeo,
                                   "its periodic backups"};

void cosmos(Facts& facts, const Asset& a) {
    const LocationFact& own = facts.fact(a).location;
    const Value* blocks = a.attributes.get("geo_location");
    LocationFact write_region;  // the priority-0 region, for the backups
    bool write_known = false;
    if (blocks && blocks->is_unknown()) {
        facts.flows.push_back(unresolved_flow("cosmos-geo-location", a, a, blocks->range,
                                              fmt::format("the geo_location blocks of {} are not known: {}", a.address,
                                                          blocks->unknown_reason())));
    } else if (blocks) {
        for (const Value& block : blocks->items()) {
            if (block.is_unknown()) {
                facts.flows.push_back(unresolved_flow("cosmos-geo-location", a, a, block.range,
                                                      fmt::format("the geo_location blocks of {} are not known: {}",
                                                                  a.address, block.unknown_reason())));
                continue;
            }
            const Value* location = block.get("location");
            if (!location || location->is_null()) continue;  // Terraform rejects the block
            const Value* priority = block.get("failover_priority");
            bool known_priority = priority && priority->is_number();
            bool write = known_priority && priority->as_number() == 0;
            LocationFact to = locate_value("azure", *location);
            to.provenance = prepend(fmt::format("{} geo_location location", a.address), location->range, location->provenance);
            if (write) {
                write_region = to;
                write_known = true;
            }
            // Where the account itself is located, the location rules judge it already.
            if (to.state == LocationFact::State::Known && own.state == LocationFact::State::Known &&
                to.place.code == own.place.code)
                continue;
            Flow f{"cosmos-geo-location", &a, &a, location->range, nullptr, to};
            f.what = write ? "writes its data (geo_location failover_priority 0, the write region) in"
                     : known_priority
                         ? fmt::format("replicates its data (geo_location failover_priority {}) to", priority->display())
                         : "replicates its data (geo_location) to";
            facts.flows.push_back(std::move(f));
        }
    }
    // Periodic backups go to the pair of the write region.
    const Value* backups = a.attributes.get("backup");
    if (!backups || backups->is_unknown()) return;
    for (const Value& b : backups->items()) {
        if (b.is_unknown()) continue;
        const Value* type = b.get("type");
        if (!type || !type->is_string() || !iequals(type->as_string(), "Periodic")) continue;
        if (!write_known) continue;  // the geo_location flows say what is unresolved
        pair_flow(facts, a, kCosmosBackup, b, type->range, write_region, " of its write region");
    }
}

// --- SQL --------------------------------------------------------------------------------------

// Backup storage redundancy: azurerm_mssql_database storage_account_type defaults to Geo; the
// managed instance's defaults to GRS. Backups go to the pair of the server's region.
constexpr std::string_view kSqlGeo[] = {"Geo", "GeoZone"};
constexpr GeoSetting kSqlDatabaseBackup{"sql-geo-backup", "storage_account_type", "Geo", kSqlGeo,
                                        "its backups"};
constexpr std::string_view kMiGeo[] = {"GRS", "GZRS"};
constexpr GeoSetting kManagedInstanceBackup{"sql-geo-backup", "storage_account_type", "GRS", kMiGeo,
                                            "its backups"};

// The asset a reference names, when it is one of `types` in the same root.
const Asset* referenced(const Facts& facts, const Asset& from, const Value* v,
                        std::initializer_list<std::string_view> types) {
    if (!v || v->ref_asset.empty()) return nullptr;
    const Asset* to = facts.graph->find(from.root, v->ref_asset);
    if (!to || std::find(types.begin(), types.end(), to->type) == types.end()) return nullptr;
    return to;
}

std::string why_partner_unresolved(const Facts& facts, const Asset& from, const Value& v) {
    if (!v.ref_asset.empty())
        if (const Asset* a = facts.graph->find(from.root, v.ref_asset); a && a->mode == AssetMode::Read)
            return fmt::format("the partner is the existing server read by {}: its location is not in this configuration",
                               a->address);
    if (v.is_unknown()) return "the partner is not known: " + v.unknown_reason();
    return "the partner is not defined in the scanned configuration: scan the configuration that creates it";
}

void failover_partner(Facts& facts, const Asset& via, const Asset& origin, const Value* partner,
                      std::initializer_list<std::string_view> types) {
    if (!partner || partner->is_null()) return;
    const Asset* to = referenced(facts, via, partner, types);
    if (!to || to->mode != AssetMode::Managed) {
        facts.flows.push_back(unresolved_flow("sql-failover-group", origin, via, partner->range,
                                              why_partner_unresolved(facts, via, *partner)));
        return;
    }
    facts.flows.push_back(Flow{"sql-failover-group", &origin, &via, partner->range, to, facts.fact(*to).location});
}

void sql_failover_group(Facts& facts, const Asset& a) {
    const Asset* primary = referenced(facts, a, a.attributes.get("server_id"), {"azurerm_mssql_server"});
    const Asset& origin = primary ? *primary : a;
    const Value* blocks = a.attributes.get("partner_server");
    if (!blocks) return;
    if (blocks->is_unknown()) {
        facts.flows.push_back(unresolved_flow("sql-failover-group", origin, a, blocks->range,
                                              "the partner servers are not known: " + blocks->unknown_reason()));
        return;
    }
    for (const Value& block : blocks->items()) {
        if (block.is_unknown()) {
            facts.flows.push_back(unresolved_flow("sql-failover-group", origin, a, block.range,
                                                  "the partner servers are not known: " + block.unknown_reason()));
            continue;
        }
        failover_partner(facts, a, origin, block.get("id"), {"azurerm_mssql_server"});
    }
}

void managed_instance_failover_group(Facts& facts, const Asset& a) {
    const Asset* primary =
        referenced(facts, a, a.attributes.get("managed_instance_id"), {"azurerm_mssql_managed_instance"});
    failover_partner(facts, a, primary ? *primary : a, a.attributes.get("partner_managed_instance_id"),
                     {"azurerm_mssql_managed_instance"});
}

// --- Backup vaults ----------------------------------------------------------------------------

constexpr std::string_view kGeoRedundant[] = {"GeoRedundant"};
constexpr GeoSetting kRecoveryVault{"backup-vault-geo-pair", "storage_mode_type", "GeoRedundant", kGeoRedundant,
                                    "its backups"};
constexpr GeoSetting kBackupVault{"backup-vault-geo-pair", "redundancy", "", kGeoRedundant,  // Required
                                  "its backups"};

}  // namespace

void azure_replication(Facts& facts) {
    for (const Asset& a : facts.graph->assets) {
        if (a.mode != AssetMode::Managed || a.cloud != "azure") continue;
        const LocationFact& here = facts.fact(a).location;
        if (a.type == "azurerm_storage_account")
            pair_flow(facts, a, kStorage, a.attributes, a.header_range, here);
        else if (a.type == "azurerm_cosmosdb_account")
            cosmos(facts, a);
        else if (a.type == "azurerm_mssql_database")
            pair_flow(facts, a, kSqlDatabaseBackup, a.attributes, a.header_range, here);
        else if (a.type == "azurerm_mssql_managed_instance")
            pair_flow(facts, a, kManagedInstanceBackup, a.attributes, a.header_range, here);
        else if (a.type == "azurerm_mssql_failover_group")
            sql_failover_group(facts, a);
        else if (a.type == "azurerm_mssql_managed_instance_failover_group")
            managed_instance_failover_group(facts, a);
        else if (a.type == "azurerm_recovery_services_vault")
            pair_flow(facts, a, kRecoveryVault, a.attributes, a.header_range, here);
        else if (a.type == "azurerm_data_protection_backup_vault")
            pair_flow(facts, a, kBackupVault, a.attributes, a.header_range, here);
    }
}

}  // namespace residency::adapters
