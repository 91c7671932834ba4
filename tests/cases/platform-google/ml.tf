resource "google_container_cluster" "training" {
  name                     = "training"
  location                 = "europe-west3"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "gpu" {  # expect: RES401
  name     = "gpu"
  cluster  = google_container_cluster.training.id
  location = "europe-west3"
  node_config {
    machine_type = "a3-highgpu-8g"
    guest_accelerator {
      type  = "nvidia-h100-80gb"
      count = 8
    }
  }
}

resource "google_vertex_ai_endpoint" "llm" {
  name         = "llm"
  display_name = "llm"
  location     = "europe-west3"
}

resource "google_vertex_ai_dataset" "eval" {  # expect: RES203
  display_name        = "eval"
  region              = "us-central1"
  metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml"
}

resource "google_discovery_engine_data_store" "docs" {  # expect(de): RES203
  location          = "eu"
  data_store_id     = "docs"
  display_name      = "docs"
  industry_vertical = "GENERIC"
  content_config    = "CONTENT_REQUIRED"
}

resource "google_discovery_engine_search_engine" "docs" {  # expect: RES307
  engine_id      = "docs"
  collection_id  = "default_collection"
  location       = "global"
  display_name   = "docs"
  data_store_ids = ["docs"]
  search_engine_config {}
}

resource "google_dialogflow_cx_agent" "support" {  # expect: RES307
  display_name          = "support"
  location              = "global"
  default_language_code = "en"
  time_zone             = "Europe/Berlin"
}
