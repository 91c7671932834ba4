// The fact tables of the built-in catalog, transcribed from shared/reference/regions.md.
#include "catalog/region_data.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace residency::catalog::data {
namespace {

constexpr std::string_view aws = "aws";
constexpr std::string_view google = "google";
constexpr std::string_view azure = "azure";

// Regions whose country the source leaves unconfirmed (aws eu-isoe-west-1) are left out on purpose:
// a wrong country would be worse than an "unknown region" diagnostic.
constexpr std::array region_table{
    Region{aws, "af-south-1", "Africa (Cape Town)", "ZA", "aws"},
    Region{aws, "ap-east-1", "Asia Pacific (Hong Kong)", "HK", "aws"},
    Region{aws, "ap-east-2", "Asia Pacific (Taipei)", "TW", "aws"},
    Region{aws, "ap-northeast-1", "Asia Pacific (Tokyo)", "JP", "aws"},
    Region{aws, "ap-northeast-2", "Asia Pacific (Seoul)", "KR", "aws"},
    Region{aws, "ap-northeast-3", "Asia Pacific (Osaka)", "JP", "aws"},
    Region{aws, "ap-south-1", "Asia Pacific (Mumbai)", "IN", "aws"},
    Region{aws, "ap-south-2", "Asia Pacific (Hyderabad)", "IN", "aws"},
    Region{aws, "ap-southeast-1", "Asia Pacific (Singapore)", "SG", "aws"},
    Region{aws, "ap-southeast-2", "Asia Pacific (Sydney)", "AU", "aws"},
    Region{aws, "ap-southeast-3", "Asia Pacific (Jakarta)", "ID", "aws"},
    Region{aws, "ap-southeast-4", "Asia Pacific (Melbourne)", "AU", "aws"},
    Region{aws, "ap-southeast-5", "Asia Pacific (Malaysia)", "MY", "aws"},
    Region{aws, "ap-southeast-6", "Asia Pacific (New Zealand)", "NZ", "aws"},
    Region{aws, "ap-southeast-7", "Asia Pacific (Thailand)", "TH", "aws"},
    Region{aws, "ca-central-1", "Canada (Central)", "CA", "aws"},
    Region{aws, "ca-west-1", "Canada West (Calgary)", "CA", "aws"},
    Region{aws, "cn-north-1", "China (Beijing)", "CN", "aws-cn"},
    Region{aws, "cn-northwest-1", "China (Ningxia)", "CN", "aws-cn"},
    Region{aws, "eu-central-1", "Europe (Frankfurt)", "DE", "aws"},
    Region{aws, "eu-central-2", "Europe (Zurich)", "CH", "aws"},
    Region{aws, "eu-north-1", "Europe (Stockholm)", "SE", "aws"},
    Region{aws, "eu-south-1", "Europe (Milan)", "IT", "aws"},
    Region{aws, "eu-south-2", "Europe (Spain)", "ES", "aws"},
    Region{aws, "eu-west-1", "Europe (Ireland)", "IE", "aws"},
    Region{aws, "eu-west-2", "Europe (London)", "GB", "aws"},
    Region{aws, "eu-west-3", "Europe (Paris)", "FR", "aws"},
    Region{aws, "eusc-de-east-1", "AWS European Sovereign Cloud (Germany)", "DE", "aws-eusc"},
    Region{aws, "il-central-1", "Israel (Tel Aviv)", "IL", "aws"},
    Region{aws, "me-central-1", "Middle East (UAE)", "AE", "aws"},
    Region{aws, "me-south-1", "Middle East (Bahrain)", "BH", "aws"},
    Region{aws, "mx-central-1", "Mexico (Central)", "MX", "aws"},
    Region{aws, "sa-east-1", "South America (Sao Paulo)", "BR", "aws"},
    Region{aws, "us-east-1", "US East (N. Virginia)", "US", "aws"},
    Region{aws, "us-east-2", "US East (Ohio)", "US", "aws"},
    Region{aws, "us-gov-east-1", "AWS GovCloud (US-East)", "US", "aws-us-gov"},
    Region{aws, "us-gov-west-1", "AWS GovCloud (US-West)", "US", "aws-us-gov"},
    Region{aws, "us-iso-east-1", "US ISO East", "US", "aws-iso"},
    Region{aws, "us-iso-west-1", "US ISO WEST", "US", "aws-iso"},
    Region{aws, "us-isob-east-1", "US ISOB East (Ohio)", "US", "aws-iso-b"},
    Region{aws, "us-isob-west-1", "US ISOB West", "US", "aws-iso-b"},
    Region{aws, "us-isof-east-1", "US ISOF EAST", "US", "aws-iso-f"},
    Region{aws, "us-isof-south-1", "US ISOF SOUTH", "US", "aws-iso-f"},
    Region{aws, "us-west-1", "US West (N. California)", "US", "aws"},
    Region{aws, "us-west-2", "US West (Oregon)", "US", "aws"},

    Region{azure, "australiacentral", "Australia Central", "AU", ""},
    Region{azure, "australiacentral2", "Australia Central 2", "AU", ""},
    Region{azure, "australiaeast", "Australia East", "AU", ""},
    Region{azure, "australiasoutheast", "Australia Southeast", "AU", ""},
    Region{azure, "austriaeast", "Austria East", "AT", ""},
    Region{azure, "brazilsouth", "Brazil South", "BR", ""},
    Region{azure, "brazilsoutheast", "Brazil Southeast", "BR", ""},
    Region{azure, "canadacentral", "Canada Central", "CA", ""},
    Region{azure, "canadaeast", "Canada East", "CA", ""},
    Region{azure, "centralindia", "Central India", "IN", ""},
    Region{azure, "centralus", "Central US", "US", ""},
    Region{azure, "chinaeast", "China East", "CN", ""},
    Region{azure, "chinaeast2", "China East 2", "CN", ""},
    Region{azure, "chinaeast3", "China East 3", "CN", ""},
    Region{azure, "chinanorth", "China North", "CN", ""},
    Region{azure, "chinanorth2", "China North 2", "CN", ""},
    Region{azure, "chinanorth3", "China North 3", "CN", ""},
    Region{azure, "eastasia", "East Asia", "HK", ""},
    Region{azure, "eastus", "East US", "US", ""},
    Region{azure, "eastus2", "East US 2", "US", ""},
    Region{azure, "francecentral", "France Central", "FR", ""},
    Region{azure, "francesouth", "France South", "FR", ""},
    Region{azure, "germanynorth", "Germany North", "DE", ""},
    Region{azure, "germanywestcentral", "Germany West Central", "DE", ""},
    Region{azure, "indonesiacentral", "Indonesia Central", "ID", ""},
    Region{azure, "israelcentral", "Israel Central", "IL", ""},
    Region{azure, "italynorth", "Italy North", "IT", ""},
    Region{azure, "japaneast", "Japan East", "JP", ""},
    Region{azure, "japanwest", "Japan West", "JP", ""},
    Region{azure, "koreacentral", "Korea Central", "KR", ""},
    Region{azure, "koreasouth", "Korea South", "KR", ""},
    Region{azure, "malaysiawest", "Malaysia West", "MY", ""},
    Region{azure, "mexicocentral", "Mexico Central", "MX", ""},
    Region{azure, "newzealandnorth", "New Zealand North", "NZ", ""},
    Region{azure, "northcentralus", "North Central US", "US", ""},
    Region{azure, "northeurope", "North Europe", "IE", ""},
    Region{azure, "norwayeast", "Norway East", "NO", ""},
    Region{azure, "norwaywest", "Norway West", "NO", ""},
    Region{azure, "polandcentral", "Poland Central", "PL", ""},
    Region{azure, "qatarcentral", "Qatar Central", "QA", ""},
    Region{azure, "southafricanorth", "South Africa North", "ZA", ""},
    Region{azure, "southafricawest", "South Africa West", "ZA", ""},
    Region{azure, "southcentralus", "South Central US", "US", ""},
    Region{azure, "southeastasia", "Southeast Asia", "SG", ""},
    Region{azure, "southindia", "South India", "IN", ""},
    Region{azure, "spaincentral", "Spain Central", "ES", ""},
    Region{azure, "swedencentral", "Sweden Central", "SE", ""},
    Region{azure, "swedensouth", "Sweden South", "SE", ""},
    Region{azure, "switzerlandnorth", "Switzerland North", "CH", ""},
    Region{azure, "switzerlandwest", "Switzerland West", "CH", ""},
    Region{azure, "uaecentral", "UAE Central", "AE", ""},
    Region{azure, "uaenorth", "UAE North", "AE", ""},
    Region{azure, "uksouth", "UK South", "GB", ""},
    Region{azure, "ukwest", "UK West", "GB", ""},
    Region{azure, "usdodcentral", "US DoD Central", "US", ""},
    Region{azure, "usdodeast", "US DoD East", "US", ""},
    Region{azure, "usgovarizona", "US Gov Arizona", "US", ""},
    Region{azure, "usgovtexas", "US Gov Texas", "US", ""},
    Region{azure, "usgovvirginia", "US Gov Virginia", "US", ""},
    Region{azure, "westcentralus", "West Central US", "US", ""},
    Region{azure, "westeurope", "West Europe", "NL", ""},
    Region{azure, "westindia", "West India", "IN", ""},
    Region{azure, "westus", "West US", "US", ""},
    Region{azure, "westus2", "West US 2", "US", ""},
    Region{azure, "westus3", "West US 3", "US", ""},

    Region{google, "africa-south1", "Johannesburg", "ZA", ""},
    Region{google, "asia-east1", "Changhua County, Taiwan", "TW", ""},
    Region{google, "asia-east2", "Hong Kong", "HK", ""},
    Region{google, "asia-northeast1", "Tokyo", "JP", ""},
    Region{google, "asia-northeast2", "Osaka", "JP", ""},
    Region{google, "asia-northeast3", "Seoul", "KR", ""},
    Region{google, "asia-south1", "Mumbai", "IN", ""},
    Region{google, "asia-south2", "Delhi", "IN", ""},
    Region{google, "asia-southeast1", "Jurong West, Singapore", "SG", ""},
    Region{google, "asia-southeast2", "Jakarta", "ID", ""},
    Region{google, "asia-southeast3", "Bangkok", "TH", ""},
    Region{google, "australia-southeast1", "Sydney", "AU", ""},
    Region{google, "australia-southeast2", "Melbourne", "AU", ""},
    Region{google, "europe-central2", "Warsaw", "PL", ""},
    Region{google, "europe-north1", "Hamina", "FI", ""},
    Region{google, "europe-north2", "Stockholm", "SE", ""},
    Region{google, "europe-southwest1", "Madrid", "ES", ""},
    Region{google, "europe-west1", "St. Ghislain", "BE", ""},
    Region{google, "europe-west10", "Berlin", "DE", ""},
    Region{google, "europe-west12", "Turin", "IT", ""},
    Region{google, "europe-west2", "London", "GB", ""},
    Region{google, "europe-west3", "Frankfurt", "DE", ""},
    Region{google, "europe-west4", "Eemshaven", "NL", ""},
    Region{google, "europe-west6", "Zurich", "CH", ""},
    Region{google, "europe-west8", "Milan", "IT", ""},
    Region{google, "europe-west9", "Paris", "FR", ""},
    Region{google, "me-central1", "Doha", "QA", ""},
    Region{google, "me-central2", "Dammam", "SA", ""},
    Region{google, "me-west1", "Tel Aviv", "IL", ""},
    Region{google, "northamerica-northeast1", "Montréal", "CA", ""},
    Region{google, "northamerica-northeast2", "Toronto", "CA", ""},
    Region{google, "northamerica-south1", "Querétaro", "MX", ""},
    Region{google, "southamerica-east1", "Osasco, São Paulo", "BR", ""},
    Region{google, "southamerica-west1", "Santiago", "CL", ""},
    Region{google, "us-central1", "Council Bluffs, Iowa", "US", ""},
    Region{google, "us-east1", "Moncks Corner, South Carolina", "US", ""},
    Region{google, "us-east4", "Ashburn, Virginia", "US", ""},
    Region{google, "us-east5", "Columbus, Ohio", "US", ""},
    Region{google, "us-south1", "Dallas, Texas", "US", ""},
    Region{google, "us-west1", "The Dalles, Oregon", "US", ""},
    Region{google, "us-west2", "Los Angeles, California", "US", ""},
    Region{google, "us-west3", "Salt Lake City, Utah", "US", ""},
    Region{google, "us-west4", "Las Vegas, Nevada", "US", ""},
};

// Every country a region is in, every EU/EEA member (policies may name them), and no others.
constexpr std::array country_table{
    Country{"AE", "United Arab Emirates"}, Country{"AT", "Austria"},
    Country{"AU", "Australia"},           Country{"BE", "Belgium"},
    Country{"BG", "Bulgaria"},            Country{"BH", "Bahrain"},
    Country{"BR", "Brazil"},              Country{"CA", "Canada"},
    Country{"CH", "Switzerland"},         Country{"CL", "Chile"},
    Country{"CN", "China"},               Country{"CO", "Colombia"},
    Country{"CY", "Cyprus"},
    Country{"CZ", "Czechia"},             Country{"DE", "Germany"},
    Country{"DK", "Denmark"},             Country{"EE", "Estonia"},
    Country{"ES", "Spain"},               Country{"FI", "Finland"},
    Country{"FR", "France"},              Country{"GB", "United Kingdom"},
    Country{"GR", "Greece"},              Country{"HK", "Hong Kong"},
    Country{"HR", "Croatia"},             Country{"HU", "Hungary"},
    Country{"ID", "Indonesia"},           Country{"IE", "Ireland"},
    Country{"IL", "Israel"},              Country{"IN", "India"},
    Country{"IS", "Iceland"},             Country{"IT", "Italy"},
    Country{"JP", "Japan"},               Country{"KR", "South Korea"},
    Country{"LI", "Liechtenstein"},       Country{"LT", "Lithuania"},
    Country{"LU", "Luxembourg"},          Country{"LV", "Latvia"},
    Country{"MT", "Malta"},               Country{"MX", "Mexico"},
    Country{"MY", "Malaysia"},            Country{"NL", "Netherlands"},
    Country{"NO", "Norway"},              Country{"NZ", "New Zealand"},
    Country{"PH", "Philippines"},
    Country{"PL", "Poland"},              Country{"PT", "Portugal"},
    Country{"QA", "Qatar"},               Country{"RO", "Romania"},
    Country{"SA", "Saudi Arabia"},        Country{"SE", "Sweden"},
    Country{"SG", "Singapore"},           Country{"SI", "Slovenia"},
    Country{"SK", "Slovakia"},            Country{"TH", "Thailand"},
    Country{"TW", "Taiwan"},              Country{"US", "United States"},
    Country{"ZA", "South Africa"},
};

// Countries with at least one region in region_table, plus the two legal areas; the unit test
// checks this list against the regions so the two cannot drift apart.
constexpr std::array jurisdiction_table{
    Jurisdiction{"ae", "United Arab Emirates"},
    Jurisdiction{"at", "Austria"},
    Jurisdiction{"au", "Australia"},
    Jurisdiction{"be", "Belgium"},
    Jurisdiction{"bh", "Bahrain"},
    Jurisdiction{"br", "Brazil"},
    Jurisdiction{"ca", "Canada"},
    Jurisdiction{"ch", "Switzerland"},
    Jurisdiction{"cl", "Chile"},
    Jurisdiction{"cn", "China"},
    Jurisdiction{"co", "Colombia"},
    Jurisdiction{"cz", "Czechia"},
    Jurisdiction{"de", "Germany"},
    Jurisdiction{"eea", "European Economic Area"},
    Jurisdiction{"es", "Spain"},
    Jurisdiction{"eu", "European Union"},
    Jurisdiction{"fi", "Finland"},
    Jurisdiction{"fr", "France"},
    Jurisdiction{"gb", "United Kingdom"},
    Jurisdiction{"hk", "Hong Kong"},
    Jurisdiction{"id", "Indonesia"},
    Jurisdiction{"ie", "Ireland"},
    Jurisdiction{"il", "Israel"},
    Jurisdiction{"in", "India"},
    Jurisdiction{"it", "Italy"},
    Jurisdiction{"jp", "Japan"},
    Jurisdiction{"kr", "South Korea"},
    Jurisdiction{"lu", "Luxembourg"},
    Jurisdiction{"mx", "Mexico"},
    Jurisdiction{"my", "Malaysia"},
    Jurisdiction{"nl", "Netherlands"},
    Jurisdiction{"no", "Norway"},
    Jurisdiction{"nz", "New Zealand"},
    Jurisdiction{"ph", "Philippines"},
    Jurisdiction{"pl", "Poland"},
    Jurisdiction{"qa", "Qatar"},
    Jurisdiction{"sa", "Saudi Arabia"},
    Jurisdiction{"se", "Sweden"},
    Jurisdiction{"sg", "Singapore"},
    Jurisdiction{"th", "Thailand"},
    Jurisdiction{"tw", "Taiwan"},
    Jurisdiction{"us", "United States"},
    Jurisdiction{"za", "South Africa"},
};

constexpr std::array<std::string_view, 27> eu_table{
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
};
constexpr std::array<std::string_view, 3> eea_only_table{"IS", "LI", "NO"};

// Both directions of two-way pairs are listed; one-way pairs (brazilsouth, brazilsoutheast,
// westindia, westus3, usgovarizona) only from their side.
constexpr std::array pair_table{
    AzurePair{"australiacentral", "australiacentral2"},
    AzurePair{"australiacentral2", "australiacentral"},
    AzurePair{"australiaeast", "australiasoutheast"},
    AzurePair{"australiasoutheast", "australiaeast"},
    AzurePair{"brazilsouth", "southcentralus"},
    AzurePair{"brazilsoutheast", "brazilsouth"},
    AzurePair{"canadacentral", "canadaeast"},
    AzurePair{"canadaeast", "canadacentral"},
    AzurePair{"centralindia", "southindia"},
    AzurePair{"centralus", "eastus2"},
    AzurePair{"chinaeast", "chinanorth"},
    AzurePair{"chinaeast2", "chinanorth2"},
    AzurePair{"chinaeast3", "chinanorth3"},
    AzurePair{"chinanorth", "chinaeast"},
    AzurePair{"chinanorth2", "chinaeast2"},
    AzurePair{"chinanorth3", "chinaeast3"},
    AzurePair{"eastasia", "southeastasia"},
    AzurePair{"eastus", "westus"},
    AzurePair{"eastus2", "centralus"},
    AzurePair{"francecentral", "francesouth"},
    AzurePair{"francesouth", "francecentral"},
    AzurePair{"germanynorth", "germanywestcentral"},
    AzurePair{"germanywestcentral", "germanynorth"},
    AzurePair{"japaneast", "japanwest"},
    AzurePair{"japanwest", "japaneast"},
    AzurePair{"koreacentral", "koreasouth"},
    AzurePair{"koreasouth", "koreacentral"},
    AzurePair{"northcentralus", "southcentralus"},
    AzurePair{"northeurope", "westeurope"},
    AzurePair{"norwayeast", "norwaywest"},
    AzurePair{"norwaywest", "norwayeast"},
    AzurePair{"southafricanorth", "southafricawest"},
    AzurePair{"southafricawest", "southafricanorth"},
    AzurePair{"southcentralus", "northcentralus"},
    AzurePair{"southeastasia", "eastasia"},
    AzurePair{"southindia", "centralindia"},
    AzurePair{"swedencentral", "swedensouth"},
    AzurePair{"swedensouth", "swedencentral"},
    AzurePair{"switzerlandnorth", "switzerlandwest"},
    AzurePair{"switzerlandwest", "switzerlandnorth"},
    AzurePair{"uaecentral", "uaenorth"},
    AzurePair{"uaenorth", "uaecentral"},
    AzurePair{"uksouth", "ukwest"},
    AzurePair{"ukwest", "uksouth"},
    AzurePair{"usdodcentral", "usdodeast"},
    AzurePair{"usdodeast", "usdodcentral"},
    AzurePair{"usgovarizona", "usgovtexas"},
    AzurePair{"usgovtexas", "usgovvirginia"},
    AzurePair{"usgovvirginia", "usgovtexas"},
    AzurePair{"westcentralus", "westus2"},
    AzurePair{"westeurope", "northeurope"},
    AzurePair{"westindia", "southindia"},
    AzurePair{"westus", "eastus"},
    AzurePair{"westus2", "westcentralus"},
    AzurePair{"westus3", "eastus"},
};

// The member regions of the multi-regions are unpublished, so only what Google states is kept:
// EU is inside the EU (hence the EEA), US inside the US, ASIA in no single jurisdiction.
constexpr std::array group_table{
    Group{"ASIA", "multi-region", "data centers in Asia", "", "", "", "", ""},
    Group{"ASIA1", "dual-region", "Tokyo + Osaka (JP)", "asia-northeast1", "asia-northeast2", "", "", ""},
    Group{"EU", "multi-region", "data centers within member states of the European Union", "", "", "",
          "eea", "eu"},
    Group{"EUR4", "dual-region", "Hamina (FI) + Eemshaven (NL)", "europe-north1", "europe-west4", "", "", ""},
    Group{"EUR5", "dual-region", "St. Ghislain (BE) + London (GB)", "europe-west1", "europe-west2", "", "",
          ""},
    Group{"EUR7", "dual-region", "London (GB) + Frankfurt (DE)", "europe-west2", "europe-west3", "", "", ""},
    Group{"EUR8", "dual-region", "Frankfurt (DE) + Zurich (CH)", "europe-west3", "europe-west6", "", "", ""},
    Group{"NAM4", "dual-region", "Council Bluffs, Iowa + Moncks Corner, South Carolina (US)", "us-central1",
          "us-east1", "", "", ""},
    Group{"US", "multi-region", "data centers in the United States", "", "", "US", "us", ""},
    // Artifact Registry and Cloud KMS: "a large geographic area ... that contains two or more
    // geographic places"; neither its member regions nor its countries are published.
    Group{"europe", "multi-region", "Europe; member regions unpublished", "", "", "", "", ""},
};

// Every lookup is a binary search, so every table is checked sorted at compile time.
constexpr bool region_less(const Region& a, const Region& b) {
    return a.cloud != b.cloud ? a.cloud < b.cloud : a.code < b.code;
}
static_assert(std::is_sorted(region_table.begin(), region_table.end(), region_less));
static_assert(std::is_sorted(country_table.begin(), country_table.end(),
                             [](const Country& a, const Country& b) { return a.code < b.code; }));
static_assert(std::is_sorted(jurisdiction_table.begin(), jurisdiction_table.end(),
                             [](const Jurisdiction& a, const Jurisdiction& b) { return a.code < b.code; }));
static_assert(std::is_sorted(eu_table.begin(), eu_table.end()));
static_assert(std::is_sorted(eea_only_table.begin(), eea_only_table.end()));
static_assert(std::is_sorted(pair_table.begin(), pair_table.end(),
                             [](const AzurePair& a, const AzurePair& b) { return a.region < b.region; }));
static_assert(std::is_sorted(group_table.begin(), group_table.end(),
                             [](const Group& a, const Group& b) { return a.code < b.code; }));

}  // namespace

// AWS, Google and Azure here, the other clouds from more_clouds_data.cpp, in one sorted table.
std::span<const Region> regions() {
    static const std::vector<Region> all = [] {
        std::vector<Region> out(region_table.begin(), region_table.end());
        auto more = more_cloud_regions();
        out.insert(out.end(), more.begin(), more.end());
        std::sort(out.begin(), out.end(), region_less);
        return out;
    }();
    return all;
}
std::span<const Country> countries() { return country_table; }
std::span<const Jurisdiction> jurisdictions() { return jurisdiction_table; }
std::span<const std::string_view> eu_members() { return eu_table; }
std::span<const std::string_view> eea_only() { return eea_only_table; }
std::span<const AzurePair> azure_pairs() { return pair_table; }
std::span<const Group> google_groups() { return group_table; }

}  // namespace residency::catalog::data
