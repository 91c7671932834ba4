terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # The state holds every attribute of the platform, secrets included.
  backend "s3" {
    bucket = "acme-llm-platform-tfstate"
    key    = "platform/terraform.tfstate"
    region = "us-east-1"
  }
}
