provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "frankfurt"
  region = "eu-central-1"
}

module "primary" {
  source     = "../../"
  identifier = "primary"
}

# The same module a second time: it must be read again, not remembered as empty.
module "replica" {
  source     = "../../"
  identifier = "replica"
  providers  = { aws = aws.frankfurt }
}
