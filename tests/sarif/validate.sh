#!/bin/sh
# Runs Microsoft's SARIF validator (SARIF and GitHub rule kinds) on the files; fails on any error-level result.
#
# One validator run takes them all (it starts .NET once, which is most of its time) and writes one
# output log whose results name their file; the validator exits 0 even when it finds errors, so this
# reads that log. Errors and warnings are printed; notes are counted (printed too with
# SARIF_VALIDATE_NOTES=1).
# usage: validate.sh MULTITOOL FILE.sarif...   (MULTITOOL: path printed by install-multitool.sh)
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 MULTITOOL FILE.sarif..." >&2
    exit 2
fi
MULTITOOL=$1
shift

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

for sarif in "$@"; do
    if [ ! -f "$sarif" ]; then
        echo "$sarif: no such file" >&2
        exit 1
    fi
done

log="$WORK/validation.sarif"
# Sarif: the SARIF 2.1.0 rules; Gh: what GitHub code scanning needs to ingest a log.
if ! "$MULTITOOL" validate "$@" --output "$log" --log ForceOverwrite \
        --level "Error;Warning;Note" --rule-kind "Sarif;Gh" --quiet >"$WORK/console.txt" 2>&1 \
        || [ ! -s "$log" ]; then
    cat "$WORK/console.txt" >&2
    echo "the SARIF validator did not run" >&2
    exit 1
fi

SARIF_VALIDATE_NOTES="${SARIF_VALIDATE_NOTES:-0}" node - "$log" "$@" <<'JS'
const fs = require("fs");
const path = require("path");
const [logPath, ...targets] = process.argv.slice(2);
const log = JSON.parse(fs.readFileSync(logPath, "utf8"));
const showNotes = process.env.SARIF_VALIDATE_NOTES === "1";
let failed = false;

// Results name their file by URI (file:///abs/x.sarif, or a bare path); map it back to the argument.
const byPath = new Map(targets.map((t) => [path.resolve(t), { name: t, error: 0, warning: 0, note: 0 }]));
function target(uri) {
    let p = uri ?? "";
    if (p.startsWith("file://")) p = decodeURIComponent(new URL(p).pathname);
    return byPath.get(path.resolve(p));
}

// The validator writes message ids with arguments; its rules carry the templates.
function text(message, rule) {
    if (message.text) return message.text;
    const template = rule?.messageStrings?.[message.id]?.text ?? message.id ?? "";
    return template.replace(/\{(\d+)\}/g, (_, i) => (message.arguments ?? [])[Number(i)] ?? "");
}

for (const run of log.runs ?? []) {
    const rules = run.tool?.driver?.rules ?? [];
    for (const inv of run.invocations ?? []) {
        if (inv.executionSuccessful === false) failed = true;
        for (const n of [...(inv.toolConfigurationNotifications ?? []), ...(inv.toolExecutionNotifications ?? [])]) {
            const level = n.level ?? "warning";
            if (level === "error") failed = true;
            console.log(`validator: ${level} ${n.descriptor?.id ?? ""}: ${n.message?.text ?? ""}`);
        }
    }
    for (const r of run.results ?? []) {
        const level = r.level ?? "warning";  // SARIF's default level
        const physical = r.locations?.[0]?.physicalLocation ?? {};
        const t = target(physical.artifactLocation?.uri);
        const name = t?.name ?? physical.artifactLocation?.uri ?? "(unknown file)";
        if (t) t[level] = (t[level] ?? 0) + 1;
        if (level === "error") failed = true;
        if (level === "note" && !showNotes) continue;
        const rule = rules[r.ruleIndex ?? -1] ?? rules.find((x) => x.id === r.ruleId);
        const region = physical.region ?? {};
        console.log(`${name}(${region.startLine ?? 0},${region.startColumn ?? 0}): ${level} ${r.ruleId}: ${text(r.message ?? {}, rule)}`);
    }
}
for (const t of byPath.values())
    console.log(`${t.name}: ${t.error} error(s), ${t.warning} warning(s), ${t.note} note(s)`);
process.exit(failed ? 1 : 0);
JS
