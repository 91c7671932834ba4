resource "azurerm_cognitive_account" "openai" {
  name                = "llm-openai"
  resource_group_name = azurerm_resource_group.ml.name
  location            = "swedencentral"
  kind                = "OpenAI"
  sku_name            = "S0"
  tags                = local.tags
}

resource "azurerm_cognitive_deployment" "chat" {
  name                 = "chat"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }
  sku {
    name = "DataZoneStandard"
  }
}

resource "azurerm_cognitive_deployment" "embeddings" {
  name                 = "embeddings"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format  = "OpenAI"
    name    = "text-embedding-3-large"
    version = "1"
  }
  sku {
    name = "Standard"
  }
}

resource "azurerm_kubernetes_cluster" "training" {
  name                = "training"
  location            = azurerm_resource_group.ml.location
  resource_group_name = azurerm_resource_group.ml.name
  dns_prefix          = "training"
  tags                = local.tags
  default_node_pool {
    name       = "system"
    node_count = 2
    vm_size    = "Standard_DC4as_v5"
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "confidential" {
  name                  = "cc"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.training.id
  vm_size               = "Standard_NCC40ads_H100_v5"
  node_count            = 1
  tags                  = local.tags
}
