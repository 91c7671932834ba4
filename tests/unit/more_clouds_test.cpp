// The clouds beyond AWS, Google and Azure: catalog lookups of a region, a zone and an unknown code
// per cloud, resource prefixes, and where the Terraform frontend finds each provider's location.
#include <doctest/doctest.h>

#include <string>

#include "catalog/catalog.hpp"
#include "catalog/resource_types.hpp"
#include "facts/facts.hpp"
#include "support/project.hpp"

namespace cat = residency::catalog;
using residency::AssetClass;

namespace {

// The code and country a cloud's code resolves to, "" when it does not.
std::string where(std::string_view cloud, std::string_view code) {
    auto p = cat::resolve(cloud, code);
    if (!p) return "";
    return p->members.empty() ? p->code : std::string(p->members.front()->code) + " " + p->countries.front();
}

}  // namespace

TEST_CASE("more clouds: a region, a zone and an unknown code on each") {
    CHECK(where("hetzner", "nbg1") == "nbg1 DE");
    CHECK(where("hetzner", "ash") == "ash US");
    CHECK(where("hetzner", "nbg1-dc3") == "nbg1 DE");
    CHECK(where("hetzner", "fsn1-dc14") == "fsn1 DE");
    CHECK(where("hetzner", "hil-dc1") == "hil US");
    CHECK(where("hetzner", "nbg2") == "");
    CHECK(where("hetzner", "nbg1-x3") == "");
    CHECK(cat::resolve("hetzner", "nbg1-dc3")->kind == cat::PlaceKind::Zone);
    CHECK(cat::resolve("hetzner", "nbg1-dc3")->description == "Hetzner Cloud datacenter nbg1-dc3 in nbg1 (Nuremberg DC Park 1, DE)");

    CHECK(where("scaleway", "fr-par") == "fr-par FR");
    CHECK(where("scaleway", "nl-ams-3") == "nl-ams NL");
    CHECK(where("scaleway", "pl-waw-2") == "pl-waw PL");
    CHECK(where("scaleway", "par1") == "fr-par FR");  // deprecated alias
    CHECK(where("scaleway", "de-fra") == "");
    CHECK(where("scaleway", "fr-par-x") == "");

    CHECK(where("ovh", "GRA11") == "gra FR");
    CHECK(where("ovh", "gra") == "gra FR");
    CHECK(where("ovh", "DE1") == "de DE");
    CHECK(where("ovh", "UK1") == "uk GB");
    CHECK(where("ovh", "BHS5") == "bhs CA");
    CHECK(where("ovh", "EU-WEST-PAR") == "par FR");
    CHECK(where("ovh", "eu-west-par-a") == "par FR");
    CHECK(where("ovh", "EU-SOUTH-MIL") == "mil IT");
    CHECK(where("ovh", "EU-WEST-LZ-BRU-A") == "bru BE");
    CHECK(where("ovh", "EU-SOUTH-LZ-MAD-A") == "mad ES");
    CHECK(where("ovh", "XYZ1") == "");
    CHECK(where("ovh", "1") == "");
    CHECK(cat::resolve("ovh", "gra11")->code == "GRA11");
    CHECK(cat::resolve("ovh", "GRA11")->description == "OVHcloud region GRA11 in gra (Gravelines, FR)");

    CHECK(where("ionos", "de/fra") == "de/fra DE");
    CHECK(where("ionos", "us/las") == "us/las US");
    CHECK(where("ionos", "eu-central-2") == "eu-central-2 DE");
    CHECK(where("ionos", "eu-central-3") == "");  // city and country unconfirmed

    CHECK(where("stackit", "eu01") == "eu01 DE");
    CHECK(where("stackit", "eu01-2") == "eu01 DE");
    CHECK(where("stackit", "eu01-m") == "eu01 DE");
    CHECK(where("stackit", "eu02") == "");  // country unconfirmed

    CHECK(where("digitalocean", "fra1") == "fra1 DE");
    CHECK(where("digitalocean", "nyc3") == "nyc3 US");
    CHECK(where("digitalocean", "syd1") == "");  // unconfirmed

    CHECK(where("oci", "eu-frankfurt-1") == "eu-frankfurt-1 DE");
    CHECK(where("oci", "us-ashburn-1") == "us-ashburn-1 US");
    CHECK(where("oci", "eu-frankfurt-2") == "eu-frankfurt-2 DE");
    CHECK(where("oci", "sa-bogota-1") == "sa-bogota-1 CO");
    CHECK(where("oci", "eu-frankfurt-1a") == "");  // OCI has availability domains, not zones

    CHECK(where("alibaba", "eu-central-1") == "eu-central-1 DE");
    CHECK(where("alibaba", "eu-central-1a") == "eu-central-1 DE");
    CHECK(where("alibaba", "cn-beijing-b") == "cn-beijing CN");
    CHECK(where("alibaba", "cn-hongkong") == "cn-hongkong HK");
    CHECK(where("alibaba", "rus-west-1") == "");  // unconfirmed

    CHECK(where("ibm", "eu-de") == "eu-de DE");
    CHECK(where("ibm", "eu-gb-2") == "eu-gb GB");
    CHECK(where("ibm", "mil01") == "mil01 IT");
    CHECK(where("ibm", "eu") == "");  // cross-region membership unconfirmed

    // Codes are per cloud: Alibaba's eu-central-1 is not an AWS answer, and an OVH code is not Hetzner's.
    CHECK(cat::resolve("alibaba", "eu-central-1")->cloud == "alibaba");
    CHECK(where("hetzner", "GRA11") == "");
}

TEST_CASE("more clouds: cloud names, provider aliases and labels") {
    for (auto c : {"alibaba", "alicloud", "digitalocean", "hetzner", "hcloud", "ibm", "ionos", "ionoscloud", "oci",
                   "oracle", "ovh", "scaleway", "stackit"})
        CHECK_MESSAGE(cat::knows_cloud(c), c);
    CHECK_FALSE(cat::knows_cloud("linode"));
    CHECK(cat::regions("hcloud").size() == 6);
    CHECK(cat::cloud_label("ovh") == "OVHcloud");
    CHECK(cat::cloud_label("hcloud") == "Hetzner Cloud");
    CHECK(cat::cloud_label("linode") == "");
}

TEST_CASE("more clouds: resource prefixes and classes") {
    CHECK(cat::cloud_of_type("hcloud_server") == "hetzner");
    CHECK(cat::cloud_of_type("ovh_cloud_project_kube") == "ovh");
    CHECK(cat::cloud_of_type("scaleway_object_bucket") == "scaleway");
    CHECK(cat::cloud_of_type("ionoscloud_server") == "ionos");
    CHECK(cat::cloud_of_type("stackit_ske_cluster") == "stackit");
    CHECK(cat::cloud_of_type("oci_core_instance") == "oci");
    CHECK(cat::cloud_of_type("digitalocean_droplet") == "digitalocean");
    CHECK(cat::cloud_of_type("alicloud_oss_bucket") == "alibaba");
    CHECK(cat::cloud_of_type("ibm_cos_bucket") == "ibm");
    CHECK(cat::cloud_of_type("linode_instance") == "");

    CHECK(cat::classify("hcloud_volume") == AssetClass::DataStore);
    CHECK(cat::classify("hcloud_server") == AssetClass::Compute);
    CHECK(cat::classify("hcloud_load_balancer_service") == AssetClass::Network);
    CHECK(cat::classify("scaleway_k8s_pool") == AssetClass::Compute);
    CHECK(cat::classify("scaleway_inference_deployment") == AssetClass::AiService);
    CHECK(cat::classify("scaleway_iam_policy") == AssetClass::Global);
    CHECK(cat::classify("oci_containerengine_node_pool") == AssetClass::Compute);
    CHECK(cat::classify("oci_generative_ai_endpoint") == AssetClass::AiService);
    CHECK(cat::classify("oci_identity_policy") == AssetClass::Global);
    CHECK(cat::classify("oci_kms_key") == AssetClass::Key);
    CHECK(cat::classify("ovh_cloud_project_database") == AssetClass::DataStore);
    CHECK(cat::classify("ovh_cloud_project_user") == AssetClass::Other);
    CHECK(cat::classify("digitalocean_kubernetes_node_pool") == AssetClass::Compute);
    CHECK(cat::classify("alicloud_cs_managed_kubernetes") == AssetClass::Compute);
    CHECK(cat::classify("ibm_resource_instance") == AssetClass::Other);
    CHECK(cat::classify("ionoscloud_datacenter") == AssetClass::Other);
    CHECK(cat::classify("stackit_objectstorage_bucket") == AssetClass::DataStore);
}

TEST_CASE("more clouds: where the Terraform frontend finds each provider's location") {
    residency::testing::Project p("more-clouds");
    p.write("main.tf", R"(provider "scaleway" {
  region = "nl-ams"
  zone   = "fr-par-2"
}

provider "stackit" {
  default_region = "eu01"
}

provider "alicloud" {
  region = "eu-central-1"
}

provider "ibm" {
  region = "eu-gb"
}

resource "scaleway_object_bucket" "regional" {
  name = "regional"
}

resource "scaleway_instance_server" "zonal" {
  type  = "DEV1-S"
  image = "ubuntu_jammy"
}

resource "scaleway_rdb_instance" "own" {
  name      = "own"
  node_type = "DB-DEV-S"
  engine    = "PostgreSQL-15"
  region    = "pl-waw"
}

resource "stackit_objectstorage_bucket" "b" {
  project_id = "p"
  name       = "b"
}

resource "alicloud_oss_bucket" "b" {
  bucket = "b"
}

resource "ibm_is_instance" "vm" {
  name    = "vm"
  profile = "bx2-2x8"
  zone    = "eu-de-1"
  vpc     = "v"
  image   = "i"
}

resource "ibm_database" "db" {
  name     = "db"
  service  = "databases-for-postgresql"
  plan     = "standard"
  location = "eu-es"
}

resource "ovh_cloud_project_database" "db" {
  service_name = "s"
  engine       = "postgresql"
  version      = "16"
  plan         = "essential"
  flavor       = "db1-4"
  nodes {
    region = "WAW"
  }
}

resource "digitalocean_app" "web" {
  spec {
    name   = "web"
    region = "fra"
  }
}

resource "digitalocean_kubernetes_cluster" "k" {
  name    = "k"
  region  = "lon1"
  version = "1.30.1-do.0"
  node_pool {
    name       = "default"
    size       = "s-2vcpu-4gb"
    node_count = 1
  }
}

resource "digitalocean_kubernetes_node_pool" "gpu" {
  cluster_id = digitalocean_kubernetes_cluster.k.id
  name       = "gpu"
  size       = "gpu-h100x1-80gb"
  node_count = 1
}
)");
    auto out = p.scan();
    REQUIRE(out);
    auto location = [&](std::string_view address) -> std::string {
        for (const auto& a : out->graph.assets)
            if (a.address == address) {
                auto f = residency::locate(a);
                return f.state == residency::LocationFact::State::Known ? f.place.code
                       : f.state == residency::LocationFact::State::NotInCatalog ? "?" + f.written
                                                                                 : "-";
            }
        return "missing";
    };
    CHECK(location("scaleway_object_bucket.regional") == "nl-ams");   // regional: the provider's region
    CHECK(location("scaleway_instance_server.zonal") == "fr-par-2");  // zonal: the provider's zone
    CHECK(location("scaleway_rdb_instance.own") == "pl-waw");
    CHECK(location("stackit_objectstorage_bucket.b") == "eu01");
    CHECK(location("alicloud_oss_bucket.b") == "eu-central-1");
    CHECK(location("ibm_is_instance.vm") == "eu-de-1");
    CHECK(location("ibm_database.db") == "eu-es");
    CHECK(location("ovh_cloud_project_database.db") == "WAW");
    CHECK(location("digitalocean_app.web") == "?fra");  // App Platform's own region slugs are not in the catalog
    CHECK(location("digitalocean_kubernetes_node_pool.gpu") == "lon1");
}
