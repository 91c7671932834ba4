// RES103: an RDS read replica, Aurora global database member or automated backup replication copies
// a database to a region outside the jurisdiction.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.XRgn.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#replicate_source_db",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance_automated_backups_replication",
};

constexpr RuleExample kBad[] = {
    {"a cross-region read replica in the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-2"
}

resource "aws_db_instance" "main" {
  identifier        = "features"
  engine            = "postgres"
  instance_class    = "db.r6g.large"
  allocated_storage = 100
}

resource "aws_db_instance" "replica" {  # expect: RES201
  provider            = aws.us
  identifier          = "features-replica"
  instance_class      = "db.r6g.large"
  replicate_source_db = aws_db_instance.main.arn  # expect: RES103
}
)"},
    {"an Aurora global database with a secondary cluster in the US", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_rds_global_cluster" "chat" {
  global_cluster_identifier = "chat-history"
  engine                    = "aurora-postgresql"
}

resource "aws_rds_cluster" "primary" {
  cluster_identifier        = "chat-primary"
  engine                    = "aurora-postgresql"
  master_username           = "app"
  manage_master_user_password = true
  global_cluster_identifier = aws_rds_global_cluster.chat.id
}

resource "aws_rds_cluster" "secondary" {  # expect: RES201
  provider                  = aws.us
  cluster_identifier        = "chat-secondary"
  engine                    = "aurora-postgresql"
  global_cluster_identifier = aws_rds_global_cluster.chat.id  # expect: RES103
}
)"},
    {"automated backups replicated to the US, the source named by its ARN", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "us-west-2"
}

resource "aws_db_instance_automated_backups_replication" "dr" {  # expect: RES201
  source_db_instance_arn = "arn:aws:rds:eu-west-1:123456789012:db:features"  # expect: RES103
}
)"},
};

constexpr RuleExample kGood[] = {
    {"a read replica in another EU region, and one in the same region named by identifier", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "frankfurt"
  region = "eu-central-1"
}

resource "aws_db_instance" "main" {
  identifier        = "features"
  engine            = "postgres"
  instance_class    = "db.r6g.large"
  allocated_storage = 100
}

resource "aws_db_instance" "replica_fra" {
  provider            = aws.frankfurt
  instance_class      = "db.r6g.large"
  replicate_source_db = aws_db_instance.main.arn
}

resource "aws_db_instance" "replica_local" {
  instance_class      = "db.r6g.large"
  replicate_source_db = "features"
}
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    report_flows_outside(facts, out, "rds-replica");
    report_flows_outside(facts, out, "rds-backup-replication");
}

constexpr RuleMeta kMeta{
    .id = "RES103",
    .name = "rds-replica-out-of-jurisdiction",
    .family = "replication",
    .severity = Severity::High,
    .title = "An RDS or Aurora database is replicated to a region outside the jurisdiction",
    .why = "A cross-region read replica, a secondary cluster of an Aurora global database and automated "
           "backup replication each keep a full, continuously updated copy of the database (or its backups "
           "and transaction logs) in another region. Training data, features and chat histories in the "
           "database then live in that region too, under its law.",
    .fix = "Create read replicas, global database secondaries and backup replications in a region inside the "
           "jurisdiction (for the EU, for example eu-west-1 to eu-central-1), or remove them.",
    .references = kReferences,
    .applies_to = {},
    .reads = "rds-replica flows: aws_db_instance replicate_source_db, aws_rds_cluster "
             "replication_source_identifier, aws_rds_global_cluster members (global_cluster_identifier); "
             "rds-backup-replication flows: aws_db_instance_automated_backups_replication source_db_instance_arn",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES103{&kMeta, check};

}  // namespace residency::rules
