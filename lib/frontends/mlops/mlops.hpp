// The MLOps frontend: compose files, `.env` files, MLflow `MLproject` files and W&B settings.
// It reads configuration, not endpoints: the facts about trackers and artifact stores are made
// from these assets' attributes by an adapter.
//
// Files claimed (by name; `.env` files also by content):
//  - compose: `compose.yaml|yml`, `docker-compose.yaml|yml`, and overrides
//    `compose.<x>.yaml|yml`, `docker-compose.<x>.yaml|yml`, `docker-compose-<x>.yaml|yml`. A file with no `services` mapping is
//    not compose and is skipped silently (not counted as scanned). Claimed before the Kubernetes
//    frontend looks at YAML files.
//  - dotenv: `.env`, `<x>.env`, `.env.<x>` (not `.env.<x>` with a code or data extension such as
//    `.env.js`, `.env.json`), whose first assignment line looks like `NAME=value`.
//  - `MLproject` (that exact name), YAML.
//  - W&B settings: `wandb/settings` (so `.config/wandb/settings` too), INI.
//
// Asset contract (what adapters and rules may rely on):
//  - format "mlops"; root: the directory of the file as shown to users ("." for the scan root);
//    location Null and location_applies false (an adapter locates the endpoints, not the files);
//    range: the service (key to end) or the whole file; header_range: where findings point, the
//    service's key, or the file's first line.
//  - compose: one asset per service, type "compose/service", address
//    "compose/<file name>/<service>", class Compute. MLproject: type "mlflow/MLproject", address
//    "mlproject/<name>" (`name`, else the directory's name), class Compute. `.env`: type
//    "dotenv/file", address "dotenv/<file name>", class Other. W&B: type "wandb/settings", address
//    "wandb/settings", class Other.
//  - attributes, an object; every Value carries its byte range in the file it was read from:
//     "environment": object NAME -> String (range: the value's text, quotes included) or Unknown
//        (reason: which variable is unset, or that the value comes from the shell). Compose: the
//        `env_file` files in order, then `environment` overriding them; a value from an env_file
//        has its range in that file and the provenance `env_file <path>` (the value, so the
//        chain shows `.env:3`) then `services.<name>.env_file` (the entry in the compose file).
//        Values interpolated from the `.env` beside the compose file have a provenance step
//        "${VAR} in .env" at the variable's value. A bare `KEY` (list) or `KEY:` (map) takes the
//        variable from that `.env`, else is Unknown. MLproject: `docker_env.environment` (a bare
//        "KEY" is copied from the host running `mlflow run`: Unknown). W&B: `base_url`,
//        `mode`, `entity`, `project`, `api_key` of `[default]` as WANDB_BASE_URL, WANDB_MODE,
//        WANDB_ENTITY, WANDB_PROJECT, WANDB_API_KEY. `.env`: its assignments.
//        Secrets are never stored: a known value of a name holding PASSWORD, PASSWD, SECRET,
//        TOKEN, API_KEY, APIKEY, CREDENTIAL, or ending in _KEY, is Unknown ("the value of a secret,
//        which is not read": set, to a value nobody sees) at the value's range; empty stays empty.
//     "command": compose only, when `entrypoint` or `command` is written: a List of String (or
//        Unknown) words, entrypoint first, then command; a string is split as compose splits it
//        (shell words), each word's range its own text when the scalar holds it verbatim, else
//        the whole scalar. With only `command`, the image's own entrypoint (not in the scan)
//        runs before these words.
//     "image": String (or Unknown), when written (compose `image`, MLproject `docker_env.image`).
//     "name": String, the service name (compose) or the MLproject `name`.
//     "service": compose only: the service mapping, interpolated, without `environment`.
//     "environment_incomplete": String, present when part of the environment could not be read
//        (an env_file missing, outside the scan root, named by an unset variable, or beside a
//        file piped to `scan -`, which is read alone): why.
//     "settings": W&B only: every `[default]` key as written (api_key redacted).
//     "entry_points": MLproject only, as written.
//  - Interpolation (compose: `${VAR}`, `$VAR`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?m}`, `${VAR:+a}`,
//    `$$`) reads the `.env` beside the compose file only (the shell's environment is not known):
//    a variable it does not set takes its default, else the value is Unknown (cause input) with
//    the reason naming the variable.
//  - Problems: YAML, `.env` and INI syntax errors and malformed interpolations are RES001 (file,
//    line, column; the other files and documents still load); an env_file that cannot be read is
//    a RES002 ("cannot read env_file ..."), and so is a compose file that does not parse and holds
//    `{{` (a template to render first). An env_file outside the scan root is never read.
#pragma once

#include "engine/frontend.hpp"

namespace residency::mlops {

class MlopsFrontend : public Frontend {
public:
    std::string_view name() const override { return "mlops"; }
    std::string_view reads() const override { return "MLOps configuration (compose and .env files, MLproject, W&B settings)"; }
    bool claims(const std::filesystem::path& file, const std::function<std::string_view()>& head) const override;
    void load(LoadContext& context) override;
};

bool is_compose_file(const std::filesystem::path& file);

}  // namespace residency::mlops
