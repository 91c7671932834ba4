#!/usr/bin/env bash
# Every input a fuzz target ever broke (tests/fuzz/regressions/<kind>/) scanned through the real CLI:
# yaml as a Kubernetes manifest stream, policy as residency.yaml, hcl as main.tf, plan as plan.json.
# Each must end within the time limit with exit code 0, 1 or 2 and no sanitizer report.
# usage: tests/fuzz/replay.sh RESIDENCY
set -uo pipefail
bin=$(realpath "${1:?usage: replay.sh RESIDENCY}")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
limit=${RESIDENCY_REPLAY_TIMEOUT:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 count=0
for input in "$here"/regressions/*/*; do
    kind=$(basename "$(dirname "$input")")
    case $kind in
        yaml) name=manifests.yaml ;;
        policy) name=residency.yaml ;;
        hcl) name=main.tf ;;
        plan) name=plan.json ;;
        *) echo "replay: $input: unknown kind $kind" >&2; failed=1; continue ;;
    esac
    dir="$tmp/$count"
    mkdir -p "$dir/.git"
    cp "$input" "$dir/$name"
    args=(scan . --no-cache -q)
    [ "$kind" = policy ] || args+=(-j eu)
    (cd "$dir" && timeout "$limit" "$bin" "${args[@]}" >"$tmp/out" 2>"$tmp/err")
    code=$?
    count=$((count + 1))
    if [ $code -gt 2 ] || grep -q -e 'Sanitizer' -e 'runtime error' "$tmp/err"; then
        echo "replay: ${input#"$here"/}: exit code $code$([ $code = 124 ] && echo " (no end within ${limit}s)")" >&2
        head -c 2000 "$tmp/err" >&2
        failed=1
    fi
done
[ $failed = 0 ] && echo "replay: $count inputs that once broke a fuzz target: all end cleanly"
exit $failed
