// RES307: an AI service or AI data store sits at a cloud's `global` location, where the provider
// picks the region that processes (and for some services stores) the data.
#include <fmt/format.h>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://cloud.google.com/vertex-ai/generative-ai/docs/learn/locations",
    "https://cloud.google.com/generative-ai-app-builder/docs/locations",
    "https://cloud.google.com/dialogflow/cx/docs/concept/region",
    "https://cloud.google.com/dialogflow/es/docs/how/region",
    "https://learn.microsoft.com/en-us/azure/bot-service/bot-builder-concept-regionalization",
};

constexpr AssetClass kClasses[] = {AssetClass::AiService};

constexpr RuleExample kBad[] = {
    {"a search engine, its data store and a Dialogflow CX agent at the global location", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "google" {
  region = "europe-west1"
}

resource "google_discovery_engine_data_store" "docs" {  # expect: RES307
  location          = "global"
  data_store_id     = "docs"
  display_name      = "docs"
  industry_vertical = "GENERIC"
  content_config    = "CONTENT_REQUIRED"
  solution_types    = ["SOLUTION_TYPE_SEARCH"]
}

resource "google_discovery_engine_search_engine" "search" {  # expect: RES307
  engine_id      = "search"
  collection_id  = "default_collection"
  location       = google_discovery_engine_data_store.docs.location
  display_name   = "search"
  data_store_ids = [google_discovery_engine_data_store.docs.data_store_id]
  search_engine_config {}
}

resource "google_dialogflow_cx_agent" "support" {  # expect: RES307
  display_name          = "support"
  location              = "global"
  default_language_code = "en"
  time_zone             = "Europe/Paris"
}

resource "google_dialogflow_cx_flow" "triage" {
  parent       = google_dialogflow_cx_agent.support.id
  display_name = "triage"
}
)"},
    {"a Dialogflow ES agent, which takes no location and is created at the global one", R"(-- residency.yaml --
version: 1
jurisdiction: de
-- main.tf --
provider "google" {
  region = "europe-west3"
}

resource "google_dialogflow_agent" "faq" {  # expect: RES307
  display_name          = "faq"
  default_language_code = "de"
  time_zone             = "Europe/Berlin"
}
)"},
};

constexpr RuleExample kGood[] = {
    {"Vertex AI Search in the EU multi-region, a regional Dialogflow CX agent", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "google_discovery_engine_data_store" "docs" {
  location          = "eu"
  data_store_id     = "docs"
  display_name      = "docs"
  industry_vertical = "GENERIC"
  content_config    = "CONTENT_REQUIRED"
}

resource "google_discovery_engine_search_engine" "search" {
  engine_id      = "search"
  collection_id  = "default_collection"
  location       = "eu"
  display_name   = "search"
  data_store_ids = ["docs"]
  search_engine_config {}
}

resource "google_dialogflow_cx_agent" "support" {
  display_name          = "support"
  location              = "europe-west3"
  default_language_code = "en"
  time_zone             = "Europe/Paris"
}
)"},
};

// What the global location means, by service (the references above).
struct GlobalMeaning {
    std::string_view prefix;
    std::string_view wording;
};
constexpr GlobalMeaning kMeanings[] = {
    {"google_dialogflow_", "Dialogflow serves it from any region and keeps its data at rest in the US"},
    {"google_discovery_engine_",
     "Vertex AI Search keeps data at rest inside a geography only at the us or eu multi-region"},
    {"google_vertex_ai_", "Google picks the region that processes each request"},
    {"azurerm_bot_", "Azure Bot Service keeps and processes the bot's data in a chosen geography only for a "
                     "regional bot"},
};

// Types that take no location and are always created at the global one.
struct AlwaysGlobal {
    std::string_view type;
    std::string_view wording;
};
constexpr AlwaysGlobal kAlwaysGlobal[] = {
    {"google_dialogflow_agent", "has no location argument: the provider creates the Dialogflow ES agent at the "
                                "global location, which serves it from any region and keeps its data at rest in "
                                "the US"},
};

void check(const Facts& facts, RuleOutput& out) {
    if (!facts.has_jurisdiction()) return;
    for (const AssetFact* f : facts.of_classes(kClasses)) {
        const Asset& a = *f->asset;
        if (f->location.state == LocationFact::State::Global) {
            std::string_view meaning = "the provider may process its data in any region";
            for (const auto& m : kMeanings)
                if (a.type.starts_with(m.prefix)) meaning = m.wording;
            out.report(&a, a.header_range,
                       fmt::format("{} is at the global location, so not pinned inside {}: {}", a.address,
                                   facts.jurisdiction_label(), meaning),
                       provenance_locations(f->location.provenance));
            continue;
        }
        if (f->location.state != LocationFact::State::NotApplicable) continue;
        for (const auto& g : kAlwaysGlobal)
            if (a.type == g.type)
                out.report(&a, a.header_range,
                           fmt::format("{} {}, so not inside {}", a.address, g.wording, facts.jurisdiction_label()));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES307",
    .name = "ai-service-global-location",
    .family = "global-endpoint",
    .severity = Severity::High,
    .title = "An AI service or AI data store is at the global location (Vertex AI, Discovery Engine, Dialogflow)",
    .why = "A resource at `global` is pinned to no region. Google says not to use the Vertex AI global endpoint "
           "when ML processing must stay in a place, since you can neither control nor know the region a "
           "request goes to; Vertex AI Search (Discovery Engine) keeps data at rest in a geography only at the "
           "`us` or `eu` multi-region; Dialogflow's global location serves from anywhere and keeps data at rest "
           "in the US, and a Dialogflow ES agent created with Terraform is always there. Prompts, indexed "
           "documents and conversation logs then leave the jurisdiction without any region being written.",
    .fix = "Create the resource at a regional or multi-regional location inside the jurisdiction (`location = "
           "\"eu\"` for Discovery Engine data stores and engines, `europe-west3` for a Dialogflow CX agent, a "
           "regional Vertex AI location). A Dialogflow ES agent cannot be placed with Terraform: use a "
           "Dialogflow CX agent at a regional location instead.",
    .references = kReferences,
    .applies_to = kClasses,
    .reads = "AI services and AI data stores at `location = \"global\"` (google_vertex_ai_*, "
             "google_discovery_engine_*, google_dialogflow_cx_agent, google_dialogflow_agent, azurerm_bot_*)",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES307{&kMeta, check};

}  // namespace residency::rules
