resource "aws_sagemaker_endpoint" "llm" {
  name                 = "${local.name_prefix}-llm"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.llm.name
}

resource "aws_ecr_repository" "inference_images" {
  name = "${local.name_prefix}-inference"
}

# Online features and prompt history for the endpoint, kept as a global table.
resource "aws_dynamodb_table" "features" {
  name             = "${local.name_prefix}-features"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "entity_id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "entity_id"
    type = "S"
  }

  replica {
    region_name = "eu-west-1"
  }

  # A low-latency copy for the US analytics team.
  replica {
    region_name = var.analytics_region
  }
}
