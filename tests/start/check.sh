#!/usr/bin/env bash
# `residency init` and `scan --quiet`, through the CLI, compared whole with tests/start/expected/.
# UPDATE_GOLDEN=1 rewrites the expected files.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
compare() {  # name actual-file
    local expected="$here/expected/$1"
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$2" "$expected"; return; fi
    if ! diff -u "$expected" "$2"; then echo "start: $1 differs" >&2; fail=1; fi
}
# init proposes the jurisdiction the located assets show, says from what, and the file loads.
cp -r "$repo/examples/eu-llm-platform" "$work/eu"
(cd "$work/eu" && "$bin" init >"$work/init-eu.out" 2>&1; echo "exit $?" >>"$work/init-eu.out")
compare init-eu.out "$work/init-eu.out"
compare init-eu.yaml "$work/eu/residency.yaml"
(cd "$work/eu" && "$bin" scan >"$work/scan.txt" 2>&1)
grep -q '^Jurisdiction: eu (from residency.yaml)$' "$work/scan.txt" || { echo "start: the written policy is not used" >&2; cat "$work/scan.txt" >&2; fail=1; }
# An existing file is kept unless --force; --force gives the same bytes again.
(cd "$work/eu" && "$bin" init >"$work/init-again.out" 2>&1; echo "exit $?" >>"$work/init-again.out")
compare init-again.out "$work/init-again.out"
cp "$work/eu/residency.yaml" "$work/first.yaml"
(cd "$work/eu" && "$bin" init --force >/dev/null 2>&1) || { echo "start: init --force failed" >&2; fail=1; }
cmp -s "$work/first.yaml" "$work/eu/residency.yaml" || { echo "start: init is not deterministic" >&2; fail=1; }
# Nothing located: no jurisdiction proposed, the keys still listed, and the file still loads.
mkdir "$work/empty"
"$bin" init "$work/empty" >/dev/null 2>&1 || { echo "start: init of an empty directory failed" >&2; fail=1; }
compare init-empty.yaml "$work/empty/residency.yaml"
"$bin" scan "$work/empty" >/dev/null 2>"$work/empty.err"
grep -q "error" "$work/empty.err" && { echo "start: the written policy does not load" >&2; cat "$work/empty.err" >&2; fail=1; }
"$bin" init "$work/missing" >"$work/init-missing.out" 2>&1; echo "exit $?" >>"$work/init-missing.out"
sed -i "s|$work|WORK|g" "$work/init-missing.out"
compare init-missing.out "$work/init-missing.out"
# --quiet: the findings only; no summary lines, no notices.
(cd "$repo" && "$bin" scan examples/eu-llm-platform -q >"$work/quiet.out" 2>"$work/quiet.err"; echo "exit $?" >>"$work/quiet.out")
compare quiet.out "$work/quiet.out"
[ -s "$work/quiet.err" ] && { echo "start: --quiet wrote on stderr" >&2; fail=1; }
mkdir "$work/nothing"
"$bin" scan "$work/nothing" --quiet >"$work/nothing.out" 2>&1; echo "exit $?" >>"$work/nothing.out"
compare quiet-nothing.out "$work/nothing.out"
# Progress is drawn only on a terminal: with stderr a file, nothing but the report.
(cd "$repo" && "$bin" scan examples/eu-llm-platform >/dev/null 2>"$work/progress.err")
[ -s "$work/progress.err" ] && { echo "start: stderr not empty when not a terminal" >&2; cat "$work/progress.err" >&2; fail=1; }
exit $fail
