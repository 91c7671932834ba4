# Compute and AI services need a location as much as data stores; a provider outside the catalog is
# named rather than passed over in silence; utility providers hold nothing anywhere.
provider "aws" {}

resource "aws_instance" "trainer" {  # expect: RES202 RES403
  ami           = "ami-0a1b2c3d4e5f67890"
  instance_type = "p4d.24xlarge"
}

resource "aws_sagemaker_endpoint" "llm" {  # expect: RES202
  endpoint_config_name = "llm"
}

resource "linode_instance" "worker" {  # expect: RES006
  label  = "worker"
  region = "us-east"
  type   = "g1-gpu-rtx6000-1"
  image  = "linode/ubuntu24.04"
}

resource "linode_volume" "weights" {
  label  = "weights"
  region = "us-east"
  size   = 500
}

resource "random_id" "suffix" {
  byte_length = 4
}
