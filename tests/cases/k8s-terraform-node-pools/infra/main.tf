provider "google" {
  project = "llm-platform"
  region  = "europe-west4"
}

resource "google_container_cluster" "eu" {
  name                     = "serving"
  location                 = "europe-west4"
  remove_default_node_pool = true
  initial_node_count       = 1
  confidential_nodes {
    enabled = true
  }
}

resource "google_container_node_pool" "gpu" {
  name    = "gpu"
  cluster = google_container_cluster.eu.id
  node_config {
    machine_type = "n2d-standard-16"
  }
}

# A batch cluster someone put next to the cheapest GPUs.
resource "google_container_cluster" "batch" {  # expect: RES201
  name                     = "batch"
  location                 = var.batch_region
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "trainers" {  # expect: RES201, RES401
  name    = "trainers"
  cluster = google_container_cluster.batch.id
  node_config {
    machine_type = "a2-highgpu-1g"
  }
}

variable "batch_region" {
  default = "us-central1"
}
