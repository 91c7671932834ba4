# "global" is a real place, and functions residency does not evaluate only matter where they decide
# a location: none of this gives a diagnostic; the calls are counted in the summary.
provider "google" {
  region = "europe-west4"
}

resource "google_project_iam_member" "reader" {
  project = "ml-platform"
  role    = "roles/viewer"
  member  = "user:${md5("auditor")}@example.com"
}

resource "google_kms_key_ring" "ring" {  # expect: RES802
  name     = "ring"
  location = "global"
}

resource "google_project_iam_custom_role" "trainer" {
  role_id     = "trainer"
  title       = "Trainer"
  permissions = ["storage.objects.get"]
}

resource "google_storage_bucket" "weights" {
  name     = "weights-${substr(sha256("salt"), 0, 8)}"
  location = "EU"
}

