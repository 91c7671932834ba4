#include "engine/merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/rule.hpp"
#include "report/sha256.hpp"

namespace residency {
namespace {

using Json = nlohmann::json;

std::string text_of(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Rebuilds findings from their JSON, positions turned back into byte ranges of the files read.
class Reader {
public:
    Reader(const SourceSet& sources, std::string& error) : sources_(sources), error_(error) {}

    Range range(const Json& location) {
        if (!location.is_object()) return {};
        std::string path = text_of(location, "path");
        FileId id = sources_.find(path);
        if (id == kNoFile) {
            fail(fmt::format("a location names {}, which no report lists among its files", path));
            return {};
        }
        const SourceFile& file = sources_.get(id);
        auto offset = [&](const char* line_key, const char* column_key) {
            auto line = location.value(line_key, 1u);
            auto column = location.value(column_key, 1u);
            std::string_view text = file.line_text(line);
            if (line > file.line_count() || column - 1 > text.size() + 1) {
                fail(fmt::format("{}:{}:{} is not in the file as it is now", path, line, column));
                return std::uint32_t{0};
            }
            return static_cast<std::uint32_t>(text.data() - file.text.data()) + column - 1;
        };
        std::uint32_t begin = offset("start_line", "start_column");
        return Range{id, begin, offset("end_line", "end_column")};
    }

    Finding finding(const Json& j) {
        Finding f;
        f.rule_id = text_of(j, "rule");
        f.severity = parse_severity(text_of(j, "severity")).value_or(Severity::Medium);
        f.message = text_of(j, "message");
        f.root = text_of(j, "root");
        f.asset = text_of(j, "asset");
        f.fingerprint = text_of(j, "fingerprint");
        f.key = text_of(j, "key");
        f.justification = text_of(j, "justification");
        f.until = text_of(j, "until");
        f.suppressed_at = text_of(j, "suppressed_at");
        f.range = range(j.value("location", Json()));
        if (auto it = j.find("related"); it != j.end() && it->is_array())
            for (const Json& r : *it) f.related.push_back({range(r.value("location", Json())), text_of(r, "message")});
        return f;
    }

private:
    void fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
    }
    const SourceSet& sources_;
    std::string& error_;
};

}  // namespace

std::unique_ptr<MergeOutcome> merge_shards(const std::vector<ShardReport>& shards, const std::string& tool_version) {
    auto out = std::make_unique<MergeOutcome>();
    Report& report = out->report;
    report.sources = &out->sources;
    std::vector<Json> docs;
    std::set<unsigned> indexes;
    for (const ShardReport& s : shards) {
        Json doc = Json::parse(s.text, nullptr, false);
        if (doc.is_discarded() || !doc.is_object() || !doc.contains("shard") || !doc["shard"].is_object()) {
            out->error = fmt::format("{}: not the JSON report of a shard (write one with `scan --shard K/N --format json`)",
                                     s.path);
            return out;
        }
        const Json& first = docs.empty() ? doc : docs.front();
        std::string version = doc.value("tool", Json::object()).value("version", "");
        if (version != tool_version) {
            out->error = fmt::format("{}: written by residency {}, and this is {}: merge with the version that scanned",
                                     s.path, version, tool_version);
            return out;
        }
        const Json& shard = doc["shard"];
        if (doc["policy"] != first["policy"] || shard["count"] != first["shard"]["count"] ||
            shard["rules"] != first["shard"]["rules"]) {
            out->error = fmt::format("{}: not a shard of the same scan as {} (another policy, jurisdiction, rule selection "
                                     "or shard count)",
                                     s.path, shards.front().path);
            return out;
        }
        if (!indexes.insert(shard.value("index", 0u)).second) {
            out->error = fmt::format("{}: shard {} is given twice", s.path, shard.value("index", 0u));
            return out;
        }
        docs.push_back(std::move(doc));
    }
    if (docs.empty()) {
        out->error = "no report to merge";
        return out;
    }
    auto count = docs.front()["shard"].value("count", 0u);
    for (unsigned k = 1; k <= count; ++k)
        if (!indexes.count(k)) {
            // A missing shard would silently drop its findings.
            out->error = fmt::format("shard {}/{} is missing: merge the reports of all {} shards", k, count, count);
            return out;
        }

    // The files, once each, read again so that findings point into them as in one scan.
    std::map<std::string, std::string> files;  // path -> sha256
    for (const Json& doc : docs)
        for (const Json& f : doc.value("files", Json::array())) {
            std::string path = text_of(f, "path"), sha = text_of(f, "sha256");
            auto [it, added] = files.emplace(path, sha);
            if (!added && it->second != sha) {
                out->error = fmt::format("{}: the shards read different contents", path);
                return out;
            }
        }
    for (const auto& [path, sha] : files) {
        auto text = read_file_bytes(path);
        if (!text) {
            out->error = fmt::format("{}: cannot read it: run merge in the directory the shards scanned from, on the same files",
                                     path);
            return out;
        }
        if (sha256_hex(*text) != sha) {
            out->error = fmt::format("{}: changed since it was scanned (its SHA-256 differs from the report's)", path);
            return out;
        }
        FileId id = out->sources.add(path, path, std::move(*text));
        report.files.push_back({id, sha});
    }

    const Json& first = docs.front();
    report.tool_version = tool_version;
    report.policy_path = first["policy"].value("path", Json()).is_string() ? first["policy"]["path"].get<std::string>() : "";
    report.jurisdiction.codes = first["policy"].value("jurisdiction", std::vector<std::string>{});
    report.jurisdiction.origin = text_of(first["policy"], "jurisdiction_origin");
    report.jurisdiction.explanation = text_of(first["policy"], "jurisdiction_explanation");
    for (const Json& id : first["shard"]["rules"])
        if (const Rule* rule = id.is_string() ? find_rule(id.get<std::string>()) : nullptr) report.rules.push_back(rule->meta);

    Reader reader(out->sources, out->error);
    std::set<std::string> roots;
    std::map<std::string, std::set<std::string>> unreported;  // rule -> places
    for (const Json& doc : docs) {
        for (const Json& r : doc["shard"].value("roots", Json::array()))
            if (r.is_string()) roots.insert(r.get<std::string>());
        const Json& summary = doc.value("summary", Json::object());
        report.asset_count += summary.value("assets", std::size_t{0});
        report.located_asset_count += summary.value("located_assets", std::size_t{0});
        const Json places = doc["shard"].value("unreported_at", Json::object());
        for (const auto& [rule, list] : places.items())
            for (const Json& at : list)
                if (at.is_string()) unreported[rule].insert(at.get<std::string>());
        for (const Json& f : doc.value("findings", Json::array())) report.findings.push_back(reader.finding(f));
        for (const Json& f : doc.value("diagnostics", Json::array())) report.diagnostics.push_back(reader.finding(f));
        for (const Json& f : doc.value("suppressed", Json::array())) report.suppressed.push_back(reader.finding(f));
        if (!out->error.empty()) return out;
    }
    for (const auto& [rule, places] : unreported)
        if (!places.empty()) report.unreported.push_back({rule, places.size()});

    // As one scan does (engine/scan.cpp, finish_findings): findings name their root when the scan
    // has several, then are sorted and de-duplicated by the same key.
    for (auto* list : {&report.findings, &report.diagnostics, &report.suppressed}) {
        if (roots.size() > 1) name_roots(*list);
        sort_findings(*list, out->sources);
    }
    return out;
}

}  // namespace residency
