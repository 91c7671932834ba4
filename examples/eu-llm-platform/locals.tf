locals {
  name_prefix = "acme-llm-${var.environment}"

  common_tags = {
    project             = "llm-platform"
    data-classification = "confidential"
    jurisdiction        = "eu"
  }
}
