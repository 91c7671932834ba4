// Unit tests for the built-in region catalog and the consistency of its tables.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"

namespace cat = residency::catalog;
using Strings = std::vector<std::string>;

namespace {

std::size_t count_of(std::string_view cloud) { return cat::regions(cloud).size(); }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

TEST_CASE("exact region lookups on every cloud") {
    const cat::Region* r = cat::find_region("aws", "eu-west-1");
    REQUIRE(r);
    CHECK(r->cloud == "aws");
    CHECK(r->name == "Europe (Ireland)");
    CHECK(r->country == "IE");
    CHECK(r->partition == "aws");

    r = cat::find_region("google", "europe-west4");
    REQUIRE(r);
    CHECK(r->name == "Eemshaven");
    CHECK(r->country == "NL");
    CHECK(r->partition.empty());

    r = cat::find_region("azure", "westeurope");
    REQUIRE(r);
    CHECK(r->name == "West Europe");
    CHECK(r->country == "NL");

    CHECK(cat::find_region("aws", "cn-north-1")->partition == "aws-cn");
    CHECK(cat::find_region("aws", "us-gov-west-1")->partition == "aws-us-gov");
    CHECK(cat::find_region("aws", "eusc-de-east-1")->partition == "aws-eusc");
    CHECK(cat::find_region("aws", "eusc-de-east-1")->country == "DE");
    CHECK(cat::find_region("aws", "us-iso-east-1")->partition == "aws-iso");
    CHECK(cat::find_region("aws", "us-isob-east-1")->partition == "aws-iso-b");
    CHECK(cat::find_region("aws", "us-isof-south-1")->partition == "aws-iso-f");
    CHECK(cat::find_region("aws", "eu-west-2")->country == "GB");
    CHECK(cat::find_region("aws", "eu-central-2")->country == "CH");
    CHECK(cat::find_region("google", "europe-west6")->country == "CH");
    CHECK(cat::find_region("google", "asia-east1")->country == "TW");
    CHECK(cat::find_region("azure", "chinanorth2")->country == "CN");
    CHECK(cat::find_region("azure", "usgovvirginia")->country == "US");
    CHECK(cat::find_region("azure", "usdodeast")->country == "US");
    CHECK(cat::find_region("azure", "eastasia")->country == "HK");
    CHECK(cat::find_region("azure", "austriaeast")->country == "AT");
}

TEST_CASE("unknown, unconfirmed and cross-cloud codes are not found") {
    CHECK_FALSE(cat::find_region("aws", "eu-isoe-west-1"));  // country unconfirmed: left out
    CHECK_FALSE(cat::find_region("aws", "europe-west4"));
    CHECK_FALSE(cat::find_region("google", "eu-west-1"));
    CHECK_FALSE(cat::find_region("azure", "eu-west-1"));
    CHECK_FALSE(cat::find_region("aws", ""));
    CHECK_FALSE(cat::find_region("linode", "eu-central"));
    CHECK_FALSE(cat::find_region("oci", "eu-central-1"));
    CHECK_FALSE(cat::find_region("aws", std::string(200, 'a')));
    CHECK_FALSE(cat::resolve("aws", "EU"));
    CHECK_FALSE(cat::resolve("azure", "US"));
    CHECK_FALSE(cat::resolve("google", "mars-north1"));
    // Artifact Registry's "europe": known, but its members and jurisdiction are unpublished.
    CHECK(cat::resolve("google", "europe")->within.empty());
}

TEST_CASE("zones are not regions for find_region") {
    CHECK_FALSE(cat::find_region("google", "europe-west4-a"));
    CHECK_FALSE(cat::find_region("aws", "eu-west-1a"));
    CHECK_FALSE(cat::find_region("google", "EUR4"));
}

TEST_CASE("lookups are case-insensitive; Azure display names are normalised") {
    CHECK(cat::find_region("google", "EUROPE-WEST4") == cat::find_region("google", "europe-west4"));
    CHECK(cat::find_region("google", "Europe-West4") == cat::find_region("google", "europe-west4"));
    CHECK(cat::find_region("aws", "EU-WEST-1") == cat::find_region("aws", "eu-west-1"));
    CHECK(cat::find_region("azure", "West Europe") == cat::find_region("azure", "westeurope"));
    CHECK(cat::find_region("azure", "WESTEUROPE") == cat::find_region("azure", "westeurope"));
    CHECK(cat::find_region("azure", "US Gov Virginia")->code == "usgovvirginia");
    CHECK(cat::find_region("azure", "China North 2")->code == "chinanorth2");
    CHECK(cat::find_region("azure", "US DoD East")->code == "usdodeast");
    CHECK(cat::find_region("AWS", "eu-west-1"));
    CHECK(cat::find_region("gcp", "europe-west4"));
    CHECK(cat::find_region("azurerm", "westeurope"));
    // Only Azure drops spaces, as only azurerm normalises that way.
    CHECK_FALSE(cat::find_region("aws", "eu west-1"));

    auto p = cat::resolve("azure", "West Europe");
    REQUIRE(p);
    CHECK(p->code == "westeurope");
    CHECK(p->description == "Azure westeurope (West Europe, NL)");
}

TEST_CASE("an empty cloud searches every cloud") {
    CHECK(cat::find_region("", "eu-west-1")->cloud == "aws");
    CHECK(cat::find_region("", "europe-west4")->cloud == "google");
    CHECK(cat::find_region("", "West Europe")->cloud == "azure");
    auto eu = cat::resolve("", "EU");
    REQUIRE(eu);
    CHECK(eu->cloud == "google");
    CHECK(eu->kind == cat::PlaceKind::MultiRegion);
}

TEST_CASE("resolve a region") {
    auto p = cat::resolve("aws", "eu-west-1");
    REQUIRE(p);
    CHECK(p->kind == cat::PlaceKind::Region);
    CHECK(p->cloud == "aws");
    CHECK(p->code == "eu-west-1");
    CHECK(p->description == "AWS eu-west-1 (Europe (Ireland), IE)");
    REQUIRE(p->members.size() == 1);
    CHECK(p->members[0] == cat::find_region("aws", "eu-west-1"));
    CHECK(p->countries == Strings{"IE"});
    CHECK(p->within == Strings{"eea", "eu", "ie"});
    CHECK(p->inside("eu"));
    CHECK(p->inside("ie"));
    CHECK_FALSE(p->inside("de"));

    p = cat::resolve("google", "Europe-West2");
    REQUIRE(p);
    CHECK(p->code == "europe-west2");
    CHECK(p->description == "Google Cloud europe-west2 (London, GB)");
    CHECK(p->within == Strings{"gb"});
    CHECK_FALSE(p->inside("eu"));
}

TEST_CASE("resolve zones to their region") {
    auto p = cat::resolve("google", "europe-west4-a");
    REQUIRE(p);
    CHECK(p->kind == cat::PlaceKind::Zone);
    CHECK(p->code == "europe-west4-a");
    REQUIRE(p->members.size() == 1);
    CHECK(p->members[0]->code == "europe-west4");
    CHECK(p->countries == Strings{"NL"});
    CHECK(p->within == Strings{"eea", "eu", "nl"});
    CHECK(p->description == "Google Cloud zone europe-west4-a in europe-west4 (Eemshaven, NL)");

    p = cat::resolve("google", "US-CENTRAL1-F");
    REQUIRE(p);
    CHECK(p->code == "us-central1-f");
    CHECK(p->members[0]->code == "us-central1");

    p = cat::resolve("aws", "eu-west-1a");
    REQUIRE(p);
    CHECK(p->kind == cat::PlaceKind::Zone);
    CHECK(p->code == "eu-west-1a");
    CHECK(p->members[0]->code == "eu-west-1");
    CHECK(p->within == Strings{"eea", "eu", "ie"});
    CHECK(p->description == "AWS availability zone eu-west-1a in eu-west-1 (Europe (Ireland), IE)");

    CHECK(cat::resolve("aws", "us-gov-west-1b")->members[0]->code == "us-gov-west-1");
    CHECK(cat::resolve("aws", "EU-CENTRAL-1C")->code == "eu-central-1c");
    // Local Zones can sit in another country than their parent region: not mapped.
    CHECK_FALSE(cat::resolve("aws", "us-east-1-lim-1a"));
    CHECK_FALSE(cat::resolve("aws", "eu-west-1-a"));
    CHECK_FALSE(cat::resolve("google", "europe-west4a"));
    CHECK_FALSE(cat::resolve("google", "europe-west4-1"));
    CHECK_FALSE(cat::resolve("azure", "westeuropea"));
}

TEST_CASE("Google multi-regions") {
    for (const char* code : {"EU", "eu", "Eu"}) {
        auto p = cat::resolve("google", code);
        REQUIRE(p);
        CHECK(p->kind == cat::PlaceKind::MultiRegion);
        CHECK(p->code == "EU");
        CHECK(p->members.empty());
        CHECK(p->countries.empty());
        CHECK(p->within == Strings{"eea", "eu"});
        CHECK(p->inside("eu"));
        CHECK_FALSE(p->inside("de"));
    }
    auto us = cat::resolve("google", "us");
    REQUIRE(us);
    CHECK(us->code == "US");
    CHECK(us->within == Strings{"us"});
    CHECK(us->countries == Strings{"US"});
    CHECK(us->description == "Google Cloud multi-region US (data centers in the United States)");

    auto asia = cat::resolve("google", "ASIA");
    REQUIRE(asia);
    CHECK(asia->within.empty());
    CHECK(asia->countries.empty());
    CHECK_FALSE(asia->inside("jp"));
}

TEST_CASE("Google predefined dual-regions") {
    auto eur5 = cat::resolve("google", "EUR5");
    REQUIRE(eur5);
    CHECK(eur5->kind == cat::PlaceKind::DualRegion);
    CHECK(eur5->description == "Google Cloud dual-region EUR5 (europe-west1 + europe-west2)");
    REQUIRE(eur5->members.size() == 2);
    CHECK(eur5->members[0]->code == "europe-west1");
    CHECK(eur5->members[1]->code == "europe-west2");
    CHECK(eur5->countries == Strings{"BE", "GB"});
    CHECK(eur5->within.empty());
    CHECK_FALSE(eur5->inside("eu"));

    auto eur4 = cat::resolve("google", "eur4");
    REQUIRE(eur4);
    CHECK(eur4->code == "EUR4");
    CHECK(eur4->countries == Strings{"FI", "NL"});
    CHECK(eur4->within == Strings{"eea", "eu"});

    CHECK(cat::resolve("google", "EUR7")->within.empty());
    CHECK(cat::resolve("google", "EUR8")->within.empty());
    CHECK(cat::resolve("google", "EUR8")->countries == Strings{"CH", "DE"});
    CHECK(cat::resolve("google", "NAM4")->within == Strings{"us"});
    CHECK(cat::resolve("google", "NAM4")->countries == Strings{"US"});
    CHECK(cat::resolve("google", "ASIA1")->within == Strings{"jp"});
    CHECK_FALSE(cat::resolve("aws", "EUR4"));
}

TEST_CASE("location groups list the Google multi- and dual-regions") {
    auto groups = cat::location_groups();
    REQUIRE(groups.size() == 10);
    std::vector<std::string_view> codes;
    for (const auto& g : groups) {
        codes.push_back(g.code);
        CHECK(g.cloud == "google");
        CHECK_FALSE(g.description.empty());
        if (g.kind == "dual-region") {
            REQUIRE(g.members.size() == 2);
            for (auto m : g.members) CHECK(cat::find_region("google", m));
        } else {
            CHECK(g.kind == "multi-region");
            CHECK(g.members.empty());
        }
        CHECK(cat::resolve("google", g.code));  // every listed group resolves
    }
    CHECK(std::is_sorted(codes.begin(), codes.end()));
    CHECK(codes == std::vector<std::string_view>{"ASIA", "ASIA1", "EU", "EUR4", "EUR5", "EUR7", "EUR8", "NAM4", "US", "europe"});
}

TEST_CASE("Azure pairs, including one-way pairs") {
    CHECK(cat::azure_pair("northeurope") == "westeurope");
    CHECK(cat::azure_pair("westeurope") == "northeurope");
    CHECK(cat::azure_pair("North Europe") == "westeurope");
    CHECK(cat::azure_pair("eastasia") == "southeastasia");
    CHECK(cat::azure_pair("brazilsouth") == "southcentralus");
    CHECK(cat::azure_pair("southcentralus") == "northcentralus");
    CHECK(cat::azure_pair("Brazil Southeast") == "brazilsouth");
    CHECK(cat::azure_pair("westus3") == "eastus");
    CHECK(cat::azure_pair("eastus") == "westus");
    CHECK(cat::azure_pair("westindia") == "southindia");
    CHECK(cat::azure_pair("southindia") == "centralindia");
    CHECK(cat::azure_pair("US Gov Arizona") == "usgovtexas");
    CHECK(cat::azure_pair("usgovtexas") == "usgovvirginia");
    CHECK(cat::azure_pair("usdodeast") == "usdodcentral");
    CHECK(cat::azure_pair("chinanorth3") == "chinaeast3");
    CHECK(cat::azure_pair("germanywestcentral") == "germanynorth");
    CHECK_FALSE(cat::azure_pair("italynorth"));
    CHECK_FALSE(cat::azure_pair("polandcentral"));
    CHECK_FALSE(cat::azure_pair("austriaeast"));
    CHECK_FALSE(cat::azure_pair("eu-west-1"));
    CHECK_FALSE(cat::azure_pair(""));

    // Every pair names catalogued Azure regions, and two-way pairs point back.
    for (const auto& r : cat::regions("azure")) {
        auto pair = cat::azure_pair(r.code);
        if (!pair) continue;
        const cat::Region* other = cat::find_region("azure", *pair);
        REQUIRE(other);
        CHECK(other->code == *pair);
    }
}

TEST_CASE("jurisdictions of a country") {
    CHECK(cat::jurisdictions_of_country("GB") == Strings{"gb"});
    CHECK(cat::jurisdictions_of_country("DE") == Strings{"de", "eea", "eu"});
    CHECK(cat::jurisdictions_of_country("de") == Strings{"de", "eea", "eu"});
    CHECK(cat::jurisdictions_of_country("NO") == Strings{"eea", "no"});
    CHECK(cat::jurisdictions_of_country("CH") == Strings{"ch"});
    CHECK(cat::jurisdictions_of_country("IS") == Strings{"eea", "is"});
    CHECK(cat::jurisdictions_of_country("FR") == Strings{"eea", "eu", "fr"});
    CHECK(cat::jurisdictions_of_country("US") == Strings{"us"});
    CHECK(cat::jurisdictions_of_country("").empty());
    CHECK(cat::jurisdictions_of_country("DEU").empty());
    CHECK(cat::jurisdictions_of_country("1x").empty());
}

TEST_CASE("jurisdiction table") {
    auto list = cat::jurisdictions();
    CHECK(std::is_sorted(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.code < b.code; }));
    CHECK(cat::is_jurisdiction("eu"));
    CHECK(cat::is_jurisdiction("EEA"));
    CHECK(cat::is_jurisdiction("De"));
    CHECK(cat::is_jurisdiction("gb"));
    CHECK_FALSE(cat::is_jurisdiction("dk"));  // EU member without any region
    CHECK_FALSE(cat::is_jurisdiction(""));
    CHECK_FALSE(cat::is_jurisdiction("europe"));

    // Exactly the countries that have a region, plus eu and eea, named as country_name names them.
    std::set<std::string> expected{"eea", "eu"};
    for (const auto& r : cat::regions()) expected.insert(lower(r.country));
    std::set<std::string> actual;
    for (const auto& j : list) {
        actual.insert(std::string(j.code));
        CHECK(lower(j.code) == j.code);
        if (j.code != "eu" && j.code != "eea") CHECK(j.name == cat::country_name(j.code));
    }
    CHECK(actual == expected);
    CHECK(actual.size() == list.size());
    auto eu = std::find_if(list.begin(), list.end(), [](const auto& j) { return j.code == "eu"; });
    CHECK(eu->name == "European Union");
    auto eea = std::find_if(list.begin(), list.end(), [](const auto& j) { return j.code == "eea"; });
    CHECK(eea->name == "European Economic Area");
}

TEST_CASE("country names") {
    CHECK(cat::country_name("DE") == "Germany");
    CHECK(cat::country_name("gb") == "United Kingdom");
    CHECK(cat::country_name("US") == "United States");
    CHECK(cat::country_name("DK") == "Denmark");  // EU member: policies may name it
    CHECK(cat::country_name("XX").empty());
    CHECK(cat::country_name("").empty());
    for (const auto& r : cat::regions()) {
        INFO(r.cloud, " ", r.code);
        CHECK_FALSE(cat::country_name(r.country).empty());
        CHECK(r.country.size() == 2);
        CHECK(std::all_of(r.country.begin(), r.country.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    }
}

TEST_CASE("region tables are sorted, unique and counted") {
    auto all = cat::regions();
    auto less = [](const cat::Region& a, const cat::Region& b) {
        return a.cloud != b.cloud ? a.cloud < b.cloud : a.code < b.code;
    };
    CHECK(std::is_sorted(all.begin(), all.end(), less));
    CHECK(std::adjacent_find(all.begin(), all.end(), [](const auto& a, const auto& b) {
              return a.cloud == b.cloud && a.code == b.code;
          }) == all.end());
    CHECK(count_of("google") == 43);
    CHECK(count_of("aws") == 45);     // 34 commercial + 2 China + 1 EUSC + 2 GovCloud + 6 ISO
    CHECK(count_of("azure") == 65);   // 54 public + 6 China + 3 US Gov + 2 US DoD
    // more_clouds_data.cpp
    CHECK(count_of("alibaba") == 29);
    CHECK(count_of("digitalocean") == 13);
    CHECK(count_of("hetzner") == 6);
    CHECK(count_of("ibm") == 26);  // 12 regions + 14 Object Storage single sites
    CHECK(count_of("ionos") == 14);
    CHECK(count_of("oci") == 51);  // 40 commercial (oc1) + 11 government, Japan and EU-realm regions
    CHECK(count_of("ovh") == 25);
    CHECK(count_of("scaleway") == 4);
    CHECK(count_of("stackit") == 1);
    CHECK(all.size() == 43 + 45 + 65 + 29 + 13 + 6 + 26 + 14 + 51 + 25 + 4 + 1);
    CHECK(count_of("linode") == 0);
    CHECK(count_of("") == 0);
    CHECK(count_of("GCP") == 43);
    for (const auto& r : all) {
        INFO(r.cloud, " ", r.code);
        CHECK(lower(r.code) == r.code);
        CHECK_FALSE(r.name.empty());
        CHECK(r.partition.empty() == (r.cloud != "aws"));
        CHECK(cat::find_region(r.cloud, r.code) == &r);
        auto p = cat::resolve(r.cloud, r.code);
        REQUIRE(p);
        CHECK(p->kind == cat::PlaceKind::Region);
        CHECK(p->within == cat::jurisdictions_of_country(r.country));
    }
}
