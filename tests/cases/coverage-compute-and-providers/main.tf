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

resource "digitalocean_droplet" "worker" {  # expect: RES006
  name   = "worker"
  region = "nyc3"
  size   = "gpu-h100x1-80gb"
  image  = "ubuntu-22-04-x64"
}

resource "digitalocean_volume" "weights" {
  name   = "weights"
  region = "nyc3"
  size   = 500
}

resource "random_id" "suffix" {
  byte_length = 4
}
