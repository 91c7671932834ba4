resource "google_storage_bucket" "datasets" {
  name     = "llm-datasets"
  location = "europe-west4"
  encryption {
    default_kms_key_name = google_kms_crypto_key.data.id
  }
}

resource "google_storage_bucket" "checkpoints" {
  name     = "llm-checkpoints"
  location = "EUR4"
}

resource "google_storage_bucket" "exports" {
  name     = "llm-exports"
  location = "EU"
}

resource "google_bigquery_dataset" "prompts" {
  dataset_id = "prompts"
  location   = "EU"
}

resource "google_sql_database_instance" "registry" {
  name             = "model-registry"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "registry_replica" {
  name                 = "model-registry-replica"
  database_version     = "POSTGRES_16"
  region               = "europe-west1"
  master_instance_name = google_sql_database_instance.registry.name
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_artifact_registry_repository" "images" {
  repository_id = "images"
  location      = "europe-west4"
  format        = "DOCKER"
}
