resource "aws_sagemaker_model" "llm" {
  name               = "${local.name_prefix}-llm"
  execution_role_arn = aws_iam_role.sagemaker.arn

  primary_container {
    image          = "763104351884.dkr.ecr.eu-central-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4-tgi2.4-gpu-py311-cu124-ubuntu22.04"
    model_data_url = "s3://${aws_s3_bucket.weights.bucket}/llm/model.tar.gz"
  }
}

resource "aws_sagemaker_endpoint_configuration" "llm" {
  name = "${local.name_prefix}-llm"

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.llm.name
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
}

resource "aws_instance" "trainer" {
  count         = 2
  ami           = "ami-0a1b2c3d4e5f67890"
  instance_type = "p4d.24xlarge"

  tags = {
    Name = "${local.name_prefix}-trainer-${count.index}"
  }
}

resource "aws_iam_role" "sagemaker" {
  name = "${local.name_prefix}-sagemaker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
