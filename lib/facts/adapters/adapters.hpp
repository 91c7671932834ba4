// Per-service adapters: each reads the assets of its service and adds the flows it finds.
#pragma once

#include "facts/facts.hpp"

namespace residency {

// Runs every adapter, in a fixed order.
void collect_flows(Facts& facts);

// A flow whose destination cannot be known, and why.
Flow unresolved_flow(std::string_view mechanism, const Asset& origin, const Asset& via, Range range, std::string reason);

namespace adapters {
void s3_replication(Facts& facts);  // aws_s3_bucket_replication_configuration, inline replication_configuration
void region_flows(Facts& facts);    // the table of "type X, block B, attribute Y names the destination region"
void keys(Facts& facts);            // keys, the assets they protect, and customer-managed keys (facts.keys, key_uses, customer_keys)
}  // namespace adapters

}  // namespace residency
