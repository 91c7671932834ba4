# The LLM platform on Google Cloud as an EU team would run it: data in EU regions and the EU
# multi-region, confidential GKE nodes, regional Vertex AI and Dialogflow, keys in the EU.
terraform {
  required_providers {
    google = { source = "hashicorp/google" }
  }
}

provider "google" {
  project = "llm-platform"
  region  = "europe-west4"
  default_labels = {
    jurisdiction = "eu"
  }
}

resource "google_kms_key_ring" "data" {
  name     = "data"
  location = "europe-west4"
}

resource "google_kms_crypto_key" "data" {
  name     = "data"
  key_ring = google_kms_key_ring.data.id
}
