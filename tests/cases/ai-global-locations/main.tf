# Reduced from GoogleCloudPlatform/cloud-foundation-fabric modules/ai-applications: data stores,
# engines and a Dialogflow CX agent whose location defaults to "global".
provider "google" {
  region = "europe-west3"
}

module "support" {
  source = "./modules/ai-app"
  name   = "support"
}

module "support_eu" {
  source         = "./modules/ai-app"
  name           = "support-eu"
  location       = "eu"
  agent_location = "europe-west1"
}

module "support_de" {
  source         = "./modules/ai-app"
  name           = "support-de"
  location       = "eu"
  agent_location = "europe-west3"
}

# A Dialogflow ES agent takes no location: the provider creates it at the global one.
resource "google_dialogflow_agent" "faq" {  # expect: RES307
  display_name          = "faq"
  default_language_code = "de"
  time_zone             = "Europe/Berlin"
}

# Takes the provider's region (europe-west3, Frankfurt): inside de.
resource "google_vertex_ai_index" "embeddings" {
  display_name = "embeddings"
}

resource "google_vertex_ai_endpoint" "chat" {  # expect: RES203
  name         = "chat"
  display_name = "chat"
  location     = "us-central1"
}
