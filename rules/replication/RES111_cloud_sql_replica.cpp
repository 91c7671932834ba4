// RES111: a Cloud SQL read replica, or the instance's backups, outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://cloud.google.com/sql/docs/mysql/replication",
    "https://cloud.google.com/sql/docs/mysql/backup-recovery/backups#custom-backup-location",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance",
};

constexpr RuleExample kBad[] = {
    {"a cross-region read replica in the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "google_sql_database_instance" "main" {
  name             = "features"
  region           = "europe-west1"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "replica" {  # expect: RES201
  name                 = "features-replica"
  region               = "us-east1"
  database_version     = "POSTGRES_15"
  master_instance_name = google_sql_database_instance.main.name  # expect: RES111
  settings {
    tier = "db-custom-2-7680"
  }
}
)"},
    {"backups stored in another country, replica named literally", R"(-- residency.yaml --
version: 1
jurisdiction: de
-- main.tf --
resource "google_sql_database_instance" "main" {
  name             = "prompts"
  region           = "europe-west3"
  database_version = "MYSQL_8_0"
  settings {
    tier = "db-n1-standard-2"
    backup_configuration {
      enabled  = true
      location = "europe-west4"  # expect: RES111
    }
  }
}

resource "google_sql_database_instance" "replica" {  # expect: RES201
  name                 = "prompts-replica"
  region               = "europe-west9"
  database_version     = "MYSQL_8_0"
  master_instance_name = "prompts"  # expect: RES111
  settings {
    tier = "db-n1-standard-2"
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"replica and backups inside the EU", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
resource "google_sql_database_instance" "main" {
  name             = "features"
  region           = "europe-west1"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled  = true
      location = "europe-west4"
    }
  }
}

resource "google_sql_database_instance" "replica" {
  name                 = "features-replica"
  region               = "europe-west3"
  database_version     = "POSTGRES_15"
  master_instance_name = google_sql_database_instance.main.name
  settings {
    tier = "db-custom-2-7680"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    report_flows_outside(facts, out, "cloud-sql-replica");
    if (!facts.has_jurisdiction()) return;
    for (const Flow& f : facts.flows) {
        if (f.mechanism != "cloud-sql-backup" || f.destination.state != LocationFact::State::Known ||
            facts.inside(f.destination.place))
            continue;
        const LocationFact& from = facts.fact(*f.origin).location;
        std::string origin = from.state == LocationFact::State::Known
                                 ? fmt::format("{} ({})", f.origin->address, describe_place(from.place))
                                 : f.origin->address;
        out.report(f.via, f.range,
                   fmt::format("{} stores its backups in {}, {}", origin, describe_place(f.destination.place),
                               outside_phrase(facts, f.destination.place)),
                   provenance_locations(f.destination.provenance), f.destination.place.code);
    }
}

constexpr RuleMeta kMeta{
    .id = "RES111",
    .name = "cloud-sql-replica-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "A Cloud SQL replica or the instance's backups are outside the jurisdiction",
    .why = "A read replica (`master_instance_name`) receives every change of its primary continuously, and "
           "`backup_configuration.location` stores full copies of the database there. A replica or a backup "
           "location in another jurisdiction moves the data there even though the primary is compliant.",
    .fix = "Put replicas in a region inside the jurisdiction and set `settings.backup_configuration.location` "
           "to a region (or multi-region) inside it.",
    .references = kReferences,
    .applies_to = {},
    .reads = "cloud-sql-replica and cloud-sql-backup flows: google_sql_database_instance master_instance_name, "
             "settings.backup_configuration.location",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES111{&kMeta, check};

}  // namespace residency::rules
