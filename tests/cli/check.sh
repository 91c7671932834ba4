#!/usr/bin/env bash
# The CLI beyond `scan`'s reports: each command below runs in a scratch directory and its complete
# stdout, stderr and exit code are compared with expected/<name>.txt. UPDATE_GOLDEN=1 rewrites them.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty" "$work/docs-only"
printf '# notes\n' >"$work/docs-only/README.md"
failed=0
run() {
    local name=$1
    shift
    local actual="$work/$name.out"
    (cd "$work" && NO_COLOR=1 "$bin" "$@" >"$actual.stdout" 2>"$actual.stderr"; echo "exit $?" >"$actual.exit")
    { echo "\$ residency $*"; cat "$actual.stdout"; echo "-- stderr --"; cat "$actual.stderr"; cat "$actual.exit"; } >"$actual"
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
run regions-hetzner regions --cloud hetzner
run regions-ovh-eu regions --cloud ovh --jurisdiction eu
exit $failed
