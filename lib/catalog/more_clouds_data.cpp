// Regions of the clouds EU users pick for sovereignty (Hetzner, OVHcloud, Scaleway, IONOS,
// STACKIT, DigitalOcean, Oracle Cloud, Alibaba Cloud, IBM Cloud), transcribed from
// shared/reference/more-clouds.md sections 2-8 and regions.md sections 4-5. What the reference marks
// unconfirmed is left out (DigitalOcean syd1/atl1, STACKIT eu02, IONOS eu-central-3/4 and
// us-central-1, OCI dedicated-region realms whose country is only inferred, Alibaba rus-west-1).
#include <array>

#include "catalog/region_data.hpp"

namespace residency::catalog::data {
namespace {

constexpr std::string_view alibaba = "alibaba";
constexpr std::string_view digitalocean = "digitalocean";
constexpr std::string_view hetzner = "hetzner";
constexpr std::string_view ibm = "ibm";
constexpr std::string_view ionos = "ionos";
constexpr std::string_view oci = "oci";
constexpr std::string_view ovh = "ovh";
constexpr std::string_view scaleway = "scaleway";
constexpr std::string_view stackit = "stackit";

// Sorted by the merged table in region_data.cpp; kept grouped by cloud here.
constexpr std::array more_regions{
    // ---- Alibaba Cloud (regions.md 5; finance and government regions left out)
    Region{alibaba, "ap-northeast-1", "Japan (Tokyo)", "JP", ""},
    Region{alibaba, "ap-northeast-2", "South Korea (Seoul)", "KR", ""},
    Region{alibaba, "ap-south-1", "India (Mumbai), closed", "IN", ""},
    Region{alibaba, "ap-southeast-1", "Singapore", "SG", ""},
    Region{alibaba, "ap-southeast-2", "Australia (Sydney), closed", "AU", ""},
    Region{alibaba, "ap-southeast-3", "Malaysia (Kuala Lumpur)", "MY", ""},
    Region{alibaba, "ap-southeast-5", "Indonesia (Jakarta)", "ID", ""},
    Region{alibaba, "ap-southeast-6", "Philippines (Manila)", "PH", ""},
    Region{alibaba, "ap-southeast-7", "Thailand (Bangkok)", "TH", ""},
    Region{alibaba, "cn-beijing", "China (Beijing)", "CN", ""},
    Region{alibaba, "cn-chengdu", "China (Chengdu)", "CN", ""},
    Region{alibaba, "cn-fuzhou", "China (Fuzhou - Local Region)", "CN", ""},
    Region{alibaba, "cn-guangzhou", "China (Guangzhou)", "CN", ""},
    Region{alibaba, "cn-hangzhou", "China (Hangzhou)", "CN", ""},
    Region{alibaba, "cn-heyuan", "China (Heyuan)", "CN", ""},
    Region{alibaba, "cn-hongkong", "China (Hong Kong)", "HK", ""},
    Region{alibaba, "cn-huhehaote", "China (Hohhot)", "CN", ""},
    Region{alibaba, "cn-nanjing", "China (Nanjing - Local Region)", "CN", ""},
    Region{alibaba, "cn-qingdao", "China (Qingdao)", "CN", ""},
    Region{alibaba, "cn-shanghai", "China (Shanghai)", "CN", ""},
    Region{alibaba, "cn-shenzhen", "China (Shenzhen)", "CN", ""},
    Region{alibaba, "cn-wulanchabu", "China (Ulanqab)", "CN", ""},
    Region{alibaba, "cn-zhangjiakou", "China (Zhangjiakou)", "CN", ""},
    Region{alibaba, "eu-central-1", "Germany (Frankfurt)", "DE", ""},
    Region{alibaba, "eu-west-1", "UK (London)", "GB", ""},
    Region{alibaba, "me-central-1", "Saudi Arabia (Riyadh)", "SA", ""},
    Region{alibaba, "me-east-1", "UAE (Dubai)", "AE", ""},
    Region{alibaba, "us-east-1", "US (Virginia)", "US", ""},
    Region{alibaba, "us-west-1", "US (Silicon Valley)", "US", ""},

    // ---- DigitalOcean (more-clouds.md 7; names from the API where it gives them, else the city)
    Region{digitalocean, "ams2", "Amsterdam", "NL", ""},
    Region{digitalocean, "ams3", "Amsterdam 3", "NL", ""},
    Region{digitalocean, "blr1", "Bangalore 1", "IN", ""},
    Region{digitalocean, "fra1", "Frankfurt 1", "DE", ""},
    Region{digitalocean, "lon1", "London 1", "GB", ""},
    Region{digitalocean, "nyc1", "New York 1", "US", ""},
    Region{digitalocean, "nyc2", "New York 2", "US", ""},
    Region{digitalocean, "nyc3", "New York 3", "US", ""},
    Region{digitalocean, "sfo1", "San Francisco", "US", ""},
    Region{digitalocean, "sfo2", "San Francisco 2", "US", ""},
    Region{digitalocean, "sfo3", "San Francisco 3", "US", ""},
    Region{digitalocean, "sgp1", "Singapore 1", "SG", ""},
    Region{digitalocean, "tor1", "Toronto 1", "CA", ""},

    // ---- Hetzner Cloud locations (more-clouds.md 2); datacenters `<location>-dcN` are zones
    Region{hetzner, "ash", "Ashburn, VA", "US", ""},
    Region{hetzner, "fsn1", "Falkenstein DC Park 1", "DE", ""},
    Region{hetzner, "hel1", "Helsinki DC Park 1", "FI", ""},
    Region{hetzner, "hil", "Hillsboro, OR", "US", ""},
    Region{hetzner, "nbg1", "Nuremberg DC Park 1", "DE", ""},
    Region{hetzner, "sin", "Singapore", "SG", ""},

    // ---- IBM Cloud regions (more-clouds.md 8), and the Object Storage single sites of its 2019
    // endpoint list. Cross-region `eu`/`us`/`ap` are left out: current membership is unconfirmed.
    Region{ibm, "ams03", "Amsterdam (Object Storage single site)", "NL", ""},
    Region{ibm, "au-syd", "Sydney", "AU", ""},
    Region{ibm, "br-sao", "Sao Paulo", "BR", ""},
    Region{ibm, "ca-mon", "Montreal", "CA", ""},
    Region{ibm, "ca-tor", "Toronto", "CA", ""},
    Region{ibm, "che01", "Chennai (Object Storage single site)", "IN", ""},
    Region{ibm, "eu-de", "Frankfurt", "DE", ""},
    Region{ibm, "eu-es", "Madrid", "ES", ""},
    Region{ibm, "eu-gb", "London", "GB", ""},
    Region{ibm, "hkg02", "Hong Kong (Object Storage single site)", "HK", ""},
    Region{ibm, "in-che", "Chennai", "IN", ""},
    Region{ibm, "jp-osa", "Osaka", "JP", ""},
    Region{ibm, "jp-tok", "Tokyo", "JP", ""},
    Region{ibm, "mel01", "Melbourne (Object Storage single site)", "AU", ""},
    Region{ibm, "mex01", "Mexico City (Object Storage single site)", "MX", ""},
    Region{ibm, "mil01", "Milan (Object Storage single site)", "IT", ""},
    Region{ibm, "mon01", "Montreal (Object Storage single site)", "CA", ""},
    Region{ibm, "osl01", "Oslo (Object Storage single site)", "NO", ""},
    Region{ibm, "par01", "Paris (Object Storage single site)", "FR", ""},
    Region{ibm, "sao01", "Sao Paulo (Object Storage single site)", "BR", ""},
    Region{ibm, "seo01", "Seoul (Object Storage single site)", "KR", ""},
    Region{ibm, "sjc04", "San Jose (Object Storage single site)", "US", ""},
    Region{ibm, "sng01", "Singapore (Object Storage single site)", "SG", ""},
    Region{ibm, "tor01", "Toronto (Object Storage single site)", "CA", ""},
    Region{ibm, "us-east", "Washington DC", "US", ""},
    Region{ibm, "us-south", "Dallas", "US", ""},

    // ---- IONOS Cloud datacenter locations `<country>/<city>` and Object Storage regions
    // (more-clouds.md 5). Where the city is unconfirmed the name says only the country of the code.
    Region{ionos, "de", "Frankfurt (Object Storage)", "DE", ""},
    Region{ionos, "de/fkb", "Germany (de/fkb)", "DE", ""},
    Region{ionos, "de/fra", "Frankfurt", "DE", ""},
    Region{ionos, "de/fra/2", "Germany (de/fra/2)", "DE", ""},
    Region{ionos, "de/txl", "Berlin", "DE", ""},
    Region{ionos, "es/vit", "Logrono", "ES", ""},
    Region{ionos, "eu-central-2", "Berlin (Object Storage)", "DE", ""},
    Region{ionos, "eu-south-2", "Logrono (Object Storage)", "ES", ""},
    Region{ionos, "fr/par", "Paris", "FR", ""},
    Region{ionos, "gb/bhx", "United Kingdom (gb/bhx)", "GB", ""},
    Region{ionos, "gb/lhr", "London", "GB", ""},
    Region{ionos, "us/ewr", "Newark", "US", ""},
    Region{ionos, "us/las", "Las Vegas", "US", ""},
    Region{ionos, "us/mci", "Lenexa", "US", ""},

    // ---- Oracle Cloud Infrastructure (regions.md 4): the commercial realm oc1, the government
    // realms oc2-oc4, Japan's oc8 and the EU realm oc19, whose countries the region names state.
    Region{oci, "af-johannesburg-1", "Johannesburg", "ZA", ""},
    Region{oci, "ap-chiyoda-1", "Chiyoda (realm oc8)", "JP", ""},
    Region{oci, "ap-chuncheon-1", "Chuncheon", "KR", ""},
    Region{oci, "ap-hyderabad-1", "Hyderabad", "IN", ""},
    Region{oci, "ap-ibaraki-1", "Ibaraki (realm oc8)", "JP", ""},
    Region{oci, "ap-melbourne-1", "Melbourne", "AU", ""},
    Region{oci, "ap-mumbai-1", "Mumbai", "IN", ""},
    Region{oci, "ap-osaka-1", "Osaka", "JP", ""},
    Region{oci, "ap-seoul-1", "Seoul", "KR", ""},
    Region{oci, "ap-singapore-1", "Singapore", "SG", ""},
    Region{oci, "ap-singapore-2", "Singapore 2", "SG", ""},
    Region{oci, "ap-sydney-1", "Sydney", "AU", ""},
    Region{oci, "ap-tokyo-1", "Tokyo", "JP", ""},
    Region{oci, "ca-montreal-1", "Montreal", "CA", ""},
    Region{oci, "ca-toronto-1", "Toronto", "CA", ""},
    Region{oci, "eu-amsterdam-1", "Amsterdam", "NL", ""},
    Region{oci, "eu-frankfurt-1", "Frankfurt", "DE", ""},
    Region{oci, "eu-frankfurt-2", "Frankfurt 2 (realm oc19, oraclecloud.eu)", "DE", ""},
    Region{oci, "eu-madrid-1", "Madrid", "ES", ""},
    Region{oci, "eu-madrid-2", "Madrid 2 (realm oc19, oraclecloud.eu)", "ES", ""},
    Region{oci, "eu-marseille-1", "Marseille", "FR", ""},
    Region{oci, "eu-milan-1", "Milan", "IT", ""},
    Region{oci, "eu-paris-1", "Paris", "FR", ""},
    Region{oci, "eu-stockholm-1", "Stockholm", "SE", ""},
    Region{oci, "eu-zurich-1", "Zurich", "CH", ""},
    Region{oci, "il-jerusalem-1", "Jerusalem", "IL", ""},
    Region{oci, "me-abudhabi-1", "Abu Dhabi", "AE", ""},
    Region{oci, "me-dubai-1", "Dubai", "AE", ""},
    Region{oci, "me-jeddah-1", "Jeddah", "SA", ""},
    Region{oci, "me-riyadh-1", "Riyadh", "SA", ""},
    Region{oci, "mx-monterrey-1", "Monterrey", "MX", ""},
    Region{oci, "mx-queretaro-1", "Queretaro", "MX", ""},
    Region{oci, "sa-bogota-1", "Bogota", "CO", ""},
    Region{oci, "sa-santiago-1", "Santiago", "CL", ""},
    Region{oci, "sa-saopaulo-1", "Sao Paulo", "BR", ""},
    Region{oci, "sa-valparaiso-1", "Valparaiso", "CL", ""},
    Region{oci, "sa-vinhedo-1", "Vinhedo", "BR", ""},
    Region{oci, "uk-cardiff-1", "UK West (Newport)", "GB", ""},
    Region{oci, "uk-gov-cardiff-1", "UK Gov Cardiff (realm oc4)", "GB", ""},
    Region{oci, "uk-gov-london-1", "UK Gov London (realm oc4)", "GB", ""},
    Region{oci, "uk-london-1", "London", "GB", ""},
    Region{oci, "us-ashburn-1", "Ashburn", "US", ""},
    Region{oci, "us-chicago-1", "Chicago", "US", ""},
    Region{oci, "us-gov-ashburn-1", "US DoD Ashburn (realm oc3)", "US", ""},
    Region{oci, "us-gov-chicago-1", "US DoD Chicago (realm oc3)", "US", ""},
    Region{oci, "us-gov-phoenix-1", "US DoD Phoenix (realm oc3)", "US", ""},
    Region{oci, "us-langley-1", "US Gov East (Ashburn) (realm oc2)", "US", ""},
    Region{oci, "us-luke-1", "US Gov West (Phoenix) (realm oc2)", "US", ""},
    Region{oci, "us-phoenix-1", "Phoenix", "US", ""},
    Region{oci, "us-saltlake-2", "Salt Lake City", "US", ""},
    Region{oci, "us-sanjose-1", "San Jose", "US", ""},

    // ---- OVHcloud macro-regions (more-clouds.md 3): a region code maps to its macro-region the
    // way OVH's Manager does (GRA11 -> GRA, EU-WEST-PAR -> PAR, EU-WEST-LZ-BRU-A -> BRU). Local
    // Zones only where OVH's docs or Manager tests name one.
    Region{ovh, "bhs", "Beauharnois", "CA", ""},
    Region{ovh, "bru", "Brussels (Local Zone)", "BE", ""},
    Region{ovh, "de", "Frankfurt", "DE", ""},
    Region{ovh, "eri", "London", "GB", ""},
    Region{ovh, "gra", "Gravelines", "FR", ""},
    Region{ovh, "hil", "Hillsboro", "US", ""},
    Region{ovh, "lim", "Limburg", "DE", ""},
    Region{ovh, "lux", "Luxembourg (Local Zone)", "LU", ""},
    Region{ovh, "mad", "Madrid (Local Zone)", "ES", ""},
    Region{ovh, "mil", "Milan", "IT", ""},
    Region{ovh, "mrs", "Marseille (Local Zone)", "FR", ""},
    Region{ovh, "mum", "Mumbai", "IN", ""},
    Region{ovh, "or", "Oregon", "US", ""},
    Region{ovh, "par", "Paris", "FR", ""},
    Region{ovh, "prg", "Prague (Local Zone)", "CZ", ""},
    Region{ovh, "rbx", "Roubaix", "FR", ""},
    Region{ovh, "sbg", "Strasbourg", "FR", ""},
    Region{ovh, "sgp", "Singapore", "SG", ""},
    Region{ovh, "syd", "Sydney", "AU", ""},
    Region{ovh, "tor", "Toronto", "CA", ""},
    Region{ovh, "uk", "London", "GB", ""},
    Region{ovh, "va", "Virginia", "US", ""},
    Region{ovh, "vin", "Vint Hill", "US", ""},
    Region{ovh, "waw", "Warsaw", "PL", ""},
    Region{ovh, "yyz", "Toronto", "CA", ""},

    // ---- Scaleway regions (more-clouds.md 4); zones `<region>-N`
    Region{scaleway, "fr-par", "Paris", "FR", ""},
    Region{scaleway, "it-mil", "Italy (it-mil)", "IT", ""},
    Region{scaleway, "nl-ams", "Amsterdam", "NL", ""},
    Region{scaleway, "pl-waw", "Warsaw", "PL", ""},

    // ---- STACKIT (more-clouds.md 6); zones `<region>-1`, `<region>-m`
    Region{stackit, "eu01", "Heilbronn", "DE", ""},
};

}  // namespace

std::span<const Region> more_cloud_regions() { return more_regions; }

}  // namespace residency::catalog::data
