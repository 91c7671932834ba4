# A module whose examples call it as "../../", scanned one example at a time.
resource "aws_db_instance" "this" {  # expect: RES201
  identifier     = var.identifier
  engine         = "postgres"
  instance_class = "db.r6g.large"
}

variable "identifier" {}
