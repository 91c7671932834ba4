variable "name" {
  type = string
}

variable "location" {
  description = "Location where the data stores and agents will be created."
  type        = string
  default     = "global"
}

variable "agent_location" {
  type    = string
  default = null
}

variable "data_stores" {
  type    = set(string)
  default = ["faq", "manuals"]
}

resource "google_discovery_engine_data_store" "default" {  # expect: RES203 RES307
  for_each          = var.data_stores
  location          = var.location
  data_store_id     = "${var.name}-${each.key}"
  display_name      = each.key
  industry_vertical = "GENERIC"
  content_config    = "CONTENT_REQUIRED"
  solution_types    = ["SOLUTION_TYPE_CHAT"]
}

resource "google_discovery_engine_schema" "default" {
  for_each      = var.data_stores
  location      = var.location
  data_store_id = google_discovery_engine_data_store.default[each.key].data_store_id
  schema_id     = "default_schema"
}

resource "google_discovery_engine_chat_engine" "default" {  # expect: RES203 RES307
  engine_id         = var.name
  collection_id     = "default_collection"
  location          = var.location
  display_name      = var.name
  industry_vertical = "GENERIC"
  data_store_ids    = [for ds in google_discovery_engine_data_store.default : ds.data_store_id]
  common_config {
    company_name = "Example"
  }
  chat_engine_config {
    agent_creation_config {
      default_language_code = "en"
      time_zone             = "Europe/Berlin"
    }
  }
}

resource "google_dialogflow_cx_agent" "default" {  # expect: RES203 RES307
  display_name          = var.name
  location              = coalesce(var.agent_location, var.location)
  default_language_code = "en"
  time_zone             = "Europe/Berlin"
}

resource "google_dialogflow_cx_flow" "triage" {
  parent       = google_dialogflow_cx_agent.default.id
  display_name = "triage"
}
