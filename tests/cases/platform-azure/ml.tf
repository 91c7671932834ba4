resource "azurerm_cognitive_account" "openai" {  # expect(de): RES203
  name                = "llm-openai"
  resource_group_name = azurerm_resource_group.ml.name
  location            = "swedencentral"
  kind                = "OpenAI"
  sku_name            = "S0"
  tags                = local.tags
}

resource "azurerm_cognitive_deployment" "chat" {  # expect(de): RES203
  name                 = "chat"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }
  sku {
    name = "GlobalStandard"  # expect: RES306
  }
}

resource "azurerm_cognitive_deployment" "embeddings" {  # expect(de): RES203
  name                 = "embeddings"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format  = "OpenAI"
    name    = "text-embedding-3-large"
    version = "1"
  }
  sku {
    name = "DataZoneStandard"  # expect(de): RES306
  }
}

resource "azurerm_cognitive_account" "speech" {  # expect: RES203
  name                = "llm-speech"
  resource_group_name = azurerm_resource_group.ml.name
  location            = "eastus"
  kind                = "SpeechServices"
  sku_name            = "S0"
  tags                = local.tags
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
    vm_size    = "Standard_D4s_v5"  # expect: RES402
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.training.id
  vm_size               = "Standard_NC24ads_A100_v4"  # expect: RES402
  node_count            = 1
  tags                  = local.tags
}
