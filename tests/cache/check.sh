#!/usr/bin/env bash
# The scan cache changes nothing but speed. Through the real CLI, on every golden case and the
# examples: text, JSON and SARIF output, standard error and the exit code of a scan without the
# cache, with a cold cache and with a warm one are byte for byte the same, and the warm scan parses
# nothing. Then, on a copy of the example: an edited file is parsed again and only it; a truncated,
# bit-flipped, garbage or empty pack is ignored where damaged and rebuilt; scans in parallel agree;
# the default directory, its mode, and no cache (and no error) when no directory is usable.
# usage: check.sh RESIDENCY
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "cache: $*" >&2; failed=1; }

# scan OUT DIR ARGS...: one scan in DIR writing OUT.{txt,json,sarif,err,exit}; RESIDENCY_CACHE_STATS
# adds a "cache:" notice to standard error, kept apart in OUT.stats.
scan() {
    local out=$1 dir=$2
    shift 2
    (cd "$dir" && NO_COLOR=1 RESIDENCY_CACHE_STATS=1 "$bin" scan "$@" --format text="$out.txt" --format json="$out.json" \
        --format sarif="$out.sarif" >"$out.stdout" 2>"$out.stderr")
    echo $? >"$out.exit"
    grep '^residency: cache: ' "$out.stderr" >"$out.stats"
    grep -v '^residency: cache: \|^residency: cannot use the cache directory' "$out.stderr" >"$out.err"
    if [ "$(cat "$out.exit")" -gt 2 ]; then fail "$dir $*: exit code $(cat "$out.exit") (crash)"; cat "$out.stderr" >&2; fi
}
# same A B LABEL: the outputs of two scans are identical.
same() {
    local f
    for f in txt json sarif err stdout exit; do
        [ -e "$1.$f" ] || [ -e "$2.$f" ] || continue  # a scan that stops on an error writes no report
        if ! cmp -s "$1.$f" "$2.$f"; then
            fail "$3: the $f output differs with the cache"
            diff "$1.$f" "$2.$f" | head -n 10 >&2
        fi
    done
}
expect_stats() {  # OUT PATTERN LABEL
    grep -q -- "$2" "$1.stats" || fail "$3: expected \"$2\" in the cache notice, got: $(cat "$1.stats")"
}

cache="$tmp/cache"
n=0
check_dir() {  # LABEL DIR ARGS...
    local label=$1 dir=$2
    shift 2
    n=$((n + 1))
    local base="$tmp/run$n"
    scan "$base.none" "$dir" "$@" --no-cache
    scan "$base.cold" "$dir" "$@" --cache-dir "$cache"
    scan "$base.warm" "$dir" "$@" --cache-dir "$cache"
    same "$base.none" "$base.cold" "$label (cold cache)"
    same "$base.none" "$base.warm" "$label (warm cache)"
    [ -s "$base.none.stats" ] && fail "$label: --no-cache used a cache"
    # A scan that stops on an error (an invalid policy) stops before any file is read.
    [ "$(cat "$base.none.exit")" = 2 ] && [ ! -s "$base.warm.stats" ] && return
    expect_stats "$base.warm" " 0 parsed, 0 damaged; pack unchanged" "$label (warm cache)"
}

cases=0
for case_dir in tests/cases/*/; do
    case_dir=${case_dir%/}
    args=()
    if [ -f "$case_dir/cmd" ]; then read -r -a args <"$case_dir/cmd"; fi
    [ ${#args[@]} -eq 0 ] && args=(.)
    if [ -f "$case_dir/jurisdictions" ]; then
        for j in $(cat "$case_dir/jurisdictions"); do check_dir "$case_dir (-j $j)" "$case_dir" "${args[@]}" --jurisdiction "$j"; done
    else
        check_dir "$case_dir" "$case_dir" "${args[@]}"
    fi
    cases=$((cases + 1))
done
check_dir examples . examples/
for j in eu de us; do check_dir "examples/eu-llm-platform -j $j" examples/eu-llm-platform . --jurisdiction "$j"; done

# An edited file: parsed again, alone; the others reused; the output is the uncached one, and new.
work="$tmp/work"
cp -r examples/eu-llm-platform "$work"
c2="$tmp/c2"
scan "$tmp/e0" "$work" . --cache-dir "$c2"
files=$(find "$work" -name '*.tf' -o -name '*.tfvars' -o -name '*.yaml' -o -name '*.yml' | wc -l)
sed -i 's/"us-west-2"/"eu-west-3"/' "$work/storage.tf"
cmp -s examples/eu-llm-platform/storage.tf "$work/storage.tf" && fail "the edit of storage.tf changed nothing"
scan "$tmp/e1" "$work" . --cache-dir "$c2"
scan "$tmp/e1n" "$work" . --no-cache
same "$tmp/e1n" "$tmp/e1" "an edited file"
expect_stats "$tmp/e1" "$((files - 1)) reused, 1 parsed, 0 damaged; pack written" "an edited file"
cmp -s "$tmp/e0.json" "$tmp/e1.json" && fail "an edited file: the output did not change (stale cache?)"

# inventory, graph and baseline read through the same cache: the same output, nothing parsed when warm.
for cmd in "inventory --format json" "graph --format dot" "baseline"; do
    c5="$tmp/c5"
    rm -rf "$c5"
    # shellcheck disable=SC2086
    (cd "$work" && RESIDENCY_CACHE_STATS=1 "$bin" $cmd . -j eu --no-cache >"$tmp/i0.out" 2>"$tmp/i0.err")
    for round in cold warm; do
        # shellcheck disable=SC2086
        (cd "$work" && RESIDENCY_CACHE_STATS=1 "$bin" $cmd . -j eu --cache-dir "$c5" >"$tmp/i1.out" 2>"$tmp/i1.err")
        cmp -s "$tmp/i0.out" "$tmp/i1.out" || fail "$cmd ($round cache): the output differs"
    done
    grep -q "cache: $files reused, 0 parsed" "$tmp/i1.err" || fail "$cmd (warm cache): $(grep cache: "$tmp/i1.err")"
    grep -q "cache:" "$tmp/i0.err" && fail "$cmd --no-cache used a cache"
done

# A damaged pack: never a crash or a wrong output; what is damaged is parsed again and rewritten.
# The pack starts afresh, so that it holds only entries the scan uses (an unused one, damaged, is
# dropped in silence).
rm -rf "$c2"
scan "$tmp/e2" "$work" . --cache-dir "$c2"
pack=$(ls "$c2"/*.pack)
[ "$(ls "$c2" | wc -l)" = 1 ] || fail "the cache directory holds more than the pack: $(ls -a "$c2")"
size=$(stat -c %s "$pack")
cp "$pack" "$tmp/good.pack"
damage() {  # LABEL: the pack is damaged; scan, compare, then the next scan parses nothing
    scan "$tmp/d" "$work" . --cache-dir "$c2"
    same "$tmp/e1n" "$tmp/d" "$1"
    expect_stats "$tmp/d" "pack written" "$1 (rebuilt)"
    scan "$tmp/d2" "$work" . --cache-dir "$c2"
    same "$tmp/e1n" "$tmp/d2" "$1 (after rebuilding)"
    expect_stats "$tmp/d2" " 0 parsed, 0 damaged; pack unchanged" "$1 (after rebuilding)"
    cp "$tmp/good.pack" "$pack"
}
for cut in 1 20 90 $((size / 3)) $((size / 2)) $((size - 1)); do
    head -c "$cut" "$tmp/good.pack" >"$pack"
    damage "a pack truncated to $cut of $size bytes"
done
for at in 10 40 100 $((size / 4)) $((size / 2)) $((size * 3 / 4)) $((size - 5)); do
    printf '\x5a' | dd of="$pack" bs=1 seek="$at" conv=notrunc status=none
    damage "a pack with byte $at overwritten"
done
for at in $(seq 150 997 "$size"); do printf '\xff' | dd of="$pack" bs=1 seek="$at" conv=notrunc status=none; done
damage "a pack with a byte in every 997 overwritten"
head -c "$size" /dev/urandom >"$pack"
damage "a pack of random bytes"
: >"$pack"
damage "an empty pack"

# Scans in parallel on a cold cache: every one whole and the same.
c3="$tmp/c3"
for i in 1 2 3 4; do scan "$tmp/p$i" "$work" . --cache-dir "$c3" & done
wait
for i in 1 2 3 4; do same "$tmp/e1n" "$tmp/p$i" "parallel scan $i"; done
[ -z "$(ls -A "$c3" | grep -v -e '\.pack$' -e '^\.pruned$')" ] || fail "parallel scans left temporary files: $(ls -A "$c3")"

# Packs no scan wrote or read for 30 days, and temporaries older than an hour, are deleted when a
# scan writes its pack, at most once an hour (the date of .pruned); a pack only read has its date
# renewed.
c4="$tmp/c4"
scan "$tmp/q0" "$work" . --cache-dir "$c4"
kept=$(ls "$c4"/*.pack)
touch -d '40 days ago' "$kept"
printf x >"$c4/scan-0123456789abcdef0123456789abcdef.pack"
printf x >"$c4/scan-fedcba9876543210fedcba9876543210.pack"
printf x >"$c4/.tmp-1-2.pack"
touch -d '31 days ago' "$c4/scan-0123456789abcdef0123456789abcdef.pack"
touch -d '2 hours ago' "$c4/.tmp-1-2.pack"
scan "$tmp/q1" "$work" . --cache-dir "$c4"
expect_stats "$tmp/q1" "pack unchanged" "a pack only read"
[ "$(find "$kept" -mtime -1 | wc -l)" = 1 ] || fail "a pack only read keeps its old date"
scan "$tmp/q2" examples . --cache-dir "$c4"
[ -e "$c4/scan-0123456789abcdef0123456789abcdef.pack" ] || fail "pruned again within the hour"
touch -d '2 hours ago' "$c4/.pruned"
scan "$tmp/q3" tests/cases/alias-tfvars . --cache-dir "$c4"
[ -e "$c4/scan-0123456789abcdef0123456789abcdef.pack" ] && fail "a pack 31 days old was not deleted"
[ -e "$c4/.tmp-1-2.pack" ] && fail "a temporary 2 hours old was not deleted"
[ -e "$c4/scan-fedcba9876543210fedcba9876543210.pack" ] || fail "a recent pack was deleted"
[ -e "$kept" ] || fail "a pack in use was deleted"
[ "$(ls "$c4" | wc -l)" = 4 ] || fail "the cache directory holds $(ls -A "$c4")"

# Beyond 1 GiB of packs, the least recently used go first (sparse files: no disk is used).
c6="$tmp/c6"
mkdir -p "$c6"
truncate -s 600M "$c6/scan-00000000000000000000000000000001.pack" "$c6/scan-00000000000000000000000000000002.pack"
touch -d '3 days ago' "$c6/scan-00000000000000000000000000000001.pack"
touch -d '2 days ago' "$c6/scan-00000000000000000000000000000002.pack"
scan "$tmp/r0" "$work" . --cache-dir "$c6"
[ -e "$c6/scan-00000000000000000000000000000001.pack" ] && fail "1.2 GiB of packs: the oldest was kept"
[ -e "$c6/scan-00000000000000000000000000000002.pack" ] || fail "1.2 GiB of packs: more than the oldest was deleted"
[ "$(ls "$c6" | wc -l)" = 2 ] || fail "the size-bounded cache directory holds $(ls -A "$c6")"

# The default directory, created 0700; none (and no error) when no directory is usable.
(cd "$work" && XDG_CACHE_HOME="$tmp/xdg" HOME="$tmp/home1" NO_COLOR=1 "$bin" scan . >"$tmp/x.out" 2>"$tmp/x.err")
ls "$tmp"/xdg/residency/*.pack >/dev/null 2>&1 || fail "XDG_CACHE_HOME: no pack in \$XDG_CACHE_HOME/residency"
[ "$(stat -c %a "$tmp/xdg/residency")" = 700 ] || fail "the cache directory's mode is $(stat -c %a "$tmp/xdg/residency"), not 700"
(cd "$work" && env -u XDG_CACHE_HOME HOME="$tmp/home2" NO_COLOR=1 "$bin" scan . >/dev/null 2>&1)
ls "$tmp"/home2/.cache/residency/*.pack >/dev/null 2>&1 || fail "HOME: no pack in ~/.cache/residency"
(cd "$work" && env -u XDG_CACHE_HOME -u HOME NO_COLOR=1 "$bin" scan . >"$tmp/n.out" 2>"$tmp/n.err")
cmp -s "$tmp/x.out" "$tmp/n.out" && cmp -s "$tmp/x.err" "$tmp/n.err" || fail "no HOME: the output differs"
(cd "$work" && XDG_CACHE_HOME="$tmp/xdg2" NO_COLOR=1 "$bin" scan . --no-cache >/dev/null 2>&1)
[ -e "$tmp/xdg2" ] && fail "--no-cache created the cache directory"
touch "$tmp/file"
(cd "$work" && XDG_CACHE_HOME="$tmp/file" HOME="$tmp/home3" NO_COLOR=1 "$bin" scan . >"$tmp/f.out" 2>"$tmp/f.err")
cmp -s "$tmp/x.out" "$tmp/f.out" && cmp -s "$tmp/x.err" "$tmp/f.err" || fail "an unusable XDG_CACHE_HOME: the output differs"
ls "$tmp"/home3/.cache/residency/*.pack >/dev/null 2>&1 || fail "an unusable XDG_CACHE_HOME: no pack in ~/.cache/residency"
(cd "$work" && XDG_CACHE_HOME="$tmp/file" HOME="$tmp/file" NO_COLOR=1 "$bin" scan . >"$tmp/f.out" 2>"$tmp/f.err")
cmp -s "$tmp/x.out" "$tmp/f.out" && cmp -s "$tmp/x.err" "$tmp/f.err" || fail "no usable default directory: the output differs"
scan "$tmp/g" "$work" . --cache-dir "$tmp/file/sub"
same "$tmp/e1n" "$tmp/g" "an unusable --cache-dir"
grep -q "cannot use the cache directory" "$tmp/g.stderr" || fail "an unusable --cache-dir is not said"

[ "$failed" = 0 ] && echo "cache: $cases golden cases, the examples and the damaged packs: cached output identical"
exit $failed
