provider "aws" {
  region = "ap-northeast-1"
}

module "weights" {
  source = "../../modules/bucket"
  name   = "weights-staging"
}
