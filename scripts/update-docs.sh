#!/usr/bin/env bash
# Regenerates what the docs-current test checks: docs/rules, the README's rule table and its
# example output, and the listing of `residency rules` in tests/cli; and the README's picture of
# the example's graph (docs/graph.svg). Run after changing a rule's metadata or the example.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/residency}
"$bin" docs docs/rules
python3 - "$bin" <<'PY'
import re, subprocess, sys, os
bin = sys.argv[1]
readme = open('README.md').read()
table = ''.join(l + '\n' for l in open('docs/rules/README.md').read().splitlines() if l.startswith('|'))
readme = re.sub(r'<!-- rules:begin -->.*?<!-- rules:end -->', lambda m: '<!-- rules:begin -->\n' + table + '<!-- rules:end -->', readme, flags=re.S)
env = dict(os.environ, NO_COLOR='1')
out = subprocess.run([bin, 'scan', 'examples/'], capture_output=True, text=True, env=env).stdout
block = '<!-- demo:begin -->\n```\n$ build/release/residency scan examples/\n' + out + '```\n<!-- demo:end -->'
readme = re.sub(r'<!-- demo:begin -->.*?<!-- demo:end -->', lambda m: block, readme, flags=re.S)
open('README.md', 'w').write(readme)
PY
# The README's picture of the example's graph, when Graphviz is installed (its version shapes the SVG).
if command -v dot >/dev/null 2>&1; then
    "$bin" graph examples/ --format svg --output docs/graph.svg
else
    echo "update-docs: docs/graph.svg not regenerated: Graphviz (dot) not found" >&2
fi
UPDATE_GOLDEN=1 bash tests/cli/check.sh "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
