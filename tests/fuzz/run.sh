#!/usr/bin/env bash
# `make fuzz`: seeds each libFuzzer target's corpus from the tests and runs it for FUZZ_SECONDS.
#
# usage: tests/fuzz/run.sh FUZZ_BUILD_DIR [TARGET...]   (default: every target, one after the other)
# FUZZ_SECONDS (default 60) per target; FUZZ_JOBS (default 1) targets at once; FUZZ_EXAMPLES: a
# residency_write_examples binary (the release build's) to seed from the rules' bad and good examples.
# The corpora grow in FUZZ_BUILD_DIR/corpus/<target>/ across runs; a crash, leak, sanitizer report or
# timeout leaves its input in FUZZ_BUILD_DIR/artifacts/<target>/ and fails the run. Each target's
# summary line (run time, executions) is appended to FUZZ_BUILD_DIR/fuzz.log.
set -uo pipefail
build=${1:?usage: run.sh FUZZ_BUILD_DIR [TARGET...]}
shift
build=$(cd "$build" && pwd)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_hcl fuzz_hcl_parse fuzz_hcl_agree fuzz_yaml fuzz_plan fuzz_policy)

# Seeds: every test input of the target's kind, copied once (a corpus keeps what fuzzing found).
seed() {
    local target=$1 dir=$build/corpus/$1
    mkdir -p "$dir"
    local sources=("$root/tests" "$root/examples")
    if [ -n "${FUZZ_EXAMPLES:-}" ] && [ ! -d "$build/rule-examples" ]; then
        "$FUZZ_EXAMPLES" "$build/rule-examples" >/dev/null
    fi
    [ -d "$build/rule-examples" ] && sources+=("$build/rule-examples")
    local files
    case $target in
        fuzz_hcl | fuzz_hcl_parse | fuzz_hcl_agree) files=$(find "${sources[@]}" -type f \( -name '*.tf' -o -name '*.tfvars' \) ) ;;
        fuzz_yaml) files=$(find "${sources[@]}" -type f \( -name '*.yaml' -o -name '*.yml' \) ! -name residency.yaml \
                               -exec grep -l '^ *apiVersion:' {} + ) ;;
        fuzz_plan) files=$(find "${sources[@]}" -type f -name '*.json' -exec grep -l '"format_version"' {} + ) ;;
        fuzz_policy) files=$(find "${sources[@]}" -type f -name 'residency.yaml') ;;
    esac
    local f
    while IFS= read -r f; do
        [ -n "$f" ] || continue
        local size
        size=$(stat -c %s "$f")
        [ "$size" -le 65536 ] || continue  # a corpus of small inputs mutates faster
        cp "$f" "$dir/seed-$(sha1sum <"$f" | cut -c1-16)"
    done <<<"$files"
}

run_one() {
    local target=$1
    local bin=$build/tests/fuzz/$target
    [ -x "$bin" ] || { echo "run.sh: $bin is not built (make fuzz builds it)" >&2; return 1; }
    seed "$target"
    mkdir -p "$build/artifacts/$target" "$build/logs"
    local log=$build/logs/$target.log
    echo "fuzz: $target for ${seconds}s ($(ls "$build/corpus/$target" | wc -l) inputs in its corpus)"
    # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: 2 GB is a leak or a bomb.
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 LSAN_OPTIONS=suppressions=$root/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$target/" "$build/corpus/$target" >"$log" 2>&1
    local status=$?
    local execs time
    execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    time=$(grep -m1 'Done [0-9]* runs in' "$log" | sed 's/.*in \([0-9]*\) second.*/\1/')
    echo "$(date -u +%FT%TZ) $target seconds=${time:-?} execs=${execs:-?} status=$status" >>"$build/fuzz.log"
    if [ $status -ne 0 ]; then
        echo "fuzz: $target FAILED (status $status); see $log and $build/artifacts/$target/" >&2
        grep -m5 -E 'ERROR|runtime error|SUMMARY' "$log" >&2
        return 1
    fi
    echo "fuzz: $target ok: ${execs:-?} executions in ${time:-?} s"
}

status=0
running=0
for t in "${targets[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ $running -ge "$jobs" ]; then
        wait -n || status=1
        running=$((running - 1))
    fi
done
while [ $running -gt 0 ]; do
    wait -n || status=1
    running=$((running - 1))
done
exit $status
