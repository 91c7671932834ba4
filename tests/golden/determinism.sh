#!/usr/bin/env bash
# Two scans of the same input give byte-identical output, in every format, whatever the number of
# parser threads.
set -u
bin=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for format in text json sarif; do
    NO_COLOR=1 "$bin" scan "$dir" --format "$format" >"$tmp/a" 2>&1
    # The second run parses on one thread: scheduling must not show in the output.
    NO_COLOR=1 "$bin" scan "$dir" --format "$format" --jobs 1 >"$tmp/b" 2>&1
    if ! cmp -s "$tmp/a" "$tmp/b"; then
        echo "determinism: two $format scans of $dir differ" >&2
        diff "$tmp/a" "$tmp/b" | head -20 >&2
        failed=1
    fi
    if [ ! -s "$tmp/a" ]; then
        echo "determinism: the $format scan of $dir printed nothing" >&2
        failed=1
    fi
done
exit $failed
