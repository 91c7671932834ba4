#!/usr/bin/env bash
# `residency inventory` and `residency graph` on each case of tests/inventory/cases/<name>/: the
# outputs, run from inside the case (so paths are short), are compared whole with
# expected/<output>; the DOT is drawn with Graphviz when it is installed. UPDATE_GOLDEN=1 rewrites.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
check() {
    local case=$1 name=$2
    shift 2
    local dir="$here/cases/$case"
    (cd "$dir" && "$bin" "$@" >"$work/$case.$name" 2>"$work/$case.$name.stderr")
    local rc=$?
    if [ $rc -ne 0 ]; then
        echo "inventory: $case: residency $* exited with $rc" >&2
        cat "$work/$case.$name.stderr" >&2
        failed=1
        return
    fi
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$dir/expected"
        cp "$work/$case.$name" "$dir/expected/$name"
    elif ! diff -u "$dir/expected/$name" "$work/$case.$name"; then
        echo "inventory: $case: $name differs from tests/inventory/cases/$case/expected/$name" >&2
        failed=1
    fi
}
for dir in "$here"/cases/*/; do
    case=$(basename "$dir")
    check "$case" inventory.json inventory .
    check "$case" inventory-evidence.json inventory . --evidence
    check "$case" inventory.csv inventory . --format csv
    check "$case" inventory.md inventory . --format markdown
    check "$case" graph.dot graph .
    check "$case" graph.mmd graph . --format mermaid
    if command -v dot >/dev/null 2>&1; then
        if ! dot -Tsvg "$work/$case.graph.dot" >"$work/$case.svg" || ! grep -q '<svg' "$work/$case.svg"; then
            echo "inventory: $case: Graphviz cannot draw graph.dot" >&2
            failed=1
        fi
    else
        echo "inventory: $case: dot -Tsvg skipped: Graphviz not found" >&2
    fi
done
# The README's example renders too.
if command -v dot >/dev/null 2>&1; then
    "$bin" graph "$here/../../examples/" | dot -Tsvg >"$work/example.svg" && grep -q '<svg' "$work/example.svg" ||
        { echo "inventory: the example's graph does not render" >&2; failed=1; }
else
    echo "inventory: example rendering skipped: Graphviz not found" >&2
fi
# Without Graphviz, --format svg says what to do, and the page shows the DOT text instead.
first="$here/cases/replication-and-pools"
msg=$(cd "$first" && PATH=/nonexistent "$bin" graph . --format svg 2>&1 >/dev/null)
rc=$?
if [ $rc -ne 2 ] || [[ "$msg" != *"install graphviz"* ]]; then
    echo "inventory: graph --format svg without dot: exit $rc, said: $msg" >&2
    failed=1
fi
page=$(cd "$first" && PATH=/nonexistent "$bin" inventory . --format html 2>/dev/null)
if [[ "$page" != *"Graphviz (<code>dot</code>) was not found"* ]] || [[ "$page" != *"digraph residency"* ]]; then
    echo "inventory: the page without Graphviz does not show the DOT text" >&2
    failed=1
fi
# The same input gives the same page, byte for byte.
a=$(cd "$first" && "$bin" inventory . --format html --evidence | sha256sum)
b=$(cd "$first" && "$bin" inventory . --format html --evidence | sha256sum)
[ "$a" = "$b" ] || { echo "inventory: the HTML page differs between two runs" >&2; failed=1; }
exit $failed
