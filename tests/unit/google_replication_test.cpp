// Google places with several member regions (dual-regions, custom Spanner configurations), Spanner
// configuration names, and the Cloud SQL replica and backup flows, through the real CLI path.
#include <doctest/doctest.h>

#include <algorithm>

#include "catalog/catalog.hpp"
#include "frontends/frontends.hpp"
#include "support/project.hpp"

using namespace residency;
using residency::testing::Project;

namespace {

std::vector<std::string> found(const ScanOutcome& out) {
    std::vector<std::string> list;
    for (const auto& f : out.report.findings) list.push_back(f.rule_id + " " + f.message);
    std::sort(list.begin(), list.end());
    return list;
}

}  // namespace

TEST_CASE("catalog: places of chosen regions, Spanner regional configurations, the europe multi-region") {
    std::vector<std::string> pair{"EUROPE-WEST3", "europe-west6"};
    auto p = catalog::place_of_regions("google", "x", catalog::PlaceKind::DualRegion, pair, "");
    REQUIRE(p);
    CHECK(p->members.size() == 2);
    CHECK(p->countries == std::vector<std::string>{"CH", "DE"});
    CHECK(p->within.empty());
    std::vector<std::string> de{"europe-west3", "europe-west10"};
    auto d = catalog::place_of_regions("google", "x", catalog::PlaceKind::DualRegion, de, "");
    REQUIRE(d);
    CHECK(d->within == std::vector<std::string>{"de", "eea", "eu"});
    std::vector<std::string> bad{"europe-west3", "us-central2"};
    CHECK_FALSE(catalog::place_of_regions("google", "x", catalog::PlaceKind::DualRegion, bad, ""));

    auto r = catalog::resolve_spanner_config("regional-europe-west1");
    REQUIRE(r);
    CHECK(r->countries == std::vector<std::string>{"BE"});
    CHECK_FALSE(catalog::resolve_spanner_config("nam4"));  // not the Cloud Storage dual-region NAM4
    CHECK_FALSE(catalog::resolve_spanner_config("regional-mars1"));

    auto e = catalog::resolve("google", "europe");
    REQUIRE(e);
    CHECK(e->kind == catalog::PlaceKind::MultiRegion);
    CHECK(e->members.empty());
    CHECK(e->countries.empty());
    CHECK(e->within.empty());  // Google does not say it lies within the EU
}

TEST_CASE("dual-regions: partly inside is the replication rule's, wholly outside stays RES201") {
    Project p("gcp-dual");
    p.write("main.tf", R"(
resource "google_storage_bucket" "eur8" {
  name     = "eur8"
  location = "EUR8"
}
resource "google_storage_bucket" "eur4" {
  name     = "eur4"
  location = "EUR4"
}
resource "google_storage_bucket" "eu" {
  name     = "eu"
  location = "EU"
}
resource "google_storage_bucket" "pair" {
  name     = "pair"
  location = "EU"
  custom_placement_config {
    data_locations = var.pair
  }
}
variable "pair" {}
)");
    auto eu = p.scan({"eu"});
    CHECK(found(*eu) == std::vector<std::string>{
                            "RES113 google_storage_bucket.eur8 is in EUR8 (CH, DE), which keeps copies of its data in "
                            "europe-west6 (Zurich, CH), outside eu",
                        });
    auto de = p.scan({"de"});
    CHECK(found(*de) == std::vector<std::string>{
                            "RES113 google_storage_bucket.eur8 is in EUR8 (CH, DE), which keeps copies of its data in "
                            "europe-west6 (Zurich, CH), outside de",
                            "RES201 google_storage_bucket.eu is in EU multi-region, whose regions are not published, so "
                            "not known to be inside de",
                            "RES201 google_storage_bucket.eur4 is in EUR4 (FI, NL), outside de",
                            // An unknown pair keeps the known code: the pair lies within it.
                            "RES201 google_storage_bucket.pair is in EU multi-region, whose regions are not published, so "
                            "not known to be inside de",
                        });
}

TEST_CASE("Spanner: config is the location; multi-region configurations are not guessed") {
    Project p("gcp-spanner");
    p.write("main.tf", R"(
resource "google_spanner_instance" "regional" {
  name         = "regional"
  display_name = "regional"
  config       = "regional-us-east1"
}
resource "google_spanner_instance" "nam" {
  name         = "nam"
  display_name = "nam"
  config       = "nam4"
}
resource "google_spanner_instance_config" "custom" {
  name         = "custom-eu"
  display_name = "custom"
  base_config  = "regional-europe-west1"
  replicas {
    location = "europe-west1"
    type     = "READ_WRITE"
  }
  replicas {
    location = "europe-west3"
    type     = "READ_ONLY"
  }
}
resource "google_spanner_instance" "custom" {
  name         = "custom"
  display_name = "custom"
  config       = "custom-eu"
}
)");
    auto de = p.scan({"de"});
    CHECK(found(*de) == std::vector<std::string>{
                            "RES112 google_spanner_instance.custom is in custom-eu multi-region (BE, DE), which keeps "
                            "copies of its data in europe-west1 (St. Ghislain, BE), outside de",
                            "RES201 google_spanner_instance.regional is in regional-us-east1 (US), outside de",
                        });
    REQUIRE(de->report.diagnostics.size() == 1);
    CHECK(de->report.diagnostics[0].message ==
          "\"nam4\" is not a Google Cloud location in the catalog, so where google_spanner_instance.nam lives "
          "cannot be checked");
}

TEST_CASE("Cloud SQL: a replica in the same region and a primary outside the scan make no flow") {
    Project p("gcp-sql");
    p.write("main.tf", R"(
resource "google_sql_database_instance" "main" {
  name             = "main"
  region           = "europe-west1"
  database_version = "POSTGRES_15"
}
resource "google_sql_database_instance" "same" {
  name                 = "same"
  region               = "europe-west1"
  database_version     = "POSTGRES_15"
  master_instance_name = google_sql_database_instance.main.name
}
resource "google_sql_database_instance" "external" {
  name                 = "external"
  region               = "europe-west1"
  database_version     = "POSTGRES_15"
  master_instance_name = "elsewhere"
}
)");
    auto out = p.scan({"eu"});
    CHECK(found(*out).empty());
}
