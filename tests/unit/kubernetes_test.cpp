// The Kubernetes frontend: YAML streams to value trees with ranges, objects to assets, pod specs,
// location pins, Helm's `# Source:` notes, charts, and suppression by annotation.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "facts/facts.hpp"
#include "report/writers.hpp"
#include "facts/kubernetes_objects.hpp"
#include "frontends/kubernetes/kubernetes.hpp"
#include "frontends/kubernetes/yaml_stream.hpp"
#include "support/project.hpp"

using namespace residency;
using residency::testing::Project;

namespace {

std::string at(std::string_view text, const Range& r) { return std::string(text.substr(r.begin, r.end - r.begin)); }

struct Loaded {
    Graph graph;
    LoadResult result;
};

Loaded load(std::string_view text) {
    Loaded l;
    kubernetes::load_manifest(0, text, ".", l.graph, l.result);
    return l;
}

const Value* path(const Value& v, std::initializer_list<std::string_view> keys) {
    const Value* cur = &v;
    for (auto k : keys) {
        if (!cur) return nullptr;
        cur = cur->get(k);
    }
    return cur;
}

}  // namespace

TEST_CASE("a multi-document stream gives one asset per object, with type, address and ranges") {
    std::string text = R"(---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: vllm
  namespace: ml
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: server
          image: "vllm/vllm-openai:v0.6"
---
apiVersion: v1
kind: Service
metadata:
  name: web
)";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 2);
    const Asset& d = l.graph.assets[0];
    CHECK(d.format == "kubernetes");
    CHECK(d.type == "apps/Deployment");
    CHECK(d.address == "apps/v1/Deployment/ml/vllm");
    CHECK(d.asset_class == AssetClass::Compute);
    CHECK(at(text, d.header_range) == "vllm");
    CHECK(at(text, d.range).starts_with("apiVersion: apps/v1"));
    const Value* replicas = path(d.attributes, {"spec", "replicas"});
    REQUIRE(replicas);
    CHECK(replicas->is_number());
    CHECK(replicas->as_number() == 2);
    const Value* containers = path(d.attributes, {"spec", "template", "spec", "containers"});
    REQUIRE(containers);
    REQUIRE(containers->items().size() == 1);
    CHECK(at(text, containers->items()[0].get("image")->range) == "\"vllm/vllm-openai:v0.6\"");
    CHECK(at(text, containers->items()[0].range).starts_with("name: server"));
    CHECK_FALSE(d.location_applies);
    CHECK(l.graph.assets[1].type == "core/Service");
    CHECK(l.graph.assets[1].address == "v1/Service/web");
    CHECK(l.graph.assets[1].asset_class == AssetClass::Network);
    CHECK(l.result.syntax_errors.empty());
}

TEST_CASE("a List gives its items; anchors, aliases and merge keys are resolved; block scalars kept") {
    std::string text = R"(apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: base
      labels: &labels
        app: llm
        tier: serving
    data:
      script: |
        line one
        line two
      folded: >-
        a
        b
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: derived
      labels:
        <<: *labels
        tier: batch
    data:
      yes_flag: yes
      quoted: "on"
      empty:
      number: 0x10
)";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 2);
    const Value& base = l.graph.assets[0].attributes;
    CHECK(path(base, {"data", "script"})->as_string() == "line one\nline two\n");
    CHECK(path(base, {"data", "folded"})->as_string() == "a b");
    const Value& derived = l.graph.assets[1].attributes;
    CHECK(path(derived, {"metadata", "labels", "app"})->as_string() == "llm");
    CHECK(path(derived, {"metadata", "labels", "tier"})->as_string() == "batch");
    CHECK(path(derived, {"metadata", "labels", "<<"}) == nullptr);
    CHECK(path(derived, {"data", "yes_flag"})->is_bool());
    CHECK(path(derived, {"data", "quoted"})->as_string() == "on");
    CHECK(path(derived, {"data", "empty"})->is_null());
    CHECK(path(derived, {"data", "number"})->as_number() == 16);
    // A merged value keeps the range where it was written.
    CHECK(at(text, path(derived, {"metadata", "labels", "app"})->range) == "llm");
}

TEST_CASE("a malformed document is one syntax error and the documents around it still load") {
    std::string text = R"(apiVersion: v1
kind: ConfigMap
metadata: {name: first}
---
apiVersion: v1
kind: Pod
metadata:
  name: broken
spec: [unclosed
---
apiVersion: v1
kind: ConfigMap
metadata: {name: last}
)";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 2);
    CHECK(l.graph.assets[0].address == "v1/ConfigMap/first");
    CHECK(l.graph.assets[1].address == "v1/ConfigMap/last");
    REQUIRE(l.result.syntax_errors.size() == 1);
    const auto& e = l.result.syntax_errors[0];
    CHECK(e.range.begin >= text.find("kind: Pod"));
    CHECK(e.range.begin <= text.find("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: last}"));
}

TEST_CASE("a duplicate key is a diagnostic and the last one counts") {
    std::string text = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: one
  name: two
)";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 1);
    CHECK(l.graph.assets[0].address == "v1/ConfigMap/two");
    REQUIRE(l.result.syntax_errors.size() == 1);
    CHECK(l.result.syntax_errors[0].message.find("duplicate key \"name\"") != std::string::npos);
    CHECK(l.result.syntax_errors[0].message.find("the last one counts") != std::string::npos);
    CHECK(at(text, l.result.syntax_errors[0].range) == "name");
}

TEST_CASE("YAML that is not Kubernetes objects gives nothing") {
    auto l = load(R"(services:
  web:
    image: nginx
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [a.yaml]
---
apiVersion: v2
name: chart
)");
    CHECK(l.graph.assets.empty());
    CHECK(l.result.syntax_errors.empty());
    CHECK_FALSE(kubernetes::looks_like_manifest("version: 1\njurisdiction: eu\n"));
    CHECK(kubernetes::looks_like_manifest("apiVersion: v1\nkind: Pod\n"));
}

TEST_CASE("an alias bomb stops at the node bound, quickly") {
    std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; ++c) {
        text += std::string("  ") + c + ": &" + c + " [";
        for (int i = 0; i < 9; ++i) text += std::string(i ? "," : "") + "*" + prev;
        text += "]\n";
        prev = c;
    }
    text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: after}\n";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 1);
    CHECK(l.graph.assets[0].address == "v1/ConfigMap/after");
    REQUIRE(l.result.syntax_errors.size() == 1);
    CHECK(l.result.syntax_errors[0].message.find("nodes") != std::string::npos);
}

TEST_CASE("deep nesting is bounded") {
    std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    auto l = load(text);
    CHECK(l.graph.assets.empty());
    CHECK(l.result.syntax_errors.size() == 1);
}

TEST_CASE("pod specs are found wherever the workload keeps them") {
    auto l = load(R"(apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: a, image: x}]
---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: train}
spec:
  pytorchReplicaSpecs:
    Master:
      template:
        spec:
          containers: [{name: m, image: x}]
    Worker:
      template:
        spec:
          containers: [{name: w, image: x}]
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
---
apiVersion: ray.io/v1
kind: RayService
metadata: {name: serve}
spec:
  rayClusterConfig:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: x}]
    workerGroupSpecs:
      - groupName: gpu
        template:
          spec:
            containers: [{name: w, image: x}]
)");
    REQUIRE(l.graph.assets.size() == 4);
    auto cron = k8s::pod_specs(l.graph.assets[0]);
    REQUIRE(cron.size() == 1);
    CHECK(cron[0].path == "spec.jobTemplate.spec.template.spec");
    auto torch = k8s::pod_specs(l.graph.assets[1]);
    REQUIRE(torch.size() == 2);
    CHECK(torch[0].role == "Master");
    CHECK(torch[1].path == "spec.pytorchReplicaSpecs.Worker.template.spec");
    auto kserve = k8s::pod_specs(l.graph.assets[2]);
    REQUIRE(kserve.size() == 1);
    CHECK(kserve[0].path == "spec.predictor");
    auto ray = k8s::pod_specs(l.graph.assets[3]);
    REQUIRE(ray.size() == 2);
    CHECK(ray[1].role == "gpu");
    for (const auto& a : l.graph.assets) CHECK(a.asset_class == AssetClass::Compute);
}

TEST_CASE("a topology pin locates a workload; zones map to their region through the catalog") {
    std::string text = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: pinned}
spec:
  template:
    spec:
      nodeSelector:
        topology.kubernetes.io/region: eu-west-1
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: zoned}
spec:
  template:
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: failure-domain.beta.kubernetes.io/zone
                    operator: In
                    values: [europe-west4-a]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: several}
spec:
  template:
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: topology.kubernetes.io/region
                    operator: In
                    values: [eu-west-1, us-east-1]
)";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 3);
    const Asset& pinned = l.graph.assets[0];
    CHECK(pinned.cloud == "aws");
    CHECK(pinned.location.as_string() == "eu-west-1");
    CHECK(at(text, pinned.location.range) == "eu-west-1");
    REQUIRE(pinned.location.provenance);
    // eu-west-1 is also Alibaba Cloud's London: read as AWS's, and said so.
    CHECK(pinned.location.provenance->label.starts_with("nodeSelector topology.kubernetes.io/region (read as AWS's"));
    auto f = locate(pinned);
    CHECK(f.state == LocationFact::State::Known);
    const Asset& zoned = l.graph.assets[1];
    CHECK(zoned.cloud == "google");
    auto z = locate(zoned);
    REQUIRE(z.state == LocationFact::State::Known);
    CHECK(z.place.countries == std::vector<std::string>{"NL"});
    const Asset& several = l.graph.assets[2];
    CHECK(several.location.is_unknown());
    CHECK(several.location.unknown_reason().find("eu-west-1, us-east-1") != std::string::npos);
    CHECK(locate(several).state == LocationFact::State::Unknown);
}

TEST_CASE("helm template output: the Source comment stays with each object; findings name it") {
    Project p("k8s-helm");
    p.write("rendered.yaml", R"(---
# Source: llm/templates/pvc.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: weights
spec:
  storageClassName: standard
---
# Source: llm/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: vllm
spec:
  template:
    spec:
      nodeSelector:
        topology.kubernetes.io/region: us-east-1
)");
    auto out = p.scan_from({"."});
    REQUIRE(out->error.empty());
    const auto& assets = out->graph.assets;
    REQUIRE(assets.size() == 2);
    CHECK(assets[0].origin_note == "llm/templates/pvc.yaml");
    CHECK(assets[1].origin_note == "llm/templates/deployment.yaml");
    CHECK(out->sources.get(assets[1].origin_range.file).line_col(assets[1].origin_range.begin).line == 10);
}

TEST_CASE("an unrendered chart is one diagnostic that says how to render it") {
    Project p("k8s-chart");
    p.write("chart/Chart.yaml", "apiVersion: v2\nname: llm\nversion: 0.1.0\n");
    p.write("chart/values.yaml", "image: vllm\n");
    p.write("chart/templates/deployment.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
    auto out = p.scan_from({"."});
    REQUIRE(out->error.empty());
    CHECK(out->graph.assets.empty());
    REQUIRE(out->report.diagnostics.size() == 1);
    CHECK(out->report.diagnostics[0].rule_id == "RES002");
    CHECK(out->report.diagnostics[0].message.find("helm template <release> chart") != std::string::npos);
}

TEST_CASE("a residency.io/ignore annotation suppresses the object's findings with its reason") {
    std::string text = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
  annotations:
    residency.io/ignore: "RES205, RES3 -- accepted by the DPO"
)";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 1);
    const auto& ig = l.graph.assets[0].ignores;
    REQUIRE(ig.size() == 2);
    CHECK(ig[0].rule == "RES205");
    CHECK(ig[1].rule == "RES3");
    CHECK(ig[0].reason == "accepted by the DPO");
}

TEST_CASE("references between objects: workload -> PVC -> StorageClass, ConfigMaps and Secrets, found by the index") {
    std::string text = R"(apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ml}
spec:
  template:
    spec:
      runtimeClassName: kata-cc
      containers:
        - name: c
          env:
            - name: TOKEN
              valueFrom: {secretKeyRef: {name: hf-token, key: token}}
          envFrom:
            - configMapRef: {name: settings}
      volumes:
        - name: w
          persistentVolumeClaim: {claimName: weights}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {storageClassName: fast}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: weights, namespace: ml}
spec: {storageClassName: fast}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: pd.csi.storage.gke.io
)";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 3);
    auto refs = k8s::references(l.graph.assets[0]);
    std::vector<std::string> seen;
    for (const auto& r : refs) seen.push_back(std::string(r.kind) + ":" + r.name);
    CHECK(seen == std::vector<std::string>{"PersistentVolumeClaim:weights", "Secret:hf-token", "ConfigMap:settings",
                                           "RuntimeClass:kata-cc", "StorageClass:fast"});
    CHECK(refs[0].path == "spec.template.spec.volumes[0].persistentVolumeClaim.claimName");
    CHECK(at(text, refs[0].value->range) == "weights");
    k8s::ObjectIndex index(l.graph);
    const Asset* pvc = index.find_from(l.graph.assets[0], refs[0].kind, refs[0].name);
    REQUIRE(pvc);
    CHECK(pvc->address == "v1/PersistentVolumeClaim/ml/weights");
    auto pvc_refs = k8s::references(*pvc);
    REQUIRE(pvc_refs.size() == 1);
    const Asset* sc = index.find_from(*pvc, pvc_refs[0].kind, pvc_refs[0].name);
    REQUIRE(sc);
    CHECK(sc->type == "storage.k8s.io/StorageClass");
    CHECK(index.find_from(*pvc, "ConfigMap", "missing") == nullptr);
}

TEST_CASE("through the scan: a rendered object's finding names its template, and the annotation suppresses it") {
    Project p("k8s-origin");
    p.write("rendered.yaml", R"(---
# Source: train/templates/job.yaml
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: partly-pinned
spec:
  pytorchReplicaSpecs:
    Master:
      template:
        spec:
          containers: [{name: m, image: x}]
    Worker:
      template:
        spec:
          nodeSelector: {topology.kubernetes.io/region: europe-west4}
          containers: [{name: w, image: x}]
---
# Source: train/templates/job2.yaml
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: accepted
  annotations:
    residency.io/ignore: "RES002 -- the master only coordinates"
spec:
  pytorchReplicaSpecs:
    Master:
      template:
        spec:
          containers: [{name: m, image: x}]
    Worker:
      template:
        spec:
          nodeSelector: {topology.kubernetes.io/region: europe-west4}
          containers: [{name: w, image: x}]
)");
    auto out = p.scan_from({"."});
    REQUIRE(out->error.empty());
    REQUIRE(out->report.diagnostics.size() == 1);
    const Finding& d = out->report.diagnostics[0];
    CHECK(d.rule_id == "RES002");
    CHECK(d.message.find("(template train/templates/job.yaml)") != std::string::npos);
    bool related = false;
    for (const auto& r : d.related) related = related || r.message == "rendered from train/templates/job.yaml";
    CHECK(related);
    REQUIRE(out->report.suppressed.size() == 1);
    CHECK(out->report.suppressed[0].asset == "kubeflow.org/v1/PyTorchJob/accepted");
    CHECK(out->report.suppressed[0].justification == "the master only coordinates");
}

TEST_CASE("kubernetes: Terraform and manifests of one directory are reported in one SARIF run") {
    residency::testing::Project p("k8s-with-terraform");
    p.write("main.tf", "resource \"google_storage_bucket\" \"weights\" {\n  name     = \"weights\"\n  location = \"US\"\n}\n");
    p.write("serving.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: llm\nspec:\n  template:\n    spec:\n"
            "      nodeSelector:\n        topology.kubernetes.io/region: us-east-1\n      containers:\n"
            "        - name: server\n          image: vllm/vllm-openai:v0.6.3\n");
    auto out = p.scan_from({"."});
    REQUIRE(out->error.empty());
    nlohmann::json log = nlohmann::json::parse(residency::write_sarif(out->report));
    REQUIRE(log["runs"].size() == 1);
    std::vector<std::string> results;
    for (const auto& r : log["runs"][0]["results"])
        results.push_back(r["ruleId"].get<std::string>() + " " +
                          r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>());
    std::string joined;
    for (const auto& r : results) joined += r + "\n";
    CHECK(joined == "RES201 main.tf\nRES204 serving.yaml\n");
}

TEST_CASE("a residency.io/ignore annotation may expire: until is kept as written, for the engine to check") {
    std::string text = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
  annotations:
    residency.io/ignore: "RES204 until 2027-03-31 -- US customers, PRIV-44"
)";
    auto l = load(text);
    REQUIRE(l.graph.assets.size() == 1);
    const auto& ig = l.graph.assets[0].ignores;
    REQUIRE(ig.size() == 1);
    CHECK(ig[0].rule == "RES204");
    CHECK(ig[0].until == "2027-03-31");
    CHECK(ig[0].reason == "US customers, PRIV-44");
    CHECK(ig[0].range.valid());
}
