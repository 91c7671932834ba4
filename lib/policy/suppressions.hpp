// In-source suppressions: `# residency:ignore RES201 reason` (or `//`) on a finding's line or on
// the line just above it. The reason is kept as the justification (SARIF `suppressions`).
// `until YYYY-MM-DD` after the IDs makes the ignore expire after that day:
// `# residency:ignore RES101 until 2027-03-31 -- reason`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"

namespace residency {

// One `residency:ignore` comment.
struct IgnoreDirective {
    std::uint32_t line = 0;    // 1-based line of the comment
    std::uint32_t column = 0;  // 1-based column of "residency:ignore"
    std::string reason;        // "" when none was written
    std::string until;         // the date as written after `until` ("" when none)
    std::uint32_t until_column = 0;  // 1-based column of that date (0 when none)
};

// The ignore that covers `rule_id` at `line` of `file` (on the line, or a comment line just
// above); nullopt when none. IDs may be prefixes (`RES2`), separated by commas.
std::optional<IgnoreDirective> ignore_at(const SourceFile& file, std::uint32_t line, std::string_view rule_id);

// The justification when `rule_id` is suppressed at `line` of `file` ("" when none was written);
// nullopt when it is not suppressed (ignoring `until`).
std::optional<std::string> suppression_at(const SourceFile& file, std::uint32_t line, std::string_view rule_id);

// Every ignore comment of the file that has an `until` (for checking the dates), in line order.
std::vector<IgnoreDirective> dated_ignores(const SourceFile& file);

// Splits what follows the IDs ("until 2027-03-31 -- reason", "-- reason", ": reason") into the date
// (and its offset in `rest`, npos when none) and the reason. `until` with no date gives the date " ",
// which is malformed like any other date that is not a day.
void split_until_reason(std::string_view rest, std::string& until, std::size_t& until_offset, std::string& reason);

// `YYYY-MM-DD` of a real calendar day as a number YYYYMMDD; nullopt when malformed.
std::optional<int> parse_day(std::string_view date);

}  // namespace residency
