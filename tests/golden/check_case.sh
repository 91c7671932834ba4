#!/usr/bin/env bash
# One golden case: runs `residency scan` in the case directory in every format and compares the
# output and the exit code with expected.txt/.json/.sarif and expected.exit.
# UPDATE_GOLDEN=1 rewrites the expected files from the actual output instead.
set -u
bin=$1
case_dir=$2
cd "$case_dir" || exit 2
args=()
if [ -f cmd ]; then read -r -a args < cmd; fi
[ ${#args[@]} -eq 0 ] && args=(.)
expected_exit=$(cat expected.exit 2>/dev/null || echo 1)
failed=0
for format in text json sarif; do
    ext=$format
    [ "$format" = text ] && ext=txt
    actual=$(mktemp)
    NO_COLOR=1 "$bin" scan "${args[@]}" --format "$format" >"$actual" 2>&1
    code=$?
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$actual" "expected.$ext"
        echo "$code" >expected.exit
    else
        if ! diff -u "expected.$ext" "$actual"; then
            echo "golden: $case_dir: $format output differs from expected.$ext" >&2
            failed=1
        fi
        if [ "$code" != "$expected_exit" ]; then
            echo "golden: $case_dir: $format exit code $code, expected $expected_exit" >&2
            failed=1
        fi
    fi
    rm -f "$actual"
done
exit $failed
