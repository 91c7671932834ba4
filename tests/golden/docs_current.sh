#!/usr/bin/env bash
# docs/rules and the README's rule table are exactly what `residency docs` generates from the
# rule metadata; regenerate with `build/release/residency docs docs/rules` when this fails.
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" docs "$tmp/rules" || exit 1
failed=0
if ! diff -ru "$src/docs/rules" "$tmp/rules"; then
    echo "docs: docs/rules is stale: run \`residency docs docs/rules\`" >&2
    failed=1
fi
grep '^|' "$tmp/rules/README.md" >"$tmp/table"
sed -n '/<!-- rules:begin -->/,/<!-- rules:end -->/p' "$src/README.md" | grep '^|' >"$tmp/readme-table"
if ! diff -u "$tmp/readme-table" "$tmp/table"; then
    echo "docs: the rule table in README.md is stale: copy it from docs/rules/README.md" >&2
    failed=1
fi
# The README shows `make demo`'s output; it must be what the scan prints today.
(cd "$src" && NO_COLOR=1 "$bin" scan examples/ >"$tmp/demo" 2>&1)
sed -n '/<!-- demo:begin -->/,/<!-- demo:end -->/p' "$src/README.md" | sed '1,3d' | sed '$d' | sed '$d' >"$tmp/readme-demo"
if ! diff -u "$tmp/readme-demo" "$tmp/demo"; then
    echo "docs: the example output in README.md is stale" >&2
    failed=1
fi
exit $failed
