// Internal to lib/catalog: the static fact tables behind catalog.hpp (see region_data.cpp).
#pragma once

#include <span>
#include <string_view>

#include "catalog/catalog.hpp"

namespace residency::catalog::data {

struct Country {
    std::string_view code;  // ISO 3166-1 alpha-2, upper case
    std::string_view name;
};

// An Azure region and the region its geo-redundant copies go to; one-way pairs appear once.
struct AzurePair {
    std::string_view region;
    std::string_view pair;
};

// A Google Cloud multi-region or predefined dual-region. Dual-regions list their two members;
// multi-regions list the countries and jurisdictions Google states for them (none when unstated).
struct Group {
    std::string_view code;  // upper case
    std::string_view kind;  // "multi-region" | "dual-region"
    std::string_view description;
    std::string_view first;   // member regions of a dual-region
    std::string_view second;
    std::string_view country;        // the one country a multi-region lies in, or ""
    std::string_view jurisdiction1;  // jurisdictions a multi-region lies in, sorted, or ""
    std::string_view jurisdiction2;
};

std::span<const Region> regions();              // sorted by cloud, then code; every cloud
std::span<const Region> more_cloud_regions();   // the clouds beyond AWS, Google and Azure, unsorted
std::span<const Country> countries();           // sorted by code
std::span<const Jurisdiction> jurisdictions();  // sorted by code
std::span<const std::string_view> eu_members();    // sorted, upper case
std::span<const std::string_view> eea_only();      // EEA members outside the EU, sorted
std::span<const AzurePair> azure_pairs();       // sorted by region
std::span<const Group> google_groups();         // sorted by code

}  // namespace residency::catalog::data
