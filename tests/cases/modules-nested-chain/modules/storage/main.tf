variable "bucket_region" {
  type = string
}

module "datasets" {
  source = "../bucket"
  region = var.bucket_region
  name   = "datasets"
}

module "logs" {
  source = "../bucket"
  name   = "logs"
}
