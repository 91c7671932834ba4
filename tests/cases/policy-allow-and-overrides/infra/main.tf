provider "aws" {}

resource "aws_s3_bucket" "zurich" {
  region = "eu-central-2"
  bucket = "zurich"
}

resource "aws_s3_bucket" "london" {  # expect: RES201
  region = "eu-west-2"
  bucket = "london"
}

resource "aws_s3_bucket" "no_region" {
  bucket = "no-region"
}

resource "azurerm_storage_account" "geneva" {
  name                     = "geneva"
  resource_group_name      = "ml"
  location                 = "switzerlandnorth"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
