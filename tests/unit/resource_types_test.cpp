// Unit tests for the asset classes of Terraform resource types, tricky sub-resources included.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string_view>

#include "catalog/resource_types.hpp"

namespace cat = residency::catalog;
using cat::AssetClass;

namespace {

void check_all(AssetClass expected, std::initializer_list<std::string_view> types) {
    for (auto t : types) {
        INFO(t);
        CHECK(cat::class_name(cat::classify(t)) == cat::class_name(expected));
    }
}

}  // namespace

TEST_CASE("data stores") {
    check_all(AssetClass::DataStore,
              {"aws_s3_bucket", "aws_s3_object", "aws_s3_bucket_object", "aws_ebs_volume", "aws_ebs_snapshot",
               "aws_efs_file_system", "aws_fsx_lustre_file_system", "aws_db_instance", "aws_rds_cluster",
               "aws_rds_global_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_dynamodb_table",
               "aws_dynamodb_table_replica", "aws_elasticache_replication_group", "aws_memorydb_cluster",
               "aws_redshift_cluster", "aws_opensearch_domain", "aws_kinesis_stream", "aws_sqs_queue",
               "aws_sns_topic", "aws_ecr_repository", "aws_secretsmanager_secret", "aws_backup_vault",
               "aws_glue_catalog_database", "aws_athena_database", "aws_timestreamwrite_database",
               "google_storage_bucket", "google_storage_bucket_object", "google_bigquery_dataset",
               "google_bigquery_table", "google_sql_database_instance", "google_spanner_instance",
               "google_bigtable_instance", "google_firestore_database", "google_alloydb_cluster",
               "google_redis_instance", "google_memorystore_instance", "google_filestore_instance",
               "google_artifact_registry_repository", "google_pubsub_topic", "google_secret_manager_secret",
               "google_compute_disk", "google_compute_snapshot", "google_compute_image",
               "azurerm_storage_account", "azurerm_storage_container", "azurerm_cosmosdb_account",
               "azurerm_mssql_server", "azurerm_mssql_database", "azurerm_postgresql_flexible_server",
               "azurerm_mysql_flexible_server", "azurerm_redis_cache", "azurerm_container_registry",
               "azurerm_key_vault_secret", "azurerm_managed_disk",
               "azurerm_storage_data_lake_gen2_filesystem", "azurerm_eventhub_namespace",
               "azurerm_servicebus_namespace"});
}

TEST_CASE("compute") {
    check_all(AssetClass::Compute,
              {"aws_instance", "aws_launch_template", "aws_autoscaling_group", "aws_eks_cluster",
               "aws_eks_node_group", "aws_ecs_cluster", "aws_ecs_service", "aws_ecs_task_definition",
               "aws_lambda_function", "aws_batch_compute_environment", "aws_emr_cluster",
               "google_compute_instance", "google_compute_instance_template",
               "google_compute_region_instance_group_manager", "google_container_cluster",
               "google_container_node_pool", "google_cloud_run_v2_service", "google_cloudfunctions2_function",
               "google_dataproc_cluster", "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
               "azurerm_linux_virtual_machine_scale_set", "azurerm_kubernetes_cluster",
               "azurerm_kubernetes_cluster_node_pool", "azurerm_container_app", "azurerm_container_group",
               "azurerm_linux_function_app", "azurerm_databricks_workspace"});
}

TEST_CASE("AI services") {
    check_all(AssetClass::AiService,
              {"aws_sagemaker_endpoint", "aws_sagemaker_endpoint_configuration", "aws_sagemaker_model",
               "aws_sagemaker_domain", "aws_bedrock_guardrail", "aws_bedrock_inference_profile",
               "aws_bedrockagent_agent", "aws_comprehend_entity_recognizer", "aws_kendra_index",
               "google_vertex_ai_endpoint", "google_vertex_ai_dataset", "google_notebooks_instance",
               "google_workbench_instance", "azurerm_cognitive_account", "azurerm_cognitive_deployment",
               "azurerm_machine_learning_workspace", "azurerm_machine_learning_compute_cluster",
               "azurerm_search_service"});
}

TEST_CASE("network") {
    check_all(AssetClass::Network,
              {"aws_vpc", "aws_vpc_endpoint", "aws_vpc_peering_connection", "aws_subnet", "aws_security_group",
               "aws_lb", "aws_lb_listener", "aws_alb", "aws_nat_gateway", "aws_internet_gateway",
               "aws_networkfirewall_firewall", "aws_db_subnet_group", "aws_ec2_transit_gateway",
               "aws_route53_resolver_endpoint", "google_compute_network", "google_compute_subnetwork",
               "google_compute_firewall", "google_compute_router_nat", "google_compute_target_https_proxy",
               "azurerm_virtual_network", "azurerm_subnet", "azurerm_subnet_network_security_group_association",
               "azurerm_network_security_group", "azurerm_lb", "azurerm_application_gateway", "azurerm_firewall",
               "azurerm_private_endpoint"});
}

TEST_CASE("global control-plane objects") {
    check_all(AssetClass::Global,
              {"aws_iam_role", "aws_iam_policy", "aws_iam_role_policy_attachment", "aws_route53_zone",
               "aws_route53_record", "aws_cloudfront_distribution", "aws_organizations_account",
               "aws_waf_web_acl", "aws_dx_gateway", "aws_s3_account_public_access_block",
               "aws_vpc_ipam_organization_admin_account", "aws_caller_identity", "aws_shield_protection",
               "google_project_iam_member", "google_project_iam_binding", "google_service_account",
               "google_service_account_key", "google_organization_iam_member", "google_folder",
               "google_folder_iam_member", "google_project", "google_project_service",
               "azurerm_role_assignment", "azurerm_role_definition", "azurerm_policy_definition",
               "azuread_application", "azurerm_management_group"});
}

TEST_CASE("other: configuration objects that hold no data") {
    check_all(AssetClass::Other,
              {"aws_s3_bucket_policy", "aws_s3_bucket_replication_configuration", "aws_s3_bucket_versioning",
               "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration",
               "aws_kms_alias", "aws_dynamodb_contributor_insights", "aws_db_parameter_group",
               "google_storage_bucket_iam_member", "google_compute_instance_iam_member",
               "azurerm_resource_group", "azurerm_storage_object_replication",
               "azurerm_cosmosdb_sql_role_assignment", "random_id", "null_resource", "", "aws_", "aws_iam",
               "aws_wafv2"});
}

TEST_CASE("keys: what protects data, located but holding none itself") {
    check_all(AssetClass::Key, {"aws_kms_key", "aws_kms_replica_key", "google_kms_crypto_key", "google_kms_key_ring",
                                "azurerm_key_vault_key", "azurerm_key_vault", "azurerm_key_vault_managed_hardware_security_module_key"});
}

TEST_CASE("state backends and prefix edge cases") {
    CHECK(cat::classify("backend_s3") == AssetClass::StateBackend);
    CHECK(cat::classify("backend_gcs") == AssetClass::StateBackend);
    CHECK(cat::classify("backend_azurerm") == AssetClass::StateBackend);
    // Prefixes only match at `_` boundaries; exact entries never act as prefixes.
    CHECK(cat::classify("aws_iam_") == AssetClass::Other);
    CHECK(cat::classify("aws_route53domains_registered_domain") == AssetClass::Global);
    CHECK(cat::classify("aws_wafv2_web_acl") == AssetClass::Network);      // regional, unlike WAF Classic
    CHECK(cat::classify("aws_wafregional_web_acl") == AssetClass::Network);
    CHECK(cat::classify("aws_s3_bucketx") == AssetClass::Other);
    CHECK(cat::classify("aws_vpc_ipam_pool") == AssetClass::Network);
    CHECK(cat::classify("google_project_usage_export_bucket") == AssetClass::Other);
}

TEST_CASE("class names") {
    CHECK(cat::class_name(AssetClass::DataStore) == "data-store");
    CHECK(cat::class_name(AssetClass::Compute) == "compute");
    CHECK(cat::class_name(AssetClass::AiService) == "ai-service");
    CHECK(cat::class_name(AssetClass::StateBackend) == "state-backend");
    CHECK(cat::class_name(AssetClass::Network) == "network");
    CHECK(cat::class_name(AssetClass::Global) == "global");
    CHECK(cat::class_name(AssetClass::Other) == "other");
}

TEST_CASE("cloud of a type") {
    CHECK(cat::cloud_of_type("aws_s3_bucket") == "aws");
    CHECK(cat::cloud_of_type("google_storage_bucket") == "google");
    CHECK(cat::cloud_of_type("azurerm_storage_account") == "azure");
    CHECK(cat::cloud_of_type("azuread_application") == "");
    CHECK(cat::cloud_of_type("kubernetes_deployment") == "");
    CHECK(cat::cloud_of_type("aws") == "");
    CHECK(cat::cloud_of_type("") == "");
}

TEST_CASE("AI services by cloud, and their IAM bindings and settings that hold no data") {
    check_all(AssetClass::AiService,
              {"google_discovery_engine_data_store", "google_discovery_engine_search_engine",
               "google_discovery_engine_chat_engine", "google_dialogflow_cx_agent", "google_dialogflow_agent",
               "google_document_ai_processor", "google_vertex_ai_featurestore_entitytype",
               "google_vertex_ai_reasoning_engine", "azurerm_ai_services", "azurerm_ai_foundry",
               "azurerm_ai_foundry_project", "azurerm_machine_learning_compute_instance",
               "azurerm_bot_service_azure_bot"});
    check_all(AssetClass::Other,
              {"google_vertex_ai_endpoint_iam_member", "google_vertex_ai_featurestore_iam_binding",
               "google_vertex_ai_featurestore_entitytype_iam_policy", "google_vertex_ai_reasoning_engine_iam_member",
               "google_discovery_engine_search_engine_iam_member", "google_workbench_instance_iam_member",
               "google_colab_runtime_template_iam_binding", "google_vertex_ai_cache_config",
               "google_vertex_ai_model_garden_enable_model", "google_discovery_engine_schema",
               "google_discovery_engine_target_site", "google_discovery_engine_serving_config",
               "google_dialogflow_cx_security_settings", "azurerm_cognitive_account_rai_policy",
               "azurerm_cognitive_account_connection_api_key", "azurerm_cognitive_account_customer_managed_key",
               "azurerm_machine_learning_workspace_network_outbound_rule_fqdn"});
}
