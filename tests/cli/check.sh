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
cp -r "$here/fixtures/suppress" "$work/suppress"
cp -r "$here/fixtures/baseline" "$work/baseline"
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
# Suppressions: `until` dates (today is RESIDENCY_TODAY), the policy's require_reason and
# ignorable: false, the Kubernetes annotation form, a malformed date (RES007), --show-suppressed.
RESIDENCY_TODAY=2027-03-31 run suppress-last-day scan suppress -j eu --show-suppressed
RESIDENCY_TODAY=2027-04-01 run suppress-expired scan suppress -j eu
RESIDENCY_TODAY=2027-01-15 run suppress-strict-policy scan suppress --policy suppress/strict.yaml
RESIDENCY_TODAY=2027-01-15 run suppress-json scan suppress/main.tf -j eu --format json
RESIDENCY_TODAY=2027-01-15 run suppress-sarif scan suppress/main.tf -j eu --format sarif
RESIDENCY_TODAY=2027-4-1 run suppress-bad-today scan suppress -j eu
run suppress-policy-require-reason-invalid scan suppress --policy suppress/bad-policy.yaml
run suppress-policy-ignorable-invalid scan suppress --policy suppress/bad-policy2.yaml
# Baseline: written, then the file edited: lines inserted above every finding (they stay known),
# one finding removed (fixed) and one added (new).
run baseline-write baseline baseline -j eu -o baseline.json
run baseline-stdout baseline baseline -j eu
(cd "$work/baseline" && { printf '# Buckets of the model pipeline.\n# Owned by the ML platform team.\n\n'; sed '/"logs" {/,/^}/d' main.tf; \
    printf 'resource "aws_s3_bucket" "cache" {\n  provider = aws.us\n  bucket   = "cache"\n}\n'; } >main.tf.new && mv main.tf.new main.tf)
run baseline-scan scan baseline -j eu --baseline baseline.json
run baseline-scan-json scan baseline -j eu --baseline baseline.json --format json
# Given files (a pre-commit hook): other.tf's entry is out of scope, neither reported nor fixed.
run baseline-scan-file scan baseline/main.tf -j eu --baseline baseline.json
run baseline-unchanged-only scan baseline -j eu --baseline baseline.json --select RES201 --format sarif
run baseline-missing scan baseline -j eu --baseline nowhere.json
printf '{"version": "1", "findings": [}\n' >"$work/broken.json"
run baseline-broken scan baseline -j eu --baseline broken.json
exit $failed
