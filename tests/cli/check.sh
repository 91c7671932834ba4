#!/usr/bin/env bash
# The CLI beyond `scan`'s reports: each command below runs in a scratch directory and its complete
# stdout, stderr and exit code are compared with expected/<name>.txt. UPDATE_GOLDEN=1 rewrites them.
# Standard input is empty, or the file STDIN names (relative to the scratch directory).
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty" "$work/docs-only"
printf '# notes\n' >"$work/docs-only/README.md"
mkdir -p "$work/piped"
printf 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_s3_bucket" "data" {\n  bucket = "training-data"\n}\n' \
    >"$work/piped/main.tf"
cp "$here/fixtures/helm-stream.yaml" "$work/piped/helm-stream.yaml"
cp "$here/fixtures/compose.yaml" "$work/piped/compose.yaml"
# Files given (as pre-commit passes them): each is read in its directory, not the whole tree.
mkdir -p "$work/files/eu" "$work/files/us" "$work/files/eu/sub"
printf 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "ok" {\n  bucket = "ok"\n}\n' >"$work/files/eu/main.tf"
printf 'resource "aws_s3_bucket" "more" {\n  bucket = "more"\n}\n' >"$work/files/eu/more.tf"
printf 'provider "aws" {\n  region = "us-east-1"\n}\n' >"$work/files/eu/sub/main.tf"
cp "$work/piped/main.tf" "$work/files/us/main.tf"
failed=0
run() {
    local name=$1
    shift
    local actual="$work/$name.out"
    (cd "$work" && NO_COLOR=1 "$bin" "$@" <"${STDIN:-/dev/null}" >"$actual.stdout" 2>"$actual.stderr"; echo "exit $?" >"$actual.exit")
    { echo "\$ residency $*${STDIN:+ < $STDIN}"; cat "$actual.stdout"; echo "-- stderr --"; cat "$actual.stderr"; cat "$actual.exit"; } >"$actual"
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$actual" "$here/expected/$name.txt"
    elif ! diff -u "$here/expected/$name.txt" "$actual"; then
        echo "cli: $name differs from tests/cli/expected/$name.txt" >&2
        failed=1
    fi
}
run unknown-command frobnicate
run rules rules
run explain-unknown explain RES999
run scan-empty scan empty
run scan-docs-only scan docs-only
run scan-skipped-file scan docs-only/README.md --jurisdiction eu
run scan-file-clean scan files/eu/more.tf -j eu
run scan-files-one-bad scan files/eu/main.tf files/us/main.tf -j eu
STDIN=piped/main.tf run scan-stdin-terraform scan - --stdin-filename main.tf -j eu
STDIN=piped/main.tf run scan-stdin-json scan - --stdin-filename infra/main.tf -j eu --format json
run scan-stdin-empty scan - --stdin-filename main.tf -j eu
STDIN=docs-only/README.md run scan-stdin-unread scan - --stdin-filename README.md -j eu
STDIN=piped/main.tf run scan-stdin-no-filename scan - -j eu
run scan-stdin-filename-alone scan --stdin-filename main.tf
STDIN=piped/main.tf run scan-stdin-with-paths scan - piped --stdin-filename main.tf
# `helm template ... | residency scan -`: a hand-written rendered stream, its templates named.
STDIN=piped/helm-stream.yaml run scan-stdin-helm scan - --stdin-filename rendered.yaml -j eu
# A compose file is read by the MLOps frontend, not as Kubernetes YAML, and counted as scanned.
STDIN=piped/compose.yaml run scan-stdin-compose scan - --stdin-filename compose.yaml -j eu
# `kubectl kustomize ... | residency scan -`, when kubectl is on the machine.
if command -v kubectl >/dev/null 2>&1; then
    kubectl kustomize "$here/fixtures/kustomize" >"$work/piped/kustomized.yaml"
    STDIN=piped/kustomized.yaml run scan-stdin-kustomize scan - --stdin-filename kustomized.yaml -j eu
else
    echo "cli: scan-stdin-kustomize skipped: kubectl not found" >&2
fi
run inventory-empty inventory empty -j eu
run inventory-evidence-csv inventory empty --format csv --evidence
run inventory-piped inventory - -j eu
run graph-missing-path graph nowhere
run graph-empty-mermaid graph empty --format mermaid
run regions-hetzner regions --cloud hetzner
run regions-ovh-eu regions --cloud ovh --jurisdiction eu
exit $failed
