// RES702: an MLflow artifact or model store outside the jurisdiction: a bucket of the scan, a storage
// account, an S3-compatible endpoint whose host names its region.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://mlflow.org/docs/latest/tracking/artifact-stores/",
    "https://mlflow.org/docs/latest/cli.html#mlflow-server",
};

constexpr RuleExample kBad[] = {
    {"an MLflow server whose artifact root is a bucket Terraform creates in the US", R"(-- infra/buckets.tf --
provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "artifacts" {  # expect: RES201
  bucket = "ml-artifacts"
}
-- deploy/mlflow.yaml --
apiVersion: apps/v1
kind: Deployment
metadata:
  name: mlflow
spec:
  selector:
    matchLabels:
      app: mlflow
  template:
    metadata:
      labels:
        app: mlflow
    spec:
      containers:
        - name: server
          image: ghcr.io/mlflow/mlflow:v2.16.0
          args:
            - mlflow
            - server
            - --host=0.0.0.0
            - --default-artifact-root
            - s3://ml-artifacts/mlflow  # expect: RES702
)"},
};

constexpr RuleExample kGood[] = {
    {"artifacts in an EU bucket of the scan and in MinIO inside the cluster", R"(-- infra/buckets.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "ml-artifacts"
}
-- deploy/mlflow.yaml --
apiVersion: apps/v1
kind: Deployment
metadata:
  name: mlflow
spec:
  selector:
    matchLabels:
      app: mlflow
  template:
    metadata:
      labels:
        app: mlflow
    spec:
      containers:
        - name: server
          image: ghcr.io/mlflow/mlflow:v2.16.0
          command: ["/bin/sh", "-c"]
          args:
            - mlflow server --host 0.0.0.0 --default-artifact-root s3://ml-artifacts/mlflow
        - name: scratch
          image: ghcr.io/mlflow/mlflow:v2.16.0
          env:
            - name: MLFLOW_S3_ENDPOINT_URL
              value: http://minio:9000
            - name: MLFLOW_ARTIFACTS_DESTINATION
              value: s3://scratch/
)"},
};

constexpr MlopsEndpoint::Role kRoles[] = {MlopsEndpoint::Role::ArtifactStore};

void check(const Facts& facts, RuleOutput& out) { report_mlops_outside(facts, out, kRoles); }

constexpr RuleMeta kMeta{
    .id = "RES702",
    .name = "artifact-store-outside-jurisdiction",
    .family = "mlops",
    .severity = Severity::High,
    .title = "MLflow stores artifacts and models outside the jurisdiction",
    .why = "Artifacts are the model weights, checkpoints, datasets and evaluation outputs a run logs. An MLflow "
           "server writes them to its --default-artifact-root (MLFLOW_DEFAULT_ARTIFACT_ROOT) and, when it proxies "
           "them, to --artifacts-destination (MLFLOW_ARTIFACTS_DESTINATION); clients may write to the root "
           "directly. An s3:// or gs:// URI names a bucket: the bucket of the scan's Terraform with that name "
           "(aws_s3_bucket `bucket`, google_storage_bucket `name`) says where it is, and the finding shows its "
           "block and where its region comes from; wasbs:// and abfss:// name an azurerm_storage_account. With "
           "MLFLOW_S3_ENDPOINT_URL set to an S3-compatible service, the bucket lives where that service runs (in "
           "the cluster, or in the region its host name gives). A bucket the scan does not define is the "
           "diagnostic RES002, not a finding.",
    .fix = "Use a bucket or storage account inside the jurisdiction for the artifact root and destination.",
    .references = kReferences,
    .applies_to = {},
    .reads = "MLflow server flags and environment, MLFLOW_S3_ENDPOINT_URL, and the Terraform buckets and storage "
             "accounts they name",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES702{&kMeta, check};

}  // namespace residency::rules
