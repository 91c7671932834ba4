provider "aws" {
  alias  = "eu"
  region = "eu-central-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-2"
}

module "weights" {
  source = "./modules/bucket"
  name   = "weights"
  providers = {
    aws = aws.eu
  }
}

module "weights_mirror" {
  source = "./modules/bucket"
  name   = "weights-mirror"
  providers = {
    aws = aws.us
  }
}

resource "aws_s3_bucket_replication_configuration" "mirror" {
  provider = aws.eu
  bucket   = module.weights.id
  role     = "arn:aws:iam::123456789012:role/replication"

  rule {
    status = "Enabled"
    destination {
      bucket = module.weights_mirror.arn  # expect: RES101
    }
  }
}
