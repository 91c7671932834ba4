// The report writers: text for terminals, JSON (docs/json-schema.json) and SARIF 2.1.0 for CI.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace residency {

struct TextOptions {
    bool color = false;
    bool show_suppressed = false;  // list suppressed findings too (`--show-suppressed`), after the others
    bool summary = true;  // the Jurisdiction/Scanned/Found lines (off with `scan --quiet`)
};

// Each writer keeps the Report's order (it is already sorted) and adds no timestamps, so the same
// Report always gives byte-identical output.
std::string write_text(const Report& report, const TextOptions& options = {});
std::string write_json(const Report& report);
// src_root_uri: absolute file URI of the scan root ending in '/' ("file:///home/me/infra/"); empty
// leaves %SRCROOT% for the consumer (GitHub code scanning resolves it to the checkout).
std::string write_sarif(const Report& report, std::string_view src_root_uri = {});
// The CI formats (lib/report/ci_writers.cpp): JUnit XML, GitHub workflow commands, a Markdown
// summary, GitLab's SAST report (schema 15.0.6; start/end time from SOURCE_DATE_EPOCH or 1970).
std::string write_junit(const Report& report);
std::string write_github(const Report& report);
std::string write_markdown(const Report& report);
std::string write_gitlab(const Report& report);

// Helpers the writers share; they read only the Report, never the rule registry.
const RuleMeta* report_rule(const Report& report, std::string_view rule_id);  // nullptr when not listed
std::string_view report_family_of(std::string_view rule_id);                  // from the family digit
bool has_source(const Report& report, const Range& range);                     // range points into report.sources
std::array<std::size_t, 5> count_by_severity(const Report& report);           // findings only, by Severity value

}  // namespace residency
