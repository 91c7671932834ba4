resource "google_storage_bucket" "datasets" {
  name     = "llm-datasets"
  location = "europe-west3"
  encryption {
    default_kms_key_name = google_kms_crypto_key.data.id
  }
}

resource "google_storage_bucket" "checkpoints" {  # expect(de): RES201
  name     = "llm-checkpoints"
  location = "EUR4"
}

resource "google_storage_bucket" "exports" {  # expect: RES201
  name     = "llm-exports"
  location = "US"
}

resource "google_bigquery_dataset" "prompts" {  # expect: RES202
  dataset_id = "prompts"
}

resource "google_sql_database_instance" "registry" {
  name             = "model-registry"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "registry_replica" {  # expect: RES201
  name                 = "model-registry-replica"
  database_version     = "POSTGRES_16"
  region               = "us-central1"
  master_instance_name = google_sql_database_instance.registry.name  # expect: RES111
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_artifact_registry_repository" "images" {  # expect: RES201
  repository_id = "images"
  location      = "europe"
  format        = "DOCKER"
}
