# An LLM platform on Google Cloud: datasets in Cloud Storage and BigQuery, training on GKE and
# Vertex AI, retrieval with Discovery Engine, a Dialogflow CX agent in front. Home: Frankfurt.
terraform {
  required_providers {
    google = { source = "hashicorp/google" }
  }
}

provider "google" {
  project = "llm-platform"
  region  = "europe-west3"
  default_labels = {
    jurisdiction = "eu"  # expect: RES502
  }
}

resource "google_kms_key_ring" "data" {
  name     = "data"
  location = "europe-west3"
}

resource "google_kms_crypto_key" "data" {
  name     = "data"
  key_ring = google_kms_key_ring.data.id
}

resource "google_kms_key_ring" "shared" {  # expect: RES802
  name     = "shared"
  location = "global"
}
