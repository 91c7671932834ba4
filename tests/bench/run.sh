#!/usr/bin/env bash
# `make bench`: residency next to its peers on the same files; numbers, not pass/fail (not part of
# `make test`). Generated corpora (HCL, modules, 10,000 .tf files, a one-line plan, Kubernetes YAML,
# a pre-commit run) and the .tf and .yaml files of each --dir: files/s, MB/s, wall, CPU and peak
# memory of `residency scan`, of its parse stage alone, of HashiCorp's hcl/v2 (Go, native), of
# @cdktf/hcl2json (the same parser as WebAssembly) and of PyYAML+LibYAML; then the targets of
# issue 11, each met or missed. A peer that is not installed is shown as such (scripts/setup.sh
# installs them). Run it on a quiet machine, or under `nice` and read the load average it prints.
# usage: tests/bench/run.sh [BINARY] [SCALE] [--dir D]... [--only-dirs] [--repeat N] [--jobs N]
#                           [--write-doc [PATH]]   (--help for details; details in tests/bench/bench.py)
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" "$@"
