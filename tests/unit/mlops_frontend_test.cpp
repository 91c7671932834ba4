// The MLOps frontend: compose services, `.env` files, MLproject and W&B settings as assets with a
// normalised environment, command and image; interpolation; env_file precedence and bounds;
// syntax errors that leave the other files loading.
#include <doctest/doctest.h>

#include "frontends/mlops/mlops.hpp"
#include "frontends/mlops/text.hpp"
#include "support/project.hpp"

using namespace residency;
using residency::testing::asset;
using residency::testing::find_asset;
using residency::testing::Project;

namespace {

std::string text_at(const ScanOutcome& out, const Range& r) {
    const std::string& t = out.sources.get(r.file).text;
    return t.substr(r.begin, r.end - r.begin);
}
std::string file_of(const ScanOutcome& out, const Range& r) { return out.sources.get(r.file).path; }
std::uint32_t line(const ScanOutcome& out, const Range& r) { return out.sources.get(r.file).line_col(r.begin).line; }

const Value& env(const Asset& a, std::string_view name) {
    const Value* e = a.attributes.get("environment");
    REQUIRE(e);
    const Value* v = e->get(name);
    if (!v) FAIL("no environment variable " << name << " on " << a.address);
    return *v;
}

std::vector<std::string> words(const Asset& a) {
    std::vector<std::string> out;
    const Value* c = a.attributes.get("command");
    if (!c) return out;
    for (const auto& w : c->items()) out.push_back(w.is_string() ? w.as_string() : "?");
    return out;
}

std::vector<std::string> diagnostics(const ScanOutcome& out, std::string_view rule) {
    std::vector<std::string> v;
    for (const auto& f : out.report.diagnostics)
        if (f.rule_id == rule)
            v.push_back(out.sources.get(f.range.file).path + ":" + std::to_string(out.sources.get(f.range.file).line_col(f.range.begin).line) +
                        ":" + std::to_string(out.sources.get(f.range.file).line_col(f.range.begin).column) + " " + f.message);
    return v;
}

const std::string kCompose = R"(services:
  tracker:
    image: "ghcr.io/mlflow/mlflow:${MLFLOW_VERSION:-v2.14.1}"
    command: mlflow server --host 0.0.0.0 --default-artifact-root ${ARTIFACT_ROOT} --backend-store-uri 'sqlite:///mlflow db'
    env_file:
      - common.env
      - path: optional.env
        required: false
    environment:
      - MLFLOW_S3_ENDPOINT_URL=https://s3.eu-west-1.amazonaws.com
      - SHARED=from-service
      - REGION
      - AWS_SECRET_ACCESS_KEY=abc123
  trainer:
    image: trainer:${TAG}
    entrypoint: ["python", "-u"]
    command: train.py --epochs 3
    environment:
      WANDB_BASE_URL: $WANDB_URL
      WANDB_MODE:
      PRICE: $$5
      EPOCHS: 3
)";

const std::string kDotenv = R"(# interpolation for compose.yaml
ARTIFACT_ROOT=s3://weights-eu/mlflow
export REGION="eu-west-1"
WANDB_URL=https://wandb.example.eu # where runs go
)";

const std::string kCommon = R"(SHARED=from-env-file
ONLY_IN_FILE='literal $HOME'
)";

}  // namespace

TEST_CASE("mlops: a compose service is an asset with its environment, command and image") {
    Project p("mlops-compose");
    p.write("app/compose.yaml", kCompose);
    p.write("app/.env", kDotenv);
    p.write("app/common.env", kCommon);
    auto out = p.scan_from({"."});
    REQUIRE(out->error.empty());

    const Asset& t = asset(*out, "compose/compose.yaml/tracker");
    CHECK(t.format == "mlops");
    CHECK(t.type == "compose/service");
    CHECK(t.asset_class == AssetClass::Compute);
    CHECK(t.root == "app");
    CHECK(t.location.is_null());
    CHECK_FALSE(t.location_applies);
    CHECK(text_at(*out, t.header_range) == "tracker");
    CHECK(line(*out, t.header_range) == p.line_of("app/compose.yaml", "tracker:"));

    // The image's default applies: the .env does not set MLFLOW_VERSION.
    const Value* image = t.attributes.get("image");
    REQUIRE(image);
    CHECK(image->as_string() == "ghcr.io/mlflow/mlflow:v2.14.1");

    // env_file first, then `environment` overrides.
    CHECK(env(t, "SHARED").as_string() == "from-service");
    CHECK(env(t, "ONLY_IN_FILE").as_string() == "literal $HOME");
    const Value& only = env(t, "ONLY_IN_FILE");
    CHECK(file_of(*out, only.range) == "app/common.env");
    CHECK(text_at(*out, only.range) == "'literal $HOME'");
    REQUIRE(only.provenance);
    auto chain = steps(only.provenance);
    REQUIRE(chain.size() == 2);
    CHECK(chain[0]->label == "env_file app/common.env");
    CHECK(line(*out, chain[0]->range) == 2);
    CHECK(chain[1]->label == "services.tracker.env_file");
    CHECK(text_at(*out, chain[1]->range) == "common.env");

    const Value& s3 = env(t, "MLFLOW_S3_ENDPOINT_URL");
    CHECK(s3.as_string() == "https://s3.eu-west-1.amazonaws.com");
    CHECK(text_at(*out, s3.range) == "https://s3.eu-west-1.amazonaws.com");
    CHECK_FALSE(s3.provenance);
    // A bare name takes the .env's value, with where it was set.
    const Value& region = env(t, "REGION");
    CHECK(region.as_string() == "eu-west-1");
    CHECK(file_of(*out, region.range) == "app/.env");
    CHECK(text_at(*out, region.range) == "\"eu-west-1\"");
    // Secrets are never stored.
    CHECK(env(t, "AWS_SECRET_ACCESS_KEY").is_unknown());
    CHECK(text_at(*out, env(t, "AWS_SECRET_ACCESS_KEY").range) == "abc123");

    // The command string is split like compose splits it, each word at its own bytes.
    CHECK(words(t) == std::vector<std::string>{"mlflow", "server", "--host", "0.0.0.0", "--default-artifact-root",
                                               "s3://weights-eu/mlflow", "--backend-store-uri", "sqlite:///mlflow db"});
    const Value& root = t.attributes.get("command")->items()[5];
    CHECK(text_at(*out, root.range) == "${ARTIFACT_ROOT}");
    REQUIRE(root.provenance);
    CHECK(root.provenance->label == "${ARTIFACT_ROOT} in app/.env");
    CHECK(line(*out, root.provenance->range) == 2);
    CHECK(text_at(*out, t.attributes.get("command")->items()[7].range) == "'sqlite:///mlflow db'");
    CHECK(t.attributes.get("service")->get("environment") == nullptr);
    CHECK(t.attributes.get("service")->get("image"));

    const Asset& tr = asset(*out, "compose/compose.yaml/trainer");
    // entrypoint first, then command.
    CHECK(words(tr) == std::vector<std::string>{"python", "-u", "train.py", "--epochs", "3"});
    // Unset with no default: Unknown, naming the variable.
    const Value* timage = tr.attributes.get("image");
    REQUIRE(timage);
    REQUIRE(timage->is_unknown());
    CHECK(timage->unknown_reason() ==
          "variable TAG is not set: the .env beside compose.yaml does not set it, so it comes from the shell environment compose runs in");
    CHECK(timage->unknown_cause() == UnknownCause::Input);
    CHECK(env(tr, "WANDB_BASE_URL").as_string() == "https://wandb.example.eu");
    CHECK(env(tr, "PRICE").as_string() == "$5");
    CHECK(env(tr, "EPOCHS").as_string() == "3");
    REQUIRE(env(tr, "WANDB_MODE").is_unknown());
    CHECK(env(tr, "WANDB_MODE").unknown_reason().starts_with("WANDB_MODE is passed from the environment compose runs in"));

    // The .env files are assets too; every file read counts as scanned, once.
    CHECK(find_asset(*out, "dotenv/.env"));
    CHECK(find_asset(*out, "dotenv/common.env"));
    CHECK(out->report.files.size() == 3);
    // The artifact bucket is in the region of its S3 endpoint (inside); WANDB_MODE comes from the
    // shell, so whether the trainer sends anything to its W&B host is not known.
    CHECK(out->report.diagnostics.empty());
    CHECK(out->report.findings.empty());
}

TEST_CASE("mlops: without a .env, a variable with no default is unknown and the default applies") {
    Project p("mlops-nodotenv");
    p.write("docker-compose.override.yml", "services:\n  web:\n    image: \"app:${TAG:-latest}\"\n    command: serve --uri ${URI}\n");
    auto out = p.scan_from({"."});
    const Asset& w = asset(*out, "compose/docker-compose.override.yml/web");
    CHECK(w.root == ".");
    CHECK(w.attributes.get("image")->as_string() == "app:latest");
    const Value& uri = w.attributes.get("command")->items()[2];
    REQUIRE(uri.is_unknown());
    CHECK(uri.unknown_reason() ==
          "variable URI is not set: no .env beside docker-compose.override.yml sets it, so it comes from the shell environment compose runs in");
    CHECK(text_at(*out, uri.range) == "${URI}");
}

TEST_CASE("mlops: an env_file that is missing or outside the scan root is a diagnostic, never read") {
    Project p("mlops-envfile");
    p.write("outside.env", "LEAK=yes\n");
    p.write("svc/compose.yml",
            "services:\n  api:\n    image: api\n    env_file:\n      - ../outside.env\n      - absent.env\n      - path: optional.env\n"
            "        required: false\n");
    auto out = p.scan_from({"svc"});
    const Asset& a = asset(*out, "compose/compose.yml/api");
    CHECK(a.attributes.get("environment")->fields().empty());
    const Value* why = a.attributes.get("environment_incomplete");
    REQUIRE(why);
    CHECK(why->as_string() ==
          "env_file \"../outside.env\" of service api is outside the scan root: not read; env_file \"absent.env\" of service api does not exist");
    CHECK(diagnostics(*out, "RES002") ==
          std::vector<std::string>{
              "svc/compose.yml:5:9 cannot read env_file \"../outside.env\" of service api: it is outside the scan root",
              "svc/compose.yml:6:9 cannot read env_file \"absent.env\" of service api: the file does not exist, so the variables it sets are unknown"});
    for (FileId id = 0; id < out->sources.size(); ++id) CHECK(out->sources.get(id).path != "outside.env");
}

TEST_CASE("mlops: .env files: export, quotes, comments, interpolation of earlier names") {
    Project p("mlops-dotenv");
    std::string text = "# settings\n\nexport MLFLOW_TRACKING_URI=https://mlflow.example.eu\nQUOTED=\"a # not a comment\"\n"
                       "SINGLE='x ${Y}'\nPLAIN=value # comment\nEMPTY=\nHOST=mlflow.internal\nURL=http://${HOST}:5000\n"
                       "MULTI=\"line1\nline2\"\nFROM_SHELL\nWANDB_API_KEY=k-123\n";
    p.write("deploy/prod.env", text);
    p.write("deploy/.env.local", "A=1\n");
    p.write("deploy/.env.js", "module.exports = {}\n");
    p.write("deploy/.envrc", "export A=1\n");
    auto out = p.scan_from({"."});
    const Asset& a = asset(*out, "dotenv/prod.env");
    CHECK(a.type == "dotenv/file");
    CHECK(a.asset_class == AssetClass::Other);
    CHECK(a.root == "deploy");
    CHECK(text_at(*out, a.header_range) == "# settings");
    CHECK(env(a, "MLFLOW_TRACKING_URI").as_string() == "https://mlflow.example.eu");
    CHECK(line(*out, env(a, "MLFLOW_TRACKING_URI").range) == 3);
    CHECK(env(a, "QUOTED").as_string() == "a # not a comment");
    CHECK(env(a, "SINGLE").as_string() == "x ${Y}");
    CHECK(env(a, "PLAIN").as_string() == "value");
    CHECK(text_at(*out, env(a, "PLAIN").range) == "value");
    CHECK(env(a, "EMPTY").as_string().empty());
    CHECK(env(a, "URL").as_string() == "http://mlflow.internal:5000");
    CHECK(env(a, "MULTI").as_string() == "line1\nline2");
    CHECK(env(a, "FROM_SHELL").is_unknown());
    CHECK(env(a, "WANDB_API_KEY").is_unknown());
    CHECK(find_asset(*out, "dotenv/.env.local"));
    CHECK(out->report.files.size() == 2);  // .env.js and .envrc are not read
}

TEST_CASE("mlops: MLproject docker_env and W&B settings") {
    Project p("mlops-mlproject");
    p.write("proj/MLproject", "name: tutorial\ndocker_env:\n  image: mlflow-docker-example\n  environment: [[\"NEW_ENV_VAR\", \"new_var_value\"], "
                              "\"VAR_TO_COPY_FROM_HOST_ENVIRONMENT\"]\nentry_points:\n  main:\n    command: \"python train.py\"\n");
    p.write("home/.config/wandb/settings", "[default]\nbase_url = https://wandb.example.eu\napi_key = secret-key-1\nmode: offline\nentity=team\n\n[other]\nproject = x\n");
    auto out = p.scan_from({"."});
    const Asset& m = asset(*out, "mlproject/tutorial");
    CHECK(m.type == "mlflow/MLproject");
    CHECK(m.root == "proj");
    CHECK(text_at(*out, m.header_range) == "tutorial");
    CHECK(env(m, "NEW_ENV_VAR").as_string() == "new_var_value");
    CHECK(text_at(*out, env(m, "NEW_ENV_VAR").range) == "\"new_var_value\"");
    REQUIRE(env(m, "VAR_TO_COPY_FROM_HOST_ENVIRONMENT").is_unknown());
    CHECK(env(m, "VAR_TO_COPY_FROM_HOST_ENVIRONMENT").unknown_reason() ==
          "VAR_TO_COPY_FROM_HOST_ENVIRONMENT is copied from the environment `mlflow run` runs in");
    CHECK(m.attributes.get("image")->as_string() == "mlflow-docker-example");

    const Asset& w = asset(*out, "wandb/settings");
    CHECK(w.type == "wandb/settings");
    CHECK(w.root == "home/.config/wandb");
    CHECK(env(w, "WANDB_BASE_URL").as_string() == "https://wandb.example.eu");
    CHECK(text_at(*out, env(w, "WANDB_BASE_URL").range) == "https://wandb.example.eu");
    CHECK(env(w, "WANDB_MODE").as_string() == "offline");
    CHECK(env(w, "WANDB_ENTITY").as_string() == "team");
    CHECK(env(w, "WANDB_API_KEY").is_unknown());
    CHECK(w.attributes.get("settings")->get("api_key")->is_unknown());
    CHECK(w.attributes.get("environment")->get("WANDB_PROJECT") == nullptr);  // [other] is not W&B's default
}

TEST_CASE("mlops: a malformed file is RES001 with line and column; the other files still load") {
    Project p("mlops-syntax");
    p.write("a/compose.yaml", "services:\n  web:\n    image: [unclosed\n");
    p.write("b/compose.yaml", "services:\n  ok:\n    image: fine\n");
    p.write("c/.env", "GOOD=1\nthis is not an assignment\nALSO=2\n");
    p.write("d/compose.yaml", "services:\n  bad:\n    image: x\n    command: run \"unclosed\n    environment:\n      - A=${B\n");
    p.write("e/docker-compose.yml", "version: '3'\nvolumes:\n  data: {}\n");  // no services: not compose
    p.write("f/docker-compose.yml", "services:\n  web:\n    image: {{ image }}:{{ tag }}\n");  // an Ansible template
    auto out = p.scan_from({"."});
    auto errors = diagnostics(*out, "RES001");
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].starts_with("a/compose.yaml:3:"));
    CHECK(errors[1] == "c/.env:2:1 syntax error: expected NAME=value in .env");
    CHECK(errors[2] == "d/compose.yaml:4:14 syntax error: the command string has a quote that is not closed");
    CHECK(errors[3] == "d/compose.yaml:6:11 syntax error: invalid interpolation: \"${B\" has no closing }");
    CHECK(find_asset(*out, "compose/compose.yaml/ok"));
    CHECK(env(asset(*out, "dotenv/.env"), "ALSO").as_string() == "2");
    CHECK(asset(*out, "compose/compose.yaml/bad").attributes.get("command")->items()[0].is_unknown());
    for (FileId id = 0; id < out->sources.size(); ++id) CHECK(out->sources.get(id).path != "e/docker-compose.yml");
    CHECK(diagnostics(*out, "RES002") ==
          std::vector<std::string>{"f/docker-compose.yml:1:1 cannot read f/docker-compose.yml: it holds template syntax ({{ ... }}) "
                                   "and is not YAML yet; render it and scan the output"});
}

TEST_CASE("mlops: assets come in a stable order") {
    Project p("mlops-order");
    p.write("z/compose.yaml", "services:\n  b:\n    image: b\n  a:\n    image: a\n");
    p.write("a/compose.yaml", "services:\n  c:\n    image: c\n");
    p.write("a/.env", "X=1\n");
    std::vector<std::string> first;
    for (int run = 0; run < 2; ++run) {
        auto out = p.scan_from({"."});
        std::vector<std::string> got;
        for (const auto& a : out->graph.assets) got.push_back(a.root + " " + a.address);
        if (run == 0) first = got;
        CHECK(got == first);
    }
    CHECK(first == std::vector<std::string>{"a dotenv/.env", "a compose/compose.yaml/c", "z compose/compose.yaml/a",
                                            "z compose/compose.yaml/b"});
}

TEST_CASE("mlops: which files are claimed") {
    mlops::MlopsFrontend f;
    std::string head;
    auto h = [&]() { return std::string_view(head); };
    for (const char* yes : {"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.prod.yaml", "compose.override.yml", "docker-compose-dev.yml",
                            "MLproject", "x/wandb/settings", "home/.config/wandb/settings"})
        CHECK_MESSAGE(f.claims(yes, h), yes);
    for (const char* no : {"compose.json", "my-compose.yml", "mlproject", "settings", "wandb/settings.py"}) CHECK_MESSAGE(!f.claims(no, h), no);
    head = "A=1\n";
    for (const char* yes : {".env", "prod.env", ".env.local", ".env.example"}) CHECK_MESSAGE(f.claims(yes, h), yes);
    for (const char* no : {".envrc", ".env.json", ".env.ts", "env"}) CHECK_MESSAGE(!f.claims(no, h), no);
    head = "<html>\n";
    CHECK_FALSE(f.claims(".env", h));
}

TEST_CASE("mlops: interpolation forms and shell words") {
    ValueMap vars{{"SET", Value::string("v")}, {"EMPTY", Value::string("")}};
    mlops::Interpolation in{vars, ".env", "unset"};
    auto s = [&](std::string_view t) {
        Value v = mlops::interpolate(t, {}, in);
        return v.is_string() ? v.as_string() : "unknown: " + v.unknown_reason();
    };
    CHECK(s("$SET-${SET}") == "v-v");
    CHECK(s("${EMPTY:-d}|${EMPTY-d}|${NONE-d}") == "d||d");
    CHECK(s("${SET:+alt}|${NONE:+alt}") == "alt|");
    CHECK(s("${NONE:-${SET}x}") == "vx");
    CHECK(s("$$SET $") == "$SET $");
    CHECK(s("${NONE:?give it}") == "unknown: required variable NONE is not set (\"give it\"): unset");
    CHECK(s("${NONE}") == "unknown: variable NONE is not set: unset");
    std::vector<LoadProblem> errors;
    CHECK(mlops::interpolate("${1X}", {}, in, &errors).unknown_cause() == UnknownCause::Error);
    CHECK(errors.size() == 1);

    auto w = [](std::string_view t) {
        std::vector<std::string> out;
        auto split = mlops::split_words(t);
        REQUIRE(split);
        for (const auto& x : *split) out.push_back(x.text);
        return out;
    };
    CHECK(w("a  'b c' \"d \\\" e\" f\\ g ${X:-h i}") == std::vector<std::string>{"a", "b c", "d \" e", "f g", "${X:-h i}"});
    CHECK(w("sh -c 'echo \"$X\"'") == std::vector<std::string>{"sh", "-c", "echo \"$X\""});
    CHECK_FALSE(mlops::split_words("a 'b"));
}
