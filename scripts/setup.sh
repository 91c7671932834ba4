#!/usr/bin/env bash
# Installs the Debian 12 packages the build needs, only those missing; quiet when everything is there.
set -euo pipefail

packages=(g++ cmake make pkg-config libcli11-dev libfmt-dev nlohmann-json3-dev doctest-dev libfyaml-dev
          # Terraform's 512-bit numbers (lib/core/number.cpp).
          libmpfr-dev libgmp-dev
          # Terraform's regular expressions (Go's syntax, linear time).
          libre2-dev
          # The allocator of the residency executable: a fifth less CPU than glibc's malloc on real trees.
          libmimalloc-dev
          ca-certificates git
          # Tests only: `residency graph` output rendered by Graphviz, the inventory page by headless Chromium.
          graphviz chromium
          # The pre-commit hook test.
          pre-commit
          # `make bench`: GNU time, and the peers (hcl/v2 natively, built from Debian's Go sources; PyYAML+LibYAML).
          time golang-go golang-github-hashicorp-hcl-v2-dev python3-yaml
          # `make fuzz` (libFuzzer: clang and its runtime); the hostile-input tests (strace: no network).
          clang libclang-rt-dev strace
          # The grapheme cluster test checks against Unicode's GraphemeBreakTest.txt (and
          # scripts/gen-grapheme-table.py reads the property files).
          unicode-data)
# A machine with its own node and npm (e.g. from nodesource) must not get Debian's on top.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

if ! command -v dpkg >/dev/null 2>&1; then
    echo "setup.sh: not a Debian system; install these yourself: ${packages[*]}" >&2
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "setup.sh: missing packages (${missing[*]}) and no root or sudo to install them" >&2
        exit 1
    fi
    sudo=(sudo)
fi

echo "setup.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
