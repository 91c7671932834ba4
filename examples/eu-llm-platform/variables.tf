variable "region" {
  description = "Primary region of the training platform"
  type        = string
  default     = "eu-central-1"
}

variable "analytics_region" {
  description = "Region of the analytics account"
  type        = string
}

variable "environment" {
  type    = string
  default = "prod"
}
