// Golden-case checker: the findings and diagnostics in a case's JSON output are exactly the case's
// `# expect: RESxxx` marks, and that JSON conforms to docs/json-schema.json.
//
// usage: residency_golden_check CASE_DIR JSON_OUTPUT EXIT_CODE SCHEMA
//   CASE_DIR     the case directory, named in messages as given (tests/cases/NAME)
//   JSON_OUTPUT  what `residency scan --format json`, run in CASE_DIR, printed on stdout
//   EXIT_CODE    that scan's exit code; with 2 (the scan stopped) no JSON document is required
//   SCHEMA       docs/json-schema.json
// Prints one line per problem on stderr and exits 1 when there is one; 2 on a usage error.
//
// Marks, as in rule examples: a line of an input file that must produce a finding or diagnostic
// ends with `# expect: RES101` (several IDs allowed); the primary location's line is what counts.
// JSON inputs cannot carry comments, so their marks are lines `path:LINE RESxxx` in the case's
// `expect` file; a line with IDs only expects diagnostics that have no location.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/json_schema.hpp"
#include "support/marks.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using residency::test::Mark;

namespace {

// Files of the golden machinery, not inputs of the scan.
const std::set<std::string> kBookkeeping = {"cmd", "expect", "expected.txt", "expected.exit", "jurisdictions"};

// expected.<jurisdiction>.txt and .exit of a case scanned under several jurisdictions.
bool is_expectation(const std::string& rel) { return rel.rfind("expected.", 0) == 0 && rel.find('/') == std::string::npos; }
// Snapshots the checker replaced with marks; a case that still has one was written the old way.
const std::set<std::string> kRetired = {"expected.json", "expected.sarif"};

struct Checker {
    fs::path dir;      // the case, as given
    std::string name;  // the same, for messages: "tests/cases/x"
    std::string jurisdiction;  // of this run, when the case is scanned under several ("" otherwise)
    std::vector<std::string> problems;

    std::string at(const std::string& file, std::uint32_t line) const {
        return file.empty() ? name : name + "/" + file + ":" + std::to_string(line);
    }
    void problem(std::string text) { problems.push_back(std::move(text)); }
};

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

// Files where a comment at the end of a line would change the value: JSON, and INI files such as
// W&B's `settings`, whose values run to the end of the line.
bool is_json_file(const std::string& rel) {
    auto ends = [&](std::string_view s) { return rel.size() >= s.size() && rel.compare(rel.size() - s.size(), s.size(), s) == 0; };
    return ends(".json") || ends("wandb/settings");
}

bool is_rule_id(const std::string& id) {
    return id.size() == 6 && id.rfind("RES", 0) == 0 &&
           std::isdigit(static_cast<unsigned char>(id[3])) &&
           std::isdigit(static_cast<unsigned char>(id[4])) &&
           std::isdigit(static_cast<unsigned char>(id[5]));
}

std::uint32_t line_count(const std::string& text) {
    std::uint32_t lines = 0;
    for (char c : text)
        lines += c == '\n';
    return lines + (!text.empty() && text.back() != '\n');
}

// `# expect:` comments in every input file except JSON, which has no comments.
void comment_marks(Checker& c, std::set<Mark>& marks) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(c.dir);
         it != fs::recursive_directory_iterator(); ++it)
        if (it->is_regular_file())
            files.push_back(it->path());
    for (const auto& path : files) {
        std::string rel = path.lexically_relative(c.dir).generic_string();
        if (kBookkeeping.count(rel) || is_expectation(rel))
            continue;
        if (kRetired.count(rel)) {
            c.problem(c.name + "/" + rel +
                      ": golden snapshots are text only now: delete this file and mark the "
                      "lines that must fire with `# expect: RESxxx`");
            continue;
        }
        if (is_json_file(rel))
            continue;
        std::string text;
        if (!read_file(path, text))
            c.problem(c.name + "/" + rel + ": cannot read");
        else
            residency::test::collect_marks(rel, text, marks, c.jurisdiction);
    }
}

// The `expect` file: `path:LINE RESxxx...` for JSON inputs, `RESxxx...` for location-less
// diagnostics.
void sidecar_marks(Checker& c, std::set<Mark>& marks) {
    std::string text;
    if (!read_file(c.dir / "expect", text))
        return;
    std::istringstream in(text);
    std::string row;
    std::uint32_t n = 0;
    while (std::getline(in, row)) {
        ++n;
        const std::string where = c.name + "/expect:" + std::to_string(n);
        std::size_t first = row.find_first_not_of(" \t\r");
        if (first == std::string::npos || row[first] == '#')
            continue;
        std::istringstream words(row.substr(first));
        std::string location;
        words >> location;
        std::string file;
        std::uint32_t line = 0;
        std::string ids = row.substr(first);
        if (location.rfind("RES", 0) != 0) {
            std::size_t colon = location.rfind(':');
            std::string digits = colon == std::string::npos ? "" : location.substr(colon + 1);
            if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
                digits.size() > 9) {
                c.problem(where + ": expected `path:LINE RESxxx` or `RESxxx`, got: " + row);
                continue;
            }
            file = location.substr(0, colon);
            line = static_cast<std::uint32_t>(std::stoul(digits));
            ids = row.substr(first + location.size());
            std::string content;
            if (!is_json_file(file)) {
                c.problem(where + ": " + file +
                          " takes its marks as `# expect: RESxxx` at the end of the line; "
                          "`expect` is for JSON and INI files");
                continue;
            }
            if (!read_file(c.dir / file, content)) {
                c.problem(where + ": no file " + file + " in the case");
                continue;
            }
            if (line == 0 || line > line_count(content)) {
                c.problem(where + ": " + file + " has no line " + std::to_string(line));
                continue;
            }
        }
        std::set<Mark> found;
        residency::test::add_mark_ids(found, file, line, ids);
        if (found.empty())
            c.problem(where + ": no rule ID after " + location);
        marks.insert(found.begin(), found.end());
    }
}

// What the scan reported: (file, line, rule) of each finding and diagnostic, with its message.
std::map<Mark, std::string> reported(Checker& c, const std::string& output, int exit_code,
                                     const json& schema) {
    std::map<Mark, std::string> out;
    json doc = json::parse(output, nullptr, false);
    if (doc.is_discarded()) {
        // A usage, policy or input error stops the scan before any report: a message, no document.
        if (exit_code != 2)
            c.problem(c.name + ": the JSON scan printed no JSON document on stdout (exit code " +
                      std::to_string(exit_code) + ")");
        return out;
    }
    for (const auto& error : residency::test::schema_errors(schema, doc))
        c.problem(c.name + ": the JSON output does not conform to docs/json-schema.json: " + error);
    const fs::path root = fs::absolute(c.dir).lexically_normal();
    for (const char* list : {"findings", "diagnostics"}) {
        if (!doc.is_object() || !doc.contains(list) || !doc[list].is_array())
            continue;
        for (const auto& f : doc[list]) {
            if (!f.is_object())
                continue;
            std::string rule = f.value("rule", std::string("(no rule)"));
            std::string message = f.value("message", std::string());
            const json location = f.value("location", json());
            std::string file;
            std::uint32_t line = 0;
            if (location.is_object()) {
                fs::path path = location.value("path", std::string());
                file =
                    (path.is_absolute() ? path.lexically_relative(root) : path.lexically_normal())
                        .generic_string();
                line = location.value("start_line", 0u);
            }
            out.emplace(Mark{file, line, rule}, message);
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5 && argc != 6) {
        std::cerr << "usage: residency_golden_check CASE_DIR JSON_OUTPUT EXIT_CODE SCHEMA [JURISDICTION]\n";
        return 2;
    }
    Checker c{argv[1], fs::path(argv[1]).generic_string(), argc == 6 ? argv[5] : "", {}};
    while (c.name.size() > 1 && c.name.back() == '/')
        c.name.pop_back();
    std::string output, schema_text;
    if (!fs::is_directory(c.dir) || !read_file(argv[2], output) ||
        !read_file(argv[4], schema_text)) {
        std::cerr << "golden: cannot read the case " << argv[1] << ", the output " << argv[2]
                  << " or the schema " << argv[4] << "\n";
        return 2;
    }
    json schema = json::parse(schema_text, nullptr, false);
    if (schema.is_discarded()) {
        std::cerr << "golden: " << argv[4] << " is not JSON\n";
        return 2;
    }

    std::set<Mark> expected;
    comment_marks(c, expected);
    sidecar_marks(c, expected);
    for (const auto& [file, line, rule] : expected)
        if (!is_rule_id(rule))
            c.problem(c.at(file, line) + ": malformed mark \"" + rule +
                      "\"; marks are RES and three digits");
    auto actual = reported(c, output, std::atoi(argv[3]), schema);

    std::size_t differ = 0;
    for (const auto& mark : expected) {
        const auto& [file, line, rule] = mark;
        if (actual.count(mark) || !is_rule_id(rule))
            continue;
        ++differ;
        c.problem(file.empty() ? c.name + ": expected " + rule + " without a location, not reported"
                               : c.at(file, line) + ": expected " + rule + ", not reported");
    }
    for (const auto& [mark, message] : actual) {
        if (expected.count(mark))
            continue;
        const auto& [file, line, rule] = mark;
        ++differ;
        c.problem("unexpected " + rule +
                  (file.empty() ? " without a location" : " at " + c.at(file, line)) + ": " +
                  message);
    }

    for (const auto& p : c.problems)
        std::cerr << p << "\n";
    if (differ > 0)
        std::cerr << "golden: " << c.name
                  << ": findings and marks differ. A line that must fire ends with "
                  << "`# expect: RESxxx`; JSON inputs are marked in " << c.name
                  << "/expect as `path:LINE RESxxx`.\n";
    return c.problems.empty() ? 0 : 1;
}
