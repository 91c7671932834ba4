# The configuration every case of the differential test is evaluated in (diff.py adds cases.tf with
# one local per case). No provider: `terraform console` runs offline. terraform_data is built in;
# its `output` is known only after apply, which gives the cases an unknown value (local.u).

variable "region" {
  default = "eu-west-1"
}

variable "names" {
  type    = list(string)
  default = ["alpha", "beta", "gamma"]
}

variable "numbers_as_strings" {
  type    = list(string)
  default = [1, 2.5, true]
}

variable "tags" {
  type = map(string)
  default = {
    Environment = "prod"
    Team        = "ml"
    Count       = 3
  }
}

variable "counts" {
  type    = map(number)
  default = { a = "1", b = 2 }
}

variable "unique" {
  type    = set(string)
  default = ["b", "a", "b", "c"]
}

variable "pair" {
  type    = tuple([string, number, bool])
  default = ["x", "7", "false"]
}

variable "settings" {
  type = object({
    name     = string
    size     = optional(number, 10)
    zones    = optional(list(string), ["a", "b"])
    enabled  = optional(bool)
    labels   = optional(map(string), {})
    nested = optional(object({
      level = optional(number, 1)
      kind  = optional(string, "standard")
    }), {})
  })
  default = {
    name = "svc"
  }
}

variable "buckets" {
  type = map(object({
    region     = optional(string, "eu-central-1")
    versioning = optional(bool, true)
    replicas   = optional(list(string), [])
  }))
  default = {
    logs    = {}
    weights = { region = "eu-west-1", replicas = ["eu-north-1"] }
  }
}

variable "servers" {
  type = list(object({
    name = string
    port = optional(number, 443)
    tags = optional(map(string))
  }))
  default = [
    { name = "a" },
    { name = "b", port = 8080, tags = { tier = "web" } },
  ]
}

variable "nothing" {
  type    = string
  default = null
}

variable "nullable_list" {
  type     = list(string)
  default  = null
  nullable = true
}

variable "not_nullable" {
  type     = string
  default  = "fallback"
  nullable = false
}

variable "anything" {
  type = any
  default = {
    a = [1, 2]
    b = { c = "d" }
  }
}

variable "number" {
  type    = number
  default = "42"
}

variable "flag" {
  type    = bool
  default = "true"
}

variable "empty_list" {
  type    = list(string)
  default = []
}

variable "empty_map" {
  type    = map(string)
  default = {}
}

variable "nested_lists" {
  default = [[1, 2], [3], [], [4, [5, 6]]]
}

variable "text" {
  default = "Hello, World"
}

variable "cidr" {
  default = "10.0.0.0/16"
}

resource "terraform_data" "u" {
  input = "known"
}

locals {
  # Unknown until apply, in Terraform and in residency.
  u     = terraform_data.u.output
  plain = { a = 1, b = "two", c = [true, null] }
  list3 = ["x", "y", "z"]
}
