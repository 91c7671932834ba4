#!/usr/bin/env bash
# The auditor's page (`residency inventory --format html`) of the first inventory case, rendered in
# headless Chromium: the screenshot is not blank, and the DOM holds the register with one row per
# asset of the JSON inventory. Prints "skipped" without Chromium.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    echo "inventory-html: skipped: $chromium not found"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case_dir="$here/cases/replication-and-pools"
(cd "$case_dir" && "$bin" inventory . --format html --evidence --output "$work/page.html" &&
    "$bin" inventory . >"$work/inventory.json") || { echo "inventory-html: residency failed" >&2; exit 1; }
run_chromium() {
    local page=$1
    shift
    timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d "$work/profile.XXXXXX")" "$@" "file://$work/$page"
}
run_chromium page.html --screenshot="$work/page.png" --window-size=1280,900 >/dev/null 2>"$work/chromium.log"
if [ ! -s "$work/page.png" ]; then
    echo "inventory-html: chromium wrote no screenshot" >&2
    cat "$work/chromium.log" >&2
    exit 1
fi
run_chromium page.html --dump-dom >"$work/dom.html" 2>>"$work/chromium.log"
# Sorting: the page's own script, driven by a click on the Asset header (twice: descending).
sed 's|</body>|<script>var h=document.querySelector("#register th");h.click();h.click();</script></body>|' \
    "$work/page.html" >"$work/sorted.html"
run_chromium sorted.html --dump-dom >"$work/sorted-dom.html" 2>>"$work/chromium.log"
python3 - "$work/page.png" "$work/dom.html" "$work/inventory.json" "$work/sorted-dom.html" <<'PY'
import json, re, struct, sys, zlib
png, dom, inv, sorted_dom = sys.argv[1:5]
data = open(png, 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, width, height, ctype, depth = 8, b'', 0, 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        width, height, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
channels = {2: 3, 6: 4, 0: 1, 4: 2}[ctype]
stride = width * channels * depth // 8
# Distinct bytes of the scanlines (filtered data still varies only where the picture does).
distinct = set()
for y in range(0, height, 7):
    line = raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)]
    distinct.update(line[::channels * 5])
if len(distinct) < 8:
    sys.exit('inventory-html: the screenshot is blank (%d distinct values)' % len(distinct))
page = open(dom, encoding='utf-8').read()
expected = len(json.load(open(inv))['assets'])
m = re.search(r'<table id="register"[^>]*>.*?<tbody>(.*?)</tbody>', page, re.S)
if not m:
    sys.exit('inventory-html: no register table in the DOM')
rows = len(re.findall(r'<tr>', m.group(1)))
if rows != expected:
    sys.exit('inventory-html: the register has %d rows, the inventory %d assets' % (rows, expected))
if '<svg' not in page and 'Graphviz (<code>dot</code>) was not found' not in page:
    sys.exit('inventory-html: neither the graph nor the note that Graphviz is missing')
body = re.search(r'<table id="register"[^>]*>.*?<tbody>(.*?)</tbody>', open(sorted_dom, encoding='utf-8').read(), re.S)
assets = [re.sub(r'<[^>]+>', '', r) for r in re.findall(r'<tr><td>(.*?)</td>', body.group(1) if body else '')]
# The page compares with localeCompare, which looks at letters and digits before punctuation.
letters = lambda a: re.sub(r'[^0-9a-z]', '', a.lower())
if len(assets) != expected or assets != sorted(assets, key=letters, reverse=True):
    sys.exit('inventory-html: a click on the Asset header twice does not sort the register descending: %r' % assets)
print('inventory-html: %dx%d screenshot, %d distinct values; %d register rows' % (width, height, len(distinct), rows))
PY
