// Lookups over the built-in catalog: region codes, zones and Google location groups to places.
#include "catalog/catalog.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>

#include "catalog/region_data.hpp"

namespace residency::catalog {
namespace {

constexpr std::array<std::string_view, 12> all_clouds{"aws",     "google",  "azure", "alibaba", "digitalocean", "hetzner",
                                                      "ibm",     "ionos",   "oci",   "ovh",     "scaleway",     "stackit"};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_lower_letter(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// A location code folded into its catalog spelling on the stack, so lookups never allocate.
// Codes longer than any catalog entry simply do not match.
class Key {
public:
    Key(std::string_view text, bool strip_spaces, bool to_upper = false) {
        for (char c : text) {
            if (strip_spaces && c == ' ') continue;
            if (size_ == buf_.size()) {
                ok_ = false;
                return;
            }
            buf_[size_++] = to_upper ? upper(c) : lower(c);
        }
    }
    std::string_view view() const { return ok_ ? std::string_view(buf_.data(), size_) : std::string_view{}; }

private:
    std::array<char, 64> buf_{};
    std::size_t size_ = 0;
    bool ok_ = true;
};

// The canonical cloud name for what callers may write ("gcp", "AzureRM"); "" when unknown.
std::string_view canonical_cloud(std::string_view cloud) {
    if (iequals(cloud, "aws")) return "aws";
    if (iequals(cloud, "google") || iequals(cloud, "gcp")) return "google";
    if (iequals(cloud, "azure") || iequals(cloud, "azurerm")) return "azure";
    // The other clouds by their name here or their Terraform provider's ("hcloud", "alicloud").
    if (iequals(cloud, "alibaba") || iequals(cloud, "alicloud")) return "alibaba";
    if (iequals(cloud, "hetzner") || iequals(cloud, "hcloud")) return "hetzner";
    if (iequals(cloud, "ionos") || iequals(cloud, "ionoscloud")) return "ionos";
    if (iequals(cloud, "oci") || iequals(cloud, "oracle")) return "oci";
    if (iequals(cloud, "ovh") || iequals(cloud, "ovhcloud")) return "ovh";
    for (std::string_view c : {"digitalocean", "ibm", "scaleway", "stackit"})
        if (iequals(cloud, c)) return c;
    return {};
}

// The clouds a query covers: the named one, or all of them when none is named.
std::span<const std::string_view> clouds_for(std::string_view cloud, std::string_view& one) {
    if (cloud.empty()) return all_clouds;
    one = canonical_cloud(cloud);
    if (one.empty()) return {};
    return {&one, 1};
}

std::span<const Region> cloud_regions(std::string_view cloud) {
    auto all = data::regions();
    auto lo = std::partition_point(all.begin(), all.end(), [&](const Region& r) { return r.cloud < cloud; });
    auto hi = std::partition_point(lo, all.end(), [&](const Region& r) { return r.cloud == cloud; });
    return {lo, hi};
}

// `code` is already in catalog spelling (lower case, and without spaces for Azure).
const Region* lookup(std::string_view cloud, std::string_view code) {
    if (code.empty()) return nullptr;
    auto list = cloud_regions(cloud);
    auto it = std::lower_bound(list.begin(), list.end(), code,
                               [](const Region& r, std::string_view c) { return r.code < c; });
    return it != list.end() && it->code == code ? &*it : nullptr;
}

// OVHcloud names a region after its macro-region the way OVH's Manager reads it: a Local Zone
// "eu-west-lz-bru-a" by the part after "lz", a 3-AZ region "eu-west-par" (and its zones
// "eu-west-par-a") by the third part, others ("gra11", "de1", "rbx-a", "gra") by the letters
// before the first digit or dash. `code` is lower case.
const Region* ovh_macro_region(std::string_view code) {
    std::array<std::string_view, 6> parts{};
    std::size_t n = 0;
    for (std::size_t start = 0; n < parts.size();) {
        std::size_t dash = code.find('-', start);
        parts[n++] = code.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
        if (dash == std::string_view::npos) break;
        start = dash + 1;
    }
    for (std::size_t i = 0; i + 1 < n; ++i)
        if (parts[i] == "lz") return lookup("ovh", parts[i + 1]);
    if (n >= 3) return lookup("ovh", parts[2]);
    std::string_view first = parts[0];
    std::size_t letters = 0;
    while (letters < first.size() && is_lower_letter(first[letters])) ++letters;
    return letters == 0 ? nullptr : lookup("ovh", first.substr(0, letters));
}

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

// The region of a zone on the other clouds, each as its provider documents the shape: hetzner
// datacenters "nbg1-dc3"; scaleway "fr-par-1" (and the deprecated "par1", "ams1"); ibm
// "us-south-1"; stackit "eu01-1", "eu01-m"; alibaba "eu-central-1a" and "cn-beijing-b".
const Region* other_zone_region(std::string_view cloud, std::string_view code) {
    std::size_t dash = code.rfind('-');
    std::string_view head = dash == std::string_view::npos ? std::string_view{} : code.substr(0, dash);
    std::string_view tail = dash == std::string_view::npos ? std::string_view{} : code.substr(dash + 1);
    if (cloud == "hetzner") return tail.size() > 2 && tail.starts_with("dc") && all_digits(tail.substr(2)) ? lookup(cloud, head) : nullptr;
    if (cloud == "scaleway") {
        if (code == "par1") return lookup(cloud, "fr-par");
        if (code == "ams1") return lookup(cloud, "nl-ams");
        return all_digits(tail) ? lookup(cloud, head) : nullptr;
    }
    if (cloud == "ibm") return all_digits(tail) ? lookup(cloud, head) : nullptr;
    if (cloud == "stackit") return !tail.empty() && (all_digits(tail) || tail == "m") ? lookup(cloud, head) : nullptr;
    if (cloud == "alibaba" && code.size() > 2 && is_lower_letter(code.back())) {
        if (tail.size() == 1) return lookup(cloud, head);
        if (is_digit(code[code.size() - 2])) return lookup(cloud, code.substr(0, code.size() - 1));
    }
    return nullptr;
}

// The region of an availability zone: aws "eu-west-1a" (region ends in a digit, then one letter),
// google "europe-west4-a". Other shapes (aws Local Zones such as "us-east-1-lim-1a") are not mapped,
// because they can lie in another country than their parent region.
const Region* zone_region(std::string_view cloud, std::string_view code) {
    if (cloud != "aws" && cloud != "google") return other_zone_region(cloud, code);
    if (code.size() < 3 || !is_lower_letter(code.back())) return nullptr;
    if (cloud == "aws") {
        auto region = code.substr(0, code.size() - 1);
        return is_digit(region.back()) ? lookup(cloud, region) : nullptr;
    }
    if (cloud == "google" && code[code.size() - 2] == '-') return lookup(cloud, code.substr(0, code.size() - 2));
    return nullptr;
}

const data::Group* find_group(std::string_view code) {
    for (const auto& g : data::google_groups())
        if (iequals(g.code, code)) return &g;
    return nullptr;
}

std::string region_summary(const Region& r) {
    return std::string(r.code) + " (" + std::string(r.name) + ", " + std::string(r.country) + ")";
}

Place region_place(const Region& r) {
    Place p;
    p.kind = PlaceKind::Region;
    p.cloud = std::string(r.cloud);
    p.code = std::string(r.code);
    p.description = std::string(cloud_label(r.cloud)) + " " + region_summary(r);
    p.members = {&r};
    p.countries = {std::string(r.country)};
    p.within = jurisdictions_of_country(r.country);
    return p;
}

Place zone_place(const Region& r, std::string_view zone) {
    Place p = region_place(r);
    p.kind = PlaceKind::Zone;
    p.code = std::string(zone);
    p.description = std::string(cloud_label(r.cloud)) +
                    (r.cloud == "aws" ? " availability zone " : r.cloud == "hetzner" ? " datacenter " : " zone ") + p.code + " in " + region_summary(r);
    return p;
}

// An OVHcloud region inside its macro-region: "OVHcloud region GRA11 in gra (Gravelines, FR)".
Place ovh_place(const Region& macro, std::string_view written) {
    Place p = region_place(macro);
    std::string code(written);
    for (char& c : code) c = upper(c);
    p.code = code;
    std::string name = std::string(macro.name) + ", " + std::string(macro.country);
    p.description = code.size() == macro.code.size() ? "OVHcloud " + code + " (" + name + ")"
                                                      : "OVHcloud region " + code + " in " + region_summary(macro);
    return p;
}

std::optional<Place> group_place(const data::Group& g) {
    Place p;
    p.cloud = "google";
    p.code = std::string(g.code);
    if (g.kind == "multi-region") {
        p.kind = PlaceKind::MultiRegion;
        p.description = "Google Cloud multi-region " + p.code + " (" + std::string(g.description) + ")";
        if (!g.country.empty()) p.countries.emplace_back(g.country);
        for (auto j : {g.jurisdiction1, g.jurisdiction2})
            if (!j.empty()) p.within.emplace_back(j);
        return p;
    }
    const Region* first = lookup("google", g.first);
    const Region* second = lookup("google", g.second);
    if (!first || !second) return std::nullopt;  // unreachable while the tables agree (unit-tested)
    p.kind = PlaceKind::DualRegion;
    p.description = "Google Cloud dual-region " + p.code + " (" + std::string(g.first) + " + " +
                    std::string(g.second) + ")";
    p.members = {first, second};
    p.countries = {std::string(first->country), std::string(second->country)};
    std::sort(p.countries.begin(), p.countries.end());
    p.countries.erase(std::unique(p.countries.begin(), p.countries.end()), p.countries.end());
    auto a = jurisdictions_of_country(first->country);
    auto b = jurisdictions_of_country(second->country);
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(p.within));
    return p;
}

bool in_sorted(std::span<const std::string_view> list, std::string_view code) {
    return std::binary_search(list.begin(), list.end(), code);
}

}  // namespace

std::string_view cloud_label(std::string_view cloud) {
    static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
        {"aws", "AWS"},           {"google", "Google Cloud"},   {"azure", "Azure"},
        {"alibaba", "Alibaba Cloud"}, {"digitalocean", "DigitalOcean"}, {"hetzner", "Hetzner Cloud"},
        {"ibm", "IBM Cloud"},     {"ionos", "IONOS Cloud"},     {"oci", "Oracle Cloud"},
        {"ovh", "OVHcloud"},      {"scaleway", "Scaleway"},     {"stackit", "STACKIT"},
    };
    auto c = canonical_cloud(cloud);
    for (const auto& [name, label] : kLabels)
        if (name == c) return label;
    return {};
}

bool Place::inside(std::string_view jurisdiction) const {
    return std::any_of(within.begin(), within.end(), [&](const std::string& j) { return iequals(j, jurisdiction); });
}

const Region* find_region(std::string_view cloud, std::string_view code) {
    std::string_view one;
    for (auto c : clouds_for(cloud, one)) {
        Key key(code, c == "azure");
        if (const Region* r = lookup(c, key.view())) return r;
    }
    return nullptr;
}

std::optional<Place> resolve(std::string_view cloud, std::string_view code) {
    std::string_view one;
    for (auto c : clouds_for(cloud, one)) {
        Key key(code, c == "azure");
        if (c == "ovh") {  // macro-regions are named upper case, as OVH writes them ("GRA", "GRA11")
            if (const Region* r = ovh_macro_region(key.view())) return ovh_place(*r, key.view());
            continue;
        }
        if (const Region* r = lookup(c, key.view())) return region_place(*r);
        if (const Region* r = zone_region(c, key.view())) return zone_place(*r, key.view());
        if (c == "google")
            if (const data::Group* g = find_group(code)) return group_place(*g);
    }
    return std::nullopt;
}

std::span<const Region> regions() { return data::regions(); }

bool knows_cloud(std::string_view cloud) { return !regions(cloud).empty(); }

std::span<const Region> regions(std::string_view cloud) {
    auto c = canonical_cloud(cloud);
    return c.empty() ? std::span<const Region>{} : cloud_regions(c);
}

std::span<const Jurisdiction> jurisdictions() { return data::jurisdictions(); }

bool is_jurisdiction(std::string_view code) {
    Key key(code, false);
    auto list = data::jurisdictions();
    auto it = std::lower_bound(list.begin(), list.end(), key.view(),
                               [](const Jurisdiction& j, std::string_view c) { return j.code < c; });
    return !key.view().empty() && it != list.end() && it->code == key.view();
}

std::vector<std::string> jurisdictions_of_country(std::string_view country) {
    if (country.size() != 2) return {};
    Key key(country, false, true);
    auto code = key.view();
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return {};
    std::vector<std::string> out{{lower(code[0]), lower(code[1])}};
    bool eu = in_sorted(data::eu_members(), code);
    if (eu || in_sorted(data::eea_only(), code)) out.emplace_back("eea");
    if (eu) out.emplace_back("eu");
    std::sort(out.begin(), out.end());
    return out;
}

std::string_view country_name(std::string_view country) {
    Key key(country, false, true);
    auto list = data::countries();
    auto it = std::lower_bound(list.begin(), list.end(), key.view(),
                               [](const data::Country& c, std::string_view k) { return c.code < k; });
    return !key.view().empty() && it != list.end() && it->code == key.view() ? it->name : std::string_view{};
}

std::optional<std::string_view> azure_pair(std::string_view region) {
    Key key(region, true);
    auto list = data::azure_pairs();
    auto it = std::lower_bound(list.begin(), list.end(), key.view(),
                               [](const data::AzurePair& p, std::string_view k) { return p.region < k; });
    if (key.view().empty() || it == list.end() || it->region != key.view()) return std::nullopt;
    return it->pair;
}

std::span<const LocationGroup> location_groups() {
    static const std::vector<LocationGroup> groups = [] {
        std::vector<LocationGroup> out;
        for (const auto& g : data::google_groups()) {
            LocationGroup lg{"google", g.code, g.kind, g.description, {}};
            if (!g.first.empty()) lg.members = {g.first, g.second};
            out.push_back(std::move(lg));
        }
        return out;
    }();
    return groups;
}

}  // namespace residency::catalog
