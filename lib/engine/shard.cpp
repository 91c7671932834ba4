#include "engine/shard.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <regex>
#include <set>
#include <string_view>

#include "core/source.hpp"

namespace residency {
namespace fs = std::filesystem;

namespace {

// Terraform resource types that Kubernetes and MLOps facts look up across the whole scan: node
// pools a workload runs on, StorageClasses a claim names, buckets an artifact URI names. A unit
// whose text names one (quoted, as a block label or a plan's "type" value) goes with the manifests.
constexpr std::array kJoinedTypes = {
    "\"google_container_node_pool\"", "\"google_container_cluster\"", "\"azurerm_kubernetes_cluster\"",
    "\"azurerm_kubernetes_cluster_node_pool\"", "\"aws_eks_node_group\"", "\"kubernetes_storage_class\"",
    "\"kubernetes_storage_class_v1\"", "\"aws_s3_bucket\"", "\"google_storage_bucket\"", "\"azurerm_storage_account\"",
};

bool is_configuration(const fs::path& file) {
    std::string name = file.filename().string();
    return name.ends_with(".tf") || name.ends_with(".tf.json");
}

// Union-find over directories; the representative is the smallest path, so that groups are
// named the same whatever order they were joined in.
struct Groups {
    std::map<fs::path, fs::path> parent;
    const fs::path& find(const fs::path& d) {
        auto it = parent.try_emplace(d, d).first;
        if (it->second == d) return it->first;
        fs::path top = find(it->second);
        it = parent.find(d);
        it->second = top;
        return it->second;
    }
    void join(const fs::path& a, const fs::path& b) {
        fs::path x = find(a), y = find(b);
        if (x == y) return;
        if (y < x) std::swap(x, y);
        parent[y] = x;
    }
};

}  // namespace

std::vector<fs::path> local_module_sources(const fs::path& dir, std::string_view text) {
    static const std::regex source_re(R"re("?source"?\s*[=:]\s*"(\.\.?/[^"]*)")re");
    std::vector<fs::path> out;
    if (text.find("source") == std::string_view::npos) return out;
    for (std::cregex_iterator m(text.data(), text.data() + text.size(), source_re), e; m != e; ++m) {
        fs::path called = (dir / (*m)[1].str()).lexically_normal();
        out.push_back(called.has_filename() ? called : called.parent_path());
    }
    return out;
}

void keep_shard(std::vector<std::map<Frontend*, std::vector<fs::path>>>& discovered, ShardSpec shard) {
    std::error_code ec;
    std::map<fs::path, std::uintmax_t> bytes;           // per directory
    std::map<fs::path, std::set<fs::path>> calls;       // Terraform directory -> local modules it calls
    std::set<fs::path> terraform, manifests, joining;   // directories; `joining`: names a joined type
    for (const auto& per_root : discovered)
        for (const auto& [frontend, files] : per_root)
            for (const auto& file : files) {
                fs::path dir = file.parent_path();
                auto size = fs::file_size(file, ec);
                // A file over the limit is never read: it weighs nothing in the split.
                bytes[dir] += ec || size > kMaxFileBytes ? 0 : size;
                if (frontend->name() != "terraform") {
                    manifests.insert(dir);
                    continue;
                }
                terraform.insert(dir);
                auto text = read_file_bytes(file);
                if (!text) continue;
                if (is_configuration(file))
                    for (auto& called : local_module_sources(dir, *text))
                        if (called != dir) calls[dir].insert(std::move(called));
                if (std::any_of(kJoinedTypes.begin(), kJoinedTypes.end(),
                                [&](const char* t) { return text->find(t) != std::string::npos; }))
                    joining.insert(dir);
            }

    // A unit is a root module with the local modules it calls, transitively: a module called by
    // roots in several shards is read in each, as context, and judged per root as one scan does.
    std::set<fs::path> called;
    for (const auto& [dir, targets] : calls) called.insert(targets.begin(), targets.end());
    auto closure = [&](const fs::path& root) {
        std::set<fs::path> seen{root};
        std::vector<fs::path> todo{root};
        while (!todo.empty()) {
            fs::path d = todo.back();
            todo.pop_back();
            if (auto it = calls.find(d); it != calls.end())
                for (const auto& c : it->second)
                    if (seen.insert(c).second) todo.push_back(c);
        }
        return seen;
    };
    Groups groups;
    std::map<fs::path, std::set<fs::path>> reads;  // unit (its first directory) -> directories it reads
    std::set<fs::path> reached;
    auto add_unit = [&](const fs::path& root) {
        std::set<fs::path> dirs = closure(root);
        reached.insert(dirs.begin(), dirs.end());
        groups.find(root);
        if (!manifests.empty() && std::any_of(dirs.begin(), dirs.end(), [&](const fs::path& d) { return joining.count(d); }))
            groups.join(*manifests.begin(), root);
        reads[root] = std::move(dirs);
    };
    for (const auto& dir : terraform)
        if (!called.count(dir)) add_unit(dir);
    // Modules only reached through a cycle of calls: read together, as one scan reads them.
    for (const auto& dir : terraform)
        if (!reached.count(dir)) add_unit(dir);
    // Manifests (Kubernetes, Helm output, MLOps) are one group, with the Terraform they may join.
    for (const auto& dir : manifests) groups.join(*manifests.begin(), dir);

    // What each group reads: Terraform directories, and the manifests' directories apart, since a
    // directory may hold both and its Terraform may be a module read only by its callers.
    std::map<fs::path, std::set<fs::path>> group_reads, group_manifests;
    for (const auto& [unit, dirs] : reads) group_reads[groups.find(unit)].insert(dirs.begin(), dirs.end());
    for (const auto& dir : manifests) group_manifests[groups.find(dir)].insert(dir);
    std::vector<std::pair<fs::path, std::uintmax_t>> order;
    if (!manifests.empty()) group_reads[groups.find(*manifests.begin())];  // manifests with no Terraform joined
    for (const auto& [group, dirs] : group_reads) {
        std::set<fs::path> all = dirs;
        all.insert(group_manifests[group].begin(), group_manifests[group].end());
        std::uintmax_t total = 0;
        for (const auto& d : all)
            if (auto it = bytes.find(d); it != bytes.end()) total += it->second;
        order.emplace_back(group, total);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::uintmax_t> load(shard.count, 0);
    std::set<fs::path> mine, my_manifests;
    for (const auto& [group, size] : order) {
        auto least = static_cast<unsigned>(std::min_element(load.begin(), load.end()) - load.begin());
        load[least] += size;
        if (least + 1 != shard.index) continue;
        mine.insert(group_reads[group].begin(), group_reads[group].end());
        my_manifests.insert(group_manifests[group].begin(), group_manifests[group].end());
    }
    for (auto& per_root : discovered)
        for (auto& [frontend, files] : per_root) {
            const std::set<fs::path>& keep = frontend->name() == "terraform" ? mine : my_manifests;
            std::erase_if(files, [&](const fs::path& file) { return !keep.count(file.parent_path()); });
        }
}

}  // namespace residency
