# An LLM platform on AWS: training data and checkpoints in S3, fine-tuning on SageMaker, serving
# behind API Gateway, a Bedrock agent for retrieval, features in DynamoDB. Home: Frankfurt.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region = var.home_region
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

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

variable "home_region" {
  type    = string
  default = "eu-central-1"
}
