provider "google" {
  project = "acme-ml"
  region  = "europe-west4"
}

resource "google_container_cluster" "training" {
  name                     = "training"
  location                 = "europe-west4"
  remove_default_node_pool = true
  initial_node_count       = 1
  confidential_nodes {
    enabled = true
  }
}

resource "google_container_node_pool" "gpu" {
  name    = "gpu"
  cluster = google_container_cluster.training.id
  node_config {
    machine_type = "n2d-standard-16"
  }
}
