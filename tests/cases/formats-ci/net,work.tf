resource "aws_ecr_replication_configuration" "images" {
  replication_configuration {
    rule {
      destination {
        region      = "us-west-2"  # expect: RES105
        registry_id = "123456789012"
      }
    }
  }
}

resource "aws_dynamodb_table" "features" {  # expect: RES501
  name         = "features"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
