variable "data_region" {
  type = string
}

module "storage" {
  source        = "../storage"
  bucket_region = var.data_region
}
