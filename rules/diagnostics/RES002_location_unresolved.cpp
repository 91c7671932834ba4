// RES002: the location of an asset that holds or processes data cannot be worked out statically.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://developer.hashicorp.com/terraform/language/values/variables#assigning-values-to-root-module-variables",
};

constexpr RuleExample kBad[] = {
    {"a region variable with no default and no value", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
variable "region" {}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "weights" {  # expect: RES002
  bucket = "weights"
}
)"},
    {"replication to a bucket the scan does not contain", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}

resource "aws_s3_bucket_replication_configuration" "weights" {
  bucket = aws_s3_bucket.weights.id
  role   = "arn:aws:iam::123456789012:role/replication"
  rule {
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::weights-copy-in-another-account"  # expect: RES002
    }
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"the variable set in terraform.tfvars", R"(-- residency.yaml --
version: 1
jurisdiction: eu
-- main.tf --
variable "region" {}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "weights" {
  bucket = "weights"
}
-- terraform.tfvars --
region = "eu-central-1"
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    // A destination asset whose own location is unknown gets its diagnostic below, once.
    for (const auto& flow : facts.flows)
        if (flow.destination.state == LocationFact::State::Unknown && !flow.destination_asset)
            out.report(flow.via, flow.range,
                       fmt::format("cannot resolve where {} copies data to: {}", flow.via->address, flow.destination.reason));
    // A Kubernetes claim whose StorageClass is not in the scan: where its volume lives is not known.
    for (const ClaimFact& c : facts.k8s.claims)
        if (!c.unresolved.empty())
            out.report(c.asset, c.range, fmt::format("cannot resolve where {} stores its data: {}", c.asset->address, c.unresolved),
                       {}, c.name);
    // An MLflow store named by a bucket or storage account the scan does not define (or defines twice).
    for (const MlopsEndpoint& e : facts.mlops)
        if (e.reach == MlopsEndpoint::Reach::External && e.host.empty() && !e.linked &&
            e.location.state == LocationFact::State::Unknown)
            out.report(e.asset, e.range,
                       fmt::format("cannot resolve where {}: {}", mlops_use(e), e.location.reason), {}, mlops_key(e));
    for (const auto& m : facts.load.unreadable_parts) {
        // The Kubernetes frontend's charts and templates say themselves what cannot be read.
        std::string_view text = m.message;
        // The MLOps frontend's messages are whole ("cannot read env_file ...").
        if (text.starts_with("mlops: "))
            out.report(nullptr, m.range, std::string(text.substr(7)));
        else if (text.starts_with("chart: ") || text.starts_with("template: "))
            out.report(nullptr, m.range, fmt::format("cannot read the objects of {}", text.substr(text.find(' ') + 1)));
        else
            out.report(nullptr, m.range, fmt::format("cannot resolve the locations of the assets in this module: {}", m.message));
    }
    // A Kubernetes workload allowed in several places the catalog knows is not unknown: RES204 judges
    // each place.
    std::set<const Asset*> judged_pins;
    for (const WorkloadFact& w : facts.k8s.workloads)
        if (w.every_pod_constrained && !w.pins.empty() && std::all_of(w.pins.begin(), w.pins.end(), [](const TopologyValue& t) { return t.place.has_value(); }))
            judged_pins.insert(w.asset);
    for (const AssetFact* fp : facts.of_classes(kDataClasses)) {
        const AssetFact& f = *fp;
        if (judged_pins.contains(f.asset)) continue;
        // An unknown that starts at a function residency cannot evaluate is RES004's, at the call.
        if (f.location.state != LocationFact::State::Unknown || !f.location.unsupported_function.empty()) continue;
        auto related = provenance_locations(f.location.provenance);
        bool shown = std::any_of(related.begin(), related.end(), [&](const RelatedLocation& r) {
            return r.range.file == f.location.range.file && r.range.begin <= f.location.range.begin &&
                   f.location.range.end <= r.range.end;
        });
        if (f.location.range.valid() && !shown) related.push_back({f.location.range, "the unresolved value"});
        out.report(f.asset, f.asset->header_range,
                   fmt::format("cannot resolve the location of {}: {}", f.asset->address, f.location.reason),
                   std::move(related));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES002",
    .name = "location-unresolved",
    .family = "diagnostics",
    .severity = Severity::Low,
    .title = "The location of an asset cannot be resolved from the configuration",
    .why = "An asset whose region depends on a value the scan cannot see (a variable with no value, an "
           "attribute known only after apply, a module that is not installed) may be anywhere. residency "
           "never guesses: it says what is missing instead of reporting a violation or staying silent. A "
           "Kubernetes PersistentVolumeClaim whose StorageClass is not in the scan (or that takes the cluster's "
           "default class, which no class of the scan is annotated as) is reported here too.",
    .fix = "Give the scan what resolves the value: `--var name=value`, `--var-file`, a terraform.tfvars or "
           "*.auto.tfvars file, or a literal region on the provider or the resource; for a Kubernetes claim, "
           "scan its StorageClass with it.",
    .references = kReferences,
    .applies_to = kDataClasses,
    .reads = "data stores, compute, AI services and state backends with an unresolved location; replication "
             "destinations; module calls whose contents cannot be read; Kubernetes claims whose StorageClass is not in the scan",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES002{&kMeta, check};

}  // namespace residency::rules
