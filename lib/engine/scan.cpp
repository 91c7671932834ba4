// The scan pipeline: discovery, frontends, facts, rules, report.
#include "engine/scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "catalog/catalog.hpp"
#include "engine/facts.hpp"
#include "policy/glob.hpp"
#include "policy/suppressions.hpp"
#include "frontends/json/json.hpp"
#include "frontends/terraform/plan_json.hpp"
#include "report/sha256.hpp"

namespace residency {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Paths are shown relative to the working directory when they are below it.
std::string display_path(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    fs::path rel = abs.lexically_relative(fs::current_path(ec));
    if (!rel.empty() && !rel.native().starts_with("..")) {
        std::string s = rel.generic_string();
        return s == "." ? "" : s;
    }
    return abs.generic_string();
}

// The project a file belongs to: the nearest ancestor holding the policy file or .git (a directory,
// or a file in worktrees and submodules); the directory itself when there is none.
fs::path repository_root(const fs::path& dir) {
    std::error_code ec;
    for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec) || fs::exists(p / "residency.yaml", ec)) return p;
        if (p == p.parent_path()) break;
    }
    return dir;
}

bool skipped_dir(const fs::path& p) {
    auto name = p.filename().string();
    return name == ".git" || name == ".terraform" || name == "node_modules";
}

// Directories holding .tf files below `root`, sorted; excluded paths and symlinked directories
// are not entered (a symlink could lead outside the scan root).
std::vector<fs::path> terraform_dirs(const fs::path& root, const std::vector<std::string>& exclude,
                                    std::vector<fs::path>& json_files) {
    std::set<fs::path> dirs;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; it != end; it.increment(ec)) {
        if (ec) break;
        const auto& entry = *it;
        std::string rel = entry.path().lexically_relative(root).generic_string();
        bool excluded = std::any_of(exclude.begin(), exclude.end(), [&](const std::string& g) { return glob_match(g, rel); });
        if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
            if (skipped_dir(entry.path()) || excluded) it.disable_recursion_pending();
            continue;
        }
        if (excluded || entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
        if (terraform::is_configuration_file(entry.path())) dirs.insert(entry.path().parent_path());
        std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".json" && !name.ends_with(".tf.json") && !name.ends_with(".tfvars.json"))
            json_files.push_back(entry.path());
    }
    return {dirs.begin(), dirs.end()};
}


void infer_jurisdiction(Facts& facts, JurisdictionInfo& info, const std::set<std::string>& roots) {
    std::map<std::string, std::vector<std::size_t>> members;  // jurisdiction -> located assets in it
    std::size_t located = 0;
    for (std::size_t i = 0; i < facts.assets.size(); ++i) {
        const auto& f = facts.assets[i];
        if (!holds_or_processes_data(f.asset_class) || f.location.state != LocationFact::State::Known) continue;
        if (!roots.empty() && !roots.count(f.asset->root)) continue;
        ++located;
        for (const auto& j : f.location.place.within) members[j].push_back(i);
    }
    std::size_t best_count = 0;
    for (const auto& [j, m] : members) best_count = std::max(best_count, m.size());
    // The most common. Jurisdictions tied on the very same assets (de, eea, eu all holding the
    // same buckets) resolve to the legal area, eu first, as residency rules are usually written
    // for it; a tie between different assets (one in gb, one in ch) is no majority at all.
    std::vector<std::string> top;
    for (const auto& [j, m] : members)
        if (m.size() == best_count) top.push_back(j);
    bool same_assets = std::all_of(top.begin(), top.end(), [&](const std::string& j) { return members[j] == members[top[0]]; });
    if (top.empty() || !same_assets) {
        info.origin = "none";
        info.explanation = located == 0 ? "no located assets to infer it from; set --jurisdiction or a policy"
                                        : "no jurisdiction holds most located assets; set --jurisdiction or a policy";
        return;
    }
    auto rank = [](const std::string& j) { return j == "eu" ? 0 : j == "eea" ? 1 : 2; };
    std::string best = *std::min_element(top.begin(), top.end(), [&](const std::string& a, const std::string& b) {
        return std::make_pair(rank(a), a) < std::make_pair(rank(b), b);
    });
    facts.jurisdictions = {best};
    info.codes = {best};
    info.origin = "inferred";
    info.explanation = fmt::format("inferred: {} of the {} located data stores, compute and AI services are in it",
                                   best_count, located);
}

std::string fingerprint(const Finding& f, const SourceSet& sources) {
    std::string path = f.range.valid() ? sources.get(f.range.file).path : "";
    std::string key = f.rule_id + '\0' + f.asset + '\0' + path;
    if (f.asset.empty()) key += '\0' + f.message;  // file-level diagnostics: one per distinct problem
    return sha256_hex(key).substr(0, 32);
}

}  // namespace

// "module.a[\"x\"].aws_s3_bucket.b[0]" -> "module.a.aws_s3_bucket.b": an address without its keys.
static std::string without_keys(std::string_view address) {
    std::string out;
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < address.size(); ++i) {
        char c = address[i];
        if (depth > 0 && c == '"' && address[i - 1] != '\\') quoted = !quoted;
        if (!quoted && c == '[') ++depth;
        if (depth == 0) out += c;
        if (!quoted && c == ']' && depth > 0) --depth;
    }
    return out;
}

// Plan and state JSON (`terraform show -json`), recognised by content whatever the file is called;
// other JSON is not ours to judge, so it is neither reported nor listed among the scanned files.
// When the configuration that produced a plan is in the same scan (the plan file sits in its root
// module's directory), the plan's resolved values win: the configuration's copy of each planned
// asset is set aside and its block becomes a related location of the plan's asset.
static void load_plans(std::vector<fs::path>& json_files, ScanOutcome& out, Facts& facts) {
    std::sort(json_files.begin(), json_files.end());
    for (const auto& path : json_files) {
        auto text = read_file_bytes(path);
        if (!text || text->find("\"format_version\"") == std::string::npos) continue;
        auto next = static_cast<FileId>(out.sources.size());
        json::ParseResult parsed = json::parse(next, *text);
        if (!parsed.ok) {
            // It says it is a Terraform JSON document but cannot be read: say so rather than skip it.
            if (text->find("\"planned_values\"") == std::string::npos && text->find("\"resource_changes\"") == std::string::npos)
                continue;
            FileId id = out.sources.add(display_path(path), path.string(), std::move(*text));
            Range at = parsed.error_range;
            at.file = id;
            facts.parse_problems.push_back({at, "plan JSON: " + parsed.error});
            continue;
        }
        if (!terraform::looks_like_plan(parsed.root)) continue;
        std::string shown = display_path(path);
        FileId id = out.sources.add(shown, path.string(), std::move(*text));
        std::vector<terraform::ParseProblem> problems;
        std::size_t first = out.graph.assets.size();
        terraform::load_plan(id, parsed.root, shown, out.graph, problems);
        for (auto& p : problems) facts.parse_problems.push_back({p.range, std::move(p.message)});
        std::string config_root = fs::path(shown).parent_path().generic_string();
        if (config_root.empty()) config_root = ".";
        std::set<std::string> planned_static;  // addresses without instance keys
        for (std::size_t i = first; i < out.graph.assets.size(); ++i) {
            Asset& planned = out.graph.assets[i];
            planned_static.insert(without_keys(planned.address));
            auto hcl = out.graph.id_of(config_root, planned.address);
            if (!hcl || *hcl >= first) continue;
            Asset& configured = out.graph.assets[*hcl];
            planned.configuration_range = configured.header_range;
            configured.mode = "superseded";
        }
        // Instances the configuration could not expand (`[*]`: count or for_each unknown there)
        // are the plan's known instances.
        std::map<std::string, Range> unexpanded;  // static address -> the configuration's block
        for (std::size_t i = 0; i < first; ++i) {
            Asset& configured = out.graph.assets[i];
            if (configured.root != config_root || configured.address.find("[*]") == std::string::npos) continue;
            std::string key = without_keys(configured.address);
            if (!planned_static.count(key)) continue;
            configured.mode = "superseded";
            unexpanded.emplace(key, configured.header_range);
        }
        for (std::size_t i = first; i < out.graph.assets.size(); ++i) {
            Asset& planned = out.graph.assets[i];
            auto it = unexpanded.find(without_keys(planned.address));
            if (!planned.configuration_range.valid() && it != unexpanded.end()) planned.configuration_range = it->second;
        }
    }
}

bool rule_matches(std::string_view id, const std::vector<std::string>& prefixes) {
    if (prefixes.empty()) return true;
    for (const auto& p : prefixes) {
        if (p.size() > id.size()) continue;
        bool ok = true;
        for (std::size_t i = 0; i < p.size() && ok; ++i)
            ok = std::toupper(static_cast<unsigned char>(p[i])) == id[i];
        if (ok) return true;
    }
    return false;
}

std::unique_ptr<ScanOutcome> run_scan(const ScanOptions& options) {
    auto out = std::make_unique<ScanOutcome>();
    Report& report = out->report;
    report.tool_version = options.tool_version;
    report.sources = &out->sources;
    std::error_code ec;

    for (const auto& sel : {options.select, options.ignore})
        for (const auto& p : sel) {
            bool any = false;
            for (const auto& r : all_rules()) any = any || rule_matches(r.meta->id, {p});
            if (!any) {
                out->error = fmt::format("no rule matches \"{}\" (see `residency rules`)", p);
                return out;
            }
        }

    // Paths. A file (as pre-commit passes them) is scanned with its whole repository for context,
    // since the module it belongs to may be called from anywhere in it, and only findings in the
    // given files are reported. A directory inside another scanned directory adds nothing.
    std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
    std::vector<fs::path> roots;
    std::set<std::string> only_files;
    std::vector<std::string> given_dirs;  // display paths; "" for the working directory
    for (const auto& p : paths) {
        fs::path path(p);
        if (!fs::exists(path, ec)) {
            out->error = fmt::format("{}: no such file or directory", p);
            return out;
        }
        path = fs::absolute(path, ec).lexically_normal();
        if (!path.has_filename() && path.has_parent_path()) path = path.parent_path();
        if (fs::is_directory(path, ec)) {
            given_dirs.push_back(display_path(path));
            roots.push_back(path);
        } else {
            only_files.insert(display_path(path));
            roots.push_back(repository_root(path.parent_path()));
        }
    }
    // With files given, a finding is reported when its file (or a place its location came from)
    // was given, or lies in a given directory.
    auto given = [&](std::string_view path) {
        if (only_files.count(std::string(path))) return true;
        return std::any_of(given_dirs.begin(), given_dirs.end(), [&](const std::string& d) {
            return d.empty() || (path.size() > d.size() && path.starts_with(d) && path[d.size()] == '/');
        });
    };
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
    std::vector<fs::path> outermost;
    for (const auto& r : roots) {
        bool inside = std::any_of(outermost.begin(), outermost.end(), [&](const fs::path& o) {
            auto rel = r.lexically_relative(o);
            return !rel.empty() && !rel.native().starts_with("..");
        });
        if (!inside) outermost.push_back(r);
    }
    roots = std::move(outermost);

    // Policy.
    Policy policy;
    std::optional<fs::path> policy_file;
    if (!options.policy_path.empty()) {
        policy_file = fs::path(options.policy_path);
        if (!fs::is_regular_file(*policy_file, ec)) {
            out->error = fmt::format("{}: no such policy file", options.policy_path);
            return out;
        }
    } else {
        policy_file = find_policy(roots.front());
        // Found, not asked for: a symlink to somewhere else (/etc/shadow, a secrets file) is not
        // read, or its first lines would end up in error messages and CI logs.
        if (policy_file) {
            fs::path real = fs::weakly_canonical(*policy_file, ec);
            fs::path rel = real.lexically_relative(fs::weakly_canonical(policy_file->parent_path(), ec));
            if (ec || rel.empty() || rel.native().starts_with("..")) {
                out->error = fmt::format("{} links outside its directory; pass it with --policy if it is meant",
                                         display_path(*policy_file));
                return out;
            }
        }
    }
    if (policy_file) {
        auto text = read_file_bytes(*policy_file);
        std::string shown = display_path(*policy_file);
        auto parsed = parse_policy(shown, text ? *text : "",
                                   [](std::string_view id) { return find_rule(id) != nullptr; });
        if (auto* err = std::get_if<PolicyError>(&parsed)) {
            out->error = err->to_string();
            return out;
        }
        policy = std::get<Policy>(std::move(parsed));
        report.policy_path = shown;
    }
    for (const auto& j : options.jurisdictions)
        if (!catalog::is_jurisdiction(j)) {
            out->error = fmt::format("unknown jurisdiction \"{}\" (see `residency regions` for the list)", j);
            return out;
        }

    // Frontends.
    Facts facts;
    for (const auto& root : roots) {
        std::vector<fs::path> json_files;
        auto dirs = terraform_dirs(root, policy.exclude, json_files);
        auto result = terraform::load(dirs, root, options.terraform, display_path, out->sources, out->graph);
        if (!result.fatal.empty()) {
            out->error = result.fatal.front();
            return out;
        }
        for (auto& p : result.problems) facts.parse_problems.push_back({p.range, std::move(p.message)});
        for (auto& p : result.unreadable_modules) facts.unreadable_modules.push_back({p.range, std::move(p.message)});
        for (auto& p : result.unsupported_functions) facts.unsupported_functions.push_back({p.range, std::move(p.message)});
        load_plans(json_files, *out, facts);
    }

    // Facts.
    facts.graph = &out->graph;
    facts.sources = &out->sources;
    facts.assets.reserve(out->graph.assets.size());
    for (std::size_t i = 0; i < out->graph.assets.size(); ++i) {
        const Asset& a = out->graph.assets[i];
        AssetFact f;
        f.asset = &a;
        f.asset_class = a.mode == "backend" ? catalog::AssetClass::StateBackend : catalog::classify(a.type);
        f.location = locate(a);
        facts.assets.push_back(std::move(f));
        if (a.type == "aws_s3_bucket" && a.mode == "resource")
            if (const Value* b = a.attributes.get("bucket"); b && b->is_string())
                facts.s3_buckets.emplace(a.root + '\n' + b->as_string(), static_cast<AssetId>(i));
    }
    collect_s3_replications(facts);
    // Compared with catalog codes, which for Azure are display names without spaces.
    for (const auto& r : policy.allow_regions) {
        std::string code = lower(r);
        code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
        facts.allow_regions.push_back(std::move(code));
    }

    JurisdictionInfo& info = report.jurisdiction;
    if (!options.jurisdictions.empty()) {
        for (const auto& j : options.jurisdictions) facts.jurisdictions.push_back(lower(j));
        info.origin = "flag";
        info.explanation = "from --jurisdiction";
    } else if (!policy.jurisdictions.empty()) {
        facts.jurisdictions = policy.jurisdictions;
        info.origin = "policy";
        info.explanation = "from " + report.policy_path;
    } else {
        // With files given, the project around them is read for context, but the home jurisdiction
        // is inferred from the root modules those files belong to, not from every project beside them.
        std::set<std::string> relevant;
        if (!only_files.empty())
            for (const auto& a : out->graph.assets)
                if (a.range.valid() && given(out->sources.get(a.range.file).path)) relevant.insert(a.root);
        infer_jurisdiction(facts, info, relevant);
    }
    std::sort(facts.jurisdictions.begin(), facts.jurisdictions.end());
    facts.jurisdictions.erase(std::unique(facts.jurisdictions.begin(), facts.jurisdictions.end()), facts.jurisdictions.end());
    info.codes = facts.jurisdictions;

    // Rules.
    std::vector<Finding> all;
    for (const auto& rule : all_rules()) {
        std::string_view id = rule.meta->id;
        if (!rule_matches(id, options.select) || (!options.ignore.empty() && rule_matches(id, options.ignore))) continue;
        Severity severity = rule.meta->severity;
        bool enabled = true;
        for (const auto& s : policy.rules)
            if (s.rule_id == id) {
                enabled = s.enabled;
                if (s.severity) severity = *s.severity;
            }
        if (!enabled) continue;
        report.rules.push_back(rule.meta);
        RuleOutput ro{rule.meta, severity, &all};
        rule.check(facts, ro);
    }

    // Findings: fingerprinted, limited to the given files, sorted, de-duplicated.
    const SourceSet& sources = out->sources;
    auto key = [&](const Finding& f) {
        std::string path = f.range.valid() ? sources.get(f.range.file).path : "";
        return std::make_tuple(path, f.range.begin, f.rule_id, f.asset, f.message);
    };
    std::sort(all.begin(), all.end(), [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
    all.erase(std::unique(all.begin(), all.end(), [&](const Finding& a, const Finding& b) { return key(a) == key(b); }),
              all.end());
    std::map<FileId, bool> has_marker;
    for (auto& f : all) {
        // With files given, a finding is theirs when it is written there or when one of the places
        // its location came from is (a provider region changed in the file being committed).
        auto in_given = [&](const Range& r) { return r.valid() && given(sources.get(r.file).path); };
        if (!only_files.empty() && !in_given(f.range) &&
            std::none_of(f.related.begin(), f.related.end(), [&](const RelatedLocation& r) { return in_given(r.range); }))
            continue;
        f.fingerprint = fingerprint(f, sources);
        // Most files have no suppression at all: look for the marker once per file, not per finding
        // (a plan file is one long line that every finding in it would search again).
        auto marked = has_marker.try_emplace(f.range.file, false);
        if (marked.second && f.range.valid())
            marked.first->second = sources.get(f.range.file).text.find("residency:ignore") != std::string::npos;
        if (f.range.valid() && marked.first->second) {
            const SourceFile& file = sources.get(f.range.file);
            if (auto why = suppression_at(file, file.line_col(f.range.begin).line, f.rule_id)) {
                f.justification = std::move(*why);
                report.suppressed.push_back(std::move(f));
                continue;
            }
        }
        (is_diagnostic(f.rule_id) ? report.diagnostics : report.findings).push_back(std::move(f));
    }

    for (FileId id = 0; id < sources.size(); ++id) {
        const SourceFile& s = sources.get(id);
        if (s.abs_path.empty()) continue;  // --var values parsed as HCL
        report.files.push_back({id, sha256_hex(s.text)});
    }
    std::sort(report.files.begin(), report.files.end(),
              [&](const ScannedFile& a, const ScannedFile& b) { return sources.get(a.id).path < sources.get(b.id).path; });
    report.asset_count = 0;
    for (const auto& f : facts.assets) {
        if (f.asset->mode == "data" || f.asset->mode == "superseded") continue;
        ++report.asset_count;
        if (f.location.state == LocationFact::State::Known) ++report.located_asset_count;
    }
    return out;
}

}  // namespace residency
