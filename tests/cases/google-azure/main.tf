provider "google" {
  region = "europe-west4"
}

resource "google_bigquery_dataset" "prompts" {  # expect: RES202
  dataset_id = "prompts"
}

resource "google_storage_bucket" "weights_dual" {
  name     = "weights-dual"
  location = "EUR5"  # expect: RES113
}

resource "google_storage_bucket" "weights_eu" {
  name     = "weights-eu"
  location = "eu"
}

resource "google_container_cluster" "training" {  # expect: RES401
  name     = "training"
  location = "EUROPE-WEST4-A"
}

resource "google_vertex_ai_endpoint" "llm" {  # expect: RES203
  name         = "llm"
  display_name = "llm"
  location     = "us-central1"
}

resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "West Europe"
}

resource "azurerm_storage_account" "lake" {
  name                     = "lake"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = azurerm_resource_group.ml.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_container" "datasets" {
  name               = "datasets"
  storage_account_id = azurerm_storage_account.lake.id
}

resource "azurerm_cognitive_account" "openai" {  # expect: RES203
  name                = "openai"
  resource_group_name = azurerm_resource_group.ml.name
  location            = "eastus2"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_linux_virtual_machine" "typo" {
  name                = "typo"
  resource_group_name = azurerm_resource_group.ml.name
  location            = "westeurop"  # expect: RES003
  size                = "Standard_NC24ads_A100_v4"  # expect: RES405
}
