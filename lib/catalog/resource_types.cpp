// Asset classes of Terraform resource types, from a table of exact types and `_`-ended prefixes.
#include "catalog/resource_types.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace residency::catalog {
namespace {

struct Entry {
    std::string_view key;  // an exact type, or a prefix when it ends in '_'
    AssetClass cls;
};

constexpr AssetClass D = AssetClass::DataStore;
constexpr AssetClass C = AssetClass::Compute;
constexpr AssetClass A = AssetClass::AiService;
constexpr AssetClass S = AssetClass::StateBackend;
constexpr AssetClass N = AssetClass::Network;
constexpr AssetClass G = AssetClass::Global;
constexpr AssetClass O = AssetClass::Other;
constexpr AssetClass K = AssetClass::Key;

// Sub-resources that configure a data store (bucket policies, replication or lifecycle settings,
// IAM bindings) hold no data themselves and fall through to Other, which is why data stores are
// listed as exact types rather than prefixes.
constexpr Entry raw_table[] = {
    // Terraform state backends, as the Terraform frontend names them ("backend_s3").
    {"backend_", S},

    // ---- AWS data stores
    {"aws_ami", D}, {"aws_ami_copy", D}, {"aws_ami_from_instance", D},
    {"aws_athena_database", D},
    {"aws_backup_logically_air_gapped_vault", D}, {"aws_backup_vault", D},
    {"aws_cloudwatch_log_group", D},
    {"aws_codeartifact_repository", D}, {"aws_codecommit_repository", D},
    {"aws_dax_cluster", D},
    {"aws_db_cluster_snapshot", D}, {"aws_db_instance", D},
    {"aws_db_instance_automated_backups_replication", D}, {"aws_db_snapshot", D}, {"aws_db_snapshot_copy", D},
    {"aws_docdb_cluster", D}, {"aws_docdb_cluster_instance", D}, {"aws_docdb_cluster_snapshot", D},
    {"aws_docdb_global_cluster", D}, {"aws_docdbelastic_cluster", D},
    {"aws_dsql_cluster", D},
    {"aws_dynamodb_global_table", D}, {"aws_dynamodb_table", D}, {"aws_dynamodb_table_item", D},
    {"aws_dynamodb_table_replica", D},
    {"aws_ebs_snapshot", D}, {"aws_ebs_snapshot_copy", D}, {"aws_ebs_snapshot_import", D}, {"aws_ebs_volume", D},
    {"aws_ecr_repository", D}, {"aws_ecrpublic_repository", D},
    {"aws_efs_file_system", D},
    {"aws_elasticache_cluster", D}, {"aws_elasticache_global_replication_group", D},
    {"aws_elasticache_replication_group", D}, {"aws_elasticache_serverless_cache", D},
    {"aws_elasticsearch_domain", D},
    {"aws_fsx_backup", D}, {"aws_fsx_file_cache", D}, {"aws_fsx_lustre_file_system", D},
    {"aws_fsx_ontap_file_system", D}, {"aws_fsx_ontap_volume", D}, {"aws_fsx_openzfs_file_system", D},
    {"aws_fsx_openzfs_snapshot", D}, {"aws_fsx_openzfs_volume", D}, {"aws_fsx_windows_file_system", D},
    {"aws_glacier_vault", D},
    {"aws_glue_catalog_database", D}, {"aws_glue_catalog_table", D},
    {"aws_keyspaces_keyspace", D}, {"aws_keyspaces_table", D},
    {"aws_kinesis_firehose_delivery_stream", D}, {"aws_kinesis_stream", D}, {"aws_kinesis_video_stream", D},
    {"aws_lightsail_bucket", D}, {"aws_lightsail_database", D}, {"aws_lightsail_disk", D},
    {"aws_kms_external_key", K}, {"aws_kms_key", K}, {"aws_kms_replica_external_key", K}, {"aws_kms_replica_key", K},
    {"aws_memorydb_cluster", D}, {"aws_memorydb_multi_region_cluster", D}, {"aws_memorydb_snapshot", D},
    {"aws_mq_broker", D},
    {"aws_msk_cluster", D}, {"aws_msk_serverless_cluster", D},
    {"aws_neptune_cluster", D}, {"aws_neptune_cluster_instance", D}, {"aws_neptune_cluster_snapshot", D},
    {"aws_neptune_global_cluster", D},
    {"aws_opensearch_domain", D}, {"aws_opensearchserverless_collection", D},
    {"aws_qldb_ledger", D},
    {"aws_rds_cluster", D}, {"aws_rds_cluster_instance", D}, {"aws_rds_global_cluster", D},
    {"aws_redshift_cluster", D}, {"aws_redshift_cluster_snapshot", D}, {"aws_redshiftserverless_namespace", D},
    {"aws_s3_bucket", D}, {"aws_s3_bucket_object", D}, {"aws_s3_directory_bucket", D},
    {"aws_s3vectors_index", D}, {"aws_s3vectors_vector_bucket", D}, {"aws_s3_object", D},
    {"aws_s3_object_copy", D}, {"aws_s3control_bucket", D},
    {"aws_s3tables_table", D}, {"aws_s3tables_table_bucket", D},
    {"aws_secretsmanager_secret", D}, {"aws_secretsmanager_secret_version", D},
    {"aws_sns_topic", D},
    {"aws_sqs_queue", D},
    {"aws_ssm_parameter", D},
    {"aws_timestreaminfluxdb_db_instance", D}, {"aws_timestreamwrite_database", D},
    {"aws_timestreamwrite_table", D},

    // ---- AWS compute
    {"aws_apprunner_service", C},
    {"aws_athena_workgroup", C},
    {"aws_autoscaling_group", C},
    {"aws_batch_compute_environment", C}, {"aws_batch_job_definition", C}, {"aws_batch_job_queue", C},
    {"aws_codebuild_project", C},
    {"aws_dms_replication_instance", C},
    {"aws_ec2_fleet", C}, {"aws_ec2_host", C},
    {"aws_ecs_cluster", C}, {"aws_ecs_service", C}, {"aws_ecs_task_definition", C},
    {"aws_eks_cluster", C}, {"aws_eks_fargate_profile", C}, {"aws_eks_node_group", C},
    {"aws_elastic_beanstalk_environment", C},
    {"aws_emr_cluster", C}, {"aws_emr_instance_fleet", C}, {"aws_emr_instance_group", C},
    {"aws_emrcontainers_virtual_cluster", C}, {"aws_emrserverless_application", C},
    {"aws_glue_job", C},
    {"aws_instance", C},
    {"aws_lambda_function", C},
    {"aws_launch_configuration", C}, {"aws_launch_template", C},
    {"aws_lightsail_instance", C},
    {"aws_mwaa_environment", C},
    {"aws_redshiftserverless_workgroup", C},
    {"aws_spot_fleet_request", C}, {"aws_spot_instance_request", C},

    // ---- AWS AI services
    {"aws_bedrock_", A}, {"aws_bedrockagent_", A}, {"aws_comprehend_", A}, {"aws_kendra_", A},
    {"aws_lexv2models_", A}, {"aws_qbusiness_", A}, {"aws_rekognition_", A}, {"aws_sagemaker_", A},
    {"aws_transcribe_", A},

    // ---- AWS network
    {"aws_alb", N}, {"aws_alb_", N},
    {"aws_api_gateway_", N}, {"aws_apigatewayv2_", N},
    {"aws_customer_gateway", N},
    {"aws_db_subnet_group", N},
    {"aws_default_network_acl", N}, {"aws_default_route_table", N}, {"aws_default_security_group", N},
    {"aws_default_subnet", N}, {"aws_default_vpc", N},
    {"aws_docdb_subnet_group", N},
    {"aws_dx_", N},
    {"aws_ec2_client_vpn_", N}, {"aws_ec2_transit_gateway", N}, {"aws_ec2_transit_gateway_", N},
    {"aws_egress_only_internet_gateway", N},
    {"aws_eip", N}, {"aws_eip_association", N},
    {"aws_elasticache_subnet_group", N},
    {"aws_elb", N}, {"aws_elb_attachment", N},
    {"aws_internet_gateway", N}, {"aws_internet_gateway_attachment", N},
    {"aws_lb", N}, {"aws_lb_", N},
    {"aws_main_route_table_association", N},
    {"aws_memorydb_subnet_group", N},
    {"aws_nat_gateway", N},
    {"aws_neptune_subnet_group", N},
    {"aws_network_acl", N}, {"aws_network_acl_association", N}, {"aws_network_acl_rule", N},
    {"aws_network_interface", N}, {"aws_network_interface_attachment", N},
    {"aws_network_interface_sg_attachment", N},
    {"aws_networkfirewall_", N},
    {"aws_redshift_subnet_group", N},
    {"aws_route53_resolver_", N},  // Route 53 Resolver lives in VPCs: regional, unlike the rest of aws_route53_
    {"aws_route", N}, {"aws_route_table", N}, {"aws_route_table_association", N},
    {"aws_security_group", N}, {"aws_security_group_rule", N},
    {"aws_subnet", N},
    {"aws_vpc", N}, {"aws_vpc_", N},
    {"aws_vpn_connection", N}, {"aws_vpn_connection_route", N}, {"aws_vpn_gateway", N},
    {"aws_vpn_gateway_attachment", N},
    {"aws_wafregional_", N}, {"aws_wafv2_", N},

    // ---- AWS global (no `region` at all: replication-resources.md section 0 and the
    // provider's enhanced-region-support guide)
    {"aws_account_", G}, {"aws_bcmdataexports_", G}, {"aws_billing_", G}, {"aws_budgets_", G},
    {"aws_backup_global_settings", G}, {"aws_caller_identity", G}, {"aws_ce_", G},
    {"aws_chimesdkvoice_global_settings", G}, {"aws_cloudfront_", G}, {"aws_cloudfrontkeyvaluestore_", G},
    {"aws_cloudtrail_organization_delegated_admin_account", G}, {"aws_costoptimizationhub_", G},
    {"aws_cur_", G}, {"aws_dx_gateway", G}, {"aws_ec2_image_block_public_access", G},
    {"aws_fms_admin_account", G}, {"aws_globalaccelerator_", G}, {"aws_iam_", G},
    {"aws_networkmanager_", G}, {"aws_notifications_", G}, {"aws_notificationscontacts_", G},
    {"aws_organizations_", G}, {"aws_pricing_", G}, {"aws_quicksight_account_settings", G},
    {"aws_ram_sharing_with_organization", G}, {"aws_rolesanywhere_", G}, {"aws_route53_", G},
    {"aws_route53domains_", G}, {"aws_route53recoverycontrolconfig_", G}, {"aws_route53recoveryreadiness_", G},
    {"aws_s3_account_public_access_block", G}, {"aws_servicecatalog_organizations_access", G},
    {"aws_shield_", G}, {"aws_vpc_ipam_organization_admin_account", G}, {"aws_waf_", G},
    {"aws_arcregionswitch_", G}, {"aws_invoicing_", G}, {"aws_savingsplans_", G},
    // Data sources the same guide names as effectively global.
    {"aws_canonical_user_id", G}, {"aws_cloudwatch_log_data_protection_policy_document", G},
    {"aws_default_tags", G}, {"aws_ecr_lifecycle_policy_document", G}, {"aws_partition", G}, {"aws_regions", G},

    // ---- Google data stores
    {"google_alloydb_backup", D}, {"google_alloydb_cluster", D}, {"google_alloydb_instance", D},
    {"google_artifact_registry_repository", D},
    {"google_backup_dr_backup_vault", D},
    {"google_bigquery_dataset", D}, {"google_bigquery_table", D},
    {"google_bigtable_instance", D}, {"google_bigtable_table", D},
    {"google_compute_disk", D}, {"google_compute_image", D}, {"google_compute_machine_image", D},
    {"google_compute_region_disk", D}, {"google_compute_snapshot", D},
    {"google_container_registry", D},
    {"google_filestore_backup", D}, {"google_filestore_instance", D}, {"google_filestore_snapshot", D},
    {"google_firestore_database", D}, {"google_firestore_document", D},
    {"google_healthcare_dataset", D}, {"google_healthcare_dicom_store", D}, {"google_healthcare_fhir_store", D},
    {"google_healthcare_hl7_v2_store", D},
    {"google_logging_folder_bucket_config", D}, {"google_logging_organization_bucket_config", D},
    {"google_logging_project_bucket_config", D},
    {"google_kms_crypto_key", K}, {"google_kms_key_ring", K},
    {"google_memcache_instance", D}, {"google_memorystore_instance", D},
    {"google_netapp_storage_pool", D}, {"google_netapp_volume", D},
    {"google_parallelstore_instance", D},
    {"google_pubsub_lite_subscription", D}, {"google_pubsub_lite_topic", D}, {"google_pubsub_subscription", D},
    {"google_pubsub_topic", D},
    {"google_redis_cluster", D}, {"google_redis_instance", D},
    {"google_secret_manager_regional_secret", D}, {"google_secret_manager_regional_secret_version", D},
    {"google_secret_manager_secret", D}, {"google_secret_manager_secret_version", D},
    {"google_sourcerepo_repository", D},
    {"google_spanner_database", D}, {"google_spanner_instance", D},
    {"google_sql_database", D}, {"google_sql_database_instance", D},
    {"google_storage_bucket", D}, {"google_storage_bucket_object", D},

    // ---- Google compute
    {"google_app_engine_application", C}, {"google_app_engine_flexible_app_version", C},
    {"google_app_engine_standard_app_version", C},
    {"google_bigquery_data_transfer_config", C},
    {"google_cloud_run_service", C}, {"google_cloud_run_v2_job", C}, {"google_cloud_run_v2_service", C},
    {"google_cloudfunctions2_function", C}, {"google_cloudfunctions_function", C},
    {"google_composer_environment", C},
    {"google_compute_instance", C}, {"google_compute_instance_from_machine_image", C},
    {"google_compute_instance_from_template", C}, {"google_compute_instance_group", C},
    {"google_compute_instance_group_manager", C}, {"google_compute_instance_template", C},
    {"google_compute_region_instance_group_manager", C}, {"google_compute_region_instance_template", C},
    {"google_container_cluster", C}, {"google_container_node_pool", C},
    {"google_data_fusion_instance", C},
    {"google_dataflow_flex_template_job", C}, {"google_dataflow_job", C},
    {"google_dataproc_batch", C}, {"google_dataproc_cluster", C}, {"google_dataproc_job", C},
    {"google_dataproc_workflow_template", C},
    {"google_tpu_node", C}, {"google_tpu_v2_vm", C},

    // ---- Google AI services
    {"google_colab_", A}, {"google_dialogflow_", A}, {"google_dialogflow_cx_security_settings", O},
    {"google_discovery_engine_", A},
    {"google_document_ai_", A}, {"google_ml_engine_model", A}, {"google_notebooks_", A},
    {"google_vertex_ai_", A}, {"google_workbench_", A},
    // IAM bindings on AI resources and settings that hold no data: not AI services.
    {"google_colab_runtime_template_iam_", O}, {"google_discovery_engine_search_engine_iam_", O},
    {"google_notebooks_instance_iam_", O}, {"google_notebooks_runtime_iam_", O},
    {"google_vertex_ai_endpoint_iam_", O}, {"google_vertex_ai_feature_group_iam_", O},
    {"google_vertex_ai_feature_online_store_featureview_iam_", O}, {"google_vertex_ai_feature_online_store_iam_", O},
    {"google_vertex_ai_featurestore_entitytype_iam_", O}, {"google_vertex_ai_featurestore_iam_", O},
    {"google_vertex_ai_reasoning_engine_iam_", O}, {"google_workbench_instance_iam_", O},
    {"google_vertex_ai_cache_config", O}, {"google_vertex_ai_model_garden_enable_model", O},
    {"google_discovery_engine_acl_config", O}, {"google_discovery_engine_cmek_config", O},
    {"google_discovery_engine_control", O}, {"google_discovery_engine_license_config", O},
    {"google_discovery_engine_schema", O}, {"google_discovery_engine_serving_config", O},
    {"google_discovery_engine_sitemap", O}, {"google_discovery_engine_target_site", O},
    {"google_discovery_engine_user_store", O}, {"google_discovery_engine_widget_config", O},

    // ---- Google network
    {"google_compute_address", N}, {"google_compute_backend_bucket", N}, {"google_compute_backend_service", N},
    {"google_compute_firewall", N}, {"google_compute_firewall_policy", N}, {"google_compute_firewall_policy_rule", N},
    {"google_compute_forwarding_rule", N}, {"google_compute_global_address", N},
    {"google_compute_global_forwarding_rule", N}, {"google_compute_ha_vpn_gateway", N},
    {"google_compute_health_check", N}, {"google_compute_interconnect_attachment", N},
    {"google_compute_network", N}, {"google_compute_network_endpoint_group", N},
    {"google_compute_network_peering", N}, {"google_compute_region_backend_service", N},
    {"google_compute_region_health_check", N}, {"google_compute_region_network_endpoint_group", N},
    {"google_compute_region_target_http_proxy", N}, {"google_compute_region_target_https_proxy", N},
    {"google_compute_region_url_map", N}, {"google_compute_route", N}, {"google_compute_router", N},
    {"google_compute_router_interface", N}, {"google_compute_router_nat", N}, {"google_compute_router_peer", N},
    {"google_compute_security_policy", N}, {"google_compute_shared_vpc_host_project", N},
    {"google_compute_shared_vpc_service_project", N}, {"google_compute_subnetwork", N},
    {"google_compute_target_", N}, {"google_compute_url_map", N}, {"google_compute_vpn_gateway", N},
    {"google_compute_vpn_tunnel", N},
    {"google_network_connectivity_", N}, {"google_network_security_", N},
    {"google_service_networking_connection", N},
    {"google_vpc_access_connector", N},

    // ---- Google global (organisation-level objects with no data location)
    {"google_access_context_manager_", G}, {"google_billing_", G}, {"google_cloud_identity_", G},
    {"google_dns_", G}, {"google_folder", G}, {"google_folder_", G}, {"google_iam_", G},
    {"google_org_policy_", G}, {"google_organization_", G}, {"google_project", G}, {"google_project_", G},
    {"google_resource_manager_lien", G}, {"google_service_account", G}, {"google_service_account_", G},
    {"google_tags_", G},

    // ---- Azure data stores
    {"azurerm_app_configuration", D},
    {"azurerm_application_insights", D},
    {"azurerm_container_registry", D},
    {"azurerm_cosmosdb_account", D}, {"azurerm_cosmosdb_cassandra_cluster", D},
    {"azurerm_cosmosdb_cassandra_keyspace", D}, {"azurerm_cosmosdb_cassandra_table", D},
    {"azurerm_cosmosdb_gremlin_database", D}, {"azurerm_cosmosdb_gremlin_graph", D},
    {"azurerm_cosmosdb_mongo_collection", D}, {"azurerm_cosmosdb_mongo_database", D},
    {"azurerm_cosmosdb_postgresql_cluster", D}, {"azurerm_cosmosdb_sql_container", D},
    {"azurerm_cosmosdb_sql_database", D}, {"azurerm_cosmosdb_table", D},
    {"azurerm_data_lake_store", D}, {"azurerm_data_lake_store_file", D},
    {"azurerm_data_protection_backup_vault", D},
    {"azurerm_elastic_san", D}, {"azurerm_elastic_san_volume", D},
    {"azurerm_eventhub", D}, {"azurerm_eventhub_namespace", D},
    {"azurerm_image", D},
    {"azurerm_key_vault", K}, {"azurerm_key_vault_key", K}, {"azurerm_key_vault_managed_hardware_security_module", K},
    {"azurerm_key_vault_managed_hardware_security_module_key", K},
    {"azurerm_key_vault_secret", D},
    {"azurerm_kusto_cluster", D}, {"azurerm_kusto_database", D},
    {"azurerm_log_analytics_workspace", D},
    {"azurerm_managed_disk", D},
    {"azurerm_managed_redis", D},
    {"azurerm_mariadb_database", D}, {"azurerm_mariadb_server", D},
    {"azurerm_mssql_database", D}, {"azurerm_mssql_elasticpool", D}, {"azurerm_mssql_managed_database", D},
    {"azurerm_mssql_managed_instance", D}, {"azurerm_mssql_server", D},
    {"azurerm_mysql_database", D}, {"azurerm_mysql_flexible_database", D}, {"azurerm_mysql_flexible_server", D},
    {"azurerm_mysql_server", D},
    {"azurerm_netapp_snapshot", D}, {"azurerm_netapp_volume", D},
    {"azurerm_postgresql_database", D}, {"azurerm_postgresql_flexible_server", D},
    {"azurerm_postgresql_flexible_server_database", D}, {"azurerm_postgresql_server", D},
    {"azurerm_recovery_services_vault", D},
    {"azurerm_redis_cache", D}, {"azurerm_redis_enterprise_cluster", D}, {"azurerm_redis_enterprise_database", D},
    {"azurerm_servicebus_namespace", D}, {"azurerm_servicebus_queue", D}, {"azurerm_servicebus_subscription", D},
    {"azurerm_servicebus_topic", D},
    {"azurerm_shared_image_version", D},
    {"azurerm_snapshot", D},
    {"azurerm_sql_database", D}, {"azurerm_sql_managed_instance", D}, {"azurerm_sql_server", D},
    {"azurerm_storage_account", D}, {"azurerm_storage_blob", D}, {"azurerm_storage_container", D},
    {"azurerm_storage_data_lake_gen2_filesystem", D}, {"azurerm_storage_data_lake_gen2_path", D},
    {"azurerm_storage_queue", D}, {"azurerm_storage_share", D}, {"azurerm_storage_share_file", D},
    {"azurerm_storage_table", D}, {"azurerm_storage_table_entity", D},
    {"azurerm_synapse_sql_pool", D}, {"azurerm_synapse_workspace", D},

    // ---- Azure compute
    {"azurerm_app_service", C}, {"azurerm_app_service_plan", C},
    {"azurerm_batch_account", C}, {"azurerm_batch_pool", C},
    {"azurerm_container_app", C}, {"azurerm_container_app_environment", C}, {"azurerm_container_app_job", C},
    {"azurerm_container_group", C},
    {"azurerm_data_factory", C},
    {"azurerm_data_lake_analytics_account", C},
    {"azurerm_databricks_workspace", C},
    {"azurerm_dedicated_host", C},
    {"azurerm_function_app", C}, {"azurerm_function_app_flex_consumption", C},
    {"azurerm_hdinsight_", C},
    {"azurerm_kubernetes_cluster", C}, {"azurerm_kubernetes_cluster_node_pool", C},
    {"azurerm_linux_function_app", C}, {"azurerm_linux_virtual_machine", C},
    {"azurerm_linux_virtual_machine_scale_set", C}, {"azurerm_linux_web_app", C},
    {"azurerm_orchestrated_virtual_machine_scale_set", C},
    {"azurerm_service_plan", C},
    {"azurerm_spring_cloud_service", C},
    {"azurerm_stream_analytics_job", C},
    {"azurerm_synapse_spark_pool", C},
    {"azurerm_virtual_desktop_host_pool", C},
    {"azurerm_virtual_machine", C}, {"azurerm_virtual_machine_scale_set", C},
    {"azurerm_windows_function_app", C}, {"azurerm_windows_virtual_machine", C},
    {"azurerm_windows_virtual_machine_scale_set", C}, {"azurerm_windows_web_app", C},

    // ---- Azure AI services
    {"azurerm_ai_", A}, {"azurerm_bot_", A}, {"azurerm_cognitive_", A}, {"azurerm_machine_learning_", A},
    {"azurerm_search_service", A},
    // Settings of an account or workspace that hold no data of their own: not AI services.
    {"azurerm_cognitive_account_connection_", O}, {"azurerm_cognitive_account_customer_managed_key", O},
    {"azurerm_cognitive_account_rai_", O}, {"azurerm_machine_learning_workspace_network_outbound_rule_", O},

    // ---- Azure network
    {"azurerm_api_management", N}, {"azurerm_application_gateway", N}, {"azurerm_bastion_host", N},
    {"azurerm_express_route_", N}, {"azurerm_firewall", N}, {"azurerm_firewall_", N}, {"azurerm_lb", N},
    {"azurerm_lb_", N}, {"azurerm_local_network_gateway", N}, {"azurerm_nat_gateway", N},
    {"azurerm_nat_gateway_", N}, {"azurerm_network_", N}, {"azurerm_private_endpoint", N},
    {"azurerm_private_link_service", N}, {"azurerm_public_ip", N}, {"azurerm_public_ip_prefix", N},
    {"azurerm_route", N}, {"azurerm_route_table", N}, {"azurerm_subnet", N}, {"azurerm_subnet_", N},
    {"azurerm_virtual_hub", N}, {"azurerm_virtual_hub_", N}, {"azurerm_virtual_network", N},
    {"azurerm_virtual_network_", N}, {"azurerm_virtual_wan", N}, {"azurerm_vpn_", N},
    {"azurerm_web_application_firewall_policy", N},

    // ---- Azure global (tenant, subscription and edge objects: DNS and Front Door/CDN are global)
    {"azuread_", G}, {"azurerm_cdn_", G}, {"azurerm_consumption_budget_", G}, {"azurerm_dns_", G},
    {"azurerm_frontdoor", G}, {"azurerm_frontdoor_", G}, {"azurerm_lighthouse_", G},
    {"azurerm_management_group", G}, {"azurerm_management_group_", G}, {"azurerm_pim_", G},
    {"azurerm_policy_", G}, {"azurerm_private_dns_", G}, {"azurerm_resource_group_policy_assignment", G},
    {"azurerm_resource_policy_assignment", G}, {"azurerm_role_", G}, {"azurerm_subscription", G},
    {"azurerm_subscription_", G}, {"azurerm_traffic_manager_", G},

    // ---- Hetzner Cloud (hetznercloud/hcloud)
    {"hcloud_snapshot", D}, {"hcloud_storage_box", D}, {"hcloud_storage_box_snapshot", D}, {"hcloud_volume", D},
    {"hcloud_server", C},
    {"hcloud_firewall", N}, {"hcloud_firewall_attachment", N}, {"hcloud_floating_ip", N},
    {"hcloud_floating_ip_assignment", N}, {"hcloud_load_balancer", N}, {"hcloud_load_balancer_", N},
    {"hcloud_network", N}, {"hcloud_network_", N}, {"hcloud_primary_ip", N}, {"hcloud_rdns", N},
    {"hcloud_server_network", N},
    {"hcloud_zone", G}, {"hcloud_zone_", G},

    // ---- OVHcloud Public Cloud (ovh/ovh)
    {"ovh_cloud_project_containerregistry", D}, {"ovh_cloud_project_database", D},
    {"ovh_cloud_project_file_storage_share", D}, {"ovh_cloud_project_storage", D}, {"ovh_cloud_project_volume", D},
    {"ovh_cloud_project_volume_backup", D}, {"ovh_cloud_storage_block_volume", D},
    {"ovh_cloud_project_instance", C}, {"ovh_cloud_project_kube", C}, {"ovh_cloud_project_kube_nodepool", C},
    {"ovh_cloud_project_gateway", N}, {"ovh_cloud_project_loadbalancer", N}, {"ovh_cloud_project_network_private", N},
    {"ovh_cloud_project_network_private_subnet", N}, {"ovh_cloud_project_region_network", N},
    {"ovh_iam_", G}, {"ovh_me_", G},

    // ---- Scaleway (scaleway/scaleway)
    {"scaleway_block_snapshot", D}, {"scaleway_block_volume", D}, {"scaleway_documentdb_instance", D},
    {"scaleway_instance_image", D}, {"scaleway_instance_snapshot", D}, {"scaleway_instance_volume", D},
    {"scaleway_mnq_nats_account", D}, {"scaleway_mnq_sns_topic", D}, {"scaleway_mnq_sqs_queue", D},
    {"scaleway_mongodb_instance", D}, {"scaleway_object", D}, {"scaleway_object_bucket", D},
    {"scaleway_rdb_database", D}, {"scaleway_rdb_instance", D}, {"scaleway_rdb_read_replica", D},
    {"scaleway_redis_cluster", D}, {"scaleway_registry_namespace", D}, {"scaleway_sdb_sql_database", D},
    {"scaleway_secret", D}, {"scaleway_secret_version", D},
    {"scaleway_key_manager_key", K},
    {"scaleway_apple_silicon_server", C}, {"scaleway_baremetal_server", C}, {"scaleway_container", C},
    {"scaleway_container_namespace", C}, {"scaleway_function", C}, {"scaleway_function_namespace", C},
    {"scaleway_instance_server", C}, {"scaleway_job_definition", C}, {"scaleway_k8s_cluster", C},
    {"scaleway_k8s_pool", C},
    {"scaleway_inference_", A},
    {"scaleway_flexible_ip", N}, {"scaleway_instance_ip", N}, {"scaleway_instance_security_group", N},
    {"scaleway_ipam_ip", N}, {"scaleway_lb", N}, {"scaleway_lb_", N}, {"scaleway_vpc", N}, {"scaleway_vpc_", N},
    {"scaleway_account_", G}, {"scaleway_billing_", G}, {"scaleway_domain_", G}, {"scaleway_edge_services_", G},
    {"scaleway_iam_", G},

    // ---- IONOS Cloud (ionos-cloud/ionoscloud); servers and volumes live in their datacenter
    {"ionoscloud_container_registry", D}, {"ionoscloud_inmemorydb_replicaset", D}, {"ionoscloud_kafka_cluster", D},
    {"ionoscloud_mariadb_cluster", D}, {"ionoscloud_mongo_cluster", D}, {"ionoscloud_nfs_cluster", D},
    {"ionoscloud_pg_cluster", D}, {"ionoscloud_s3_bucket", D}, {"ionoscloud_snapshot", D},
    {"ionoscloud_user_object_storage_bucket", D}, {"ionoscloud_volume", D},
    {"ionoscloud_cube_server", C}, {"ionoscloud_gpu_server", C}, {"ionoscloud_k8s_node_pool", C},
    {"ionoscloud_server", C}, {"ionoscloud_vcpu_server", C},
    {"ionoscloud_application_loadbalancer", N}, {"ionoscloud_ipblock", N}, {"ionoscloud_lan", N},
    {"ionoscloud_natgateway", N}, {"ionoscloud_networkloadbalancer", N}, {"ionoscloud_nic", N},
    {"ionoscloud_group", G}, {"ionoscloud_user", G},

    // ---- STACKIT (stackitcloud/stackit)
    {"stackit_image", D}, {"stackit_logme_instance", D}, {"stackit_mariadb_instance", D},
    {"stackit_mongodbflex_instance", D}, {"stackit_objectstorage_bucket", D}, {"stackit_opensearch_instance", D},
    {"stackit_postgresflex_instance", D}, {"stackit_rabbitmq_instance", D}, {"stackit_redis_instance", D},
    {"stackit_secretsmanager_instance", D}, {"stackit_sqlserverflex_instance", D}, {"stackit_volume", D},
    {"stackit_kms_key", K},
    {"stackit_server", C}, {"stackit_ske_cluster", C},
    {"stackit_loadbalancer", N}, {"stackit_network", N}, {"stackit_network_area", N},
    {"stackit_network_interface", N}, {"stackit_public_ip", N}, {"stackit_security_group", N},
    {"stackit_authorization_", G}, {"stackit_resourcemanager_", G},

    // ---- DigitalOcean (digitalocean/digitalocean)
    {"digitalocean_container_registry", D}, {"digitalocean_database_cluster", D},
    {"digitalocean_database_replica", D}, {"digitalocean_spaces_bucket", D}, {"digitalocean_spaces_bucket_object", D},
    {"digitalocean_volume", D},
    {"digitalocean_app", C}, {"digitalocean_droplet", C}, {"digitalocean_kubernetes_cluster", C},
    {"digitalocean_kubernetes_node_pool", C},
    {"digitalocean_loadbalancer", N}, {"digitalocean_reserved_ip", N}, {"digitalocean_vpc", N},

    // ---- Oracle Cloud Infrastructure (oracle/oci): every resource in its provider's region
    {"oci_artifacts_container_repository", D}, {"oci_core_boot_volume", D}, {"oci_core_boot_volume_backup", D},
    {"oci_core_image", D}, {"oci_core_volume", D}, {"oci_core_volume_backup", D},
    {"oci_database_autonomous_database", D}, {"oci_database_db_system", D}, {"oci_file_storage_file_system", D},
    {"oci_mysql_mysql_db_system", D}, {"oci_nosql_table", D}, {"oci_objectstorage_bucket", D},
    {"oci_objectstorage_object", D}, {"oci_opensearch_opensearch_cluster", D}, {"oci_psql_db_system", D},
    {"oci_redis_redis_cluster", D}, {"oci_streaming_stream", D}, {"oci_vault_secret", D},
    {"oci_kms_key", K}, {"oci_kms_vault", K},
    {"oci_container_instances_container_instance", C}, {"oci_containerengine_cluster", C},
    {"oci_containerengine_node_pool", C}, {"oci_containerengine_virtual_node_pool", C}, {"oci_core_instance", C},
    {"oci_core_instance_configuration", C}, {"oci_core_instance_pool", C}, {"oci_functions_application", C},
    {"oci_functions_function", C},
    {"oci_ai_", A}, {"oci_datascience_", A}, {"oci_generative_ai_", A},
    {"oci_core_drg", N}, {"oci_core_drg_attachment", N}, {"oci_core_internet_gateway", N},
    {"oci_core_nat_gateway", N}, {"oci_core_network_security_group", N},
    {"oci_core_network_security_group_security_rule", N}, {"oci_core_public_ip", N}, {"oci_core_route_table", N},
    {"oci_core_security_list", N}, {"oci_core_service_gateway", N}, {"oci_core_subnet", N}, {"oci_core_vcn", N},
    {"oci_load_balancer_", N}, {"oci_network_load_balancer_", N},
    {"oci_identity_", G},

    // ---- Alibaba Cloud (aliyun/alicloud): every resource in its provider's region
    {"alicloud_cr_ee_instance", D}, {"alicloud_db_instance", D}, {"alicloud_db_readonly_instance", D},
    {"alicloud_disk", D}, {"alicloud_ecs_disk", D}, {"alicloud_ecs_snapshot", D}, {"alicloud_elasticsearch_instance", D},
    {"alicloud_hbase_instance", D}, {"alicloud_image", D}, {"alicloud_kms_secret", D}, {"alicloud_kvstore_instance", D},
    {"alicloud_log_project", D}, {"alicloud_log_store", D}, {"alicloud_mongodb_instance", D},
    {"alicloud_mongodb_sharding_instance", D}, {"alicloud_nas_file_system", D}, {"alicloud_oss_bucket", D},
    {"alicloud_oss_bucket_object", D}, {"alicloud_ots_instance", D}, {"alicloud_polardb_cluster", D},
    {"alicloud_snapshot", D},
    {"alicloud_kms_key", K},
    {"alicloud_cs_kubernetes", C}, {"alicloud_cs_kubernetes_node_pool", C}, {"alicloud_cs_managed_kubernetes", C},
    {"alicloud_cs_serverless_kubernetes", C}, {"alicloud_ecs_instance_set", C}, {"alicloud_ess_scaling_group", C},
    {"alicloud_fc_function", C}, {"alicloud_fcv3_function", C}, {"alicloud_instance", C},
    {"alicloud_pai_", A},
    {"alicloud_alb_", N}, {"alicloud_eip", N}, {"alicloud_eip_address", N}, {"alicloud_eip_association", N},
    {"alicloud_nat_gateway", N}, {"alicloud_nlb_", N}, {"alicloud_security_group", N},
    {"alicloud_security_group_rule", N}, {"alicloud_slb", N}, {"alicloud_slb_", N}, {"alicloud_vpc", N},
    {"alicloud_vpn_gateway", N}, {"alicloud_vswitch", N},
    {"alicloud_ram_", G}, {"alicloud_resource_manager_", G},

    // ---- IBM Cloud (IBM-Cloud/ibm). Service instances (`ibm_resource_instance`) are usually
    // `global` and hold no data themselves (a COS instance's data is in its buckets): Other.
    {"ibm_cos_bucket", D}, {"ibm_database", D}, {"ibm_is_image", D}, {"ibm_is_share", D}, {"ibm_is_snapshot", D},
    {"ibm_is_volume", D},
    {"ibm_code_engine_app", C}, {"ibm_code_engine_job", C}, {"ibm_compute_vm_instance", C},
    {"ibm_container_cluster", C}, {"ibm_container_vpc_cluster", C}, {"ibm_container_vpc_worker_pool", C},
    {"ibm_container_worker_pool", C}, {"ibm_is_bare_metal_server", C}, {"ibm_is_instance", C},
    {"ibm_is_instance_group", C},
    {"ibm_is_floating_ip", N}, {"ibm_is_lb", N}, {"ibm_is_lb_", N}, {"ibm_is_public_gateway", N},
    {"ibm_is_security_group", N}, {"ibm_is_security_group_rule", N}, {"ibm_is_subnet", N}, {"ibm_is_vpc", N},
    {"ibm_is_vpn_gateway", N},
    {"ibm_iam_", G}, {"ibm_resource_group", G},

    // ---- Explicitly Other where a broader prefix above would otherwise claim the type
    {"azurerm_network_watcher_flow_log", O},
    {"google_project_usage_export_bucket", O},
};

// Kept grouped by class above for review; sorted here for binary search. The longest match wins.
constexpr auto sorted_table = [] {
    std::array<Entry, std::size(raw_table)> t{};
    std::copy(std::begin(raw_table), std::end(raw_table), t.begin());
    std::sort(t.begin(), t.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
    return t;
}();

static_assert(std::adjacent_find(sorted_table.begin(), sorted_table.end(), [](const Entry& a, const Entry& b) {
                  return a.key == b.key;
              }) == sorted_table.end(),
              "a resource type is listed twice");

const Entry* find_entry(std::string_view key) {
    auto it = std::lower_bound(sorted_table.begin(), sorted_table.end(), key,
                               [](const Entry& e, std::string_view k) { return e.key < k; });
    return it != sorted_table.end() && it->key == key ? &*it : nullptr;
}

}  // namespace

AssetClass classify(std::string_view resource_type) {
    // Longest first: the whole type as an exact entry, then each `_`-ended prefix of it.
    for (std::size_t len = resource_type.size(); len > 0; --len) {
        if (len != resource_type.size() && resource_type[len - 1] != '_') continue;
        if (const Entry* e = find_entry(resource_type.substr(0, len))) {
            if (len == resource_type.size() && e->key.back() == '_') continue;  // "aws_iam_" itself is no type
            return e->cls;
        }
    }
    return AssetClass::Other;
}

std::string_view cloud_of_type(std::string_view resource_type) {
    if (resource_type.starts_with("aws_")) return "aws";
    if (resource_type.starts_with("google_")) return "google";
    if (resource_type.starts_with("azurerm_")) return "azure";
    // The providers' own resource prefixes (more-clouds.md section 1).
    static constexpr std::pair<std::string_view, std::string_view> kMore[] = {
        {"alicloud_", "alibaba"}, {"digitalocean_", "digitalocean"}, {"hcloud_", "hetzner"},
        {"ibm_", "ibm"},          {"ionoscloud_", "ionos"},          {"oci_", "oci"},
        {"ovh_", "ovh"},          {"scaleway_", "scaleway"},         {"stackit_", "stackit"},
    };
    for (const auto& [prefix, cloud] : kMore)
        if (resource_type.starts_with(prefix)) return cloud;
    return {};
}

}  // namespace residency::catalog
