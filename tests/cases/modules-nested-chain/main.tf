variable "region" {
  type = string
}

provider "aws" {
  region = var.region
}

module "platform" {
  source      = "./modules/platform"
  data_region = var.region
}
