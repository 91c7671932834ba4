#!/usr/bin/env bash
# `scan --shard K/N` joined by `residency merge` gives, in every format, byte for byte, the report of
# one scan. The tree: every golden case and the examples side by side (many Terraform roots,
# manifests joined to Terraform node pools and buckets, MLOps configuration). Then the errors that
# keep a merge from losing or misjudging findings, with their exact messages.
set -u
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "shard: $*" >&2; exit 1; }

mkdir "$work/tree"
for c in "$here"/../cases/*/; do cp -r "$c" "$work/tree/case-$(basename "$c")"; done
cp -r "$here/../../examples" "$work/tree/examples"
# A file over the 16 MiB limit is never read: merge must not try to read it again either.
mkdir "$work/tree/oversized"
truncate -s 17M "$work/tree/oversized/huge.tf"
cd "$work/tree" || exit 1
formats=(text json sarif junit github markdown gitlab)
scan_all() {  # $@: extra options; one report per format in $out
    local args=()
    for f in "${formats[@]}"; do args+=(--format "$f=$out.$f"); done
    "$@" "${args[@]}"
    local status=$?
    [ "$status" -le 1 ] || fail "exit status $status from: $*"
}
out="$work/full" scan_all "$bin" scan . -j eu
total=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['files']))" "$work/full.json")

for n in 1 2 3 5; do
    parts=()
    for k in $(seq 1 "$n"); do
        "$bin" scan . -j eu --shard "$k/$n" --format json --output "$work/s$k.json"
        [ $? -le 1 ] || fail "shard $k/$n failed"
        parts+=("$work/s$k.json")
        read -r files < <(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['files']))" "$work/s$k.json")
        [ "$n" -eq 1 ] || [ "$files" -lt "$total" ] || fail "shard $k/$n read all $total files: nothing was split"
    done
    out="$work/merged" scan_all "$bin" merge "${parts[@]}"
    for f in "${formats[@]}"; do
        cmp -s "$work/full.$f" "$work/merged.$f" || {
            diff -u "$work/full.$f" "$work/merged.$f" | head -30
            fail "$n shards merged: the $f report differs from one scan's"
        }
    done
done
echo "shard: 1, 2, 3 and 5 shards merged give one scan's report, byte for byte, in ${formats[*]}"

# Errors, each with its exact message and exit status 2.
expect_error() {  # expected stderr, then the command
    local want=$1
    shift
    local got status
    got=$("$@" 2>&1 >/dev/null)
    status=$?
    [ "$status" -eq 2 ] || fail "exit status $status, not 2, from: $*"
    [ "$got" = "$want" ] || fail "from: $*"$'\n'"  want: $want"$'\n'"  got:  $got"
}
"$bin" scan . -j eu --shard 1/2 --format json --output "$work/a.json"
"$bin" scan . -j eu --shard 2/2 --format json --output "$work/b.json"
"$bin" scan . -j de --shard 2/2 --format json --output "$work/b-de.json"
expect_error "residency: merge: shard 2/2 is missing: merge the reports of all 2 shards" "$bin" merge "$work/a.json"
expect_error "residency: merge: $work/a.json: shard 1 is given twice" "$bin" merge "$work/a.json" "$work/a.json"
expect_error "residency: merge: $work/b-de.json: not a shard of the same scan as $work/a.json (another policy, jurisdiction, rule selection or shard count)" \
    "$bin" merge "$work/a.json" "$work/b-de.json"
expect_error "residency: merge: $work/full.json: not the JSON report of a shard (write one with \`scan --shard K/N --format json\`)" \
    "$bin" merge "$work/full.json"
expect_error "residency: --shard needs the jurisdiction from --jurisdiction or the policy: each shard would infer it from its own part" \
    "$bin" scan examples/eu-llm-platform --shard 1/2
expect_error "residency: --shard 3/2: write K/N with 1 <= K <= N <= 1000, such as 2/4" "$bin" scan . -j eu --shard 3/2
expect_error "residency: --shard splits directories: give it directories to scan, not files or standard input" \
    "$bin" scan examples/eu-llm-platform/storage.tf -j eu --shard 1/2
expect_error "residency: --baseline applies to the whole scan: give it to \`residency merge\`, not to a shard" \
    "$bin" scan . -j eu --shard 1/2 --baseline b.json
changed=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['files'][0]['path'])" "$work/a.json")
echo "# edited" >>"$changed"
expect_error "residency: merge: $changed: changed since it was scanned (its SHA-256 differs from the report's)" \
    "$bin" merge "$work/a.json" "$work/b.json"
echo "shard: merge refuses missing, repeated and foreign shards and changed files"
