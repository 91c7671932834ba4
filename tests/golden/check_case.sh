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
expected_exit=$(cat "$case_dir/expected.exit" 2>/dev/null || echo 1)
failed=0

(cd "$case_dir" && NO_COLOR=1 "$bin" scan "${args[@]}" --format text >"$tmp/text" 2>&1)
text_code=$?
(cd "$case_dir" && NO_COLOR=1 "$bin" scan "${args[@]}" --format json >"$tmp/json" 2>"$tmp/json.stderr")
json_code=$?

for run in text:$text_code json:$json_code; do
    format=${run%%:*}
    code=${run#*:}
    if [ "$code" -gt 2 ]; then
        echo "golden: $case_dir: the $format scan crashed (exit code $code); its output ends with:" >&2
        tail -n 20 "$tmp/$format" >&2
        [ "$format" = json ] && tail -n 20 "$tmp/json.stderr" >&2
        failed=1
    elif [ "${UPDATE_GOLDEN:-}" != 1 ] && [ "$code" != "$expected_exit" ]; then
        echo "golden: $case_dir: the $format scan exited with $code, expected.exit says $expected_exit" >&2
        failed=1
    fi
done

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    if [ "$failed" = 0 ]; then
        cp "$tmp/text" "$case_dir/expected.txt"
        echo "$text_code" >"$case_dir/expected.exit"
    fi
elif ! diff -u "$case_dir/expected.txt" "$tmp/text"; then
    echo "golden: $case_dir: the text output differs from expected.txt (UPDATE_GOLDEN=1 rewrites it)" >&2
    failed=1
fi

# After a crash of the JSON scan (reported above) every mark would be "not reported": no noise.
if [ "$json_code" -le 2 ] && ! "$check" "$case_dir" "$tmp/json" "$json_code" "$schema"; then
    if [ -s "$tmp/json.stderr" ]; then
        echo "golden: $case_dir: the JSON scan's stderr:" >&2
        head -n 20 "$tmp/json.stderr" >&2
    fi
    failed=1
fi
exit $failed
