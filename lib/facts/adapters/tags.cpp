// Tags and labels of data stores and AI services once the provider's defaults are merged: AWS
// `tags` with the provider's default_tags (the frontend computes `tags_all`), Google `labels` with
// default_labels (`terraform_labels`), Azure `tags` (azurerm has no provider-level tags).
#include <fmt/format.h>

#include <algorithm>

#include "facts/adapters/adapters.hpp"

namespace residency::adapters {
namespace {

// Types whose schema takes tags (AWS, Azure) or labels (Google) at the top level. A type missing
// here is never judged for missing tags (sub-resources such as objects, table items, containers
// and databases inside a server take none, or inherit nothing useful).
constexpr std::string_view kTaggable[] = {
    // AWS: `tags`
    "aws_backup_vault", "aws_bedrockagent_agent", "aws_bedrockagent_knowledge_base", "aws_cloudwatch_log_group",
    "aws_db_instance", "aws_docdb_cluster", "aws_dynamodb_table", "aws_ebs_volume", "aws_ecr_repository",
    "aws_efs_file_system", "aws_elasticache_cluster", "aws_elasticache_replication_group", "aws_elasticsearch_domain",
    "aws_fsx_lustre_file_system", "aws_kinesis_firehose_delivery_stream", "aws_kinesis_stream", "aws_memorydb_cluster",
    "aws_msk_cluster", "aws_neptune_cluster", "aws_opensearch_domain", "aws_rds_cluster", "aws_redshift_cluster",
    "aws_s3_bucket", "aws_sagemaker_domain", "aws_sagemaker_endpoint", "aws_sagemaker_feature_group",
    "aws_sagemaker_model", "aws_sagemaker_notebook_instance", "aws_secretsmanager_secret", "aws_sns_topic",
    "aws_sqs_queue", "aws_ssm_parameter",
    // Google: `labels`
    "google_alloydb_cluster", "google_artifact_registry_repository", "google_bigquery_dataset", "google_bigquery_table",
    "google_bigtable_instance", "google_compute_disk", "google_filestore_instance", "google_pubsub_subscription",
    "google_pubsub_topic", "google_redis_instance", "google_secret_manager_secret", "google_spanner_instance",
    "google_storage_bucket", "google_vertex_ai_dataset", "google_vertex_ai_endpoint", "google_vertex_ai_featurestore",
    // Azure: `tags`
    "azurerm_cognitive_account", "azurerm_container_registry", "azurerm_cosmosdb_account", "azurerm_data_lake_store",
    "azurerm_eventhub_namespace", "azurerm_key_vault", "azurerm_kusto_cluster", "azurerm_log_analytics_workspace",
    "azurerm_machine_learning_workspace", "azurerm_managed_disk", "azurerm_mssql_database", "azurerm_mssql_server",
    "azurerm_mysql_flexible_server", "azurerm_postgresql_flexible_server", "azurerm_recovery_services_vault",
    "azurerm_redis_cache", "azurerm_search_service", "azurerm_servicebus_namespace", "azurerm_storage_account",
    "azurerm_synapse_workspace",
};

bool taggable(const Asset& a) {
    if (std::find(std::begin(kTaggable), std::end(kTaggable), a.type) != std::end(kTaggable)) return true;
    // A resource that writes the argument takes it (Terraform rejects an argument the schema lacks).
    std::string_view own = a.cloud == "google" ? "labels" : "tags";
    const Value* v = a.attributes.get(own);
    return v && !v->is_null() && (a.cloud == "aws" || a.cloud == "google" || a.cloud == "azure");
}

}  // namespace

void tags(Facts& facts) {
    const Graph& graph = *facts.graph;
    facts.tags.resize(graph.assets.size());
    for (std::size_t i = 0; i < graph.assets.size(); ++i) {
        const Asset& a = graph.assets[i];
        TagsFact& t = facts.tags[i];
        t.asset = &a;
        t.range = a.header_range;
        if (a.mode != AssetMode::Managed || !taggable(a)) continue;
        t.attribute = a.cloud == "google" ? "labels" : "tags";
        std::string_view merged = a.cloud == "aws" ? "tags_all" : a.cloud == "google" ? "terraform_labels" : "tags";
        const Value* v = a.attributes.get(merged);
        if (!v || v->is_null()) v = a.attributes.get(t.attribute);
        if (!v || v->is_null()) {
            t.state = TagsFact::State::Known;
            continue;
        }
        // Findings point at the resource's own argument; at its header when only the provider's defaults apply.
        if (const Value* own = a.attributes.get(t.attribute); own && !own->is_null()) t.range = own->range;
        if (v->is_unknown()) {
            t.state = TagsFact::State::Unknown;
            t.reason = v->unknown_reason();
            continue;
        }
        if (!v->is_object()) {  // Terraform would reject it
            t.state = TagsFact::State::NotTaggable;
            continue;
        }
        t.state = TagsFact::State::Known;
        for (const auto& [k, val] : v->fields()) t.tags.emplace_back(k, &val);
    }
}

}  // namespace residency::adapters
