resource "google_container_cluster" "training" {
  name                     = "training"
  location                 = "europe-west4"
  remove_default_node_pool = true
  initial_node_count       = 1
  confidential_nodes {
    enabled = true
  }
}

resource "google_container_node_pool" "confidential" {
  name     = "confidential"
  cluster  = google_container_cluster.training.id
  location = "europe-west4"
  node_config {
    machine_type = "n2d-standard-8"
    confidential_nodes {
      enabled = true
    }
  }
}

resource "google_vertex_ai_endpoint" "llm" {
  name         = "llm"
  display_name = "llm"
  location     = "europe-west4"
}

resource "google_discovery_engine_data_store" "docs" {
  location          = "eu"
  data_store_id     = "docs"
  display_name      = "docs"
  industry_vertical = "GENERIC"
  content_config    = "CONTENT_REQUIRED"
}

resource "google_discovery_engine_search_engine" "docs" {
  engine_id      = "docs"
  collection_id  = "default_collection"
  location       = "eu"
  display_name   = "docs"
  data_store_ids = ["docs"]
  search_engine_config {}
}

resource "google_dialogflow_cx_agent" "support" {
  display_name          = "support"
  location              = "europe-west3"
  default_language_code = "en"
  time_zone             = "Europe/Berlin"
}
