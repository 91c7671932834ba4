// Per-service adapters: each reads the assets of its service and adds the facts it finds (flows,
// compute, tags, keys; endpoints have their own entry).
#pragma once

#include "facts/facts.hpp"

namespace residency {

// Runs every adapter but the endpoint ones, in a fixed order: flows first, then compute, tags, keys.
void collect_adapter_facts(Facts& facts);

// Runs the endpoint adapters (endpoints.cpp): how far each serving or routing surface reaches.
void collect_endpoints(Facts& facts);

// A flow whose destination cannot be known, and why.
Flow unresolved_flow(std::string_view mechanism, const Asset& origin, const Asset& via, Range range, std::string reason);

namespace adapters {
// A nested block as the frontends store it (a Terraform block is a list of objects; a manifest's field
// is the object itself): the first element of a list, anything else as it is, so an unknown block
// stays unknown. Null for an empty list.
const Value* nested_block(const Value* v);

void s3_replication(Facts& facts);  // aws_s3_bucket_replication_configuration, inline replication_configuration
void region_flows(Facts& facts);    // the table of "type X, block B, attribute Y names the destination region"
void azure_replication(Facts& facts);  // azurerm geo-redundancy to the paired region, Cosmos DB geo_location, SQL failover groups
void aws_replication(Facts& facts); // DynamoDB table replicas, RDS replicas and global clusters, KMS replica keys, ECR, AWS Backup
void member_flows(Facts& facts);    // the table of "type X keeps a copy in every member region of its place"
void cloud_sql(Facts& facts);       // google_sql_database_instance read replicas and backup locations
void compute_tee(Facts& facts);     // Facts::compute: TEE of node pools, VMs and templates
void tags(Facts& facts);            // Facts::tags: tags and labels after provider defaults
void keys(Facts& facts);            // keys, the assets they protect, and customer-managed keys (facts.keys, key_uses, customer_keys)
void kubernetes(Facts& facts);      // facts.k8s, workload compute facts, Azure CSI geo-redundant flows
void mlops(Facts& facts);           // facts.mlops: MLflow and W&B trackers and artifact stores, and their edges
}  // namespace adapters

}  // namespace residency
