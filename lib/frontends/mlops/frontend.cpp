// Which files are MLOps configuration, and the small ones: `.env` files, MLproject and W&B
// settings. Compose files are in compose.cpp.
#include <algorithm>
#include <array>
#include <cctype>

#include "frontends/kubernetes/yaml_codec.hpp"
#include "frontends/mlops/mlops.hpp"
#include "frontends/mlops/reader.hpp"

namespace residency::mlops {

namespace fs = std::filesystem;

namespace {

bool yaml_ext(std::string_view name) { return name.ends_with(".yaml") || name.ends_with(".yml"); }

bool is_dotenv_name(const std::string& name) {
    if (name == ".env") return true;
    if (name.starts_with(".env.")) {
        // `.env.local`, `.env.production`: yes; `.env.js` or `.env.json` are code or data about it.
        static constexpr std::array<std::string_view, 22> kNot = {
            "js", "mjs", "cjs", "ts", "jsx", "tsx", "py", "rb", "go", "rs", "java", "json", "yaml", "yml", "toml",
            "sh", "md", "html", "xml", "lock", "swp", "bak"};
        std::string_view rest = std::string_view(name).substr(5);
        std::string_view ext = rest.substr(rest.rfind('.') == std::string_view::npos ? 0 : rest.rfind('.') + 1);
        return !rest.empty() && std::find(kNot.begin(), kNot.end(), ext) == kNot.end();
    }
    return name.size() > 4 && name.ends_with(".env");
}

// The first line that is neither blank nor a comment is `NAME=...`, `export NAME=...` or a bare
// name; an empty file counts.
bool looks_like_dotenv(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? text.size() : eol + 1;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        if (line.starts_with("export ")) line.remove_prefix(7);
        std::size_t k = 0;
        while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '_' || line[k] == '.' || line[k] == '-'))
            ++k;
        if (k == 0 || std::isdigit(static_cast<unsigned char>(line[0]))) return false;
        while (k < line.size() && line[k] == ' ') ++k;
        return k == line.size() || line[k] == '=';
    }
    return true;
}

bool is_wandb_settings(const fs::path& file) {
    return file.filename() == "settings" && file.parent_path().filename() == "wandb";
}

bool is_mlproject(const fs::path& file) { return file.filename() == "MLproject"; }

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

void load_dotenv_asset(Reader& r, const fs::path& file) {
    const Dotenv* env = r.dotenv(file);
    auto open = r.open(file);
    if (!env || !open) return;
    std::string name = file.filename().string();
    Asset a = make_asset(r, file, "dotenv/file", "dotenv/" + name, AssetClass::Other);
    a.range = Range{open->id, 0, static_cast<std::uint32_t>(open->text.size())};
    a.header_range = first_line(open->id, open->text);
    ValueMap environment;
    for (const auto& e : env->entries) environment.insert_or_assign(e.name, environment_value(e.name, e.value));
    a.attributes = Value::object({{"environment", Value::object(std::move(environment), a.range)}}, a.range);
    r.context().graph.add(std::move(a));
}

// `docker_env.environment`: ["KEY", "VALUE"] pairs, or "KEY" copied from the host.
ValueMap mlproject_environment(const Value* list, std::string_view text) {
    ValueMap out;
    if (!list) return out;
    for (const auto& item : list->items()) {
        if (item.is_list() && item.items().size() == 2) {
            const Value& k = item.items()[0];
            const Value& v = item.items()[1];
            std::string key = scalar_text(k, text);
            out.insert_or_assign(key, environment_value(key, Value::string(scalar_text(v, text), v.range)));
        } else if (item.is_string()) {
            out.insert_or_assign(item.as_string(),
                                 Value::unknown(item.as_string() + " is copied from the environment `mlflow run` runs in", item.range,
                                                UnknownCause::Input));
        }
    }
    return out;
}

void load_mlproject(Reader& r, const fs::path& file) {
    auto text = r.context().sources.read(file);
    if (!text) return;
    auto predicted = static_cast<FileId>(r.context().sources.size());
    yaml::Stream stream = yaml::parse_stream_cached(predicted, *text, r.context().cache);
    const Value* root = stream.documents.empty() ? nullptr : &stream.documents.front().root;
    bool project = root && root->is_object();
    if (!project && stream.errors.empty()) return;
    FileId id = r.add(file, std::move(*text));
    std::string_view body = r.context().sources.get(id).text;
    for (auto& e : stream.errors) r.result().syntax_errors.push_back(std::move(e));
    for (auto& w : stream.warnings) r.result().syntax_errors.push_back(std::move(w));
    if (!project) return;
    const Value* name = root->get("name");
    std::string label = name && name->is_string() && !name->as_string().empty() ? name->as_string() : "";
    if (label.empty()) {
        label = r.root_of(file);
        if (label == ".") label = fs::absolute(file).parent_path().filename().string();
    }
    Asset a = make_asset(r, file, "mlflow/MLproject", "mlproject/" + label, AssetClass::Compute);
    a.range = Range{id, 0, static_cast<std::uint32_t>(body.size())};
    a.header_range = name && name->is_string() ? name->range : first_line(id, body);
    const Value* docker = root->get("docker_env");
    ValueMap attrs;
    attrs["environment"] = Value::object(mlproject_environment(docker ? docker->get("environment") : nullptr, body),
                                         docker && docker->get("environment") ? docker->get("environment")->range : a.header_range);
    if (const Value* image = docker ? docker->get("image") : nullptr; image && image->is_string()) attrs["image"] = *image;
    if (name && name->is_string()) attrs["name"] = *name;
    if (const Value* e = root->get("entry_points")) attrs["entry_points"] = *e;
    a.attributes = Value::object(std::move(attrs), a.range);
    r.context().graph.add(std::move(a));
}

// W&B's settings file, INI as Python's configparser reads it: `[section]`, `key = value` or
// `key: value`, `#` and `;` comments.
void load_wandb(Reader& r, const fs::path& file) {
    auto open = r.open(file);
    if (!open) return;
    std::string_view t = open->text;
    static const std::map<std::string, std::string, std::less<>> kNames = {
        {"api_key", "WANDB_API_KEY"}, {"base_url", "WANDB_BASE_URL"}, {"entity", "WANDB_ENTITY"},
        {"mode", "WANDB_MODE"},       {"project", "WANDB_PROJECT"}};
    ValueMap environment, settings;
    std::string section;
    for (std::size_t pos = 0; pos < t.size();) {
        std::size_t eol = t.find('\n', pos);
        std::size_t end = eol == std::string_view::npos ? t.size() : eol;
        std::size_t begin = pos;
        pos = end + 1;
        while (begin < end && std::isspace(static_cast<unsigned char>(t[begin]))) ++begin;
        std::string_view line = t.substr(begin, end - begin);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
        if (line.empty() || line.front() == '#' || line.front() == ';') continue;
        if (line.front() == '[') {
            if (line.back() != ']') {
                r.result().syntax_errors.push_back({Range{open->id, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin)},
                                                    "a section header must end with ]"});
                continue;
            }
            section = trim(line.substr(1, line.size() - 2));
            continue;
        }
        std::size_t sep = line.find_first_of("=:");
        if (sep == std::string_view::npos || sep == 0) {
            r.result().syntax_errors.push_back(
                {Range{open->id, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin)}, "expected key = value"});
            continue;
        }
        if (section != "default") continue;
        std::string key = trim(line.substr(0, sep));
        std::size_t vb = begin + sep + 1;
        std::size_t ve = begin + line.size();
        while (vb < ve && std::isspace(static_cast<unsigned char>(t[vb]))) ++vb;
        Value v = Value::string(std::string(t.substr(vb, ve - vb)), Range{open->id, static_cast<std::uint32_t>(vb), static_cast<std::uint32_t>(ve)});
        auto it = kNames.find(key);
        settings.insert_or_assign(key, it != kNames.end() ? environment_value(it->second, v) : v);
        if (it != kNames.end()) environment.insert_or_assign(it->second, environment_value(it->second, v));
    }
    Asset a = make_asset(r, file, "wandb/settings", "wandb/settings", AssetClass::Other);
    a.range = Range{open->id, 0, static_cast<std::uint32_t>(t.size())};
    a.header_range = first_line(open->id, t);
    a.attributes = Value::object({{"environment", Value::object(std::move(environment), a.range)},
                                  {"settings", Value::object(std::move(settings), a.range)}},
                                 a.range);
    r.context().graph.add(std::move(a));
}

bool secret_name(std::string_view name) {
    std::string up;
    for (char c : name) up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (std::string_view s : {"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "CREDENTIAL"})
        if (up.find(s) != std::string::npos) return true;
    return up.ends_with("_KEY");
}

}  // namespace

bool is_compose_file(const fs::path& file) {
    std::string name = file.filename().string();
    if (!yaml_ext(name)) return false;
    std::string stem = name.substr(0, name.rfind('.'));
    if (stem == "compose" || stem == "docker-compose") return true;
    // Overrides: `docker-compose.prod.yml`, and the common `docker-compose-dev.yml` run with `-f`.
    return stem.starts_with("compose.") || stem.starts_with("docker-compose.") || stem.starts_with("docker-compose-");
}

bool MlopsFrontend::claims(const fs::path& file, const std::function<std::string_view()>& head) const {
    if (is_compose_file(file) || is_mlproject(file) || is_wandb_settings(file)) return true;
    std::string name = file.filename().string();
    if (!is_dotenv_name(name)) return false;
    std::string_view h = head();
    // The head may end inside a line: judge only the lines it holds whole.
    if (h.size() >= 4096 && h.rfind('\n') != std::string_view::npos) h = h.substr(0, h.rfind('\n'));
    return looks_like_dotenv(h);
}

void MlopsFrontend::load(LoadContext& context) {
    Reader reader(context);
    for (const auto& f : context.files) {
        if (is_compose_file(f)) load_compose(reader, f);
        else if (is_mlproject(f)) load_mlproject(reader, f);
        else if (is_wandb_settings(f)) load_wandb(reader, f);
        else load_dotenv_asset(reader, f);
    }
}

// --- Reader and shared helpers ---

bool Reader::inside_root(const fs::path& abs) const {
    std::error_code ec;
    fs::path root = fs::weakly_canonical(fs::absolute(context_.root), ec);
    fs::path real = fs::weakly_canonical(fs::absolute(abs), ec);
    if (ec) return false;
    auto rel = real.lexically_relative(root);
    return !rel.empty() && *rel.begin() != "..";
}

bool Reader::beside_piped(const fs::path& abs) const {
    fs::path key = fs::absolute(abs).lexically_normal();
    auto provided = context_.sources.provided_in(key.parent_path());
    return provided && std::find(provided->begin(), provided->end(), key) == provided->end();
}

std::optional<OpenFile> Reader::open(const fs::path& abs) {
    fs::path key = fs::absolute(abs).lexically_normal();
    if (auto it = ids_.find(key); it != ids_.end()) return OpenFile{it->second, context_.sources.get(it->second).text};
    // A piped buffer is read alone: nothing beside its name on disk joins it.
    if (beside_piped(key)) return std::nullopt;
    std::error_code ec;
    if (!context_.sources.provided_in(key.parent_path()) && !fs::is_regular_file(key, ec)) return std::nullopt;
    auto text = context_.sources.read(key);
    if (!text) return std::nullopt;
    FileId id = add(key, std::move(*text));
    return OpenFile{id, context_.sources.get(id).text};
}

FileId Reader::add(const fs::path& abs, std::string text) {
    fs::path key = fs::absolute(abs).lexically_normal();
    FileId id = context_.sources.add(shown(key), key.string(), std::move(text));
    ids_[key] = id;
    return id;
}

const Dotenv* Reader::dotenv(const fs::path& abs) {
    fs::path key = fs::absolute(abs).lexically_normal();
    if (auto it = dotenvs_.find(key); it != dotenvs_.end()) return &it->second;
    auto file = open(key);
    if (!file) return nullptr;
    Dotenv parsed = parse_dotenv(file->id, file->text, key.filename().string());
    for (const auto& e : parsed.errors) context_.result.syntax_errors.push_back(e);
    return &dotenvs_.emplace(key, std::move(parsed)).first->second;
}

std::string Reader::root_of(const fs::path& abs) const {
    std::string dir = fs::path(shown(abs)).parent_path().generic_string();
    return dir.empty() ? "." : dir;
}

Asset make_asset(const Reader& reader, const fs::path& file, std::string type, std::string address, AssetClass c) {
    Asset a;
    a.format = "mlops";
    a.root = reader.root_of(file);
    a.type = std::move(type);
    a.address = std::move(address);
    a.asset_class = c;
    a.location = Value::null();
    a.location_applies = false;
    return a;
}

Range first_line(FileId id, std::string_view text) {
    std::size_t eol = text.find('\n');
    std::size_t end = eol == std::string_view::npos ? text.size() : eol;
    if (end > 0 && text[end - 1] == '\r') --end;
    return Range{id, 0, static_cast<std::uint32_t>(end)};
}

Value environment_value(std::string_view name, const Value& v) {
    if (!v.is_string() || v.as_string().empty() || !secret_name(name)) return v;
    return Value::unknown("the value of a secret, which is not read", v.range, UnknownCause::Input).with_provenance(v.provenance);
}

std::string scalar_text(const Value& v, std::string_view text) {
    if (v.is_string()) return v.as_string();
    if (v.is_null() && v.range.begin == v.range.end) return "";
    if (v.range.end <= text.size() && v.range.begin < v.range.end) return std::string(text.substr(v.range.begin, v.range.end - v.range.begin));
    return v.display();
}

std::optional<std::uint32_t> verbatim_begin(const Value& v, std::string_view text) {
    if (!v.is_string() || v.range.end > text.size() || v.range.begin > v.range.end) return std::nullopt;
    std::string_view raw = text.substr(v.range.begin, v.range.end - v.range.begin);
    std::uint32_t begin = v.range.begin;
    if (!raw.empty() && (raw.front() == '"' || raw.front() == '\'')) {
        if (raw.size() < 2 || raw.back() != raw.front()) return std::nullopt;
        raw = raw.substr(1, raw.size() - 2);
        ++begin;
    }
    if (raw != v.as_string()) return std::nullopt;
    return begin;
}

}  // namespace residency::mlops
