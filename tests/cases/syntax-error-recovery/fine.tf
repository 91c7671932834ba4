resource "aws_dynamodb_table" "prompts" {
  name         = "prompts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  region       = "eu-west-3"

  attribute {
    name = "id"
    type = "S"
  }
}
