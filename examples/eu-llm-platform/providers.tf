provider "aws" {
  region = var.region

  default_tags {
    tags = local.common_tags
  }
}

# Evaluation exports go to the analytics account's region.
provider "aws" {
  alias  = "analytics"
  region = var.analytics_region
}
