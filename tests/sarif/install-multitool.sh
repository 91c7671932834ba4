#!/bin/sh
# Fetches Microsoft's SARIF validator (pinned npm tarball, integrity-checked) into DEST; prints the executable.
set -eu

PKG="@microsoft/sarif-multitool-linux@5.7.0"
TARBALL="microsoft-sarif-multitool-linux-5.7.0.tgz"
INTEGRITY="sha512-NxUbpq6ISCWoTQ/NfOYEwEDKq1Heka/rMoJ5R5LMydcAZQX/X7g5mWHcgxDub+0M07LC96tZ5LZHvF1Qy3gjTA=="

if [ $# -ne 1 ]; then
    echo "usage: $0 DEST" >&2
    exit 2
fi
DEST=$1
EXE="$DEST/package/Sarif.Multitool"

if [ -x "$EXE" ]; then
    echo "$EXE"
    exit 0
fi

mkdir -p "$DEST"
if [ ! -f "$DEST/$TARBALL" ]; then
    # npm pack writes the tarball name on stdout; its progress goes to stderr.
    (cd "$DEST" && npm pack --silent "$PKG" >/dev/null)
fi

# npm's integrity string is "sha512-" + base64 of the raw digest.
ACTUAL="sha512-$(openssl dgst -sha512 -binary "$DEST/$TARBALL" | base64 -w0)"
if [ "$ACTUAL" != "$INTEGRITY" ]; then
    echo "integrity mismatch for $TARBALL: got $ACTUAL" >&2
    rm -f "$DEST/$TARBALL"
    exit 1
fi

tar -xzf "$DEST/$TARBALL" -C "$DEST"
chmod +x "$EXE"
echo "$EXE"
