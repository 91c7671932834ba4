// Keys: where each key is (an AWS KMS key's region, a Google key ring's location, an Azure Key
// Vault's), whether it is multi-region, which data and AI assets name it (the table below), and
// whether an asset that can take a customer-managed key has one.
//
// The attribute names come from the providers' documentation (registry.terraform.io, hashicorp/aws,
// hashicorp/google, hashicorp/azurerm). A new service that names its key in an argument is one entry.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "facts/adapters/adapters.hpp"

namespace residency::adapters {
namespace {

// "Type T, block path B, argument A names the key that encrypts the data of T (or of the asset
// named by T's argument `target`)".
struct KeyArgument {
    std::string_view type;
    std::string_view blocks;      // nested blocks, dot-separated ("" for a top-level argument)
    std::string_view attributes;  // the argument naming the key; alternatives separated by spaces, first set wins
    std::string_view target = {};       // for a resource that configures another: its argument naming that asset
    std::string_view target_type = {};  // the type of that asset
    std::string_view target_name = {};  // the target's argument that a literal name matches ("bucket")
};

constexpr KeyArgument kKeyArguments[] = {
    // ---- AWS: a key ID, alias, key ARN or alias ARN
    {"aws_s3_bucket_server_side_encryption_configuration", "rule.apply_server_side_encryption_by_default",
     "kms_master_key_id", "bucket", "aws_s3_bucket", "bucket"},
    {"aws_s3_bucket", "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default",
     "kms_master_key_id"},
    {"aws_dynamodb_table", "server_side_encryption", "kms_key_arn"},
    {"aws_db_instance", "", "kms_key_id"},
    {"aws_rds_cluster", "", "kms_key_id"},
    {"aws_docdb_cluster", "", "kms_key_id"},
    {"aws_redshift_cluster", "", "kms_key_id"},
    {"aws_ebs_volume", "", "kms_key_id"},
    {"aws_efs_file_system", "", "kms_key_id"},
    {"aws_ecr_repository", "encryption_configuration", "kms_key"},
    {"aws_cloudwatch_log_group", "", "kms_key_id"},
    {"aws_kinesis_stream", "", "kms_key_id"},
    {"aws_secretsmanager_secret", "", "kms_key_id"},
    {"aws_sqs_queue", "", "kms_master_key_id"},
    {"aws_sns_topic", "", "kms_master_key_id"},
    {"aws_opensearch_domain", "encrypt_at_rest", "kms_key_id"},
    {"aws_elasticsearch_domain", "encrypt_at_rest", "kms_key_id"},
    {"aws_backup_vault", "", "kms_key_arn"},
    {"aws_sagemaker_notebook_instance", "", "kms_key_id"},
    {"aws_sagemaker_endpoint_configuration", "", "kms_key_arn"},
    {"aws_sagemaker_domain", "", "kms_key_id"},
    {"aws_bedrock_custom_model", "", "custom_model_kms_key_id"},
    {"aws_bedrockagent_agent", "", "customer_encryption_key_arn"},
    // ---- Google: a crypto key's name, projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>
    {"google_storage_bucket", "encryption", "default_kms_key_name"},
    {"google_bigquery_dataset", "default_encryption_configuration", "kms_key_name"},
    {"google_bigquery_table", "encryption_configuration", "kms_key_name"},
    {"google_vertex_ai_dataset", "encryption_spec", "kms_key_name"},
    {"google_vertex_ai_endpoint", "encryption_spec", "kms_key_name"},
    {"google_vertex_ai_featurestore", "encryption_spec", "kms_key_name"},
    {"google_vertex_ai_index", "encryption_spec", "kms_key_name"},
    {"google_vertex_ai_index_endpoint", "encryption_spec", "kms_key_name"},
    {"google_vertex_ai_metadata_store", "encryption_spec", "kms_key_name"},
    {"google_vertex_ai_tensorboard", "encryption_spec", "kms_key_name"},
    {"google_sql_database_instance", "", "encryption_key_name"},
    {"google_pubsub_topic", "", "kms_key_name"},
    {"google_artifact_registry_repository", "", "kms_key_name"},
    {"google_redis_instance", "", "customer_managed_key"},
    {"google_spanner_database", "encryption_config", "kms_key_name"},
    {"google_filestore_instance", "", "kms_key_name"},
    {"google_compute_disk", "disk_encryption_key", "kms_key_self_link"},
    {"google_alloydb_cluster", "encryption_config", "kms_key_name"},
    // ---- Azure: a Key Vault key's ID (a URL), or the vault's ID with the key's name
    {"azurerm_storage_account", "customer_managed_key", "key_vault_key_id managed_hsm_key_id"},
    {"azurerm_storage_account_customer_managed_key", "", "key_vault_key_id managed_hsm_key_id key_vault_id",
     "storage_account_id", "azurerm_storage_account"},
    {"azurerm_cognitive_account", "customer_managed_key", "key_vault_key_id"},
    {"azurerm_cognitive_account_customer_managed_key", "", "key_vault_key_id", "cognitive_account_id",
     "azurerm_cognitive_account"},
    {"azurerm_machine_learning_workspace", "encryption", "key_id key_vault_id"},
    {"azurerm_cosmosdb_account", "", "key_vault_key_id"},
    {"azurerm_mssql_server", "", "transparent_data_encryption_key_vault_key_id"},
    {"azurerm_mssql_server_transparent_data_encryption", "", "key_vault_key_id", "server_id", "azurerm_mssql_server"},
    {"azurerm_postgresql_flexible_server", "customer_managed_key", "key_vault_key_id"},
    {"azurerm_mysql_flexible_server", "customer_managed_key", "key_vault_key_id"},
    {"azurerm_container_registry", "encryption", "key_vault_key_id"},
};

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        auto at = s.find(sep);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) break;
        s.remove_prefix(at + 1);
    }
    return out;
}

// The blocks at a path of nested blocks (lists of objects) and objects. An unknown met on the way
// (a dynamic block whose instances are not known) is returned as is.
void blocks_at(const Value& v, std::span<const std::string_view> path, std::vector<const Value*>& out) {
    if (v.is_unknown()) {
        out.push_back(&v);
        return;
    }
    if (v.is_list()) {
        for (const auto& item : v.items()) blocks_at(item, path, out);
        return;
    }
    if (!v.is_object()) return;
    if (path.empty()) {
        out.push_back(&v);
        return;
    }
    if (const Value* next = v.get(path.front()); next && !next->is_null()) blocks_at(*next, path.subspan(1), out);
}

bool is_key_type(std::string_view type) {
    return type == "aws_kms_key" || type == "aws_kms_external_key" || type == "aws_kms_replica_key" ||
           type == "aws_kms_replica_external_key" || type == "google_kms_key_ring" ||
           type == "google_kms_crypto_key" || type == "azurerm_key_vault" || type == "azurerm_key_vault_key" ||
           type == "azurerm_key_vault_managed_hardware_security_module" || type == "azurerm_key_vault_managed_hardware_security_module_key";
}

// "arn:aws:kms:us-east-1:123456789012:key/..." -> "us-east-1" (also aws-cn, aws-us-gov partitions)
std::string_view arn_region(std::string_view arn) {
    auto parts = split(arn, ':');
    if (parts.size() < 6 || parts[0] != "arn" || parts[2] != "kms") return {};
    return parts[3];
}

// "projects/p/locations/europe-west4/keyRings/r[/cryptoKeys/k[/cryptoKeyVersions/v]]" -> "europe-west4"
std::string_view google_key_location(std::string_view name) {
    auto parts = split(name, '/');
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
        if (parts[i] == "locations") return parts[i + 1];
    return {};
}

class KeyIndex {
public:
    explicit KeyIndex(Facts& facts) : facts_(facts) {}

    // Where a key asset (resource or data source) is.
    const KeyFact& key(const Asset& a) {
        auto it = keys_.find(&a);
        if (it != keys_.end()) return it->second;
        KeyFact f;
        f.key = &a;
        f.location = own_location(a);
        if (a.type == "google_kms_crypto_key" || a.type == "azurerm_key_vault_key" ||
            a.type == "azurerm_key_vault_managed_hardware_security_module_key") {
            // A Google crypto key lives in its key ring; an Azure key in its vault (or HSM).
            std::string_view arg = a.type == "google_kms_crypto_key" ? "key_ring"
                                   : a.type == "azurerm_key_vault_key" ? "key_vault_id"
                                                                       : "managed_hsm_id";
            if (const Value* parent = a.attributes.get(arg)) {
                const Asset* p = referenced(a, *parent);
                if (p && p != &a && is_key_type(p->type)) {
                    f.container = p;
                    f.location = key(*p).location;
                    f.location.provenance = prepend(fmt::format("{} lives in {} ({})", a.address, p->address, arg),
                                                    parent->range, f.location.provenance);
                } else if (a.type == "google_kms_crypto_key" && parent->is_string()) {
                    f.location = google_name_location(*parent);
                } else if (f.location.state != LocationFact::State::Known) {
                    f.location = unknown(parent->range, fmt::format("the {} of {} is not an asset of this configuration",
                                                                    arg, a.address));
                }
            }
        }
        if (a.type == "aws_kms_key")
            if (const Value* mr = a.attributes.get("multi_region"); mr && mr->is_bool() && mr->as_bool()) {
                f.multi_region = true;
                f.multi_region_range = mr->range;
                f.multi_region_provenance = mr->provenance;
            }
        return keys_.emplace(&a, std::move(f)).first->second;
    }

    // The key asset a value refers to (through an aws_kms_alias to its target key), or null.
    const Asset* key_asset(const Asset& from, const Value& v, int depth = 0) {
        const Asset* a = referenced(from, v);
        if (!a || depth > 4) return nullptr;
        if (is_key_type(a->type)) return a;
        if (a->type == "aws_kms_alias")
            if (const Value* target = a->attributes.get("target_key_id")) return key_asset(*a, *target, depth + 1);
        return nullptr;
    }

    // Where the key a value names is.
    LocationFact locate_key(const Asset& from, const Value& v) {
        if (const Asset* k = key_asset(from, v)) return key(*k).location;
        if (!v.ref_asset.empty())
            if (const Asset* a = referenced(from, v))
                return unknown(v.range, fmt::format("the key comes from {}, which is not a key this tool can locate",
                                                    a->address));
        if (v.is_unknown()) return unknown(v.range, "the key is not known: " + v.unknown_reason());
        if (!v.is_string()) return unknown(v.range, "the key is not a string");
        const std::string& s = v.as_string();
        if (from.cloud == "aws") {
            if (s.starts_with("arn:")) {
                std::string_view region = arn_region(s);
                if (region.empty()) return unknown(v.range, fmt::format("\"{}\" is not a KMS key ARN", s));
                LocationFact l = locate_value("aws", Value::string(std::string(region), v.range).with_provenance(v.provenance));
                l.provenance = prepend(fmt::format("the key ARN names region {}", region), v.range, v.provenance);
                return l;
            }
            // A key ID or alias name without an ARN is looked up in the region of the service that uses it.
            LocationFact l = facts_.fact(from).location;
            if (l.state == LocationFact::State::Known)
                l.provenance = prepend(fmt::format("a key ID without an ARN is in the region of {}", from.address),
                                       v.range, l.provenance);
            return l;
        }
        if (from.cloud == "google") return google_name_location(v);
        return unknown(v.range, fmt::format("\"{}\" does not say which region its vault is in", s));
    }

    const Asset* referenced(const Asset& from, const Value& v) const {
        if (v.ref_asset.empty()) return nullptr;
        return facts_.graph->find(from.root, v.ref_asset);
    }

    std::map<const Asset*, KeyFact>& all() { return keys_; }

private:
    LocationFact own_location(const Asset& a) const {
        if (a.mode == AssetMode::Managed) return facts_.fact(a).location;
        // A data source reads the key where it is: a literal location, ARN or name tells where; else its provider.
        if (const Value* loc = a.attributes.get("location"); loc && loc->is_string())
            return locate_value(a.cloud, *loc);
        for (const char* arg : {"key_id", "arn"})
            if (const Value* id = a.attributes.get(arg); id && id->is_string() && id->as_string().starts_with("arn:"))
                if (auto region = arn_region(id->as_string()); !region.empty())
                    return locate_value(a.cloud, Value::string(std::string(region), id->range));
        return locate_value(a.cloud, a.location);
    }

    LocationFact google_name_location(const Value& v) const {
        std::string_view loc = v.is_string() ? google_key_location(v.as_string()) : std::string_view{};
        if (loc.empty())
            return unknown(v.range, v.is_string() ? fmt::format("\"{}\" names no location", v.as_string())
                                                  : std::string("the key name is not known"));
        LocationFact l = locate_value("google", Value::string(std::string(loc), v.range));
        l.provenance = prepend(fmt::format("the key name names location {}", loc), v.range, v.provenance);
        return l;
    }

    static LocationFact unknown(Range range, std::string reason) {
        LocationFact l;
        l.state = LocationFact::State::Unknown;
        l.reason = std::move(reason);
        l.range = range;
        return l;
    }

    Facts& facts_;
    std::map<const Asset*, KeyFact> keys_;
};

// The asset a configuring resource (an S3 encryption configuration) applies to, or null.
const Asset* target_of(const Facts& facts, const KeyIndex& index, const Asset& via, const KeyArgument& e) {
    const Value* t = via.attributes.get(e.target);
    if (!t) return nullptr;
    if (const Asset* a = index.referenced(via, *t)) return a->type == e.target_type && a->mode == AssetMode::Managed ? a : nullptr;
    if (!t->is_string() || e.target_name.empty()) return nullptr;
    for (const Asset& a : facts.graph->assets)
        if (a.root == via.root && a.type == e.target_type && a.mode == AssetMode::Managed)
            if (const Value* n = a.attributes.get(e.target_name); n && n->is_string() && n->as_string() == t->as_string())
                return &a;
    return nullptr;
}

}  // namespace

void keys(Facts& facts) {
    KeyIndex index(facts);
    for (const Asset& a : facts.graph->assets)
        if (a.mode == AssetMode::Managed && is_key_type(a.type)) facts.keys.push_back(index.key(a));

    // Per root and target type: a configuring resource whose target is not known (it may be any asset of the type).
    std::map<std::pair<std::string, std::string_view>, std::string> unresolved_targets;
    std::map<const Asset*, std::vector<const KeyArgument*>> entries_hit;
    for (const Asset& a : facts.graph->assets) {
        if (a.mode != AssetMode::Managed) continue;
        for (const auto& e : kKeyArguments) {
            if (a.type != e.type) continue;
            const Asset* asset = &a;
            if (!e.target.empty()) {
                asset = target_of(facts, index, a, e);
                if (!asset) {
                    const Value* t = a.attributes.get(e.target);
                    unresolved_targets[{a.root, e.target_type}] =
                        fmt::format("{} configures a {} this tool cannot find ({}{})", a.address, e.target_type, e.target,
                                    t && t->is_unknown() ? ": " + t->unknown_reason() : std::string());
                    continue;
                }
            }
            auto path = split(e.blocks, '.');
            std::vector<const Value*> blocks;
            blocks_at(a.attributes, path, blocks);
            auto alternatives = split(e.attributes, ' ');
            for (const Value* block : blocks) {
                std::string attribute = e.blocks.empty() ? std::string() : std::string(e.blocks) + ".";
                KeyUse use{asset, &a, block->range, {}, nullptr, true, {}};
                if (block->is_unknown()) {
                    use.attribute = attribute + std::string(alternatives.front());
                    use.certain = false;
                    use.location.state = LocationFact::State::Unknown;
                    use.location.reason = fmt::format("the {} blocks of {} are not known: {}", e.blocks, a.address,
                                                      block->unknown_reason());
                    use.location.range = block->range;
                    facts.key_uses.push_back(std::move(use));
                    continue;
                }
                const Value* v = nullptr;
                std::string_view name;
                for (auto alt : alternatives)
                    if (const Value* x = block->get(alt); x && !x->is_null()) {
                        v = x;
                        name = alt;
                        break;
                    }
                if (!v) continue;
                if (v->is_string() && v->as_string().empty()) continue;  // "" sets no key
                use.attribute = attribute + std::string(name);
                use.range = v->range;
                use.key = index.key_asset(a, *v);
                use.certain = !v->is_unknown() || !v->ref_asset.empty();
                use.location = index.locate_key(a, *v);
                facts.key_uses.push_back(std::move(use));
            }
        }
    }

    // Which assets that can take a customer-managed key have one.
    std::set<std::string_view> capable;
    std::map<std::string_view, std::string> how;
    for (const auto& e : kKeyArguments) {
        std::string_view type = e.target.empty() ? e.type : e.target_type;
        capable.insert(type);
        std::string where = e.target.empty() ? "" : std::string(e.type) + " ";
        where += e.blocks.empty() ? std::string(split(e.attributes, ' ').front())
                                  : fmt::format("{}.{}", e.blocks, split(e.attributes, ' ').front());
        auto& h = how[type];
        h += (h.empty() ? "" : " or ") + where;
    }
    for (const Asset& a : facts.graph->assets) {
        if (a.mode != AssetMode::Managed || !capable.count(a.type)) continue;
        if (a.asset_class != AssetClass::DataStore && a.asset_class != AssetClass::AiService) continue;
        CustomerKeyFact c{&a, CustomerKeyFact::State::None, how[a.type], {}};
        for (const KeyUse& u : facts.key_uses) {
            if (u.asset != &a) continue;
            if (u.certain) {
                c.state = CustomerKeyFact::State::Set;
                break;
            }
            c.state = CustomerKeyFact::State::Unknown;
            c.reason = u.location.reason;
        }
        if (c.state == CustomerKeyFact::State::None)
            if (auto it = unresolved_targets.find({a.root, a.type}); it != unresolved_targets.end()) {
                c.state = CustomerKeyFact::State::Unknown;
                c.reason = it->second;
            }
        facts.customer_keys.push_back(std::move(c));
    }
}

}  // namespace residency::adapters
