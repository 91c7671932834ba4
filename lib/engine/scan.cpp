// The scan pipeline, one function per stage: targets, policy, discovery, loading, facts,
// jurisdiction, rules, findings.
#include "engine/scan.hpp"
#include "engine/shard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

#include "cache/file_cache.hpp"
#include "catalog/catalog.hpp"
#include "core/parallel.hpp"
#include "engine/inventory.hpp"
#include "facts/facts.hpp"
#include "policy/glob.hpp"
#include "policy/policy.hpp"
#include "policy/suppressions.hpp"
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

// The first bytes of a file, read once and only when a frontend asks (content sniffing).
class FileHead {
public:
    explicit FileHead(const fs::path& path) : path_(path) {}
    std::string_view operator()() {
        if (!read_) {
            read_ = true;
            std::ifstream f(path_, std::ios::binary);
            head_.resize(4096);
            f.read(head_.data(), static_cast<std::streamsize>(head_.size()));
            head_.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, f.gcount())));
        }
        return head_;
    }

private:
    const fs::path& path_;
    bool read_ = false;
    std::string head_;
};

// The first frontend that claims the file, or nullptr. `content`: the file's bytes when the scan
// holds them in memory (standard input).
Frontend* claimant(const fs::path& file, std::span<Frontend* const> frontends, const std::string* content = nullptr) {
    FileHead head(file);
    std::function<std::string_view()> read_head = [&]() {
        return content ? std::string_view(*content).substr(0, 4096) : head();
    };
    for (Frontend* f : frontends)
        if (f->claims(file, read_head)) return f;
    return nullptr;
}

// What the paths ask for: scan roots, and with files given (as pre-commit passes them), which
// findings are theirs.
struct Targets {
    std::vector<fs::path> roots;
    std::set<std::string> only_files;    // display paths of the given files
    std::vector<std::string> given_dirs;  // display paths; "" for the working directory
    // What is listed below the roots: the given directories, whole, and the directory of each given
    // file (its root module, its manifest set), without subdirectories. Modules those call are read
    // when called, anywhere inside the root.
    std::set<fs::path> listed_dirs;
    std::set<fs::path> file_dirs;
    // `scan -`: the file standard input stands for, the only one scanned.
    struct Piped {
        fs::path path;                // absolute, below the working directory when the name is relative
        std::string shown;            // the name as given, normalised: what findings show
        Frontend* frontend = nullptr;  // nullptr: no frontend reads it
    };
    std::optional<Piped> piped;

    // With files given, a finding is reported when its file (or a place its location came from)
    // was given, or lies in a given directory.
    bool given(std::string_view path) const {
        if (only_files.count(std::string(path))) return true;
        return std::any_of(given_dirs.begin(), given_dirs.end(), [&](const std::string& d) {
            return d.empty() || (path.size() > d.size() && path.starts_with(d) && path[d.size()] == '/');
        });
    }
};

// `scan -`: the working directory is the scan root (its policy applies) and the content stands for
// the file it is named as: the name decides which frontend reads it, and nothing else is discovered.
std::optional<Targets> resolve_stdin(const ScanOptions& options, std::span<Frontend* const> frontends,
                                     ScanOutcome& out) {
    const InMemoryFile& in = *options.stdin_file;
    if (!options.paths.empty()) {
        out.error = "- (standard input) cannot be combined with paths";
        return std::nullopt;
    }
    fs::path name = fs::path(in.name).lexically_normal();
    if (in.name.empty() || !name.has_filename() || name.filename() == "." || name.filename() == "..") {
        out.error = fmt::format("--stdin-filename \"{}\" must name a file, such as main.tf or rendered.yaml", in.name);
        return std::nullopt;
    }
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    Targets t;
    t.roots.push_back(cwd);
    Targets::Piped piped;
    piped.path = (cwd / name).lexically_normal();
    piped.shown = name.generic_string();
    piped.frontend = claimant(piped.path, frontends, &in.text);
    if (in.text.empty()) out.notices.push_back("standard input is empty");
    if (!piped.frontend) out.notices.push_back(fmt::format("skipped {} (standard input): no frontend reads it", piped.shown));
    else out.sources.provide(piped.path, in.text);
    t.piped = std::move(piped);
    return t;
}

bool skipped_dir(const fs::path& p);

// A given Terraform file may be a module's: the directories that call that module (by a local
// source, found by reading the text, not parsing it) are listed too, transitively, so that the
// module is judged where it is used. Reading is cheap next to parsing the whole repository.
void add_callers(Targets& t) {
    std::set<fs::path> wanted;
    for (const auto& f : t.only_files) {
        std::string name = fs::path(f).filename().string();
        if (name.ends_with(".tf") || name.ends_with(".tf.json"))
            wanted.insert(fs::absolute(fs::path(f).parent_path().empty() ? fs::path(".") : fs::path(f).parent_path())
                              .lexically_normal());
    }
    if (wanted.empty()) return;
    // Each directory's local module sources, read once.
    std::map<fs::path, std::set<fs::path>> calls;
    std::error_code ec;
    for (const auto& root : t.roots) {
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
        for (; it != end; it.increment(ec)) {
            if (ec) break;
            const auto& entry = *it;
            if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
                if (skipped_dir(entry.path())) it.disable_recursion_pending();
                continue;
            }
            std::string name = entry.path().filename().string();
            if (entry.is_symlink(ec) || !(name.ends_with(".tf") || name.ends_with(".tf.json"))) continue;
            auto text = read_file_bytes(entry.path());
            if (!text) continue;
            fs::path dir = entry.path().parent_path();
            for (auto& called : local_module_sources(dir, *text)) calls[dir].insert(std::move(called));
        }
    }
    std::vector<fs::path> todo(wanted.begin(), wanted.end());
    while (!todo.empty()) {
        fs::path target = todo.back();
        todo.pop_back();
        for (const auto& [dir, called] : calls)
            if (called.count(target) && wanted.insert(dir).second) {
                todo.push_back(dir);
                t.file_dirs.insert(dir);
            }
    }
}

// A file is scanned in its directory (its root module, its manifest set), with its whole repository
// as the root, so that the modules it calls are read wherever they are in it. A file no frontend reads is skipped, and said so; a directory inside
// another scanned directory adds nothing.
std::optional<Targets> resolve_targets(const ScanOptions& options, std::span<Frontend* const> frontends,
                                       ScanOutcome& out) {
    if (options.stdin_file) return resolve_stdin(options, frontends, out);
    Targets t;
    std::error_code ec;
    std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
    for (const auto& p : paths) {
        fs::path path(p);
        if (!fs::exists(path, ec)) {
            out.error = fmt::format("{}: no such file or directory", p);
            return std::nullopt;
        }
        path = fs::absolute(path, ec).lexically_normal();
        if (!path.has_filename() && path.has_parent_path()) path = path.parent_path();
        if (fs::is_directory(path, ec)) {
            t.given_dirs.push_back(display_path(path));
            t.listed_dirs.insert(path);
            t.roots.push_back(path);
        } else if (!claimant(path, frontends)) {
            out.notices.push_back(fmt::format("skipped {}: no frontend reads it", p));
        } else {
            t.only_files.insert(display_path(path));
            t.file_dirs.insert(path.parent_path());
            t.roots.push_back(repository_root(path.parent_path()));
        }
    }
    std::sort(t.roots.begin(), t.roots.end());
    t.roots.erase(std::unique(t.roots.begin(), t.roots.end()), t.roots.end());
    std::vector<fs::path> outermost;
    for (const auto& r : t.roots) {
        bool inside = std::any_of(outermost.begin(), outermost.end(), [&](const fs::path& o) {
            auto rel = r.lexically_relative(o);
            return !rel.empty() && !rel.native().starts_with("..");
        });
        if (!inside) outermost.push_back(r);
    }
    t.roots = std::move(outermost);
    add_callers(t);
    return t;
}

std::optional<Policy> load_policy(const ScanOptions& options, const fs::path& first_root, ScanOutcome& out) {
    std::error_code ec;
    std::optional<fs::path> policy_file;
    if (!options.policy_path.empty()) {
        policy_file = fs::path(options.policy_path);
        if (!fs::is_regular_file(*policy_file, ec)) {
            out.error = fmt::format("{}: no such policy file", options.policy_path);
            return std::nullopt;
        }
    } else if (!first_root.empty()) {
        policy_file = find_policy(first_root);
        // Found, not asked for: a symlink to somewhere else (/etc/shadow, a secrets file) is not
        // read, or its first lines would end up in error messages and CI logs.
        if (policy_file) {
            fs::path real = fs::weakly_canonical(*policy_file, ec);
            fs::path rel = real.lexically_relative(fs::weakly_canonical(policy_file->parent_path(), ec));
            if (ec || rel.empty() || rel.native().starts_with("..")) {
                out.error = fmt::format("{} links outside its directory; pass it with --policy if it is meant",
                                        display_path(*policy_file));
                return std::nullopt;
            }
        }
    }
    Policy policy;
    if (policy_file) {
        if (auto size = fs::file_size(*policy_file, ec); !ec && size > kMaxFileBytes) {
            out.error = fmt::format("{}: {} bytes is over the limit of {} MiB for one file", display_path(*policy_file),
                                    size, kMaxFileBytes >> 20);
            return std::nullopt;
        }
        auto text = read_file_bytes(*policy_file);
        std::string shown = display_path(*policy_file);
        auto parsed = parse_policy(shown, text ? *text : "", [](std::string_view id) { return find_rule(id) != nullptr; });
        if (auto* err = std::get_if<PolicyError>(&parsed)) {
            out.error = err->to_string();
            return std::nullopt;
        }
        policy = std::get<Policy>(std::move(parsed));
        out.report.policy_path = shown;
        out.report.policy_sha256 = sha256_hex(text ? *text : "");
    }
    for (const auto& j : options.jurisdictions)
        if (!catalog::is_jurisdiction(j)) {
            out.error = fmt::format("unknown jurisdiction \"{}\" (see `residency regions` for the list)", j);
            return std::nullopt;
        }
    return policy;
}

bool skipped_dir(const fs::path& p) {
    auto name = p.filename().string();
    return name == ".git" || name == ".terraform" || name == "node_modules";
}

// The files below `root` each frontend claims, sorted. Excluded paths and symlinks are not entered
// or read: a symlink could lead outside the scan root.
// `start` is the root or a directory below it; `recursive` false lists only its own files.
void discover_in(const fs::path& root, const fs::path& start, bool recursive, const std::vector<std::string>& exclude,
                 std::span<Frontend* const> frontends, std::map<Frontend*, std::vector<fs::path>>& claimed) {
    std::error_code ec;
    auto is_excluded = [&](const fs::path& p) {
        std::string rel = p.lexically_relative(root).generic_string();
        return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& g) { return glob_match(g, rel); });
    };
    // A directory that would be skipped or excluded when walking from the root is skipped when named.
    for (fs::path p = start; p != root && p.has_relative_path() && p != p.parent_path(); p = p.parent_path())
        if (skipped_dir(p) || is_excluded(p)) return;
    fs::recursive_directory_iterator it(start, fs::directory_options::skip_permission_denied, ec), end;
    for (; it != end; it.increment(ec)) {
        if (ec) break;
        const auto& entry = *it;
        bool excluded = is_excluded(entry.path());
        if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
            if (!recursive || skipped_dir(entry.path()) || excluded) it.disable_recursion_pending();
            continue;
        }
        if (excluded || entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
        if (Frontend* f = claimant(entry.path(), frontends)) claimed[f].push_back(entry.path());
    }
}

std::map<Frontend*, std::vector<fs::path>> discover(const fs::path& root, const Targets& targets,
                                                    const std::vector<std::string>& exclude,
                                                    std::span<Frontend* const> frontends) {
    std::map<Frontend*, std::vector<fs::path>> claimed;
    auto below = [&](const fs::path& p, const fs::path& dir) {
        auto rel = p.lexically_relative(dir);
        return !rel.empty() && !rel.native().starts_with("..");
    };
    for (const auto& d : targets.listed_dirs)
        if (below(d, root)) discover_in(root, d, true, exclude, frontends, claimed);
    for (const auto& d : targets.file_dirs)
        if (below(d, root) && std::none_of(targets.listed_dirs.begin(), targets.listed_dirs.end(),
                                           [&](const fs::path& l) { return below(d, l); }))
            discover_in(root, d, false, exclude, frontends, claimed);
    for (auto& [f, files] : claimed) {
        std::sort(files.begin(), files.end());
        files.erase(std::unique(files.begin(), files.end()), files.end());
    }
    return claimed;
}

// Loads every root through the frontends; false when a fatal input error stopped the scan.
bool load_roots(const Targets& targets, const Policy& policy, unsigned jobs, ShardSpec shard,
                std::span<Frontend* const> frontends, ScanOutcome& out, LoadResult& result,
                const std::function<void(std::size_t, std::size_t)>& progress = {}, FileCache* cache = nullptr) {
    const std::vector<fs::path>& roots = targets.roots;
    DisplayPath display = display_path;
    if (targets.piped)
        display = [&piped = *targets.piped](const fs::path& p) {
            return p.lexically_normal() == piped.path ? piped.shown : display_path(p);
        };
    std::size_t claimed = 0;
    // Every root is discovered before any is loaded, so that progress knows the total.
    std::vector<std::map<Frontend*, std::vector<fs::path>>> discovered;
    std::size_t total = 0;
    for (const auto& root : roots) {
        std::map<Frontend*, std::vector<fs::path>> files;
        if (!targets.piped) files = discover(root, targets, policy.exclude, frontends);
        else if (targets.piped->frontend) files[targets.piped->frontend].push_back(targets.piped->path);
        for (const auto& [f, list] : files) total += list.size();
        discovered.push_back(std::move(files));
    }
    if (shard.count) {
        keep_shard(discovered, shard);
        total = 0;
        for (const auto& files : discovered)
            for (const auto& [f, list] : files) total += list.size();
    }
    std::mutex progress_mutex;
    std::size_t done = 0;
    if (progress && total > 0)
        out.sources.on_read = [&] {
            std::lock_guard lock(progress_mutex);
            if (done < total) progress(++done, total);
        };
    struct ClearOnRead {
        SourceSet& sources;
        ~ClearOnRead() { sources.on_read = nullptr; }
    } clear_on_read{out.sources};
    for (std::size_t r = 0; r < roots.size(); ++r) {
        const fs::path& root = roots[r];
        std::map<Frontend*, std::vector<fs::path>>& files = discovered[r];
        for (Frontend* f : frontends) {
            auto it = files.find(f);
            if (it == files.end()) continue;
            claimed += it->second.size();
            LoadContext context{root, std::move(it->second), display, jobs, out.sources, out.graph, result, cache};
            f->load(context);
            if (!result.fatal.empty()) {
                out.error = result.fatal.front();
                return false;
            }
        }
    }
    // Files too large to read: skipped, and said where every diagnostic is (RES001).
    for (const auto& big : out.sources.oversized())
        result.syntax_errors.push_back({Range{}, fmt::format("not read: {} is {} bytes, over the limit of {} MiB for one file",
                                                             display(big.path), big.size, kMaxFileBytes >> 20)});
    if (claimed == 0 && !roots.empty() && !targets.piped && !shard.count) {  // standard input unread is said when resolved
        std::string kinds;
        for (Frontend* f : frontends) kinds += (kinds.empty() ? "" : ", ") + std::string(f->reads());
        std::string where;
        for (const auto& r : roots) where += (where.empty() ? "" : ", ") + (display_path(r).empty() ? "." : display_path(r));
        out.notices.push_back(fmt::format("no file to scan under {}: residency reads {}", where, kinds));
    }
    return true;
}

// The legal area or country an asset's place counts for when inferring: "eu" for any place wholly
// in the EU, else the one country it lies in; "" for places spanning several.
std::string home_of(const catalog::Place& place) {
    if (place.inside("eu")) return "eu";
    for (const auto& j : place.within)
        if (j.size() == 2) return j;
    return "";
}

// With no policy and no flag, the home jurisdiction is the one holding a clear majority (three
// quarters) of the located data assets; anything less is a split that a person must decide.
void infer_jurisdiction(Facts& facts, JurisdictionInfo& info, const std::set<std::string>& roots) {
    std::map<std::string, std::size_t> counts;
    std::size_t located = 0;
    for (AssetClass c : {AssetClass::DataStore, AssetClass::Compute, AssetClass::AiService, AssetClass::StateBackend})
        for (AssetId id : facts.by_class[static_cast<std::size_t>(c)]) {
            const AssetFact& f = facts.assets[id];
            if (f.location.state != LocationFact::State::Known) continue;
            if (!roots.empty() && !roots.count(f.asset->root)) continue;
            ++located;
            ++counts[home_of(f.location.place)];
        }
    auto& split = facts.located_split;
    split.assign(counts.begin(), counts.end());
    std::stable_sort(split.begin(), split.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (!split.empty() && !split[0].first.empty() && split[0].second * 4 >= located * 3) {
        facts.jurisdictions = {split[0].first};
        info.origin = "inferred";
        info.explanation = fmt::format("inferred: {} of the {} located data stores, compute and AI services are in it",
                                       split[0].second, located);
        return;
    }
    info.origin = "none";
    info.explanation = located == 0 ? "no located assets to infer it from; set --jurisdiction or a policy"
                                    : fmt::format("no jurisdiction holds three quarters of the located assets ({}); "
                                                  "set --jurisdiction or a policy",
                                                  facts.located_split_text());
}

void decide_jurisdiction(const ScanOptions& options, const Policy& policy, const Targets& targets,
                         const ScanOutcome& out, Facts& facts, JurisdictionInfo& info) {
    if (!options.jurisdictions.empty()) {
        for (const auto& j : options.jurisdictions) facts.jurisdictions.push_back(lower(j));
        info.origin = "flag";
        info.explanation = "from --jurisdiction";
    } else if (!policy.jurisdictions.empty()) {
        facts.jurisdictions = policy.jurisdictions;
        info.origin = "policy";
        info.explanation = "from " + out.report.policy_path;
    } else {
        // With files given, the project around them is read for context, but the home jurisdiction
        // is inferred from the roots those files belong to (the root in their directory, or the roots
        // that use an asset written in them), not from every project beside them.
        std::set<std::string> relevant;
        if (!targets.only_files.empty()) {
            std::set<std::string> roots;
            for (const auto& a : out.graph.assets) roots.insert(a.root);
            for (const auto& file : targets.only_files) {
                std::string dir = fs::path(file).parent_path().generic_string();
                if (dir.empty()) dir = ".";
                if (roots.count(dir)) relevant.insert(dir);
            }
            for (const auto& a : out.graph.assets)
                if (a.range.valid() && targets.given(out.sources.get(a.range.file).path)) relevant.insert(a.root);
            if (relevant.empty()) relevant.insert("");  // none: infer from nothing rather than from everything
        }
        infer_jurisdiction(facts, info, relevant);
    }
    std::sort(facts.jurisdictions.begin(), facts.jurisdictions.end());
    facts.jurisdictions.erase(std::unique(facts.jurisdictions.begin(), facts.jurisdictions.end()), facts.jurisdictions.end());
    info.codes = facts.jurisdictions;
}

std::vector<Finding> run_rules(const ScanOptions& options, const Policy& policy, const Facts& facts, Report& report) {
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
    return all;
}

// A path as the fingerprint names it: relative to the scan root that holds it, so that the same
// finding has the same fingerprint whatever directory the scan ran from.
std::string rooted(const fs::path& path, const std::vector<fs::path>& roots) {
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec).lexically_normal();
    for (const auto& r : roots) {
        fs::path rel = abs.lexically_relative(r);
        if (!rel.empty() && !rel.native().starts_with("..")) return rel.generic_string();
    }
    return roots.empty() ? abs.generic_string() : abs.lexically_relative(roots.front()).generic_string();
}

// Stable under edits that move lines: the rule, the root, the asset, the file, the text the finding
// points at and what tells it apart from its neighbours, never a line number.
std::string fingerprint(const Finding& f, const SourceSet& sources, const std::vector<fs::path>& roots) {
    std::string key = f.rule_id + '\0' + (f.root.empty() ? "" : rooted(f.root, roots)) + '\0' + f.asset + '\0' + f.key;
    if (f.range.valid()) {
        const SourceFile& file = sources.get(f.range.file);
        key += '\0' + rooted(file.abs_path, roots) + '\0';
        if (f.range.end <= file.text.size() && f.range.begin <= f.range.end)
            key.append(file.text, f.range.begin, std::min<std::size_t>(f.range.end - f.range.begin, 512));
    }
    if (f.asset.empty()) key += '\0' + f.message;  // file-level diagnostics: one per distinct problem
    return sha256_hex(key).substr(0, 32);
}

// Findings: named by root when the scan has several, limited to the given files, identified,
// sorted, de-duplicated, and split into findings, diagnostics and suppressed ones.
void finish_findings(std::vector<Finding> all, const Targets& targets, const ScanOutcome& out, const Policy& policy,
                     int today, Report& report) {
    const SourceSet& sources = out.sources;
    std::set<std::string_view> roots;
    for (const auto& a : out.graph.assets)
        if (a.mode != AssetMode::Superseded) roots.insert(a.root);
    // A shard cannot know the other shards' roots: `residency merge` names them when they are several.
    if (report.shard.count) report.shard.roots.assign(roots.begin(), roots.end());
    else if (roots.size() > 1)
        name_roots(all);
    auto in_given = [&](const Range& r) { return r.valid() && targets.given(sources.get(r.file).path); };
    // RES005 is about the whole scan, wherever it points: it stays with files given.
    if (!targets.only_files.empty())
        std::erase_if(all, [&](const Finding& f) {
            if (f.rule_id == "RES005") return false;
            // A finding is the given files' when it is written there or when one of the places its
            // location came from is (a provider region changed in the file being committed).
            return !in_given(f.range) &&
                   std::none_of(f.related.begin(), f.related.end(), [&](const RelatedLocation& r) { return in_given(r.range); });
        });
    sort_findings(all, sources);
    std::map<FileId, bool> has_marker;
    for (auto& f : all) {
        f.fingerprint = fingerprint(f, sources, targets.roots);
        // The ignore that names this finding's rule: the asset's own annotation, else a comment.
        bool candidate = f.suppressed_on_asset;
        std::string where;
        if (candidate) {
            if (f.suppression_range.valid()) {
                const SourceFile& file = sources.get(f.suppression_range.file);
                where = file.path + ":" + std::to_string(file.line_col(f.suppression_range.begin).line);
            }
        } else if (f.range.valid()) {
            // Most files have no suppression at all: look for the marker once per file, not per finding
            // (a plan file is one long line that every finding in it would search again).
            auto marked = has_marker.try_emplace(f.range.file, false);
            if (marked.second) marked.first->second = sources.get(f.range.file).text.find("residency:ignore") != std::string::npos;
            if (marked.first->second) {
                const SourceFile& file = sources.get(f.range.file);
                if (auto d = ignore_at(file, file.line_col(f.range.begin).line, f.rule_id)) {
                    candidate = true;
                    f.justification = std::move(d->reason);
                    f.until = std::move(d->until);
                    std::string_view line = file.line_text(d->line);
                    auto begin = static_cast<std::uint32_t>(line.data() - file.text.data()) + d->column - 1;
                    f.suppression_range = Range{f.range.file, begin, static_cast<std::uint32_t>(line.data() - file.text.data() + line.size())};
                    where = file.path + ":" + std::to_string(d->line);
                }
            }
        }
        if (candidate) {
            // Whether the ignore applies: the policy may forbid ignoring the rule or require a
            // reason, and an ignore with `until` stops applying the day after that date. When it
            // does not apply, the finding says why.
            std::string why_not;
            const std::string policy_name = policy.path.empty() ? "the policy" : policy.path;
            bool ignorable = true;
            for (const auto& r : policy.rules)
                if (r.rule_id == f.rule_id) ignorable = r.ignorable;
            std::optional<int> until = f.until.empty() ? std::nullopt : parse_day(f.until);
            if (!ignorable)
                why_not = fmt::format("the ignore at {} does not apply: {} forbids ignoring {}", where, policy_name, f.rule_id);
            else if (!f.until.empty() && !until)
                why_not = f.until == " " ? fmt::format("the ignore at {} does not apply: no date follows `until`", where)
                                         : fmt::format("the ignore at {} does not apply: its date \"{}\" is not a day written YYYY-MM-DD",
                                                       where, f.until);
            else if (until && today > *until)
                why_not = fmt::format("the ignore at {} expired on {}", where, f.until);
            else if (policy.suppressions_require_reason && f.justification.empty())
                why_not = fmt::format("the ignore at {} does not apply: {} requires a reason (`-- why`)", where, policy_name);
            if (why_not.empty()) {
                f.suppressed_at = where;
                report.suppressed.push_back(std::move(f));
                continue;
            }
            f.message += " (" + why_not + ")";
            f.suppressed_on_asset = false;
            f.justification.clear();
            f.until.clear();
        }
        (is_diagnostic(f.rule_id) ? report.diagnostics : report.findings).push_back(std::move(f));
    }
}

// RES007: an ignore whose `until` is not a date, in a comment or in a Kubernetes annotation.
void check_ignore_dates(const Targets& targets, const ScanOutcome& out, const Report& report, const Policy& policy,
                        std::vector<Finding>& all) {
    const RuleMeta* meta = nullptr;
    for (const RuleMeta* r : report.rules)
        if (r->id == "RES007") meta = r;
    if (!meta) return;
    Severity severity = meta->severity;
    for (const auto& r : policy.rules)
        if (r.rule_id == "RES007" && r.severity) severity = *r.severity;
    const SourceSet& sources = out.sources;
    auto report_bad = [&](Range range, const std::string& date) {
        Finding f;
        f.rule_id = "RES007";
        f.severity = severity;
        f.range = range;
        f.message = date == " " ? std::string("no date after `until`: write a day as YYYY-MM-DD (such as 2027-03-31); the "
                                              "ignore does not apply")
                                : fmt::format("\"{}\" after `until` is not a day written YYYY-MM-DD (such as 2027-03-31): the "
                                              "ignore does not apply",
                                              date);
        all.push_back(std::move(f));
    };
    auto given = [&](FileId id) { return targets.only_files.empty() || targets.given(sources.get(id).path); };
    for (FileId id = 0; id < sources.size(); ++id) {
        const SourceFile& file = sources.get(id);
        if (!given(id) || file.text.find("residency:ignore") == std::string::npos) continue;
        for (const auto& d : dated_ignores(file)) {
            if (parse_day(d.until)) continue;
            std::string_view line = file.line_text(d.line);
            auto begin = static_cast<std::uint32_t>(line.data() - file.text.data()) + d.until_column - 1;
            report_bad(Range{id, begin, begin + static_cast<std::uint32_t>(std::max<std::size_t>(d.until.size(), 1))}, d.until);
        }
    }
    std::set<std::pair<FileId, std::uint32_t>> seen;
    for (const auto& a : out.graph.assets)
        for (const auto& ig : a.ignores) {
            if (ig.until.empty() || parse_day(ig.until) || !ig.range.valid() || !given(ig.range.file)) continue;
            if (!seen.insert({ig.range.file, ig.range.begin}).second) continue;
            Range range = ig.range;
            const std::string& text = sources.get(range.file).text;
            if (range.end <= text.size() && ig.until != " ") {
                std::size_t at = std::string_view(text).substr(range.begin, range.end - range.begin).find(ig.until);
                if (at != std::string_view::npos)
                    range = Range{range.file, range.begin + static_cast<std::uint32_t>(at),
                                  range.begin + static_cast<std::uint32_t>(at + ig.until.size())};
            }
            report_bad(range, ig.until);
        }
}

// Today as YYYYMMDD: options.today, else RESIDENCY_TODAY, else the UTC date; nullopt when malformed.
std::optional<int> today_of(const ScanOptions& options, std::string& error) {
    std::string given = options.today;
    const char* env = std::getenv("RESIDENCY_TODAY");
    std::string source = "today";
    if (given.empty() && env && *env) {
        given = env;
        source = "RESIDENCY_TODAY";
    }
    if (!given.empty()) {
        auto day = parse_day(given);
        if (!day) error = fmt::format("{} must be a day written YYYY-MM-DD, found \"{}\"", source, given);
        return day;
    }
    auto now = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    return static_cast<int>(now.year()) * 10000 + static_cast<int>(static_cast<unsigned>(now.month())) * 100 +
           static_cast<int>(static_cast<unsigned>(now.day()));
}

void summarize(const Facts& facts, const Targets& targets, const ScanOutcome& out, unsigned jobs, Report& report) {
    const SourceSet& sources = out.sources;
    // A file refused for its size was never read: listing it (with the digest of nothing) would
    // make `merge`, which reads every listed file again, refuse the shards.
    std::set<std::string> unread;
    for (const auto& big : sources.oversized()) unread.insert(big.path.string());
    for (FileId id = 0; id < sources.size(); ++id) {
        const SourceFile& s = sources.get(id);
        if (s.abs_path.empty() || !s.listed) continue;  // --var values parsed as HCL; not configuration
        if (s.text.empty() && unread.count(s.abs_path)) continue;
        report.files.push_back({id, {}});
    }
    // Hashing every byte scanned is a tenth of a scan of many small files: spread over the cores.
    parallel_for(report.files.size(), jobs,
                 [&](std::size_t i) { report.files[i].sha256 = sha256_hex(sources.get(report.files[i].id).text); });
    std::sort(report.files.begin(), report.files.end(),
              [&](const ScannedFile& a, const ScannedFile& b) { return sources.get(a.id).path < sources.get(b.id).path; });
    for (const auto& f : facts.assets) {
        if (f.asset->mode != AssetMode::Managed) continue;
        ++report.asset_count;
        if (f.location.state == LocationFact::State::Known) ++report.located_asset_count;
    }
    // Calls of functions residency does not evaluate that decide no location: one count, not a
    // diagnostic each (RES004 reports those that do).
    std::set<std::pair<FileId, std::uint32_t>> calls, reported;
    for (const auto& c : facts.load.unsupported_functions)
        if (targets.only_files.empty() || (c.range.valid() && targets.given(sources.get(c.range.file).path)))
            calls.insert({c.range.file, c.range.begin});
    for (const auto* list : {&report.diagnostics, &report.suppressed})
        for (const auto& d : *list)
            if (d.rule_id == "RES004") reported.insert({d.range.file, d.range.begin});
    std::size_t quiet = 0;
    for (const auto& c : calls) {
        if (reported.count(c)) continue;
        ++quiet;
        // Shards may read one module each: the merge counts every place once.
        if (report.shard.count) report.shard.unreported_at.push_back(fmt::format("{}:{}", sources.get(c.first).path, c.second));
    }
    bool counted = std::any_of(report.rules.begin(), report.rules.end(), [](const RuleMeta* r) { return r->id == "RES004"; });
    if (quiet && counted) report.unreported.push_back({"RES004", quiet});
    if (!counted) report.shard.unreported_at.clear();
}

// The scan cache of these roots, or nullptr (none asked for, or its directory is unusable).
std::unique_ptr<FileCache> open_cache(const ScanOptions& options, const Targets& targets, ScanOutcome& out) {
    if (options.cache_dir.empty()) return nullptr;
    auto cache = FileCache::open(options.cache_dir, targets.roots, options.tool_version);
    if (!cache && options.cache_dir_given)
        out.notices.push_back(fmt::format("cannot use the cache directory {}: scanning without a cache", options.cache_dir));
    return cache;
}

// RESIDENCY_CACHE_STATS=1 says what the cache did (tests and benchmarks check reuse with it).
void save_cache(FileCache& cache, ScanOutcome& out) {
    bool saved = cache.save();
    if (const char* env = std::getenv("RESIDENCY_CACHE_STATS"); env && *env && std::string_view(env) != "0") {
        auto s = cache.stats();
        out.notices.push_back(fmt::format("cache: {} reused, {} parsed, {} damaged; pack {}", s.hits, s.misses, s.damaged,
                                          !saved ? "not written (error)" : s.written ? "written" : "unchanged"));
    }
}

}  // namespace

bool rule_matches(std::string_view id, const std::vector<std::string>& prefixes) {
    if (prefixes.empty()) return true;
    for (const auto& p : prefixes) {
        if (p.size() > id.size()) continue;
        bool ok = true;
        for (std::size_t i = 0; i < p.size() && ok; ++i) ok = std::toupper(static_cast<unsigned char>(p[i])) == id[i];
        if (ok) return true;
    }
    return false;
}

std::unique_ptr<ScanOutcome> run_pipeline(const ScanOptions& options, std::span<Frontend* const> frontends) {
    auto out = std::make_unique<ScanOutcome>();
    Report& report = out->report;
    report.tool_version = options.tool_version;
    report.sources = &out->sources;

    for (const auto& sel : {options.select, options.ignore})
        for (const auto& p : sel) {
            bool any = false;
            for (const auto& r : all_rules()) any = any || rule_matches(r.meta->id, {p});
            if (!any) {
                out->error = fmt::format("no rule matches \"{}\" (see `residency rules`)", p);
                return out;
            }
        }
    auto targets = resolve_targets(options, frontends, *out);
    if (!targets) return out;
    if (options.shard.count && (targets->piped || !targets->only_files.empty())) {
        out->error = "--shard splits directories: give it directories to scan, not files or standard input";
        return out;
    }
    report.shard.index = options.shard.index;
    report.shard.count = options.shard.count;
    auto policy = load_policy(options, targets->roots.empty() ? fs::path() : targets->roots.front(), *out);
    if (!policy) return out;
    if (options.shard.count && options.jurisdictions.empty() && policy->jurisdictions.empty()) {
        // Inferred from a part, it could differ between shards, and the merged report would judge
        // each part by another measure.
        out->error = "--shard needs the jurisdiction from --jurisdiction or the policy: each shard would infer it from "
                     "its own part";
        return out;
    }
    LoadResult loaded;
    auto cache = open_cache(options, *targets, *out);
    if (!load_roots(*targets, *policy, options.jobs, options.shard, frontends, *out, loaded, options.progress, cache.get()))
        return out;
    if (cache) save_cache(*cache, *out);

    Facts facts = build_facts(out->graph, out->sources, std::move(loaded));
    // Compared with catalog codes, which for Azure are display names without spaces.
    for (const auto& r : policy->allow_regions) {
        std::string code = lower(r);
        code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
        facts.allow_regions.push_back(std::move(code));
    }
    facts.require_tags = policy->require_tags;
    facts.require_tee = policy->require_tee;
    facts.allow_hosts = policy->allow_hosts;
    facts.require_customer_managed_keys = policy->require_customer_managed_keys;
    decide_jurisdiction(options, *policy, *targets, *out, facts, report.jurisdiction);

    std::string today_error;
    auto today = today_of(options, today_error);
    if (!today) {
        out->error = today_error;
        return out;
    }
    auto all = run_rules(options, *policy, facts, report);
    check_ignore_dates(*targets, *out, report, *policy, all);
    finish_findings(std::move(all), *targets, *out, *policy, *today, report);
    summarize(facts, *targets, *out, options.jobs, report);
    if (options.build_inventory) build_inventory(facts, report);
    return out;
}

}  // namespace residency
