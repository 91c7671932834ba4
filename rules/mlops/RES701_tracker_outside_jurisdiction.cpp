// RES701: an experiment tracker (MLflow tracking server or its backend store, W&B server) outside the
// jurisdiction, W&B's multi-tenant cloud included.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.wandb.ai/guides/hosting/hosting-options/",
    "https://mlflow.org/docs/latest/tracking/server/",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/mlflow.html",
};

constexpr RuleExample kBad[] = {
    {"a trainer logging to W&B's default cloud, a notebook logging to SageMaker's MLflow in the US", R"(-- training.yaml --
apiVersion: batch/v1
kind: Job
metadata:
  name: finetune
spec:
  template:
    spec:
      restartPolicy: Never
      nodeSelector:
        topology.kubernetes.io/region: europe-west4
      containers:
        - name: trainer
          image: ghcr.io/example/train:1.0
          env:
            - name: WANDB_API_KEY  # expect: RES701
              valueFrom:
                secretKeyRef:
                  name: wandb
                  key: api-key
---
apiVersion: v1
kind: Pod
metadata:
  name: notebook
spec:
  containers:
    - name: jupyter
      image: jupyter/base-notebook:latest
      env:
        - name: MLFLOW_TRACKING_URI
          value: arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/research  # expect: RES701
)"},
};

constexpr RuleExample kGood[] = {
    {"W&B offline, a dedicated W&B server the policy allows, MLflow in the cluster and in an EU region", R"(-- residency.yaml --
version: 1
jurisdiction: eu
allow:
  hosts: [wandb.example.eu]
-- training.yaml --
apiVersion: batch/v1
kind: Job
metadata:
  name: finetune
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: ghcr.io/example/train:1.0
          env:
            - name: WANDB_API_KEY
              valueFrom:
                secretKeyRef:
                  name: wandb
                  key: api-key
            - name: WANDB_MODE
              value: offline
        - name: evaluator
          image: ghcr.io/example/eval:1.0
          env:
            - name: WANDB_API_KEY
              valueFrom:
                secretKeyRef:
                  name: wandb
                  key: api-key
            - name: WANDB_BASE_URL
              value: https://wandb.example.eu
        - name: logger
          image: ghcr.io/example/log:1.0
          env:
            - name: MLFLOW_TRACKING_URI
              value: http://mlflow.mlops.svc.cluster.local:5000
        - name: reporter
          image: ghcr.io/example/report:1.0
          env:
            - name: MLFLOW_TRACKING_URI
              value: arn:aws:sagemaker:eu-central-1:123456789012:mlflow-tracking-server/research
)"},
};

constexpr MlopsEndpoint::Role kRoles[] = {MlopsEndpoint::Role::Tracker, MlopsEndpoint::Role::BackendStore};

void check(const Facts& facts, RuleOutput& out) { report_mlops_outside(facts, out, kRoles); }

constexpr RuleMeta kMeta{
    .id = "RES701",
    .name = "tracker-outside-jurisdiction",
    .family = "mlops",
    .severity = Severity::High,
    .title = "Experiment runs, metrics and models are tracked outside the jurisdiction",
    .why = "A tracker receives what a run logs: parameters, metrics, sample predictions, evaluation data, often "
           "the model itself. W&B's SDK sends everything to W&B's multi-tenant cloud (https://api.wandb.ai, run "
           "in Google Cloud North America regions) whenever an API key is set and WANDB_BASE_URL is not, unless "
           "WANDB_MODE is offline or disabled. An MLflow client sends runs to MLFLOW_TRACKING_URI (a SageMaker "
           "managed tracking server's ARN names its region); an MLflow server keeps them in its "
           "--backend-store-uri (or MLFLOW_BACKEND_STORE_URI; a host name such as an RDS endpoint names its "
           "region). Settings are read from Kubernetes containers (env, envFrom and valueFrom resolved against the "
           "ConfigMaps of the scan), compose services, .env files and W&B settings files. A tracker in the cluster "
           "(a service name, *.svc, a private address) runs where the workload runs and is not judged here; when "
           "an envFrom source is missing from the scan, an unset WANDB_BASE_URL proves nothing and nothing is "
           "reported.",
    .fix = "Point the client at a tracker inside the jurisdiction (a self-hosted MLflow or W&B server, W&B Dedicated "
           "Cloud in an EU region) and list its host in allow.hosts, or set WANDB_MODE=offline.",
    .references = kReferences,
    .applies_to = {},
    .reads = "MLflow and W&B tracker settings of containers, compose services and configuration files",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES701{&kMeta, check};

}  // namespace residency::rules
