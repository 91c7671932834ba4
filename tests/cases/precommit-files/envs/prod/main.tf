provider "aws" {
  region = "us-east-1"
}
module "b" {
  source = "../../modules/b"
}
