provider "google" {
  project = "llm-platform"
  region  = "europe-west4"
}

resource "google_storage_bucket" "weights" {  # expect: RES201
  name     = "llm-weights"
  location = "US"
}
