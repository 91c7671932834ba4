#!/usr/bin/env bash
# One golden case: scans it (in the case directory, with the arguments in `cmd`, default ".") and
#  - the findings and diagnostics of the JSON output are exactly its `# expect: RESxxx` marks, and
#    that JSON conforms to docs/json-schema.json (residency_golden_check);
#  - the exit code of every scan is expected.exit (default 1);
#  - the text output (stdout and stderr, NO_COLOR) is expected.txt.
# A crash (exit code above 2, or a signal) always fails. UPDATE_GOLDEN=1 rewrites expected.txt and
# expected.exit from the text scan; the marks are never rewritten: they say what the case means.
# usage: check_case.sh RESIDENCY GOLDEN_CHECK SCHEMA CASE_DIR
set -u
# The scans run in the case directory: make relative program and schema paths absolute first.
absolute() { if [[ $1 == */* ]]; then echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; else echo "$1"; fi; }
bin=$(absolute "$1")
check=$(absolute "$2")
schema=$(absolute "$3")
case_dir=${4%/}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=()
if [ -f "$case_dir/cmd" ]; then read -r -a args <"$case_dir/cmd"; fi
[ ${#args[@]} -eq 0 ] && args=(.)
# A case with a `jurisdictions` file ("eu de") is scanned once under each, with
# expected.<j>.txt and expected.<j>.exit, and marks `# expect(de): RESxxx` that hold only under de.
failed=0
check_one() {  # JURISDICTION ("" for a case scanned once)
    local j=$1 suffix="" extra=()
    if [ -n "$j" ]; then suffix=".$j"; extra=(--jurisdiction "$j"); fi
    local expected_exit expected_txt="$case_dir/expected$suffix.txt"
    expected_exit=$(cat "$case_dir/expected$suffix.exit" 2>/dev/null || echo 1)
    local failed_before=$failed
    (cd "$case_dir" && NO_COLOR=1 "$bin" scan "${args[@]}" "${extra[@]}" --format text >"$tmp/text" 2>&1)
    local text_code=$?
    (cd "$case_dir" && NO_COLOR=1 "$bin" scan "${args[@]}" "${extra[@]}" --format json >"$tmp/json" 2>"$tmp/json.stderr")
    local json_code=$?
    local label="$case_dir${j:+ (-j $j)}"
    for run in text:$text_code json:$json_code; do
        format=${run%%:*}
        code=${run#*:}
        if [ "$code" -gt 2 ]; then
            echo "golden: $label: the $format scan crashed (exit code $code); its output ends with:" >&2
            tail -n 20 "$tmp/$format" >&2
            [ "$format" = json ] && tail -n 20 "$tmp/json.stderr" >&2
            failed=1
        elif [ "${UPDATE_GOLDEN:-}" != 1 ] && [ "$code" != "$expected_exit" ]; then
            echo "golden: $label: the $format scan exited with $code, expected$suffix.exit says $expected_exit" >&2
            failed=1
        fi
    done
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        if [ "$failed" = "$failed_before" ]; then
            cp "$tmp/text" "$expected_txt"
            echo "$text_code" >"$case_dir/expected$suffix.exit"
        fi
    elif ! diff -u "$expected_txt" "$tmp/text"; then
        echo "golden: $label: the text output differs from expected$suffix.txt (UPDATE_GOLDEN=1 rewrites it)" >&2
        failed=1
    fi
    # After a crash of the JSON scan (reported above) every mark would be "not reported": no noise.
    if [ "$json_code" -le 2 ] && ! "$check" "$case_dir" "$tmp/json" "$json_code" "$schema" ${j:+"$j"}; then
        if [ -s "$tmp/json.stderr" ]; then
            echo "golden: $label: the JSON scan's stderr:" >&2
            head -n 20 "$tmp/json.stderr" >&2
        fi
        failed=1
    fi
}

if [ -f "$case_dir/jurisdictions" ]; then
    for j in $(cat "$case_dir/jurisdictions"); do check_one "$j"; done
else
    check_one ""
fi
exit $failed
