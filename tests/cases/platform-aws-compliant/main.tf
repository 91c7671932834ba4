# The LLM platform on AWS as an EU team would run it: every copy stays in EU regions, inference
# stays regional, nodes run with AMD SEV-SNP, and every data asset carries its residency tag.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region = "eu-central-1"
  default_tags {
    tags = { jurisdiction = "eu" }
  }
}

provider "aws" {
  alias  = "dublin"
  region = "eu-west-1"
  default_tags {
    tags = { jurisdiction = "eu" }
  }
}
