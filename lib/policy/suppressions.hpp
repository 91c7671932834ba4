// In-source suppressions: `# residency:ignore RES201 reason` (or `//`) on a finding's line or on
// the line just above it. The reason is kept as the justification (SARIF `suppressions`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/source.hpp"

namespace residency {

// The justification when `rule_id` is suppressed at `line` of `file` ("" when none was written);
// nullopt when it is not suppressed. IDs may be prefixes (`RES2`), separated by commas.
std::optional<std::string> suppression_at(const SourceFile& file, std::uint32_t line, std::string_view rule_id);

}  // namespace residency
