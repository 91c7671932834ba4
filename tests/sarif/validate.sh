#!/bin/sh
# Runs Microsoft's SARIF validator (SARIF and GitHub rule kinds) on each file; fails on any error-level result.
#
# The validator exits 0 even when it finds errors, so this reads its output log instead. Errors and
# warnings are printed; notes are counted (printed too with SARIF_VALIDATE_NOTES=1).
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

status=0
n=0
for sarif in "$@"; do
    n=$((n + 1))
    log="$WORK/validation-$n.sarif"
    if [ ! -f "$sarif" ]; then
        echo "$sarif: no such file" >&2
        status=1
        continue
    fi
    # Sarif: the SARIF 2.1.0 rules; Gh: what GitHub code scanning needs to ingest a log.
    if ! "$MULTITOOL" validate "$sarif" --output "$log" --log ForceOverwrite \
            --level "Error;Warning;Note" --rule-kind "Sarif;Gh" --quiet >"$WORK/console-$n.txt" 2>&1 \
            || [ ! -s "$log" ]; then
        cat "$WORK/console-$n.txt" >&2
        echo "$sarif: the validator did not run" >&2
        status=1
        continue
    fi
    if ! SARIF_VALIDATE_NOTES="${SARIF_VALIDATE_NOTES:-0}" node - "$log" "$sarif" <<'JS'
const fs = require("fs");
const [logPath, target] = process.argv.slice(2);
const log = JSON.parse(fs.readFileSync(logPath, "utf8"));
const counts = { error: 0, warning: 0, note: 0 };
let failed = false;
const showNotes = process.env.SARIF_VALIDATE_NOTES === "1";

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
            console.log(`${target}: ${level} ${n.descriptor?.id ?? ""}: ${n.message?.text ?? ""}`);
        }
    }
    for (const r of run.results ?? []) {
        const level = r.level ?? "warning";  // SARIF's default level
        counts[level] = (counts[level] ?? 0) + 1;
        if (level === "note" && !showNotes) continue;
        const rule = rules[r.ruleIndex ?? -1] ?? rules.find((x) => x.id === r.ruleId);
        const region = r.locations?.[0]?.physicalLocation?.region ?? {};
        console.log(`${target}(${region.startLine ?? 0},${region.startColumn ?? 0}): ${level} ${r.ruleId}: ${text(r.message ?? {}, rule)}`);
    }
}
console.log(`${target}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)`);
process.exit(failed || counts.error > 0 ? 1 : 0);
JS
    then
        status=1
    fi
done
exit $status
