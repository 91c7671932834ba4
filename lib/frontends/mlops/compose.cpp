// Compose files: one asset per service, with its environment (env_file files, then
// `environment`), its command words and image, interpolated from the `.env` beside the file as
// `docker compose` does.
#include <cctype>

#include "frontends/kubernetes/yaml_codec.hpp"
#include "frontends/mlops/reader.hpp"

namespace residency::mlops {

namespace fs = std::filesystem;

namespace {

struct ComposeFile {
    ComposeFile(Reader& r, fs::path p) : reader(r), path(std::move(p)) {}
    ComposeFile(const ComposeFile&) = delete;  // `in` refers to `variables`
    ComposeFile& operator=(const ComposeFile&) = delete;

    Reader& reader;
    fs::path path;
    FileId id = kNoFile;
    std::string_view text;
    std::string name;  // the file name: addresses use it
    Variables variables;
    Interpolation in{variables, ".env", ""};

    // A string as compose reads it: interpolated; `errors` false when another copy reports them.
    Value read(std::string_view s, Range r, bool errors = false) {
        if (!has_interpolation(s)) return Value::string(std::string(s), r);
        return interpolate(s, r, in, errors ? &reader.result().syntax_errors : nullptr);
    }
};

Range sub(FileId f, std::size_t b, std::size_t e) { return Range{f, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}; }

// The service mapping with every string interpolated (errors reported here, once).
Value interpolate_tree(ComposeFile& c, const Value& v) {
    if (v.is_string()) return c.read(v.as_string(), v.range, true).with_provenance(v.provenance);
    if (v.is_list()) {
        ValueList items;
        for (const auto& i : v.items()) items.push_back(interpolate_tree(c, i));
        return Value::list(std::move(items), v.range);
    }
    if (v.is_object()) {
        ValueMap fields;
        for (const auto& [k, f] : v.fields()) fields.emplace(k, interpolate_tree(c, f));
        return Value::object(std::move(fields), v.range);
    }
    return v;
}

// A variable named without a value (`- KEY`, `KEY:`): compose passes it from its environment,
// which holds the `.env` beside the file.
Value passed_through(ComposeFile& c, const std::string& name, Range at) {
    if (auto it = c.variables.find(name); it != c.variables.end())
        return it->second.with_provenance(prepend(name + " in " + c.in.where, it->second.range, it->second.provenance));
    return Value::unknown(name + " is passed from the environment compose runs in: " + c.in.unset_hint, at, UnknownCause::Input);
}

// The key of a service: the text before its mapping that names it.
Range key_range(const ComposeFile& c, const Value& services, const std::string& name, const Value& svc) {
    std::size_t lo = services.range.begin;
    std::size_t hi = std::max(lo, std::min<std::size_t>(svc.range.begin, c.text.size()));  // merged values lie elsewhere
    std::string_view window = c.text.substr(lo, hi - lo);
    for (std::size_t at = window.rfind(name); at != std::string_view::npos; at = at == 0 ? std::string_view::npos : window.rfind(name, at - 1)) {
        std::size_t after = at + name.size();
        while (after < window.size() && (window[after] == '"' || window[after] == '\'' || window[after] == ' ')) ++after;
        bool starts = at == 0 || std::isspace(static_cast<unsigned char>(window[at - 1])) || window[at - 1] == '"' ||
                      window[at - 1] == '\'' || window[at - 1] == '{' || window[at - 1] == ',';
        if (starts && after < window.size() && window[after] == ':') return sub(c.id, lo + at, lo + at + name.size());
    }
    return sub(c.id, svc.range.begin, svc.range.begin);
}

void add_env_files(ComposeFile& c, const std::string& service, const Value& spec, ValueMap& env, std::vector<std::string>& incomplete) {
    struct Entry {
        const Value* path;
        bool required = true;
    };
    std::vector<Entry> entries;
    if (spec.is_string()) entries.push_back({&spec});
    for (const auto& item : spec.items()) {
        if (item.is_string()) entries.push_back({&item});
        else if (const Value* p = item.get("path"); p && p->is_string()) {
            const Value* req = item.get("required");
            entries.push_back({p, !(req && req->is_bool() && !req->as_bool())});
        }
    }
    Reader& r = c.reader;
    for (const auto& e : entries) {
        Value path = c.read(e.path->as_string(), e.path->range);
        std::string what = "env_file \"" + e.path->as_string() + "\" of service " + service;
        if (!path.is_string()) {
            incomplete.push_back(what + " is not known: " + path.unknown_reason());
            continue;
        }
        fs::path abs = (c.path.parent_path() / path.as_string()).lexically_normal();
        if (!r.inside_root(abs)) {
            incomplete.push_back(what + " is outside the scan root: not read");
            r.result().unreadable_parts.push_back({e.path->range, "mlops: cannot read " + what + ": it is outside the scan root"});
            continue;
        }
        const Dotenv* d = r.dotenv(abs);
        if (!d && r.beside_piped(abs)) {
            incomplete.push_back(what + " is not read: standard input is scanned alone");
            continue;
        }
        if (!d) {
            if (!e.required) continue;
            incomplete.push_back(what + " does not exist");
            r.result().unreadable_parts.push_back(
                {e.path->range, "mlops: cannot read " + what + ": the file does not exist, so the variables it sets are unknown"});
            continue;
        }
        std::string label = "env_file " + r.shown(abs);
        for (const auto& entry : d->entries)
            env.insert_or_assign(entry.name, entry.value.with_provenance(prepend(
                                                 label, entry.value.range,
                                                 prepend("services." + service + ".env_file", e.path->range, entry.value.provenance))));
    }
}

void add_environment(ComposeFile& c, const Value& spec, ValueMap& env) {
    if (spec.is_object()) {
        for (const auto& [k, v] : spec.fields())
            env.insert_or_assign(k, v.is_null() ? passed_through(c, k, v.range) : c.read(scalar_text(v, c.text), v.range, true));
        return;
    }
    for (const auto& item : spec.items()) {
        if (item.is_list() || item.is_object()) continue;
        std::string s = scalar_text(item, c.text);
        std::size_t eq = s.find('=');
        if (eq == std::string::npos) {
            env.insert_or_assign(s, passed_through(c, s, item.range));
            continue;
        }
        Range r = item.range;
        if (auto b = verbatim_begin(item, c.text)) r = sub(c.id, *b + eq + 1, *b + s.size());
        env.insert_or_assign(s.substr(0, eq), c.read(std::string_view(s).substr(eq + 1), r, true));
    }
}

// `entrypoint` or `command`: a list of words, or a string split as compose splits it.
void add_words(ComposeFile& c, const std::string& key, const Value& spec, ValueList& argv) {
    if (spec.is_list()) {
        for (const auto& item : spec.items()) argv.push_back(c.read(scalar_text(item, c.text), item.range));
        return;
    }
    std::string s = scalar_text(spec, c.text);
    auto words = split_words(s);
    if (!words) {
        c.reader.result().syntax_errors.push_back({spec.range, "the " + key + " string has a quote that is not closed"});
        argv.push_back(Value::unknown("the " + key + " string has a quote that is not closed", spec.range, UnknownCause::Error));
        return;
    }
    auto begin = verbatim_begin(spec, c.text);
    for (const auto& w : *words) {
        Range r = begin ? sub(c.id, *begin + w.begin, *begin + w.end) : spec.range;
        Value v = c.read(w.text, r);
        // compose splits after interpolating: a value with spaces in an unquoted word is several words.
        if (!w.quoted && v.is_string() && has_interpolation(w.text) && v.as_string().find_first_of(" \t\n") != std::string::npos) {
            if (auto parts = split_words(v.as_string()))
                for (const auto& p : *parts) argv.push_back(Value::string(p.text, r).with_provenance(v.provenance));
            continue;
        }
        argv.push_back(std::move(v));
    }
}

void add_service(ComposeFile& c, const Value& services, const std::string& name, const Value& svc) {
    Reader& r = c.reader;
    Asset a = make_asset(r, c.path, "compose/service", "compose/" + c.name + "/" + name, AssetClass::Compute);
    a.header_range = key_range(c, services, name, svc);
    a.range = sub(c.id, a.header_range.begin, std::max(svc.range.end, a.header_range.end));
    ValueMap attrs, env;
    std::vector<std::string> incomplete;
    if (const Value* f = svc.get("env_file")) add_env_files(c, name, *f, env, incomplete);
    if (const Value* e = svc.get("environment")) add_environment(c, *e, env);
    for (auto& [k, v] : env) v = environment_value(k, v);
    attrs["environment"] = Value::object(std::move(env), svc.get("environment") ? svc.get("environment")->range : a.header_range);
    ValueList argv;
    bool has_command = false;
    for (const char* key : {"entrypoint", "command"})
        if (const Value* v = svc.get(key); v && !v->is_null()) {
            has_command = true;
            add_words(c, key, *v, argv);
        }
    if (has_command) attrs["command"] = Value::list(std::move(argv), a.range);
    if (const Value* image = svc.get("image"); image && !image->is_null())
        attrs["image"] = c.read(scalar_text(*image, c.text), image->range);
    attrs["name"] = Value::string(name, a.header_range);
    ValueMap rest;
    for (const auto& [k, v] : svc.fields())
        if (k != "environment") rest.emplace(k, v);
    attrs["service"] = interpolate_tree(c, Value::object(std::move(rest), svc.range));
    if (!incomplete.empty()) {
        std::string why;
        for (const auto& i : incomplete) why += (why.empty() ? "" : "; ") + i;
        attrs["environment_incomplete"] = Value::string(why, a.header_range);
    }
    a.attributes = Value::object(std::move(attrs), a.range);
    r.context().graph.add(std::move(a));
}

}  // namespace

void load_compose(Reader& r, const fs::path& file) {
    auto text = r.context().sources.read(file);
    if (!text) return;
    auto predicted = static_cast<FileId>(r.context().sources.size());
    yaml::Stream stream = yaml::parse_stream_cached(predicted, *text, r.context().cache);
    const Value* root = stream.documents.empty() ? nullptr : &stream.documents.front().root;
    const Value* services = root ? root->get("services") : nullptr;
    bool compose = services && services->is_object();
    if (!compose && stream.errors.empty()) return;  // not a compose file
    ComposeFile c(r, file);
    c.id = r.add(file, std::move(*text));
    c.text = r.context().sources.get(c.id).text;
    c.name = file.filename().string();
    if (!compose && c.text.find("{{") != std::string_view::npos) {
        // A template (Ansible, Helm, cookiecutter) that is not YAML until rendered.
        r.result().unreadable_parts.push_back({Range{c.id, 0, 0}, "mlops: cannot read " + r.shown(file) +
                                                                     ": it holds template syntax ({{ ... }}) and is not YAML yet; "
                                                                     "render it and scan the output"});
        return;
    }
    for (auto& e : stream.errors) r.result().syntax_errors.push_back(std::move(e));
    for (auto& w : stream.warnings) r.result().syntax_errors.push_back(std::move(w));
    if (!compose) return;
    // Compose interpolates from the shell's environment and the `.env` of the project directory.
    fs::path dotenv = file.parent_path() / ".env";
    const Dotenv* d = r.inside_root(dotenv) ? r.dotenv(dotenv) : nullptr;
    if (d)
        for (const auto& e : d->entries) c.variables.insert_or_assign(e.name, e.value);
    c.in.where = d ? r.shown(dotenv) : ".env";
    c.in.unset_hint = std::string(d ? "the .env beside " + c.name + " does not set it" : "no .env beside " + c.name + " sets it") +
                      ", so it comes from the shell environment compose runs in";
    for (const auto& [name, svc] : services->fields())
        if (svc.is_object()) add_service(c, *services, name, svc);
}

}  // namespace residency::mlops
