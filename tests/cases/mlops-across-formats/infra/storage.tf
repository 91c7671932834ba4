provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "us"
  region = var.dr_region
}

variable "dr_region" {
  default = "us-east-1"
}

resource "aws_s3_bucket" "datasets" {
  bucket = "llm-datasets"
}

# The MLflow artifacts bucket was created next to the US GPU quota.
resource "aws_s3_bucket" "mlflow" {  # expect: RES201
  provider = aws.us
  bucket   = "llm-mlflow-artifacts"
}
