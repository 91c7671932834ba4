// Loads Terraform directories: parses files, works out which directories are root modules,
// collects variable values, instantiates modules and turns resource instances into assets.
#include "frontends/terraform/terraform.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "cache/file_cache.hpp"
#include "catalog/resource_types.hpp"
#include "core/parallel.hpp"
#include "frontends/terraform/syntax/hcl_codec.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"
#include "frontends/terraform/modules/instances.hpp"
#include "frontends/terraform/syntax/tf_json.hpp"

namespace residency::terraform {

namespace fs = std::filesystem;

namespace {


// A scope for tfvars files and --var values: they may not refer to anything.
class NoScope : public hcl::Scope {
public:
    Value resolve(std::string_view root, std::span<const hcl::TraversalStep>, Range range, std::size_t& consumed) override {
        consumed = 0;
        return Value::unknown(fmt::format("variable values cannot refer to \"{}\"", root), range);
    }
};

struct Loader {
    const fs::path& root;
    const Options& options;
    const DisplayPath& display;
    unsigned jobs;
    SourceSet& sources;
    Graph& graph;
    LoadResult& result;
    std::map<fs::path, std::unique_ptr<ModuleConfig>> configs;
    // Roots whose syntax trees were freed once judged: their files, should a module call them.
    std::map<fs::path, std::vector<FileId>> released;

    bool linked_past_root(const fs::path& path) const {
        std::error_code ec;
        fs::path abs = fs::absolute(path, ec).lexically_normal();
        fs::path base = fs::absolute(root, ec).lexically_normal();
        auto a = abs.begin();
        fs::path prefix;
        for (auto b = base.begin(); a != abs.end() && b != base.end() && *a == *b; ++a, ++b) prefix /= *a;
        for (; a != abs.end(); ++a) {
            prefix /= *a;
            if (fs::is_symlink(prefix, ec)) return true;
        }
        return false;
    }

    // Untrusted repositories may hold symlinks to anywhere: a file is read only when what it
    // really is lies inside the scan root.
    bool inside_root(const fs::path& path) const {
        std::error_code ec;
        // Asked to follow modules outside the root: their files are read, but a symlink still
        // never leads anywhere else: neither the file nor any directory on its path past the part
        // it shares with the root (a link to a directory outside was followed before).
        if (options.allow_outside_root && !linked_past_root(path)) return true;
        fs::path real = fs::weakly_canonical(path, ec);
        if (ec) return false;
        fs::path rel = real.lexically_relative(fs::weakly_canonical(root, ec));
        return !rel.empty() && !rel.native().starts_with("..");
    }

    FileId add_source(const fs::path& path) {
        auto text = sources.read(path);
        return sources.add(display(path), path.string(), text ? std::move(*text) : std::string());
    }

    hcl::ParsedFile parse_source(FileId id) const {
        const SourceFile& file = sources.get(id);
        std::string name = fs::path(file.abs_path).filename().string();
        // Terraform's JSON syntax: .tf.json configuration, and tfvars (.tfvars.json, or any --var-file
        // ending in .json) as literal JSON values.
        char kind = name.ends_with(".tf.json") ? 'j' : name.ends_with(".json") ? 'v' : 'h';
        // The tree is a function of the bytes and the kind alone: a cached one stands for parsing.
        // A parse that ran out of its time budget depends on timing: never stored.
        return parse_through(
            cache, kind, file.text,
            [&] {
                return kind == 'j'   ? parse_tf_json(id, file.text)
                       : kind == 'v' ? parse_tfvars_json(id, file.text)
                                     : hcl::parse_hcl(id, file.text);
            },
            [&](std::string_view blob) { return hcl::decode(blob, id); },
            [](const hcl::ParsedFile& parsed) { return parsed.timed_out ? std::nullopt : hcl::encode(parsed); });
    }

    void record_errors(const hcl::ParsedFile& parsed) {
        for (const auto& e : parsed.errors) result.syntax_errors.push_back({e.range, e.message});
    }

    hcl::ParsedFile parse_file(const fs::path& path) {
        hcl::ParsedFile parsed = parse_source(add_source(path));
        record_errors(parsed);
        return parsed;
    }

    std::vector<fs::path> configuration_files(const fs::path& dir) const {
        std::vector<fs::path> files;
        // Content given in memory (standard input) is the directory's whole configuration.
        if (auto provided = sources.provided_in(dir)) {
            for (const auto& f : *provided)
                if (is_configuration_file(f)) files.push_back(f);
            return files;
        }
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.is_regular_file(ec) && is_configuration_file(entry.path()) && inside_root(entry.path()))
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        return files;
    }

    void add_config(const fs::path& dir, std::vector<hcl::ParsedFile> files) {
        auto config = std::make_unique<ModuleConfig>();
        config->dir = dir;
        std::string shown = display(dir);
        config->display = shown.empty() ? "." : shown;
        config->files = std::move(files);
        index_declarations(*config);
        configs[dir] = std::move(config);
    }

    // A module directory found only through a module call, read when first needed.
    void read_dir(const fs::path& dir) {
        std::vector<hcl::ParsedFile> parsed;
        for (const auto& f : configuration_files(dir)) parsed.push_back(parse_file(f));
        add_config(dir, std::move(parsed));
    }

    // The scanned directories, parsed in parallel: parsing is most of a scan's time, and each
    // file is independent (parsers are per thread). Sources are added and errors recorded in
    // file order, so the output does not depend on scheduling.
    //
    // With several directories, roots are evaluated one after the other, and trees take about six
    // times their text: held all at once they were most of a scan's peak memory. So each tree is
    // packed (hcl_codec, about the size of its text) as soon as it is parsed, and unpacked when its
    // root or a module call needs it. Only the module calls are kept aside, to tell roots from modules.
    void read_dirs(const std::vector<fs::path>& dirs) {
        std::vector<std::pair<std::size_t, FileId>> ids;  // (dir index, file)
        for (std::size_t d = 0; d < dirs.size(); ++d)
            for (const auto& f : configuration_files(dirs[d])) ids.emplace_back(d, add_source(f));
        bool pack = dirs.size() > 1;
        std::vector<hcl::ParsedFile> parsed(ids.size());
        std::vector<std::optional<std::string>> blobs(ids.size());
        std::vector<std::vector<std::pair<std::string, std::string>>> calls(ids.size());  // (label, source)
        parallel_for(ids.size(), jobs, [&](std::size_t i) {
            parsed[i] = parse_source(ids[i].second);
            if (!pack) return;
            // The module calls as index_declarations keeps them (one label; the first of a name).
            for (const auto& block : parsed[i].body.blocks)
                if (block.type == "module" && block.labels.size() == 1)
                    calls[i].emplace_back(block.labels[0], module_source(block));
            if (!parsed[i].timed_out) blobs[i] = hcl::encode(parsed[i]);
            if (blobs[i]) parsed[i].body = {};
        });
        std::vector<Packed> per_dir(dirs.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            record_errors(parsed[i]);
            Packed& dir = per_dir[ids[i].first];
            dir.files.push_back(std::move(parsed[i]));
            dir.blobs.push_back(std::move(blobs[i]));
            for (auto& [label, source] : calls[i]) dir.calls.emplace(std::move(label), std::move(source));
        }
        for (std::size_t d = 0; d < dirs.size(); ++d) {
            Packed& dir = per_dir[d];
            if (std::none_of(dir.blobs.begin(), dir.blobs.end(), [](const auto& b) { return b.has_value(); }))
                add_config(dirs[d], std::move(dir.files));
            else
                packed.insert_or_assign(dirs[d], std::move(dir));
        }
    }

    // The directories a scanned one calls as local modules.
    std::vector<fs::path> local_calls(const fs::path& dir) const {
        std::vector<fs::path> out;
        auto add = [&](const std::string& source) {
            if (auto local = local_module_dir(dir, source); local && *local != dir) out.push_back(*local);
        };
        if (auto p = packed.find(dir); p != packed.end()) {
            for (const auto& [label, source] : p->second.calls) add(source);
        } else if (auto c = configs.find(dir); c != configs.end()) {
            for (const auto& [name, call] : c->second->module_calls) add(module_source(*call));
        }
        return out;
    }

    bool has_files(const fs::path& dir) const {
        if (auto p = packed.find(dir); p != packed.end()) return !p->second.files.empty();
        auto c = configs.find(dir);
        return c != configs.end() && !c->second->files.empty();
    }

    // A packed directory's trees, back (see read_dirs). The packed form is kept: once the root
    // that called the directory as a module is done, `pack_again` frees its trees.
    void unpack(const fs::path& dir) {
        auto p = packed.find(dir);
        if (p == packed.end()) return;
        Packed& dir_files = p->second;
        std::vector<hcl::ParsedFile> files;
        files.reserve(dir_files.files.size());
        for (std::size_t i = 0; i < dir_files.files.size(); ++i) {
            const hcl::ParsedFile& kept = dir_files.files[i];
            std::optional<hcl::ParsedFile> tree;
            if (dir_files.blobs[i]) tree = hcl::decode(*dir_files.blobs[i], kept.file);
            // Never expected (the bytes were just encoded); a parse gives the same tree.
            else tree = kept;
            files.push_back(tree ? std::move(*tree) : parse_source(kept.file));
        }
        unpacked.insert_or_assign(dir, std::move(dir_files));
        packed.erase(p);
        add_config(dir, std::move(files));
    }

    // The trees of every directory unpacked since the last call, packed again, but `keep`'s: a
    // module called by many roots (cloud-foundation-fabric's, called by every blueprint) would
    // otherwise hold its trees, six times its text, to the end of the scan.
    void pack_again(const fs::path& keep) {
        for (auto& [dir, dir_files] : unpacked) {
            if (dir == keep) continue;
            configs.erase(dir);
            packed.insert_or_assign(dir, std::move(dir_files));
        }
        unpacked.clear();
    }

    void add_values(const hcl::ParsedFile& file, std::map<std::string, RootValue>& values) {
        NoScope scope;
        // The file name alone: the related location beside it shows the full path.
        std::string label = fs::path(sources.get(file.file).path).filename().string();
        for (const auto& attr : file.body.attributes) {
            Value v = hcl::evaluate(attr.value, scope);
            v.range = attr.range;
            values[attr.name] = RootValue{std::move(v), label};
        }
    }

    std::map<std::string, RootValue> root_values(const ModuleConfig& config) {
        std::map<std::string, RootValue> values;
        std::vector<fs::path> files;
        // A directory given in memory (standard input) has no variables files beside its configuration.
        if (!sources.provided_in(config.dir)) {
            for (const char* name : {"terraform.tfvars", "terraform.tfvars.json"})
                if (std::error_code ec; fs::is_regular_file(config.dir / name, ec) && inside_root(config.dir / name))
                    files.push_back(config.dir / name);
            std::vector<fs::path> autos;
            std::error_code ec;
            for (const auto& entry : fs::directory_iterator(config.dir, ec)) {
                auto name = entry.path().filename().string();
                if (entry.is_regular_file(ec) && (name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json")) &&
                    inside_root(entry.path()))
                    autos.push_back(entry.path());
            }
            std::sort(autos.begin(), autos.end());
            files.insert(files.end(), autos.begin(), autos.end());
        }
        for (const auto& f : files) add_values(parse_file(f), values);
        for (const auto& f : var_files) add_values(*f, values);
        for (const auto& [name, value] : cli_values) values[name] = value;  // --var wins over files
        return values;
    }

    // Reads every --var once: a list or map value must parse, as `terraform plan -var` requires;
    // a typo is an error, not a string that silently stands for it.
    void read_cli_values() {
        for (const auto& v : options.vars) {
            auto eq = v.find('=');
            if (eq == std::string::npos || eq == 0) {
                result.fatal.push_back(fmt::format("--var {}: expected name=value", v));
                continue;
            }
            std::string name = v.substr(0, eq), text = v.substr(eq + 1);
            Value value = Value::string(text);
            if (!text.empty() && (text[0] == '[' || text[0] == '{')) {
                auto parsed = hcl::parse_hcl(kNoFile, "v = " + text);
                if (!parsed.errors.empty() || parsed.body.attributes.empty()) {
                    result.fatal.push_back(fmt::format("--var {}: the value is not a valid list or map: {}", name,
                                                       parsed.errors.empty() ? "empty" : parsed.errors[0].message));
                    continue;
                }
                NoScope scope;
                value = hcl::evaluate(parsed.body.attributes[0].value, scope).at(Range{});
            }
            cli_values.insert_or_assign(name, RootValue{std::move(value), "--var"});
        }
    }

    std::vector<std::unique_ptr<hcl::ParsedFile>> var_files;
    std::map<std::string, RootValue> cli_values;
    FileCache* cache = nullptr;

    struct Packed {
        std::vector<hcl::ParsedFile> files;              // errors kept; the tree too when it has no blob
        std::vector<std::optional<std::string>> blobs;   // one a file: its tree, packed
        std::map<std::string, std::string> calls;        // module label -> literal source; first one counts
    };
    std::map<fs::path, Packed> packed;
    std::map<fs::path, Packed> unpacked;  // directories unpacked for the root being evaluated
};

// Why an instance may not exist: its own count or for_each, or a module call's on the way to it,
// is not known. "" when it certainly exists.
std::string existence_condition(const ResourceInstance& r) {
    auto why = [](const Value& key, const char* meta) -> std::string {
        return key.is_unknown() ? fmt::format("{} is not known: {}", meta, key.unknown_reason()) : std::string();
    };
    std::string own = r.count_index.is_unknown() ? why(r.count_index, "count") : why(r.each_key, "for_each");
    if (!own.empty()) return own;
    for (const ModuleInstance* m = r.module; m && m->parent; m = m->parent)
        if (m->count_index.is_unknown() || m->each_key.is_unknown())
            return m->count_index.is_unknown() ? why(m->count_index, "module count") : why(m->each_key, "module for_each");
    return {};
}

// The state backend is an asset too: where the state file (which holds every secret and
// attribute of the configuration) is stored.
void add_backend(Instances& instances, ModuleInstance& root, const std::string& root_name, Graph& graph) {
    const hcl::Block* b = root.config->backend;
    if (!b) return;
    const std::string& type = b->labels[0];
    std::string cloud = type == "s3" ? "aws" : type == "gcs" ? "google" : type == "azurerm" ? "azure" : "";
    if (cloud.empty()) return;  // local, remote, http, consul...: no cloud location to judge
    Asset a;
    a.root = root_name;
    a.address = "terraform.backend." + type;
    a.type = "backend_" + type;
    a.cloud = cloud;
    a.range = b->range;
    a.header_range = b->header_range;
    ValueMap fields;
    for (const auto& attr : b->body.attributes) fields[attr.name] = instances.evaluate_in(root, attr.value);
    a.attributes = Value::object(std::move(fields), b->range);
    std::string label = fmt::format("backend \"{}\"", type);
    auto own = [&](const char* name) -> std::optional<Value> {
        const hcl::Attribute* attr = b->body.attribute(name);
        const Value* v = a.attributes.get(name);
        if (!attr || !v) return std::nullopt;
        return v->with_provenance(prepend(fmt::format("{} {}", label, name), attr->range, v->provenance));
    };
    // The bucket or account holding the state may be defined in the same configuration.
    auto located_by_name = [&](const char* attr, const char* resource_type, const char* name_attr) -> Value {
        auto bucket = own(attr);
        if (!bucket) return Value::unknown(fmt::format("{} sets no {}", label, attr), b->header_range);
        if (!bucket->is_string()) return Value::unknown(bucket->unknown_reason(), bucket->range);
        for (const auto& other : graph.assets) {
            if (other.root != root_name || other.type != resource_type) continue;
            const Value* n = other.attributes.get(name_attr);
            if (n && n->is_string() && n->as_string() == bucket->as_string() && !other.location.is_null())
                return other.location.with_provenance(prepend(fmt::format("{} {} \"{}\" is {}", label, attr, bucket->as_string(), other.address),
                                                            bucket->range, other.location.provenance));
        }
        return Value::unknown(fmt::format("the {} \"{}\" holding the state is not defined in the scanned configuration: "
                                          "add it to the scan or allow its region in the policy",
                                          attr, bucket->as_string()),
                              bucket->range);
    };
    if (type == "s3") {
        auto region = own("region");
        // A partial backend configuration leaves the region to `terraform init -backend-config`.
        a.location = region ? *region
                          : Value::unknown("backend \"s3\" sets no region here: it comes from -backend-config or "
                                           "AWS_REGION when terraform init runs",
                                           b->header_range);
        a.location_from_asset = region.has_value();
    } else if (type == "gcs") {
        a.location = located_by_name("bucket", "google_storage_bucket", "name");
    } else {
        a.location = located_by_name("storage_account_name", "azurerm_storage_account", "name");
    }
    graph.add(std::move(a));
}

// Provider-level tags merged under the resource's own, as Terraform computes `tags_all` (AWS
// default_tags) and `terraform_labels` (Google default_labels); the resource's keys win.
Value with_default_tags(Instances& instances, ResourceInstance& r, const Value& attributes, std::string_view cloud) {
    if (!r.provider || !r.provider->block || r.is_data) return attributes;
    const hcl::Body& body = r.provider->block->body;
    const hcl::Attribute* defaults_attr = nullptr;
    const char *own_name = nullptr, *merged_name = nullptr;
    if (cloud == "aws") {
        for (const auto* dt : body.blocks_of("default_tags")) defaults_attr = dt->body.attribute("tags");
        own_name = "tags";
        merged_name = "tags_all";
    } else if (cloud == "google") {
        defaults_attr = body.attribute("default_labels");
        own_name = "labels";
        merged_name = "terraform_labels";
    }
    if (!defaults_attr || attributes.get(merged_name)) return attributes;
    Value defaults = instances.evaluate_in(*r.provider->owner, defaults_attr->value);
    const Value* own = attributes.get(own_name);
    Value merged;
    if (defaults.is_unknown()) merged = defaults;
    else if (own && own->is_unknown()) merged = *own;
    else {
        ValueMap fields = defaults.fields();
        if (own)
            for (const auto& [k, v] : own->fields()) fields[k] = v;
        merged = Value::object(std::move(fields), own ? own->range : defaults.range);
    }
    merged.provenance = prepend(fmt::format("{} default tags", r.provider->label), defaults_attr->range, defaults.provenance);
    ValueMap fields = attributes.fields();
    fields[merged_name] = std::move(merged);
    Value out = Value::object(std::move(fields), attributes.range);
    return out;
}

}  // namespace

void load_configurations(const std::vector<fs::path>& dirs, const Options& options, LoadContext& context) {
    Loader loader{context.root, options, context.display, context.jobs, context.sources, context.graph, context.result, {}, {}, {}, {}, context.cache, {}, {}};
    const fs::path& root = context.root;
    SourceSet& sources = context.sources;
    Graph& graph = context.graph;
    for (const auto& f : options.var_files) {
        fs::path p(f);
        std::error_code ec;
        if (!fs::is_regular_file(p, ec)) {
            loader.result.fatal.push_back(fmt::format("--var-file {}: no such file", f));
            continue;
        }
        auto parsed = std::make_unique<hcl::ParsedFile>(loader.parse_source(loader.add_source(p)));
        // A file the user named must be read whole, or variables would silently fall back.
        if (!parsed->errors.empty()) {
            const SourceFile& file = sources.get(parsed->file);
            LineCol at = file.line_col(parsed->errors[0].range.begin);
            loader.result.fatal.push_back(
                fmt::format("{}:{}:{}: error: {}", file.path, at.line, at.column, parsed->errors[0].message));
            continue;
        }
        loader.var_files.push_back(std::move(parsed));
    }
    loader.read_cli_values();
    if (!loader.result.fatal.empty()) return;

    loader.read_dirs(dirs);

    // A directory called by another as a local module is instantiated there, not scanned alone.
    std::set<fs::path> called;
    for (const auto& dir : dirs)
        for (auto& local : loader.local_calls(dir)) called.insert(std::move(local));

    Instances instances(
        [&](const fs::path& dir) -> const ModuleConfig* {
            // A called directory outside the scanned paths (inside the root, or anywhere with
            // --allow-outside-root): read it once, when first called.
            // A root whose trees were freed, called after all from a module read later: parsed again.
            loader.unpack(dir);
            if (auto released = loader.released.find(dir); released != loader.released.end()) {
                std::vector<hcl::ParsedFile> parsed;
                for (FileId id : released->second) parsed.push_back(loader.parse_source(id));
                loader.released.erase(released);
                loader.add_config(dir, std::move(parsed));
            }
            auto it = loader.configs.find(dir);
            std::error_code ec;
            if (it == loader.configs.end() && !fs::is_directory(dir, ec)) return nullptr;
            if (it == loader.configs.end()) {
                loader.read_dir(dir);
                it = loader.configs.find(dir);
            }
            return it->second->files.empty() ? nullptr : it->second.get();
        },
        root, options.allow_outside_root);

    std::vector<fs::path> roots;
    for (const auto& d : dirs)
        if (!called.count(d.lexically_normal()) && loader.has_files(d)) roots.push_back(d);

    for (const auto& dir : roots) {
        loader.unpack(dir);
        const ModuleConfig& config = *loader.configs[dir];
        ModuleInstance* root_module = instances.add_root(config, loader.root_values(config));
        std::string root_name = config.display;
        std::vector<ResourceInstance*> made;
        instances.for_each_module(*root_module, [&](ModuleInstance& m) {
            for (auto* groups : {&m.resources, &m.data})
                for (auto& [key, group] : *groups) {
                    instances.expand(group, m);
                    for (auto& inst : group.instances) made.push_back(inst.get());
                }
        });
        // Grown once per root, not doubled while adding: a doubling copies every asset and, for a
        // moment, holds three times their memory.
        std::size_t needed = graph.assets.size() + made.size() + 1;  // +1: the backend
        if (needed > graph.assets.capacity())
            graph.assets.reserve(std::max(needed, graph.assets.capacity() + graph.assets.capacity() / 2));
        for (ResourceInstance* r : made) {
            Asset a;
            a.root = root_name;
            a.address = r->address;
            a.type = r->type;
            a.mode = r->is_data ? AssetMode::Read : AssetMode::Managed;
            a.cloud = std::string(catalog::cloud_of_type(r->type));
            a.range = r->block->range;
            a.header_range = r->block->header_range;
            a.attributes = with_default_tags(instances, *r, instances.attributes(*r), a.cloud);
            a.provider_config = r->provider ? r->provider->name : "";
            a.location = instances.region(*r);
            a.location_from_asset = r->region_from_resource;
            a.location_applies = r->location_applies;
            a.condition = existence_condition(*r);
            graph.add(std::move(a));
        }
        add_backend(instances, *root_module, root_name, graph);
        ModuleConfig& done = *loader.configs.at(root_module->config->dir);
        instances.release(*root_module);
        // Assets keep ranges and values, never pointers into a tree: the trees of the modules the
        // root called go back to their packed form, and the root's own trees go (a called
        // directory is never a root: no other root reads them).
        loader.pack_again(done.dir);
        std::vector<FileId>& ids = loader.released[done.dir];
        for (const auto& f : done.files) ids.push_back(f.file);
        done = ModuleConfig{done.dir, done.display, {}, {}, {}, {}, {}, {}, {}, {}, nullptr};
    }
    for (auto& u : instances.unavailable_calls) loader.result.unreadable_parts.push_back({u.range, std::move(u.reason)});
    for (auto& f : instances.unsupported_functions)
        if (f.range.valid()) loader.result.unsupported_functions.push_back({f.range, std::move(f.name)});
}

}  // namespace residency::terraform
