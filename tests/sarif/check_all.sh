#!/usr/bin/env bash
# Validates with Microsoft's validator (installed, pinned and integrity-checked, into the build tree
# on first use) the SARIF of every golden case, of `residency scan examples/`, and of every rule's
# bad and good examples (written out by residency_write_examples).
# A scan that crashes (exit code above 2, or a signal) or prints no SARIF document on stdout fails
# the check, naming the case. Only a golden case whose expected.exit is 2 (a policy or usage error
# stops the scan before any report) has no document to validate.
# usage: check_all.sh RESIDENCY SRC MULTITOOL_DEST WRITE_EXAMPLES
set -uo pipefail
bin=$1
src=$2
dest=$3
write_examples=$4
here=$(cd "$(dirname "$0")" && pwd)
if ! multitool=$(bash "$here/install-multitool.sh" "$dest" | tail -n 1); then
    echo "sarif: cannot install the SARIF validator into $dest" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/sarif"
files=()
failed=0
stopped=0

# scan NAME EXPECTED_EXIT DIR ARGS...: runs `residency scan ARGS --format sarif` in DIR; the document
# joins the files to validate. EXPECTED_EXIT 2 allows a scan that stops with no document.
scan() {
    local name=$1 expected_exit=$2 dir=$3
    shift 3
    local out="$tmp/sarif/${name//[^A-Za-z0-9._-]/_}.sarif" code
    (cd "$dir" && "$bin" scan "$@" --format sarif >"$out" 2>"$tmp/stderr")
    code=$?
    if [ "$code" -gt 2 ]; then
        echo "sarif: $name: the scan crashed (exit code $code)" >&2
        tail -n 20 "$tmp/stderr" >&2
        failed=1
    elif [ "$code" -eq 2 ] && [ "$expected_exit" = 2 ]; then
        stopped=$((stopped + 1))
    elif [ "$code" -eq 2 ]; then
        echo "sarif: $name: the scan stopped with exit code 2 and no SARIF document" >&2
        tail -n 20 "$tmp/stderr" >&2
        failed=1
    elif [ "$(tr -d ' \t\r\n' <"$out" | head -c1)" != "{" ]; then
        echo "sarif: $name: exit code $code but no SARIF document on stdout" >&2
        tail -n 20 "$tmp/stderr" >&2
        failed=1
    else
        files+=("$out")
    fi
}

for case_dir in "$src"/tests/cases/*/; do
    case_dir=${case_dir%/}
    args=()
    if [ -f "$case_dir/cmd" ]; then read -r -a args <"$case_dir/cmd"; fi
    [ ${#args[@]} -eq 0 ] && args=(.)
    scan "tests/cases/$(basename "$case_dir")" "$(cat "$case_dir/expected.exit" 2>/dev/null || echo 1)" \
         "$case_dir" "${args[@]}"
done

scan examples/ - "$src" examples/

# Suppressions (justification, until) and a comparison with a baseline (baselineState, the run's
# properties.baseline): the baseline is written under another jurisdiction, so some results are new
# and some entries absent.
RESIDENCY_TODAY=2027-01-15 scan "suppressions" - "$src/tests/cli/fixtures/suppress" . -j eu
if (cd "$src/tests/cli/fixtures/baseline" && "$bin" baseline . -j us -o "$tmp/baseline.json" 2>/dev/null); then
    scan "baseline" - "$src/tests/cli/fixtures/baseline" . -j eu --baseline "$tmp/baseline.json"
else
    echo "sarif: residency baseline failed" >&2
    failed=1
fi

if ! "$write_examples" "$tmp/rule-examples" >"$tmp/example-dirs"; then
    echo "sarif: residency_write_examples failed" >&2
    failed=1
fi
while IFS= read -r dir; do
    scan "rule example $(basename "$dir")" - "$dir" .
done <"$tmp/example-dirs"

echo "validating ${#files[@]} SARIF files ($stopped scans stopped with exit code 2 as expected)"
bash "$here/validate.sh" "$multitool" "${files[@]}" || failed=1
exit $failed
