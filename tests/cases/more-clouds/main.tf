# The clouds beyond AWS, Google and Azure: each resource located from its own argument, its parent
# (an IONOS server in its datacenter, a Hetzner volume on its server) or its provider's region.
provider "scaleway" {
  region = "fr-par"
  zone   = "fr-par-1"
}

provider "oci" {
  region = "us-ashburn-1"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

provider "stackit" {
  default_region = "eu01"
}

provider "ibm" {
  region = "eu-de"
}

# Hetzner: Ashburn is in the US, Nuremberg in Germany.
resource "hcloud_server" "us" {  # expect: RES201
  name        = "trainer-us"
  server_type = "cpx31"
  image       = "ubuntu-24.04"
  location    = "ash"
}

resource "hcloud_server" "de" {
  name        = "trainer-de"
  server_type = "cpx31"
  image       = "ubuntu-24.04"
  location    = "nbg1"
}

resource "hcloud_volume" "weights" {  # expect: RES201
  name      = "weights"
  size      = 100
  server_id = hcloud_server.us.id
}

resource "hcloud_server" "anywhere" {  # expect: RES202
  name        = "anywhere"
  server_type = "cpx31"
  image       = "ubuntu-24.04"
}

# Scaleway: the bucket takes the provider's region, the server the provider's zone.
resource "scaleway_object_bucket" "datasets" {
  name = "datasets"
}

resource "scaleway_instance_server" "gpu" {
  type  = "GPU-3070-S"
  image = "ubuntu_jammy"
}

# Oracle Cloud and Alibaba Cloud: every resource is in its provider's region.
resource "oci_objectstorage_bucket" "weights" {  # expect: RES201
  compartment_id = "ocid1.compartment.oc1..example"
  namespace      = "example"
  name           = "weights"
}

resource "alicloud_oss_bucket" "logs" {  # expect: RES201
  bucket = "logs"
}

# IONOS: a server lives in its datacenter.
resource "ionoscloud_datacenter" "vegas" {
  name     = "vegas"
  location = "us/las"
}

resource "ionoscloud_server" "inference" {  # expect: RES201
  name          = "inference"
  datacenter_id = ionoscloud_datacenter.vegas.id
  cores         = 4
  ram           = 8192
}

# OVHcloud: Beauharnois is in Canada, Gravelines in France.
resource "ovh_cloud_project_storage" "backups" {  # expect: RES201
  service_name = "0123456789abcdef"
  region_name  = "BHS"
  name         = "backups"
}

resource "ovh_cloud_project_kube" "serving" {
  service_name = "0123456789abcdef"
  name         = "serving"
  region       = "GRA11"
}

# STACKIT and IBM Cloud.
resource "stackit_objectstorage_bucket" "features" {
  project_id = "00000000-0000-0000-0000-000000000000"
  name       = "features"
}

resource "ibm_cos_bucket" "archive" {  # expect: RES201
  bucket_name          = "archive"
  resource_instance_id = "crn:v1:bluemix:public:cloud-object-storage:global:a/0::"
  region_location      = "us-south"
  storage_class        = "standard"
}

resource "ibm_is_instance" "worker" {
  name    = "worker"
  profile = "bx2-2x8"
  zone    = "eu-de-2"
  vpc     = "r010-0000"
  image   = "r010-0001"
  primary_network_interface {
    subnet = "0717-0000"
  }
}

# DigitalOcean: a Spaces bucket without a region is created in nyc3.
resource "digitalocean_spaces_bucket" "media" {  # expect: RES202
  name = "media"
}

resource "digitalocean_droplet" "api" {
  name   = "api"
  region = "ams3"
  size   = "s-2vcpu-4gb"
  image  = "ubuntu-24-04-x64"
}
