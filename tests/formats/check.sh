#!/usr/bin/env bash
# The CI formats on tests/cases/formats-ci (findings of three severities, a provenance chain, a file
# name with a comma): each format's complete output compared with expected/, the GitLab report checked
# against the required fields of GitLab's SAST schema (gitlab-sast-required.schema.json), several
# formats at once (FMT=PATH), and the usage errors of --format. UPDATE_GOLDEN=1 rewrites expected/.
# usage: check.sh RESIDENCY SCHEMA_CHECK
set -u
absolute() { if [[ $1 == */* ]]; then echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; else echo "$1"; fi; }
bin=$(absolute "$1")
schema_check=$(absolute "$2")
here=$(cd "$(dirname "$0")" && pwd)
case_dir="$here/../cases/formats-ci"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# compare NAME ACTUAL: ACTUAL against expected/NAME.
compare() {
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$2" "$here/expected/$1"
    elif ! diff -u "$here/expected/$1" "$2"; then
        echo "formats: $1 differs from tests/formats/expected/$1 (UPDATE_GOLDEN=1 rewrites it)" >&2
        failed=1
    fi
}

# scan NAME ARGS...: runs the scan in the case directory; stdout, stderr and exit code compared whole.
scan() {
    local name=$1
    shift
    (cd "$case_dir" && env -u SOURCE_DATE_EPOCH NO_COLOR=1 "$bin" scan . -j eu "$@" >"$work/$name.stdout" 2>"$work/$name.stderr"
     echo "exit $?" >"$work/$name.exit")
    { echo "\$ residency scan . -j eu $*"; cat "$work/$name.stdout"; echo "-- stderr --"; cat "$work/$name.stderr"; cat "$work/$name.exit"; } \
        >"$work/$name.txt"
    sed -i "s#$work#WORK#g" "$work/$name.txt"  # the scratch directory's name changes from run to run
    compare "$name.txt" "$work/$name.txt"
}

for format in junit github markdown gitlab; do scan "$format" --format "$format"; done

# GitLab's required fields, and the times it requires taken from SOURCE_DATE_EPOCH when set.
if ! "$schema_check" "$here/gitlab-sast-required.schema.json" "$work/gitlab.stdout"; then
    echo "formats: the GitLab report lacks fields GitLab's SAST schema requires" >&2
    failed=1
fi
(cd "$case_dir" && SOURCE_DATE_EPOCH=1767225600 "$bin" scan . -j eu --format gitlab >"$work/epoch.json")
if ! grep -q '"start_time": "2026-01-01T00:00:00"' "$work/epoch.json"; then
    echo "formats: SOURCE_DATE_EPOCH=1767225600 does not set the GitLab report's start_time" >&2
    failed=1
fi
"$schema_check" "$here/gitlab-sast-required.schema.json" "$work/epoch.json" || failed=1

# Several formats at once: each FMT=PATH a file, one to standard output; the same bytes as alone.
mkdir -p "$work/out"
scan several --format "sarif=$work/out/r.sarif" --format "junit=$work/out/r.xml" --format text
(cd "$case_dir" && "$bin" scan . -j eu --format sarif >"$work/alone.sarif")
cmp -s "$work/alone.sarif" "$work/out/r.sarif" || { echo "formats: sarif=PATH differs from --format sarif" >&2; failed=1; }
cmp -s "$work/junit.stdout" "$work/out/r.xml" || { echo "formats: junit=PATH differs from --format junit" >&2; failed=1; }
# --output still takes a single format.
(cd "$case_dir" && "$bin" scan . -j eu --format markdown --output "$work/out/summary.md" >/dev/null)
cmp -s "$work/markdown.stdout" "$work/out/summary.md" || { echo "formats: --output differs from stdout" >&2; failed=1; }

# Usage errors stop before the scan, exit code 2.
scan two-to-stdout --format text --format json
scan output-with-several --format text --format "json=$work/out/x.json" --output "$work/out/y"
scan output-and-path --format "json=$work/out/x.json" --output "$work/out/y"
scan unknown-format --format html
scan empty-path --format sarif=
exit $failed
