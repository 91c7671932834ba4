resource "azurerm_storage_account" "lake" {
  name                     = "llmlake"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = azurerm_resource_group.ml.location
  account_tier             = "Standard"
  account_replication_type = "ZRS"
  tags                     = local.tags
}

resource "azurerm_storage_account" "checkpoints" {  # expect(de): RES201
  name                     = "llmcheckpoints"
  resource_group_name      = azurerm_resource_group.dr.name
  location                 = azurerm_resource_group.dr.location
  account_tier             = "Standard"
  account_replication_type = "GRS"  # expect(de): RES121
  tags                     = local.tags
}

resource "azurerm_cosmosdb_account" "chat" {
  name                = "llm-chat-history"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  offer_type          = "Standard"
  tags                = local.tags
  consistency_policy {
    consistency_level = "Session"
  }
  geo_location {
    location          = "germanywestcentral"
    failover_priority = 0
  }
  geo_location {
    location          = "eastus"  # expect: RES122
    failover_priority = 1
  }
}

resource "azurerm_container_registry" "images" {
  name                = "llmimages"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  sku                 = "Premium"
  tags                = local.tags
  georeplications {
    location = "francecentral"  # expect(de): RES125
    tags     = local.tags
  }
}
