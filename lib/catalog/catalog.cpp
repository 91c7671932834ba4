// Lookups over the built-in catalog: region codes, zones and Google location groups to places.
#include "catalog/catalog.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>

#include "catalog/region_data.hpp"

namespace residency::catalog {
namespace {

constexpr std::array<std::string_view, 3> all_clouds{"aws", "google", "azure"};

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
    return {};
}

// The clouds a query covers: the named one, or all of them when none is named.
std::span<const std::string_view> clouds_for(std::string_view cloud, std::string_view& one) {
    if (cloud.empty()) return all_clouds;
    one = canonical_cloud(cloud);
    if (one.empty()) return {};
    return {&one, 1};
}

std::string_view cloud_label(std::string_view cloud) {
    if (cloud == "aws") return "AWS";
    if (cloud == "google") return "Google Cloud";
    if (cloud == "azure") return "Azure";
    return cloud;
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

// The region of an availability zone: aws "eu-west-1a" (region ends in a digit, then one letter),
// google "europe-west4-a". Other shapes (aws Local Zones such as "us-east-1-lim-1a") are not mapped,
// because they can lie in another country than their parent region.
const Region* zone_region(std::string_view cloud, std::string_view code) {
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
                    (r.cloud == "aws" ? " availability zone " : " zone ") + p.code + " in " + region_summary(r);
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
