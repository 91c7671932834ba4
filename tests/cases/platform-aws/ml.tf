resource "aws_sagemaker_model" "llm" {
  name               = "llm"
  execution_role_arn = "arn:aws:iam::123456789012:role/sagemaker"
  primary_container {
    image          = "${aws_ecr_repository.serving.repository_url}:latest"
    model_data_url = "s3://llm-checkpoints/final/model.tar.gz"
  }
}

resource "aws_sagemaker_endpoint_configuration" "llm" {
  name = "llm"
  production_variants {
    variant_name           = "main"
    model_name             = aws_sagemaker_model.llm.name
    initial_instance_count = 1
    instance_type          = "ml.g5.2xlarge"
  }
}

resource "aws_sagemaker_endpoint" "llm" {
  name                 = "llm"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.llm.name
}

resource "aws_sagemaker_model" "eval" {  # expect: RES203 RES501
  provider           = aws.virginia
  name               = "llm-eval"
  execution_role_arn = "arn:aws:iam::123456789012:role/sagemaker"
  primary_container {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/eval:latest"
  }
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/bedrock"
  foundation_model        = "eu.anthropic.claude-3-7-sonnet-20250219-v1:0"  # expect: RES305
  instruction             = "Answer questions about our products from the knowledge base only."
}

resource "aws_bedrockagent_agent" "triage" {
  agent_name              = "triage"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/bedrock"
  foundation_model        = "us.anthropic.claude-3-5-haiku-20241022-v1:0"  # expect: RES305
  instruction             = "Classify incoming tickets by product and urgency."
}
