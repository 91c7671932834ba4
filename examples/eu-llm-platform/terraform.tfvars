environment      = "prod"
analytics_region = "us-east-1"
