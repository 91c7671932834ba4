#!/usr/bin/env bash
# Install both ways: `cmake --install` into a temporary prefix, and the .deb built by CPack
# (`make package`) unpacked with `dpkg -x` into a temporary root (the system is never touched).
# Each installed binary runs (`--version`, a scan of a tiny case) and the man page renders.
# Prints "skipped" for the .deb without dpkg-deb or cpack.
set -u
build=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
mkdir "$work/case"
printf 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\nprovider "aws" {\n  region = "us-east-1"\n}\n' >"$work/case/main.tf"
check_tree() {  # label root-prefix
    local label=$1 prefix=$2
    local bin="$prefix/bin/residency" man="$prefix/share/man/man1/residency.1"
    [ -x "$bin" ] || { echo "install: $label: no $bin" >&2; fail=1; return; }
    [ -f "$man" ] || { echo "install: $label: no $man" >&2; fail=1; return; }
    local v
    v=$("$bin" --version 2>&1)
    case $v in *"residency "[0-9]*) ;; *) echo "install: $label: --version said: $v" >&2; fail=1 ;; esac
    "$bin" scan "$work/case" -j eu --select RES201 -f json >"$work/$label.json" 2>/dev/null
    [ $? -eq 1 ] && grep -q '"RES201"' "$work/$label.json" || { echo "install: $label: the scan did not find RES201" >&2; fail=1; }
    for section in NAME SYNOPSIS DESCRIPTION COMMANDS RULES "EXIT STATUS" FILES EXAMPLES; do
        grep -q "^\.SH \"\?$section\"\?$" "$man" || { echo "install: $label: man page has no $section" >&2; fail=1; }
    done
    if command -v man >/dev/null; then
        MANWIDTH=80 man -l "$man" 2>"$work/man.err" | grep -q "RES201" || { echo "install: $label: man -l does not render it" >&2; cat "$work/man.err" >&2; fail=1; }
    elif command -v groff >/dev/null; then
        groff -man -Tutf8 "$man" 2>/dev/null | grep -q "RES201" || { echo "install: $label: groff does not render it" >&2; fail=1; }
    fi
}
cmake --install "$build" --prefix "$work/prefix" >/dev/null || { echo "install: cmake --install failed" >&2; exit 1; }
check_tree prefix "$work/prefix"
if ! command -v dpkg-deb >/dev/null || ! command -v cpack >/dev/null; then
    echo "install: .deb skipped: dpkg-deb or cpack not found"
    exit $fail
fi
(cd "$build" && cpack -G DEB -B "$work/package" >"$work/cpack.log" 2>&1) || { echo "install: cpack failed" >&2; cat "$work/cpack.log" >&2; exit 1; }
deb=$(ls "$work"/package/residency_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "install: cpack wrote no .deb" >&2; exit 1; }
dpkg-deb -c "$deb" | grep -q '\./usr/share/man/man1/residency\.1' || { echo "install: the man page is not in the package" >&2; fail=1; }
[ "$(dpkg-deb -f "$deb" Package)" = residency ] || { echo "install: package name" >&2; fail=1; }
[ "$(dpkg-deb -f "$deb" Section)" = devel ] || { echo "install: section" >&2; fail=1; }
dpkg-deb -x "$deb" "$work/root"
check_tree deb "$work/root/usr"
echo "install: $(basename "$deb") $(stat -c %s "$deb") bytes"
exit $fail
