provider "aws" {
  region = "us-east-1"
}

module "weights" {
  source = "../../modules/bucket"
  name   = "weights-prod"
}
