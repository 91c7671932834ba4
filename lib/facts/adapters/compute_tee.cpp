// Confidential computing: for each node pool, VM, instance template and launch template, whether it
// runs in a trusted execution environment (AMD SEV / SEV-SNP, Intel TDX), and why not. Facts from
// shared/reference/confidential-computing.md, sections 1-3, checked against the providers' schemas.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>

#include "facts/adapters/adapters.hpp"

namespace residency::adapters {
namespace {

using Tee = ComputeFact::Tee;
using Kind = ComputeFact::Kind;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// What a path of nested blocks (lists of objects: the first is read) and arguments leads to: the
// value, or the first unknown met on the way (a dynamic block, a variable with no value).
struct Found {
    const Value* value = nullptr;    // set, not null
    const Value* unknown = nullptr;  // the unknown that hides the rest of the path
    explicit operator bool() const { return value != nullptr; }
};

Found find(const Value& root, std::initializer_list<std::string_view> path) {
    const Value* v = &root;
    for (std::string_view step : path) {
        if (v->is_unknown()) return {nullptr, v};
        if (v->is_list()) {
            if (v->items().empty()) return {};
            v = &v->items().front();
            if (v->is_unknown()) return {nullptr, v};
        }
        v = v->get(step);
        if (!v || v->is_null()) return {};
    }
    if (v->is_unknown()) return {nullptr, v};
    if (v->is_list() && v->items().empty()) return {};  // no nested block written (or a dynamic one with none)
    if (v->is_list() && v->items().size() == 1 && !v->items().front().is_unknown() && v->items().front().is_object())
        return {&v->items().front(), nullptr};  // a single nested block
    return {v, nullptr};
}

ComputeFact start(const Asset& a, std::string_view mechanism, Kind kind) {
    ComputeFact c;
    c.asset = &a;
    c.mechanism = mechanism;
    c.kind = kind;
    c.range = a.header_range;
    return c;
}

bool is_true(const Found& f) { return f.value && f.value->is_bool() && f.value->as_bool(); }
std::string text(const Found& f) { return f.value && f.value->is_string() ? f.value->as_string() : std::string(); }

// A nested block that is written at all (a non-empty list of blocks, or an unknown one).
bool has_block(const Value& root, std::string_view name) {
    const Value* v = root.get(name);
    return v && !v->is_null() && (v->is_unknown() || !v->items().empty());
}

// ---- AWS: AMD SEV-SNP (cpu_options.amd_sev_snp = "enabled") on M6a, R6a and C6a only.

constexpr std::string_view kAwsSevSnpFamilies[] = {"m6a", "r6a", "c6a"};
constexpr std::string_view kAwsSevSnpWords = "M6a, R6a and C6a";

std::string aws_family(std::string_view type) { return lower(type.substr(0, type.find('.'))); }

bool aws_sev_snp_capable(std::string_view type) {
    std::string f = aws_family(type);
    return std::find(std::begin(kAwsSevSnpFamilies), std::end(kAwsSevSnpFamilies), f) != std::end(kAwsSevSnpFamilies);
}

// GPU and ML accelerator families: P (NVIDIA training), G (graphics and inference GPUs), Inf
// (Inferentia), Trn (Trainium), DL (Gaudi, Qualcomm).
bool aws_accelerator(std::string_view type) {
    std::string f = aws_family(type);
    if (f.empty()) return false;
    if (f.starts_with("inf") || f.starts_with("trn") || f.starts_with("dl")) return true;
    return (f[0] == 'p' || f[0] == 'g') && f.size() > 1 && std::isdigit(static_cast<unsigned char>(f[1]));
}

// Reads `cpu_options.amd_sev_snp` of an instance, spot request or launch template into `c`.
void aws_cpu_options(const Asset& a, ComputeFact& c) {
    Found snp = find(a.attributes, {"cpu_options", "amd_sev_snp"});
    if (snp.unknown) {
        c.tee = Tee::Unknown;
        c.reason = fmt::format("cpu_options.amd_sev_snp is not known: {}", snp.unknown->unknown_reason());
        return;
    }
    if (text(snp) == "enabled") {
        c.tee = Tee::Yes;
        c.technology = "AMD SEV-SNP";
        return;
    }
    c.tee = Tee::No;
    if (snp) {
        c.reason = fmt::format("sets cpu_options.amd_sev_snp = \"{}\"", text(snp));
        c.range = snp.value->range;
    } else {
        c.reason = "does not enable AMD SEV-SNP (no cpu_options.amd_sev_snp = \"enabled\")";
    }
}

// The asset a reference names (`aws_launch_template.gpu.id`), when it is a managed one of `type`.
const Asset* referenced(const Graph& graph, const Asset& from, const Value* v, std::string_view type) {
    if (!v || v->ref_asset.empty()) return nullptr;
    const Asset* a = graph.find(from.root, v->ref_asset);
    return a && a->type == type && a->mode == AssetMode::Managed ? a : nullptr;
}

void capable_aws(ComputeFact& c, const std::vector<std::string>& types) {
    if (types.empty()) return;
    for (const auto& t : types)
        if (aws_sev_snp_capable(t)) return;
    c.capable = kAwsSevSnpWords;
}

// An instance, a spot instance request or a launch template: its own cpu_options, or for an
// instance launched from a template of the scan with no cpu_options of its own, the template's.
ComputeFact aws_vm(const Graph& graph, const Asset& a) {
    ComputeFact c = start(a, "aws-sev-snp", Kind::Vm);
    Found type = find(a.attributes, {"instance_type"});
    const Asset* tmpl = nullptr;
    if (a.type != "aws_launch_template" && !has_block(a.attributes, "cpu_options")) {
        Found lt = find(a.attributes, {"launch_template"});
        if (lt.value) {
            Found id = find(*lt.value, {"id"});
            Found name = find(*lt.value, {"name"});
            tmpl = referenced(graph, a, id.value ? id.value : id.unknown, "aws_launch_template");
            if (!tmpl) tmpl = referenced(graph, a, name.value ? name.value : name.unknown, "aws_launch_template");
            if (!tmpl) {
                c.tee = Tee::Unknown;
                c.reason = "is launched from a launch template that is not in the scanned configuration";
                return c;
            }
        }
    }
    if (tmpl) {
        aws_cpu_options(*tmpl, c);
        c.via = tmpl;
        if (c.tee == Tee::No) c.reason = fmt::format("is launched from {}, which {}", tmpl->address, c.reason);
        if (!type) type = find(tmpl->attributes, {"instance_type"});
    } else {
        aws_cpu_options(a, c);
    }
    c.machine = text(type);
    c.accelerator = aws_accelerator(c.machine);
    if (c.tee == Tee::No && !c.machine.empty()) capable_aws(c, {c.machine});
    return c;
}

// EKS managed node groups have no TEE argument: SEV-SNP comes only from their launch template.
ComputeFact aws_node_group(const Graph& graph, const Asset& a, std::set<const Asset*>& templates) {
    ComputeFact c = start(a, "aws-sev-snp", Kind::NodePool);
    std::vector<std::string> types;
    Found list = find(a.attributes, {"instance_types"});
    if (list.value)
        for (const auto& t : list.value->items())
            if (t.is_string()) types.push_back(t.as_string());
    Found ami = find(a.attributes, {"ami_type"});
    std::string ami_type = text(ami);
    bool gpu_ami = ami_type.find("GPU") != std::string::npos || ami_type.find("NVIDIA") != std::string::npos ||
                   ami_type.find("NEURON") != std::string::npos;
    Found lt = find(a.attributes, {"launch_template"});
    if (lt.unknown) {
        c.tee = Tee::Unknown;
        c.reason = fmt::format("its launch_template is not known: {}", lt.unknown->unknown_reason());
    } else if (!lt) {
        c.tee = Tee::No;
        c.reason = "has no launch template, so its nodes launch without AMD SEV-SNP (aws_eks_node_group has no "
                   "argument of its own for it)";
    } else {
        Found id = find(*lt.value, {"id"});
        Found name = find(*lt.value, {"name"});
        const Asset* tmpl = referenced(graph, a, id.value ? id.value : id.unknown, "aws_launch_template");
        if (!tmpl) tmpl = referenced(graph, a, name.value ? name.value : name.unknown, "aws_launch_template");
        if (!tmpl) {
            c.tee = Tee::Unknown;
            c.reason = "is launched from a launch template that is not in the scanned configuration";
        } else {
            templates.insert(tmpl);
            c.via = tmpl;
            aws_cpu_options(*tmpl, c);
            if (c.tee == Tee::No)
                c.reason = fmt::format("launches its nodes from {}, which {}", tmpl->address, c.reason);
            if (types.empty())
                if (std::string t = text(find(tmpl->attributes, {"instance_type"})); !t.empty()) types.push_back(t);
        }
    }
    c.machine = types.empty() ? std::string() : types.front();
    c.accelerator = gpu_ami || std::any_of(types.begin(), types.end(), [](const std::string& t) { return aws_accelerator(t); });
    if (c.tee == Tee::No) capable_aws(c, types);
    return c;
}

// ---- Google Cloud: Confidential VMs and Confidential GKE Nodes.

constexpr std::string_view kGoogleTypes[] = {"SEV", "SEV_SNP", "TDX"};
// Families documented for Confidential VMs (SEV on N2D and C2D, SEV-SNP on N2D, TDX on C3), and
// those reported elsewhere but not confirmed (C3D, C4D, C4, A3): a machine of either set is never
// said to be unable to run confidentially.
constexpr std::string_view kGoogleCapable[] = {"n2d", "c2d", "c3", "c3d", "c4d", "c4", "a3"};
constexpr std::string_view kGoogleCapableWords = "N2D and C2D for SEV, N2D for SEV-SNP, C3 for TDX";

std::string google_family(std::string_view machine) {
    std::string m = lower(machine);
    if (auto slash = m.rfind('/'); slash != std::string::npos) m = m.substr(slash + 1);  // a machine type URL
    return m.substr(0, m.find('-'));
}

// A2, A3, A4 (NVIDIA A100, H100, B200) and G2 (L4) machines carry GPUs; any other takes them as
// guest accelerators.
bool google_accelerator(const Value& config, std::string_view machine) {
    std::string f = google_family(machine);
    if (f == "a2" || f == "a3" || f == "a4" || f == "g2") return true;
    return has_block(config, "guest_accelerator");
}

void google_capable(ComputeFact& c) {
    if (c.machine.empty()) return;
    std::string f = google_family(c.machine);
    if (std::find(std::begin(kGoogleCapable), std::end(kGoogleCapable), f) == std::end(kGoogleCapable))
        c.capable = kGoogleCapableWords;
}

// `confidential_nodes { enabled, confidential_instance_type }` at `path`: Yes, No (absent or off),
// or Unknown.
Tee confidential_nodes(const Value& root, std::initializer_list<std::string_view> path, ComputeFact& c,
                       std::string_view where) {
    std::vector<std::string_view> p(path);
    Found block = Found{};
    {
        const Value* v = &root;
        for (std::string_view step : p) {
            Found f = find(*v, {step});
            if (f.unknown) {
                c.reason = fmt::format("{} is not known: {}", where, f.unknown->unknown_reason());
                return Tee::Unknown;
            }
            if (!f) return Tee::No;
            v = f.value;
        }
        block.value = v;
    }
    Found enabled = find(*block.value, {"enabled"});
    if (enabled.unknown) {
        c.reason = fmt::format("{}.enabled is not known: {}", where, enabled.unknown->unknown_reason());
        return Tee::Unknown;
    }
    if (!is_true(enabled)) {
        if (enabled) c.range = enabled.value->range;
        return Tee::No;
    }
    std::string type = text(find(*block.value, {"confidential_instance_type"}));
    c.technology = type.empty() ? "Confidential GKE Nodes" : type;
    return Tee::Yes;
}

// A cluster's default node pool, or a separate node pool (with its cluster's setting, which covers
// every pool).
void gke(const Graph& graph, const Asset& a, std::vector<ComputeFact>& out) {
    ComputeFact c = start(a, "gke", Kind::NodePool);
    const Value& attrs = a.attributes;
    const Value* node_config = nullptr;
    if (Found nc = find(attrs, {"node_config"}); nc.value) node_config = nc.value;
    c.machine = node_config ? text(find(*node_config, {"machine_type"})) : std::string();
    c.accelerator = node_config && google_accelerator(*node_config, c.machine);

    Tee own = node_config ? confidential_nodes(*node_config, {"confidential_nodes"}, c, "node_config.confidential_nodes")
                          : Tee::No;
    if (a.type == "google_container_cluster") {
        Found autopilot = find(attrs, {"enable_autopilot"});
        if (autopilot.unknown || is_true(autopilot)) return;  // Autopilot nodes are Google's: not modelled
        Found removed = find(attrs, {"remove_default_node_pool"});
        if (removed.unknown || is_true(removed)) return;  // no default pool of its own
        Tee cluster = confidential_nodes(attrs, {"confidential_nodes"}, c, "confidential_nodes");
        c.tee = cluster == Tee::Yes || own == Tee::Yes ? Tee::Yes
                : cluster == Tee::Unknown || own == Tee::Unknown ? Tee::Unknown
                                                                 : Tee::No;
        if (c.tee == Tee::No)
            c.reason = "runs its default node pool without Confidential GKE Nodes (neither confidential_nodes nor "
                       "node_config.confidential_nodes is enabled)";
    } else {
        if (own == Tee::Yes || own == Tee::Unknown) {
            c.tee = own;
        } else if (Found explicit_off = find(attrs, {"node_config", "confidential_nodes", "enabled"}); explicit_off) {
            c.tee = Tee::No;
            c.reason = "sets node_config.confidential_nodes.enabled = false";
        } else {
            Found cluster_ref = find(attrs, {"cluster"});
            const Value* ref = cluster_ref.value ? cluster_ref.value : cluster_ref.unknown;
            const Asset* cluster = referenced(graph, a, ref, "google_container_cluster");
            if (!cluster) {
                c.tee = Tee::Unknown;
                c.reason = "its cluster is not in the scanned configuration: its confidential_nodes setting covers every pool";
            } else {
                ComputeFact k;
                Tee t = confidential_nodes(cluster->attributes, {"confidential_nodes"}, k, "confidential_nodes");
                c.tee = t;
                c.technology = k.technology;
                c.via = cluster;
                if (t == Tee::Unknown) c.reason = fmt::format("{} of {}", k.reason, cluster->address);
                if (t == Tee::No)
                    c.reason = fmt::format("runs without Confidential GKE Nodes: it sets no "
                                           "node_config.confidential_nodes and {} does not enable confidential_nodes",
                                           cluster->address);
            }
        }
    }
    if (c.tee == Tee::No) google_capable(c);
    out.push_back(std::move(c));
}

// Compute Engine instances and (regional) instance templates: confidential_instance_config.
ComputeFact gce(const Asset& a) {
    ComputeFact c = start(a, "gce", Kind::Vm);
    c.machine = text(find(a.attributes, {"machine_type"}));
    c.accelerator = google_accelerator(a.attributes, c.machine);
    Found cfg = find(a.attributes, {"confidential_instance_config"});
    if (cfg.unknown) {
        c.tee = Tee::Unknown;
        c.reason = fmt::format("confidential_instance_config is not known: {}", cfg.unknown->unknown_reason());
        return c;
    }
    if (cfg) {
        Found type = find(*cfg.value, {"confidential_instance_type"});
        Found enable = find(*cfg.value, {"enable_confidential_compute"});
        if (type.unknown || enable.unknown) {
            c.tee = Tee::Unknown;
            const Value* u = type.unknown ? type.unknown : enable.unknown;
            c.reason = fmt::format("confidential_instance_config is not known: {}", u->unknown_reason());
            return c;
        }
        std::string t = text(type);
        if (std::find(std::begin(kGoogleTypes), std::end(kGoogleTypes), t) != std::end(kGoogleTypes)) {
            c.tee = Tee::Yes;
            c.technology = t;
            return c;
        }
        if (is_true(enable)) {
            c.tee = Tee::Yes;
            c.technology = "SEV";
            return c;
        }
        c.tee = Tee::No;
        c.reason = "has a confidential_instance_config that enables no confidential computing technology";
        c.range = enable ? enable.value->range : type ? type.value->range : a.header_range;
    } else {
        c.tee = Tee::No;
        c.reason = "is not a Confidential VM (no confidential_instance_config)";
    }
    google_capable(c);
    return c;
}

// ---- Azure: confidential VM sizes (SEV-SNP: DCasv5, DCadsv5, ECasv5, ECadsv5, their _cc container
// variants, DCasv6, ECasv6, NCCadsH100v5; TDX: DCesv5, DCedsv5, ECesv5, ECedsv5, DCesv6, ECesv6).

constexpr std::string_view kAzureConfidentialWords =
    "DCasv5, DCadsv5, ECasv5, ECadsv5 and NCCadsH100v5 (AMD SEV-SNP), DCesv5, DCedsv5, ECesv5 and ECedsv5 (Intel "
    "TDX), and their v6 successors";

// "Standard_DC4as_v5" -> true. The name is series letters, vCPU count, feature letters, an optional
// "_cc" and the version.
bool azure_confidential_size(std::string_view size) {
    std::string s = lower(size);
    if (!s.starts_with("standard_")) return false;
    s = s.substr(9);
    std::size_t i = 0;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    std::string series = s.substr(0, i);
    std::size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j == i) return false;
    std::string rest = s.substr(j);  // "as_v5", "ads_cc_v5", "ads_h100_v5"
    if (series == "ncc") return rest == "ads_h100_v5";
    if (series != "dc" && series != "ec") return false;
    static constexpr std::string_view kSuffixes[] = {"as_v5", "ads_v5", "es_v5", "eds_v5", "as_cc_v5",
                                                     "ads_cc_v5", "as_v6", "es_v6"};
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), rest) != std::end(kSuffixes);
}

bool azure_accelerator(std::string_view size) { return lower(size).starts_with("standard_n"); }

// The size value at `attr`: Yes for a confidential family, No otherwise, Unknown when not known.
Tee azure_size(const Asset& a, const Value& root, std::string_view attr, ComputeFact& c) {
    Found size = find(root, {attr});
    if (size.unknown) {
        c.reason = fmt::format("{} is not known: {}", attr, size.unknown->unknown_reason());
        return Tee::Unknown;
    }
    if (!size) {
        c.reason = fmt::format("sets no {}", attr);
        return Tee::Unknown;
    }
    c.machine = text(size);
    c.accelerator = azure_accelerator(c.machine);
    if (azure_confidential_size(c.machine)) return Tee::Yes;
    c.range = size.value->range;
    c.capable = kAzureConfidentialWords;
    (void)a;
    return Tee::No;
}

// AKS: a node pool is confidential when its VM size is a confidential family.
void aks(const Asset& a, std::vector<ComputeFact>& out) {
    ComputeFact c = start(a, "aks", Kind::NodePool);
    const Value* pool = &a.attributes;
    if (a.type == "azurerm_kubernetes_cluster") {
        Found dp = find(a.attributes, {"default_node_pool"});
        if (dp.unknown) {
            c.tee = Tee::Unknown;
            c.reason = fmt::format("default_node_pool is not known: {}", dp.unknown->unknown_reason());
            out.push_back(std::move(c));
            return;
        }
        if (!dp) return;  // Terraform requires one; nothing to judge
        pool = dp.value;
    }
    c.tee = azure_size(a, *pool, "vm_size", c);
    if (c.tee == Tee::Yes) c.technology = "confidential VM size " + c.machine;
    if (c.tee == Tee::No)
        c.reason = fmt::format("{}runs on vm_size {}, which is not a confidential VM family",
                               a.type == "azurerm_kubernetes_cluster" ? "default_node_pool " : "", c.machine);
    out.push_back(std::move(c));
}

// Azure VMs and scale sets: confidential when the OS disk's security_encryption_type is set (the
// provider then asks for securityType ConfidentialVM) on a confidential size.
ComputeFact azure_vm(const Asset& a) {
    ComputeFact c = start(a, "azure-cvm", Kind::Vm);
    bool scale_set = a.type.ends_with("_scale_set");
    Tee size = azure_size(a, a.attributes, scale_set ? "sku" : "size", c);
    std::string size_reason = c.reason;
    Found enc = find(a.attributes, {"os_disk", "security_encryption_type"});
    if (enc.unknown || size == Tee::Unknown) {
        c.tee = Tee::Unknown;
        c.capable.clear();
        if (enc.unknown)
            c.reason = fmt::format("os_disk.security_encryption_type is not known: {}", enc.unknown->unknown_reason());
        return c;
    }
    if (size == Tee::No) {
        c.tee = Tee::No;
        c.reason = fmt::format("runs on size {}, which is not a confidential VM family", c.machine);
        return c;
    }
    if (!enc || text(enc).empty()) {
        c.tee = Tee::No;
        c.range = a.header_range;
        c.reason = fmt::format("runs on the confidential size {} but sets no os_disk.security_encryption_type, so "
                               "it is not created as a confidential VM",
                               c.machine);
        return c;
    }
    c.tee = Tee::Yes;
    c.technology = fmt::format("confidential VM ({}, {})", c.machine, text(enc));
    (void)size_reason;
    return c;
}

}  // namespace

void compute_tee(Facts& facts) {
    const Graph& graph = *facts.graph;
    std::set<const Asset*> node_group_templates;
    std::vector<ComputeFact> out;
    for (const Asset& a : graph.assets) {
        if (a.mode != AssetMode::Managed) continue;
        const std::string& t = a.type;
        if (t == "aws_instance" || t == "aws_spot_instance_request") out.push_back(aws_vm(graph, a));
        else if (t == "aws_eks_node_group") out.push_back(aws_node_group(graph, a, node_group_templates));
        else if (t == "aws_launch_template") out.push_back(aws_vm(graph, a));
        else if (t == "google_container_cluster" || t == "google_container_node_pool") gke(graph, a, out);
        else if (t == "google_compute_instance" || t == "google_compute_instance_template" ||
                 t == "google_compute_region_instance_template")
            out.push_back(gce(a));
        else if (t == "azurerm_kubernetes_cluster" || t == "azurerm_kubernetes_cluster_node_pool") aks(a, out);
        else if (t == "azurerm_linux_virtual_machine" || t == "azurerm_windows_virtual_machine" ||
                 t == "azurerm_linux_virtual_machine_scale_set" || t == "azurerm_windows_virtual_machine_scale_set")
            out.push_back(azure_vm(a));
    }
    // A launch template an EKS node group of the scan uses is judged as that node group.
    for (auto& c : out)
        if (!(c.asset->type == "aws_launch_template" && node_group_templates.count(c.asset))) facts.compute.push_back(std::move(c));
}

}  // namespace residency::adapters
