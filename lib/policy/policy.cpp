// Validates residency.yaml strictly, node by node, into a Policy; finds the file for a scan.
#include "policy/policy.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <system_error>

#include "catalog/catalog.hpp"
#include "policy/policy_yaml.hpp"

namespace residency {
namespace {

using policy_yaml::Node;
using Failure = policy_yaml::Error;

using Check = std::optional<Failure>;

Failure at(const Node& n, std::string message) {
    return Failure{n.line, n.column, std::move(message)};
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Values echoed in messages come from the user's file: escape them and keep them short.
std::string quote(std::string_view s) {
    constexpr std::size_t max_chars = 60;
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size() && i < max_chars; ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    if (s.size() > max_chars)
        out += "...";
    return out + "\"";
}

std::string join(const std::vector<std::string_view>& names) {
    std::string out;
    for (auto n : names) {
        if (!out.empty())
            out += ", ";
        out += n;
    }
    return out;
}

bool is_null(const Node& n) {
    return n.kind == Node::Kind::Scalar && n.plain &&
           (n.text.empty() || n.text == "~" || n.text == "null" || n.text == "Null" ||
            n.text == "NULL");
}

std::string found(const Node& n) {
    if (is_null(n))
        return "nothing";
    switch (n.kind) {
        case Node::Kind::Scalar:
            return "a string";
        case Node::Kind::Sequence:
            return "a list";
        case Node::Kind::Mapping:
            return n.items.empty() ? "an empty mapping" : "a mapping";
        case Node::Kind::Alias:  // a policy is loaded without aliases
            return "an alias";
    }
    return "a value";
}

// A scalar quoted as written, anything else described.
std::string found_text(const Node& n) {
    return n.kind == Node::Kind::Scalar && !is_null(n) ? quote(n.text) : found(n);
}

// ---- validation ----

const std::vector<std::string_view> top_keys = {"version", "jurisdiction", "allow",
                                                "require", "rules",        "exclude", "suppressions"};
const std::vector<std::string_view> suppressions_keys = {"require_reason"};
const std::vector<std::string_view> allow_keys = {"regions", "hosts"};
const std::vector<std::string_view> require_keys = {"tags", "tee", "customer_managed_keys"};
const std::vector<std::string_view> rule_keys = {"severity", "ignorable"};
const std::vector<std::string_view> tee_targets = {"node-pools", "vms", "workloads"};
const std::vector<std::string_view> severities = {"info", "low", "medium", "high", "critical"};

// Checks a mapping's keys (scalar, known, not repeated) and calls visit(key, value) for each pair.
// `where` names the mapping in messages ("" for the top level).
template <typename Visit>
Check each_pair(const Node& map, std::string_view where, const std::vector<std::string_view>& known,
                Visit visit) {
    std::set<std::string_view> seen;
    const std::string in = where.empty() ? "" : " in " + std::string(where);
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
        const Node& key = map.items[i];
        const Node& value = map.items[i + 1];
        if (key.kind != Node::Kind::Scalar)
            return at(key, "a key must be a string, found " + found(key) + in);
        if (!known.empty() && std::find(known.begin(), known.end(), key.text) == known.end())
            return at(key,
                      "unknown key " + quote(key.text) + in + "; expected one of: " + join(known));
        if (!seen.insert(key.text).second)
            return at(key, "duplicate key " + quote(key.text) + in);
        if (auto f = visit(key, value))
            return f;
    }
    return std::nullopt;
}

// A mapping section (allow, require); absent content (`allow:`) counts as empty.
Check expect_mapping(const Node& n, std::string_view name,
                     const std::vector<std::string_view>& keys) {
    if (n.kind == Node::Kind::Mapping || is_null(n))
        return std::nullopt;
    return at(n, std::string(name) + " must be a mapping with keys " + join(keys) + ", found " +
                     found(n));
}

// A list of non-empty strings, passed one by one to add.
template <typename Add>
Check each_string(const Node& n, std::string_view name, Add add) {
    if (is_null(n))
        return std::nullopt;
    if (n.kind == Node::Kind::Scalar)
        return at(n, std::string(name) + " must be a list of strings, found a string (write [" +
                         quote(n.text) + "])");
    if (n.kind != Node::Kind::Sequence)
        return at(n, std::string(name) + " must be a list of strings, found " + found(n));
    for (const Node& item : n.items) {
        if (is_null(item) || (item.kind == Node::Kind::Scalar && item.text.empty()))
            return at(item, std::string(name) + " has an empty entry");
        if (item.kind != Node::Kind::Scalar)
            return at(item, std::string(name) + " entries must be strings, found " + found(item));
        if (auto f = add(item))
            return f;
    }
    return std::nullopt;
}

// Keeps the first occurrence of each entry, in the order written.
void drop_repeats(std::vector<std::string>& list) {
    std::set<std::string> seen;
    std::vector<std::string> out;
    for (auto& s : list)
        if (seen.insert(s).second)
            out.push_back(std::move(s));
    list = std::move(out);
}

void sort_unique(std::vector<std::string>& list) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
}

Check parse_version(const Node& n, Policy& policy) {
    if (n.kind != Node::Kind::Scalar || is_null(n))
        return at(n, "version must be 1, found " + found(n));
    if (!n.plain)
        return at(n, "version must be the number 1, not a quoted string");
    if (n.text != "1")
        return at(n, "unsupported version " + quote(n.text) + "; expected 1");
    policy.version = 1;
    return std::nullopt;
}

Check add_jurisdiction(const Node& n, Policy& policy) {
    if (n.text.empty())
        return at(n, "jurisdiction has an empty entry");
    if (!catalog::is_jurisdiction(n.text))
        return at(n, "unknown jurisdiction " + quote(n.text) +
                         "; expected eu, eea or a country code such as de (see residency regions)");
    policy.jurisdictions.push_back(lower(n.text));
    return std::nullopt;
}

Check parse_jurisdiction(const Node& n, Policy& policy) {
    if (n.kind == Node::Kind::Scalar && !is_null(n))
        return add_jurisdiction(n, policy);
    if (n.kind != Node::Kind::Sequence)
        return at(n,
                  "jurisdiction must be a jurisdiction code or a list of them, found " + found(n));
    for (const Node& item : n.items) {
        if (is_null(item))
            return at(item, "jurisdiction has an empty entry");
        if (item.kind != Node::Kind::Scalar)
            return at(item, "jurisdiction entries must be strings, found " + found(item));
        if (auto f = add_jurisdiction(item, policy))
            return f;
    }
    return std::nullopt;
}

Check parse_allow(const Node& n, Policy& policy) {
    if (auto f = expect_mapping(n, "allow", allow_keys))
        return f;
    return each_pair(n, "allow", allow_keys, [&](const Node& key, const Node& value) -> Check {
        auto& list = key.text == "regions" ? policy.allow_regions : policy.allow_hosts;
        return each_string(value, "allow." + key.text, [&](const Node& item) -> Check {
            list.push_back(lower(item.text));
            return std::nullopt;
        });
    });
}

Check parse_require(const Node& n, Policy& policy) {
    if (auto f = expect_mapping(n, "require", require_keys))
        return f;
    return each_pair(n, "require", require_keys, [&](const Node& key, const Node& value) -> Check {
        if (key.text == "customer_managed_keys") {
            std::string word = value.kind == Node::Kind::Scalar && value.plain ? lower(value.text) : "";
            if (word != "true" && word != "false")
                return at(value, "require.customer_managed_keys must be true or false, found " + found(value));
            policy.require_customer_managed_keys = word == "true";
            return std::nullopt;
        }
        if (key.text == "tags")
            return each_string(value, "require.tags", [&](const Node& item) -> Check {
                policy.require_tags.push_back(item.text);
                return std::nullopt;
            });
        return each_string(value, "require.tee", [&](const Node& item) -> Check {
            std::string target = lower(item.text);
            if (std::find(tee_targets.begin(), tee_targets.end(), target) == tee_targets.end())
                return at(item, "unknown require.tee value " + quote(item.text) +
                                    "; expected one of: " + join(tee_targets));
            policy.require_tee.push_back(target);
            return std::nullopt;
        });
    });
}

Check parse_rule(const std::string& id, const Node& value, RuleSetting& setting) {
    const std::string name = "rules." + id;
    const std::string expected = name + " must be off, on or { severity: <level>, ignorable: <true|false> }, found ";
    if (value.kind == Node::Kind::Scalar && !is_null(value)) {
        // YAML 1.1 reads off/on as booleans and 1.2 does not; both spellings mean the same here.
        std::string word = lower(value.text);
        if (word == "off" || word == "false") {
            setting.enabled = false;
            return std::nullopt;
        }
        if (word == "on" || word == "true")
            return std::nullopt;
        return at(value, expected + quote(value.text));
    }
    if (value.kind != Node::Kind::Mapping || value.items.empty())
        return at(value, expected + found(value));
    return each_pair(value, name, rule_keys, [&](const Node& key, const Node& sev) -> Check {
        if (key.text == "ignorable") {
            std::string word = sev.kind == Node::Kind::Scalar && sev.plain ? lower(sev.text) : "";
            if (word != "true" && word != "false")
                return at(sev, name + ".ignorable must be true or false, found " + found_text(sev));
            setting.ignorable = word == "true";
            return std::nullopt;
        }
        if (sev.kind != Node::Kind::Scalar || is_null(sev))
            return at(sev, name + ".severity must be one of: " + join(severities) + "; found " +
                               found(sev));
        setting.severity = parse_severity(lower(sev.text));
        if (!setting.severity)
            return at(sev, "unknown severity " + quote(sev.text) +
                               "; expected one of: " + join(severities));
        return std::nullopt;
    });
}

Check parse_rules(const Node& n, Policy& policy,
                  const std::function<bool(std::string_view)>& rule_exists) {
    if (is_null(n))
        return std::nullopt;
    if (n.kind != Node::Kind::Mapping)
        return at(
            n, "rules must be a mapping from rule ID to off, on or { severity: <level> }, found " +
                   found(n));
    std::set<std::string> seen_ids;  // keys differing only in case name the same rule
    return each_pair(n, "rules", {}, [&](const Node& key, const Node& value) -> Check {
        RuleSetting setting;
        setting.rule_id = upper(key.text);
        if (rule_exists && !rule_exists(setting.rule_id))
            return at(key, "unknown rule " + quote(key.text) + " (residency rules lists them)");
        if (!seen_ids.insert(setting.rule_id).second)
            return at(key, "duplicate rule " + quote(setting.rule_id));
        if (auto f = parse_rule(setting.rule_id, value, setting))
            return f;
        policy.rules.push_back(std::move(setting));
        return std::nullopt;
    });
}

Check parse_suppressions(const Node& n, Policy& policy) {
    if (auto f = expect_mapping(n, "suppressions", suppressions_keys))
        return f;
    return each_pair(n, "suppressions", suppressions_keys, [&](const Node&, const Node& value) -> Check {
        std::string word = value.kind == Node::Kind::Scalar && value.plain ? lower(value.text) : "";
        if (word != "true" && word != "false")
            return at(value, "suppressions.require_reason must be true or false, found " + found_text(value));
        policy.suppressions_require_reason = word == "true";
        return std::nullopt;
    });
}

Check parse_exclude(const Node& n, Policy& policy) {
    return each_string(n, "exclude", [&](const Node& item) -> Check {
        policy.exclude.push_back(item.text);
        return std::nullopt;
    });
}

}  // namespace

std::string PolicyError::to_string() const {
    std::string out = path;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0)
            out += ':' + std::to_string(column);
    }
    return out + ": error: " + message;
}

std::variant<Policy, PolicyError> parse_policy(
    std::string_view display_path, std::string_view text,
    const std::function<bool(std::string_view rule_id)>& rule_exists) {
    auto error = [&](Failure f) {
        return PolicyError{std::string(display_path), f.line, f.column, std::move(f.message)};
    };
    auto loaded = policy_yaml::load(text);
    if (auto* f = std::get_if<Failure>(&loaded))
        return error(std::move(*f));
    const Node& root = std::get<Node>(loaded);
    if (is_null(root))
        return error(Failure{0, 0, "policy file is empty"});
    if (root.kind != Node::Kind::Mapping)
        return error(at(root, "a policy must be a mapping with keys " + join(top_keys) +
                                  ", found " + found(root)));

    Policy policy;
    policy.path = std::string(display_path);
    auto check = each_pair(root, "", top_keys, [&](const Node& key, const Node& value) -> Check {
        if (key.text == "version")
            return parse_version(value, policy);
        if (key.text == "jurisdiction")
            return parse_jurisdiction(value, policy);
        if (key.text == "allow")
            return parse_allow(value, policy);
        if (key.text == "require")
            return parse_require(value, policy);
        if (key.text == "rules")
            return parse_rules(value, policy, rule_exists);
        if (key.text == "suppressions")
            return parse_suppressions(value, policy);
        return parse_exclude(value, policy);
    });
    if (check)
        return error(std::move(*check));

    sort_unique(policy.jurisdictions);
    for (auto* list :
         {&policy.allow_regions, &policy.allow_hosts, &policy.require_tags, &policy.exclude})
        drop_repeats(*list);
    sort_unique(policy.require_tee);
    std::sort(policy.rules.begin(), policy.rules.end(),
              [](const RuleSetting& a, const RuleSetting& b) { return a.rule_id < b.rule_id; });
    return policy;
}

std::optional<std::filesystem::path> find_policy(const std::filesystem::path& scan_root) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::absolute(scan_root, ec);
    if (ec)
        dir = scan_root;
    dir = dir.lexically_normal();
    if (fs::is_regular_file(dir, ec))
        dir = dir.parent_path();
    if (!dir.empty() && !dir.has_filename())
        dir = dir.parent_path();  // "a/b/" -> "a/b"
    while (!dir.empty()) {
        fs::path candidate = dir / "residency.yaml";
        if (fs::is_regular_file(candidate, ec))
            return candidate;
        // .git is a directory in a clone and a file in a worktree or submodule.
        if (fs::exists(dir / ".git", ec))
            break;
        fs::path parent = dir.parent_path();
        if (parent == dir)
            break;
        dir = parent;
    }
    return std::nullopt;
}

}  // namespace residency
