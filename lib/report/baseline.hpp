// Baselines: the fingerprints of a scan's findings, saved (`residency baseline`) so that a later
// `scan --baseline F` reports only new findings and lists those that disappeared as fixed.
//
// File format (version "1", JSON, deterministic: no dates, no line numbers, sorted by path, rule,
// asset and fingerprint so that moving lines leaves it unchanged):
//   {"version": "1", "tool": "residency",
//    "findings": [{"fingerprint": "...", "rule": "RES101", "severity": "high", "root": ".",
//                  "asset": "aws_s3_bucket.a", "path": "main.tf", "message": "..."}]}
// Only "fingerprint" is compared; the rest is for people reading the file and for the fixed list.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "report/report.hpp"

namespace residency {

struct Baseline {
    std::vector<BaselineEntry> entries;
};

// The baseline of a report: its findings and diagnostics (not the suppressed ones).
std::string write_baseline(const Report& report);

// Parses a baseline file; on failure the message ("baseline.json:3:5: error: ...").
std::variant<Baseline, std::string> parse_baseline(std::string_view display_path, std::string_view text);

// Removes from the report the findings and diagnostics the baseline holds (each entry matches one
// finding), and records the count and the entries left over (fixed since the baseline).
// `only_paths` (when not empty): the scan covered only these files (a pre-commit hook's), so an
// entry elsewhere is neither matched nor fixed.
void apply_baseline(const Baseline& baseline, std::string display_path, Report& report,
                    const std::vector<std::string>& only_paths = {});

}  // namespace residency
