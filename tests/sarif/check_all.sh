#!/usr/bin/env bash
# Validates the SARIF of every golden case and of `residency scan examples/` with Microsoft's
# validator, installed (pinned, integrity-checked) into the build tree on first use.
set -eu
bin=$1
src=$2
dest=$3
here=$(cd "$(dirname "$0")" && pwd)
multitool=$(bash "$here/install-multitool.sh" "$dest" | tail -n 1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=()
for case_dir in "$src"/tests/cases/*/; do
    [ -f "$case_dir/expected.sarif" ] || continue
    name=$(basename "$case_dir")
    # Regenerate rather than trust the golden file, so the validated bytes are the tool's own.
    args=(.)
    if [ -f "$case_dir/cmd" ]; then read -r -a args <"$case_dir/cmd"; fi
    (cd "$case_dir" && "$bin" scan "${args[@]}" --format sarif >"$tmp/$name.sarif" 2>/dev/null) || true
    [ -s "$tmp/$name.sarif" ] && head -c1 "$tmp/$name.sarif" | grep -q '{' && files+=("$tmp/$name.sarif")
done
(cd "$src" && "$bin" scan examples/ --format sarif >"$tmp/examples.sarif") || true
files+=("$tmp/examples.sarif")
echo "validating ${#files[@]} SARIF files"
bash "$here/validate.sh" "$multitool" "${files[@]}"
