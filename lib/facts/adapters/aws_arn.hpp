// Amazon Resource Names written literally: arn:<partition>:<service>:<region>:<account>:<resource>.
// A regional resource's ARN carries its region, so a literal ARN locates what it names even when
// that resource is not in the scan.
#pragma once

#include <optional>
#include <string_view>

#include "facts/facts.hpp"

namespace residency::adapters {

struct Arn {
    std::string_view partition;  // "aws", "aws-cn", "aws-us-gov"
    std::string_view service;    // "rds", "kms", "backup", ...
    std::string_view region;     // "" for global services (IAM, S3 buckets)
    std::string_view account;
    std::string_view resource;   // "db:main", "key/mrk-...", "backup-vault:dr", "table/features"
};

// The parts of a literal ARN; nullopt when the text is not one.
std::optional<Arn> parse_arn(std::string_view text);

// The region of a value that is a literal ARN, as a location fact with the value's range and
// provenance; nullopt when the value is not a literal ARN or names no region.
std::optional<LocationFact> arn_location(const Value& value);

}  // namespace residency::adapters
