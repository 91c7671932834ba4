variable "region" {}
variable "location" {
  type = string
}

provider "aws" {
  region = var.region
}

provider "google" {
  region = local.google_region
}

locals {
  google_region = "${var.location}"
}

resource "aws_s3_bucket" "weights" {  # expect: RES002
  bucket = "weights"
}

resource "aws_s3_bucket" "replica" {  # expect: RES002
  region = aws_s3_bucket.weights.id
  bucket = "replica"
}

resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = "arn:aws:iam::123456789012:role/replication"
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.replica.arn
    }
  }
}

resource "google_storage_bucket" "datasets" {  # expect: RES002
  name     = "datasets"
  location = var.location
}

resource "google_compute_instance" "trainer" {  # expect: RES002
  name         = "trainer"
  machine_type = "n2-standard-8"
}
