provider "aws" {
  region = "eu-south-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

provider "google" {
  region = "us-west1"
}

data "aws_region" "current" {}

data "aws_region" "us" {
  provider = aws.us
}

data "google_client_config" "this" {}

data "azurerm_resource_group" "existing" {
  name = "ml-prod"
}

# Mirrors the region the provider runs in: stays in the EU.
resource "aws_s3_bucket" "mirror" {
  region = data.aws_region.current.region
  bucket = "mirror"
}

resource "aws_s3_bucket" "us_copy" {  # expect: RES201
  region = data.aws_region.us.name
  bucket = "us-copy"
}

resource "google_storage_bucket" "from_client_config" {  # expect: RES201
  name     = "client-config"
  location = upper(data.google_client_config.this.region)
}

resource "azurerm_storage_account" "existing_rg" {  # expect: RES002
  name                     = "existingrg"
  resource_group_name      = data.azurerm_resource_group.existing.name
  location                 = data.azurerm_resource_group.existing.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

locals {
  a = local.b
  b = local.a
}

resource "aws_s3_bucket" "cyclic" {  # expect: RES002
  region = local.a
  bucket = "cyclic"
}

resource "aws_s3_bucket" "hashed" {
  region = substr(md5("eu-west-1"), 0, 9)  # expect: RES004
  bucket = "hashed"
}
