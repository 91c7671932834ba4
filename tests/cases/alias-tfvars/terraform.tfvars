# DR lives in Virginia.
dr_region = "us-east-1"
