// Built-in catalog: every public region of AWS, Google Cloud and Azure with its country, the
// jurisdictions countries belong to (each country, `eu`, `eea`), Google multi- and dual-regions,
// and Azure region pairs. Facts from shared/reference/regions.md.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace residency::catalog {

// Cloud names as used throughout: "aws", "google", "azure", and the clouds of more_clouds_data.cpp.
struct Region {
    std::string_view cloud;
    std::string_view code;       // canonical: aws "eu-west-1", google "europe-west4", azure "westeurope"
    std::string_view name;       // "Europe (Ireland)", "Eemshaven", "West Europe"
    std::string_view country;    // ISO 3166-1 alpha-2, upper case ("GB" for the UK)
    std::string_view partition;  // aws partition ("aws", "aws-cn", ...); "" elsewhere
};

enum class PlaceKind { Region, Zone, DualRegion, MultiRegion };

// What a location code written in configuration denotes.
struct Place {
    PlaceKind kind = PlaceKind::Region;
    std::string cloud;
    std::string code;                    // canonical form of what was written ("EUR4", "europe-west4")
    std::string description;             // "Google Cloud dual-region EUR4 (europe-north1 + europe-west4)"
    std::vector<const Region*> members;  // regions it spans (empty for multi-regions whose members are unpublished)
    std::vector<std::string> countries;  // sorted, upper case; empty when not published
    std::vector<std::string> within;     // jurisdictions the whole place lies in, sorted, lower case ("de", "eea", "eu")

    bool inside(std::string_view jurisdiction) const;  // jurisdiction is lower case
};

// Case-insensitive; Azure codes are also normalised as azurerm does ("West Europe" -> westeurope).
const Region* find_region(std::string_view cloud, std::string_view code);
// Resolves a region, a zone (google "europe-west4-a", aws "eu-west-1a"), a Google multi-region
// or dual-region. nullopt when the code is not in the catalog.
std::optional<Place> resolve(std::string_view cloud, std::string_view code);

std::span<const Region> regions();  // sorted by cloud, then code
// "aws", "google", "azure", "alibaba", "digitalocean", "hetzner", "ibm", "ionos", "oci", "ovh",
// "scaleway", "stackit"; also by their Terraform provider names ("hcloud", "alicloud", "ionoscloud").
bool knows_cloud(std::string_view cloud);
// "AWS", "Hetzner Cloud", "OVHcloud"; "" for a cloud the catalog does not know.
std::string_view cloud_label(std::string_view cloud);
std::span<const Region> regions(std::string_view cloud);

// Jurisdictions: every country code (lower case) that has a region, plus `eu` and `eea`.
struct Jurisdiction {
    std::string_view code;  // "eu", "de", "us"
    std::string_view name;  // "European Union", "Germany", "United States"
};
std::span<const Jurisdiction> jurisdictions();  // sorted by code
bool is_jurisdiction(std::string_view code);    // case-insensitive
// The jurisdictions a country (upper or lower case) belongs to, sorted: "DE" -> {"de", "eea", "eu"}.
std::vector<std::string> jurisdictions_of_country(std::string_view country);
std::string_view country_name(std::string_view country);  // "Germany"; "" when unknown

// The fixed secondary region of an Azure region (geo-redundant storage copies go there);
// nullopt for unpaired regions.
std::optional<std::string_view> azure_pair(std::string_view region);

// Google Cloud multi-regions and predefined dual-regions, for `residency regions`.
struct LocationGroup {
    std::string_view cloud;
    std::string_view code;
    std::string_view kind;                 // "multi-region" | "dual-region"
    std::string_view description;
    std::vector<std::string_view> members;  // region codes; empty when unpublished
};
std::span<const LocationGroup> location_groups();

// A place spanning the given regions of one cloud (a configurable dual-region's data_locations, the
// replicas of a custom Spanner instance configuration): its countries are the members' and it lies
// within the jurisdictions all members share. nullopt when a region is not in the catalog.
std::optional<Place> place_of_regions(std::string_view cloud, std::string code, PlaceKind kind,
                                      std::span<const std::string> regions, std::string description);
// A Google Spanner base instance configuration: "regional-<region>" is that region. The member
// regions of the multi-region configurations (nam3, eur6, ...) are not in the catalog: nullopt.
std::optional<Place> resolve_spanner_config(std::string_view config);

}  // namespace residency::catalog
