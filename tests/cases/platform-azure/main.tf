# An LLM platform on Azure: a data lake and model registry in storage, Azure OpenAI for inference,
# Azure ML for fine-tuning on AKS, Cosmos DB for chat history. Home: Germany West Central.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm" }
  }
}

provider "azurerm" {
  features {}
}

locals {
  tags = { jurisdiction = "eu" }  # expect: RES502
}

resource "azurerm_resource_group" "ml" {
  name     = "llm-platform"
  location = "Germany West Central"
  tags     = local.tags
}

resource "azurerm_resource_group" "dr" {
  name     = "llm-platform-dr"
  location = "West Europe"
  tags     = local.tags
}
