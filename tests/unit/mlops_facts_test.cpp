// MLflow and W&B endpoints (facts/mlops, adapters/mlops.cpp): URIs, hosts, the settings a container
// really sees, and what is never judged because it cannot be known.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "facts/facts.hpp"
#include "facts/mlops/uri.hpp"
#include "support/project.hpp"

using namespace residency;
using residency::testing::Project;

namespace {

std::string container(std::string_view env, std::string_view extra = "") {
    return fmt::format(R"(apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: ml
spec:
  containers:
    - name: c
      image: x
{}      env:
{})",
                       extra, env);
}

std::vector<std::string> messages(const ScanOutcome& out, std::string_view rule) {
    std::vector<std::string> m;
    for (const auto* list : {&out.report.findings, &out.report.diagnostics})
        for (const Finding& f : *list)
            if (f.rule_id == rule) m.push_back(f.message);
    return m;
}

}  // namespace

TEST_CASE("mlops URIs: schemes, credentials, buckets, storage accounts") {
    auto u = mlops::parse_uri("postgresql+psycopg2://mlflow:s3cret@db.abc.eu-west-1.rds.amazonaws.com:5432/mlflow");
    CHECK(u.scheme == "postgresql+psycopg2");
    CHECK(u.host == "db.abc.eu-west-1.rds.amazonaws.com");
    CHECK(u.shown == "postgresql+psycopg2://db.abc.eu-west-1.rds.amazonaws.com:5432/mlflow");  // no password
    auto s3 = mlops::parse_uri("s3://Weights/runs");
    CHECK(s3.bucket == "weights");
    CHECK(s3.host.empty());
    auto az = mlops::parse_uri("wasbs://artifacts@mlstore.blob.core.windows.net/mlflow");
    CHECK(az.bucket == "artifacts");
    CHECK(az.account == "mlstore");
    CHECK(mlops::parse_uri("/mnt/mlruns").scheme.empty());
    CHECK(mlops::parse_uri("file:///mnt/mlruns").host.empty());
    CHECK(mlops::parse_uri("http://[::1]:5000").host == "::1");
}

TEST_CASE("mlops hosts: in the cluster, and regions in cloud host names") {
    for (std::string_view h : {"mlflow", "mlflow.mlops.svc", "mlflow.mlops.svc.cluster.local", "localhost", "10.0.3.4",
                               "172.20.0.1", "192.168.1.10", "127.0.0.1", "host.docker.internal", "::1"})
        CHECK_MESSAGE(mlops::in_cluster_host(h), h);
    for (std::string_view h : {"mlflow.example.com", "8.8.8.8", "172.32.0.1", "api.wandb.ai"})
        CHECK_FALSE_MESSAGE(mlops::in_cluster_host(h), h);
    auto r = mlops::region_in_host("db.abc.eu-west-1.rds.amazonaws.com");
    REQUIRE(r);
    CHECK(r->region == "eu-west-1");
    CHECK(mlops::region_in_host("s3-eu-central-1.amazonaws.com")->region == "eu-central-1");
    CHECK(mlops::region_in_host("europe-west4-aiplatform.googleapis.com")->region == "europe-west4");
    CHECK(mlops::region_in_host("westeurope.azuredatabricks.net")->region == "westeurope");
    CHECK_FALSE(mlops::region_in_host("s3.amazonaws.com"));  // the global endpoint names no bucket region
    CHECK_FALSE(mlops::region_in_host("adb-123.4.azuredatabricks.net"));
    CHECK_FALSE(mlops::region_in_host("eu-west-1.example.com"));
}

TEST_CASE("mlops shell words") {
    CHECK(mlops::shell_words(R"(mlflow server --host 0.0.0.0 --default-artifact-root "s3://a b/" && echo 'x y')") ==
          std::vector<std::string>{"mlflow", "server", "--host", "0.0.0.0", "--default-artifact-root", "s3://a b/", "&",
                                   "&", "echo", "x y"});
}

TEST_CASE("mlops: a backend store's RDS host, $(VAR) expansion, and a bucket the scan does not define") {
    Project p("mlops-server");
    p.write("server.yaml", container(R"(        - name: DB_HOST
          value: mlflow.abc.us-west-2.rds.amazonaws.com
)",
                                     R"(      args:
        - mlflow
        - server
        - --backend-store-uri=postgresql://mlflow:pw@$(DB_HOST)/mlflow
        - --artifacts-destination
        - gs://somewhere-else
)"));
    auto out = p.scan_from({"."});
    REQUIRE(out->error == "");
    CHECK(messages(*out, "RES701") ==
          std::vector<std::string>{"v1/Pod/ml/p container c keeps its MLflow runs and models in "
                                   "postgresql://mlflow.abc.us-west-2.rds.amazonaws.com/mlflow (--backend-store-uri), in "
                                   "us-west-2 (US), outside eu"});
    CHECK(messages(*out, "RES002") ==
          std::vector<std::string>{"cannot resolve where v1/Pod/ml/p container c stores MLflow artifacts and models in "
                                   "gs://somewhere-else (--artifacts-destination): no google_storage_bucket of the scan "
                                   "is named \"somewhere-else\": scan the Terraform that creates the bucket together with "
                                   "this configuration"});
}

TEST_CASE("mlops: W&B is judged only when its settings are all known") {
    Project p("mlops-wandb");
    const char* key = R"(        - name: WANDB_API_KEY
          valueFrom:
            secretKeyRef: {name: wandb, key: k}
)";
    // An envFrom ConfigMap that is not in the scan may set WANDB_BASE_URL: nothing is said.
    p.write("a.yaml", container(key, "      envFrom:\n        - configMapRef: {name: wandb-settings}\n"));
    auto out = p.scan_from({"."});
    CHECK(messages(*out, "RES701").empty());
    // An optional key may be missing, and W&B then sends nothing.
    p.write("a.yaml", container("        - name: WANDB_API_KEY\n          valueFrom:\n            secretKeyRef: {name: wandb, key: k, optional: true}\n"));
    CHECK(messages(*p.scan_from({"."}), "RES701").empty());
    p.write("a.yaml", container(key));
    CHECK(messages(*p.scan_from({"."}), "RES701").size() == 1);
    // Offline mode sends nothing.
    p.write("a.yaml", container(std::string(key) + "        - name: WANDB_MODE\n          value: offline\n"));
    CHECK(messages(*p.scan_from({"."}), "RES701").empty());
    // The ConfigMap is in the scan and sets the base URL to an undeclared host: RES703, not RES701.
    p.write("a.yaml", container(key, "      envFrom:\n        - configMapRef: {name: wandb-settings}\n") +
                          "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wandb-settings\n  namespace: ml\n"
                          "data:\n  WANDB_BASE_URL: https://wandb.corp.example\n");
    out = p.scan_from({"."});
    CHECK(messages(*out, "RES701").empty());
    CHECK(messages(*out, "RES703") ==
          std::vector<std::string>{"v1/Pod/ml/p container c sends W&B runs and metrics to https://wandb.corp.example "
                                   "(WANDB_BASE_URL): the host name wandb.corp.example says nothing of where it runs, so "
                                   "whether it is inside eu cannot be known; list it in allow.hosts if it is"});
}

TEST_CASE("mlops: an S3-compatible endpoint decides where s3:// artifacts live; edges record every link") {
    Project p("mlops-minio");
    p.write("main.tf", R"(
provider "aws" {
  region = "us-east-1"
}
resource "aws_s3_bucket" "a" {
  bucket = "artifacts"
}
)");
    p.write("server.yaml", container(R"(        - name: MLFLOW_S3_ENDPOINT_URL
          value: http://minio:9000
        - name: MLFLOW_DEFAULT_ARTIFACT_ROOT
          value: s3://artifacts/
)"));
    auto out = p.scan_from({"."});
    REQUIRE(out->error == "");
    CHECK(messages(*out, "RES702").empty());  // MinIO in the cluster holds it, not the US bucket of the same name
    Facts facts = build_facts(out->graph, out->sources, {});
    REQUIRE(facts.mlops.size() == 1);
    CHECK(facts.mlops[0].reach == MlopsEndpoint::Reach::InCluster);
    bool edge = false;
    for (const Edge& e : facts.edges)
        edge = edge || (e.kind == "stores-artifacts-in" && e.target == "s3://artifacts/" && e.from->address == "v1/Pod/ml/p");
    CHECK(edge);
}

TEST_CASE("mlops: a regional S3 endpoint places s3:// buckets only, never gs:// ones") {
    Project p("mlops-s3-region");
    p.write("server.yaml", container(R"(        - name: MLFLOW_S3_ENDPOINT_URL
          value: https://s3.us-east-1.amazonaws.com
        - name: MLFLOW_DEFAULT_ARTIFACT_ROOT
          value: s3://runs/
        - name: MLFLOW_ARTIFACTS_DESTINATION
          value: gs://models/
)"));
    auto out = p.scan_from({"."});
    REQUIRE(out->error == "");
    CHECK(messages(*out, "RES702") ==
          std::vector<std::string>{"v1/Pod/ml/p container c stores MLflow artifacts and models in s3://runs/ "
                                   "(MLFLOW_DEFAULT_ARTIFACT_ROOT), in us-east-1 (US), outside eu"});
    auto unresolved = messages(*out, "RES002");
    REQUIRE(unresolved.size() == 1);
    CHECK(unresolved[0].find("gs://models/") != std::string::npos);
}
