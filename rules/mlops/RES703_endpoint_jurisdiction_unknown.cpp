// RES703: an external tracker or store whose host says nothing of where it runs and that the policy
// does not list in allow.hosts.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.wandb.ai/guides/hosting/hosting-options/dedicated_cloud/",
    "https://mlflow.org/docs/latest/tracking/",
};

constexpr RuleExample kBad[] = {
    {"a self-hosted MLflow and a W&B Dedicated Cloud instance nobody declared", R"(-- trainer.yaml --
apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: ghcr.io/example/train:1.0
          env:
            - name: MLFLOW_TRACKING_URI
              value: https://mlflow.example.com  # expect: RES703
            - name: WANDB_BASE_URL
              value: https://acme.wandb.io  # expect: RES703
)"},
};

constexpr RuleExample kGood[] = {
    {"the same hosts, declared inside the jurisdiction", R"(-- residency.yaml --
version: 1
jurisdiction: eu
allow:
  hosts: [mlflow.example.com, "*.wandb.io"]
-- trainer.yaml --
apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: ghcr.io/example/train:1.0
          env:
            - name: MLFLOW_TRACKING_URI
              value: https://mlflow.example.com
            - name: WANDB_BASE_URL
              value: https://acme.wandb.io
)"},
};

void check(const Facts& facts, RuleOutput& out) {
    for (const MlopsEndpoint& e : facts.mlops) {
        if (e.reach != MlopsEndpoint::Reach::External || e.host.empty() || e.linked) continue;
        if (e.location.state != LocationFact::State::Unknown || facts.host_allowed(e.host)) continue;
        out.report(e.asset, e.range,
                   fmt::format("{}: {}, so whether it is inside {} cannot be known; list it in allow.hosts if it is",
                               mlops_use(e), e.location.reason,
                               facts.has_jurisdiction() ? facts.jurisdiction_label() : "the jurisdiction"),
                   mlops_related(e), mlops_key(e));
    }
}

constexpr RuleMeta kMeta{
    .id = "RES703",
    .name = "endpoint-jurisdiction-unknown",
    .family = "mlops",
    .severity = Severity::Low,
    .title = "An external tracker or store runs in a place the configuration does not say",
    .why = "A self-hosted MLflow server, a W&B Dedicated Cloud or Server instance, a Databricks workspace or an "
           "S3-compatible store outside the cluster is reached by a host name that names no region, so the scan "
           "cannot know which country receives the runs and artifacts. Someone who knows where it runs declares "
           "it: hosts in `allow.hosts` (exact names or `*.` globs) count as inside the jurisdiction. Hosts whose "
           "name gives their region (*.<region>.amazonaws.com, <region>-aiplatform.googleapis.com) and W&B's "
           "multi-tenant cloud are judged by RES701 and RES702 instead.",
    .fix = "Add the host to `allow.hosts` in residency.yaml if it runs inside the jurisdiction; otherwise move the "
           "tracker or store there.",
    .references = kReferences,
    .applies_to = {},
    .reads = "MLflow and W&B endpoints whose host names no region",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES703{&kMeta, check};

}  // namespace residency::rules
