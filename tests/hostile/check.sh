#!/usr/bin/env bash
# Hostile input through the real CLI: deep nesting, files over the size limit, binary and non-UTF-8
# files, symlink loops and symlinks out of the scan root, terminal escapes in file contents and
# names, and no network. Each check names what it expects; the first failure stops the test.
#
# usage: tests/hostile/check.sh RESIDENCY
set -uo pipefail
residency=$(realpath "${1:?usage: check.sh RESIDENCY}")
limit=${RESIDENCY_HOSTILE_TIMEOUT:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export RESIDENCY_TODAY=2026-01-01
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# scan NAME ARGS...: runs `residency scan ARGS` into NAME.out / NAME.err; NAME.code holds the exit code.
scan() {
    local name=$1
    shift
    timeout "$limit" "$residency" scan "$@" >"$name.out" 2>"$name.err"
    local code=$?
    echo $code >"$name.code"
    if [ $code -eq 124 ]; then
        fail "$name: no end within ${limit}s"
    elif [ $code -gt 2 ]; then
        fail "$name: exit code $code (a crash or a signal): $(tail -c 600 "$name.err")"
    fi
    return 0
}

# found NAME CODE GREP-FLAGS WHAT TEXT...: the exit code, and each TEXT on standard output or error.
found() {
    local name=$1 code=$2 flags=$3 what=$4
    shift 4
    [ "$(cat "$name.code")" = "$code" ] || fail "$name: exit code $(cat "$name.code"), expected $code"
    for text in "$@"; do
        grep "$flags" -- "$text" "$name.out" "$name.err" >/dev/null || {
            fail "$name: no $what \"$text\" in the output:"
            head -c 2000 "$name.out" "$name.err" >&2
        }
    done
}

# expect NAME CODE TEXT...: each TEXT anywhere; expect_lines NAME CODE LINE...: each LINE whole.
expect() { found "$1" "$2" -qF text "${@:3}"; }
expect_lines() { found "$1" "$2" -qxF line "${@:3}"; }

# absent NAME TEXT...: no TEXT on standard output or error.
absent() {
    local name=$1
    shift
    for text in "$@"; do
        if grep -qF -- "$text" "$name.out" "$name.err"; then fail "$name: \"$text\" in the output: $(grep -m2 -F -- "$text" "$name.out" "$name.err")"; fi
    done
}

case_dir() {
    rm -rf "$1"
    mkdir -p "$1/.git"
}

# ---- deep nesting: 100,000 levels in every syntax, bounded with a diagnostic, no stack overflow ----
python3 - <<'EOF'
import os
n = 100000
def write(path, text):
    os.makedirs(os.path.join(os.path.dirname(path), ".git"), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
hcl = {
    "brackets": "[" * n + "]" * n,
    "parens": "(" * n + "1" + ")" * n,
    "objects": "{a=" * n + "1" + "}" * n,
    "calls": "max(" * n + "1" + ")" * n,
    "template": '"' + '${"' * n + "1" + '"}' * n + '"',
    "unary": "-" * n + "1",
    "binary": "1" + "+1" * n,
    "conditional": "true ? 1 : " * n + "1",
    "for": "[for x in " * n + "[]" + " : x]" * n,
    "index": "local.y" + "[0]" * n,
}
for name, expr in hcl.items():
    write(f"nest-hcl-{name}/main.tf", 'locals {\n  y = {}\n  x = ' + expr + '\n}\nresource "aws_s3_bucket" "b" {\n  bucket = local.x\n}\n')
write("nest-hcl-blocks/main.tf", "a {\n" * n + "}\n" * n)
write("nest-tfvars/main.tf", 'variable "v" {}\n')
write("nest-tfvars/terraform.tfvars", "v = " + "[" * n + "]" * n + "\n")
write("nest-tf-json/main.tf.json", '{"locals": {"x": ' + "[" * n + "]" * n + "}}")
write("nest-plan/plan.json", '{"format_version": "1.2", "planned_values": ' + "[" * n + "]" * n + "}")
manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: "
write("nest-yaml-flow/cm.yaml", manifest + "[" * n + "]" * n + "\n")
write("nest-yaml-maps/cm.yaml", manifest + "{a: " * n + "1" + "}" * n + "\n")
write("nest-yaml-block/cm.yaml", manifest[:-1] + "\n" + "".join(" " * (i + 1) + "a:\n" for i in range(3000)))
write("nest-policy/residency.yaml", "jurisdiction: " + "[" * n + "]" * n + "\n")
write("nest-policy/main.tf", "\n")
EOF
for d in nest-hcl-*; do
    scan "$d" "$d"
    expect "$d" 0 "RES001" "$d/main.tf"
done
scan nest-tfvars nest-tfvars
expect nest-tfvars 0 "nest-tfvars/terraform.tfvars:1:" "syntax error: nesting too deep"
scan nest-tf-json nest-tf-json
expect nest-tf-json 0 "nest-tf-json/main.tf.json:1:" "syntax error: nesting deeper than 512 levels"
scan nest-plan nest-plan
expect nest-plan 0 "nest-plan/plan.json:1:" "invalid plan: nesting deeper than 512 levels"
for d in nest-yaml-flow nest-yaml-maps nest-yaml-block; do
    scan "$d" "$d"
    expect "$d" 0 "$d/cm.yaml:" "syntax error: the document nests deeper than 200 levels"
done
scan nest-policy nest-policy
expect nest-policy 2 "nest-policy/residency.yaml:1:" "the policy nests deeper than 32 levels"

# ---- files over the size limit (16 MiB): skipped with RES001, the rest scanned ----
case_dir big
printf 'provider "aws" {\n  region = "us-east-1"\n}\nresource "aws_s3_bucket" "small" {}\n' >big/main.tf
truncate -s 17M big/huge.tf
printf '{"format_version": "1.2", "planned_values": {' >big/plan.json
truncate -s 20M big/plan.json
printf 'apiVersion: v1\nkind: ConfigMap\n' >big/cm.yaml
truncate -s 17M big/cm.yaml
scan big big -f json -j eu
expect big 1 '"message": "big/huge.tf is 17825792 bytes, over the limit of 16 MiB for one file"' \
    '"message": "big/plan.json is 20971520 bytes, over the limit of 16 MiB for one file"' \
    '"message": "big/cm.yaml is 17825792 bytes, over the limit of 16 MiB for one file"' '"RES201"'
# Files over the limit are not read, so not counted as scanned (nor listed in the JSON `files`).
scan big-text big -j eu
expect_lines big-text 1 "MEDIUM  RES001  big/huge.tf is 17825792 bytes, over the limit of 16 MiB for one file" \
    "MEDIUM  RES001  big/plan.json is 20971520 bytes, over the limit of 16 MiB for one file" \
    "MEDIUM  RES001  big/cm.yaml is 17825792 bytes, over the limit of 16 MiB for one file" \
    "big/main.tf:4:1  HIGH  RES201  aws_s3_bucket.small is in us-east-1 (US), outside eu" \
    "Scanned 1 file, 1 asset (1 located)."
# Exactly the limit is read, in bounded memory and time: megabytes of blanks are parsed in pieces
# (whole, tree-sitter took about 500 bytes per blank: 8 GB), and the parse budget is CPU time, so
# a loaded machine does not turn a valid file into "too complex".
case_dir edge
{ printf 'resource "aws_s3_bucket" "edge" {}\n'; head -c $((16 * 1024 * 1024 - 35)) /dev/zero | tr '\0' ' '; } >edge/main.tf
[ "$(stat -c %s edge/main.tf)" -eq $((16 * 1024 * 1024)) ] || fail "edge/main.tf is not 16 MiB"
scan edge edge -j eu
expect_lines edge 0 "Scanned 1 file, 1 asset (0 located)." "Found 0 findings and 1 diagnostic."
absent edge RES001
case_dir blank-lines
{ printf 'resource "aws_s3_bucket" "blank" {}\n'; head -c $((8 * 1024 * 1024)) /dev/zero | tr '\0' '\n'; printf 'resource "aws_s3_bucket" "after" {}\n'; } >blank-lines/main.tf
scan blank-lines blank-lines -j eu
expect_lines blank-lines 0 "Scanned 1 file, 2 assets (0 located)."
absent blank-lines RES001
head -c 17M /dev/zero | timeout "$limit" "$residency" scan - --stdin-filename main.tf >stdin-big.out 2>stdin-big.err
echo $? >stdin-big.code
expect stdin-big 0 "main.tf is 17825792 bytes, over the limit of 16 MiB for one file"
case_dir big-policy
printf 'jurisdiction: eu\n' >big-policy/residency.yaml
truncate -s 17M big-policy/residency.yaml
printf 'resource "aws_s3_bucket" "b" {}\n' >big-policy/main.tf
scan big-policy big-policy
expect big-policy 2 "big-policy/residency.yaml: 17825792 bytes is over the limit of 16 MiB for one file"

# ---- numbers: Terraform's are exact binary floats; printing a huge one is bounded ----
case_dir numbers
cat >numbers/main.tf <<'EOF'
resource "aws_s3_bucket" "n" {
  bucket = "b-${1e300000000}-${format("%.999999999f", 1 / 3)}-${1e200000 * 1e200000}"
  tags   = { big = parseint("1${join("", [for i in range(1000) : "0123456789abcdef"])}", 16) * 1.5 }
}
EOF
scan numbers numbers -j eu
expect_lines numbers 0 "Scanned 1 file, 1 asset (0 located)."

# ---- binary and non-UTF-8 files ----
case_dir binary
python3 -c '
import random
r = random.Random(11)
open("binary/main.tf", "wb").write(bytes(r.randrange(256) for _ in range(20000)))
open("binary/cm.yaml", "wb").write(b"apiVersion: v1\nkind: ConfigMap\n" + bytes(r.randrange(256) for _ in range(20000)))
open("binary/latin1.yaml", "wb").write(b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n")
open("binary/nul.tf", "wb").write(b"resource \"aws_s3_bucket\" \"n\" {\n  bucket = \"a\x00b\"\n}\n\x00\x00\n")
'
# Terraform 1.11 accepts invalid UTF-8 in a comment (terraform fmt and validate say nothing), and
# refuses it in a string or heredoc ("Invalid character encoding" at the byte): residency agrees.
printf '# caf\xe9\nresource "aws_s3_bucket" "comment" {}\n' >binary/comment.tf
printf 'resource "aws_s3_bucket" "string" {\n  bucket = "caf\xe9"\n}\n' >binary/string.tf
printf 'locals {\n  a = <<EOT\ncaf\xe9 \xff\nEOT\n}\n' >binary/heredoc.tf
# YAML 1.2 streams are Unicode: a byte that is not UTF-8, even in a comment, makes the document
# malformed (libfyaml stopped at a comment's silently, and the manifest was lost unsaid).
printf '# caf\xe9\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: c, image: i}]\n' >binary/comment.yaml
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  containers: [{name: c, image: i}]\n' >binary/two.yaml
printf -- '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "\xc3\x28"\n' >>binary/two.yaml
scan binary binary -f json
expect binary 0 '"path": "binary/main.tf"' '"path": "binary/cm.yaml"' '"asset": "aws_s3_bucket.comment"'
scan binary-text binary -j eu
expect_lines binary-text 0 \
    'binary/string.tf:2:16  MEDIUM  RES001  syntax error: invalid character encoding: all input files must be UTF-8 encoded' \
    'binary/heredoc.tf:3:4  MEDIUM  RES001  syntax error: invalid character encoding: all input files must be UTF-8 encoded' \
    'binary/comment.yaml:1:6  MEDIUM  RES001  syntax error: invalid character encoding: byte 0xe9 is not UTF-8, and YAML must be UTF-8 encoded' \
    'binary/latin1.yaml:4:12  MEDIUM  RES001  syntax error: invalid character encoding: byte 0xe9 is not UTF-8, and YAML must be UTF-8 encoded' \
    'binary/two.yaml:16:10  MEDIUM  RES001  syntax error: invalid character encoding: byte 0xc3 is not UTF-8, and YAML must be UTF-8 encoded' \
    'Scanned 9 files, 5 assets (0 located).'
# The 5 assets: the three buckets, and the ConfigMap and the Pod of two.yaml's valid documents.
absent binary-text "binary/comment.tf:2:1  MEDIUM" "binary/two.yaml:1:" "binary/two.yaml:9:"
python3 - binary.out <<'EOF' || fail "binary: a broken file without RES001"
import json, sys
report = json.load(open(sys.argv[1]))
diagnosed = {d["location"]["path"] for d in report["diagnostics"] if d["rule"] == "RES001" and d.get("location")}
missing = {"binary/main.tf", "binary/cm.yaml", "binary/latin1.yaml", "binary/nul.tf", "binary/string.tf",
           "binary/heredoc.tf", "binary/comment.yaml", "binary/two.yaml"} - diagnosed
if missing:
    print("no RES001 for", sorted(missing), file=sys.stderr)
    sys.exit(1)
EOF

# ---- symlinks: loops end, nothing outside the scan root is read ----
mkdir -p outside/mod
printf 'provider "aws" {\n  region = "us-east-1"\n}\nresource "aws_s3_bucket" "outside" {}\n' >outside/main.tf
printf 'resource "aws_s3_bucket" "outside_module" {}\n' >outside/mod/main.tf
case_dir links
mkdir -p links/sub links/mod
printf 'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_s3_bucket" "inside" {}\nmodule "m" {\n  source = "./mod"\n}\nmodule "o" {\n  source = "./out/mod"\n}\n' >links/main.tf
ln -s ../../outside/mod/main.tf links/mod/main.tf  # a module file that is a link out of the root
ln -s ../outside links/out                          # a directory link out of the root
ln -s ../outside/main.tf links/sub/linked.tf        # a file link out of the root
ln -s .. links/sub/loop                             # a loop
ln -s self links/self.tf                            # a link to itself
ln -s b links/a.tf
ln -s a.tf links/b.tf                               # two links to each other
# Under -j us the bucket inside is a finding (the proof it was read); nothing outside is.
scan links links -j us
expect_lines links 1 "links/main.tf:4:1  HIGH  RES201  aws_s3_bucket.inside is in eu-west-1 (IE), outside us" \
    'links/main.tf:5:1  LOW  RES002  cannot resolve the locations of the assets in this module: module.m source "./mod" has no Terraform files' \
    'links/main.tf:8:1  LOW  RES002  cannot resolve the locations of the assets in this module: module.o source "./out/mod" has no Terraform files' \
    "Scanned 1 file, 1 asset (1 located)."
absent links "aws_s3_bucket.outside" "links/out/" "links/sub/"
# Asked to follow modules outside the root, a symlink still leads nowhere else: neither a file link
# (module.m) nor a directory link on the way (module.o, ./out/mod, was followed before); a module
# outside the root written as such (../shared) is read.
scan links-allowed links -j us --allow-outside-root
expect_lines links-allowed 1 'links/main.tf:8:1  LOW  RES002  cannot resolve the locations of the assets in this module: module.o source "./out/mod" has no Terraform files' \
    "Scanned 1 file, 1 asset (1 located)."
absent links-allowed "aws_s3_bucket.outside"
mkdir -p outside/shared
printf 'resource "aws_s3_bucket" "shared" {}\n' >outside/shared/main.tf
case_dir outside/root
printf 'provider "aws" {\n  region = "eu-west-1"\n}\nmodule "s" {\n  source = "../shared"\n}\n' >outside/root/main.tf
scan outside-allowed outside/root -j us --allow-outside-root
expect_lines outside-allowed 1 "outside/shared/main.tf:1:1  HIGH  RES201  module.s.aws_s3_bucket.shared is in eu-west-1 (IE), outside us"
# A policy file that is a link out of its directory is not read.
case_dir policy-link
printf 'jurisdiction: [eu]\n' >outside/residency.yaml
ln -s ../outside/residency.yaml policy-link/residency.yaml
printf 'resource "aws_s3_bucket" "b" {}\n' >policy-link/main.tf
scan policy-link policy-link
expect policy-link 2 "links outside its directory"

# ---- terminal escapes from file contents and names never reach the terminal raw ----
case_dir ansi
# ESC sequences, BEL, CR, the C1 CSI and RLO (U+202E) in an attribute value, a label, a comment,
# YAML escapes and a file name.
printf 'provider "aws" {\n  region = "\033[2J\033]0;owned\007\xe2\x80\xaeevil\r"\n}\nresource "aws_s3_bucket" "\033[31mred" {\n  bucket = "\xe2\x80\xaeevil\xc2\x9b1m\r" # \033[5m\n}\nresource "x" "y" {\n  a = = "\033[1m"\n}\n' >ansi/main.tf
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "\\e[31mpod\\r\\u202e"\n  annotations:\n    a: "\\x1b]8;;http://x\\x07"\nspec:\n  containers: [{name: c, image: "\\u001b[2Jimg"}]\n' >ansi/pod.yaml
printf 'resource "aws_s3_bucket" "b" {}\n' >"ansi/$(printf '\033[31mna\rme\007\xe2\x80\xae.tf')"
printf 'not scanned\n' >"ansi/$(printf '\033[31mnotes\007.txt')"
for format in text json sarif junit github markdown gitlab; do
    scan "ansi-$format" ansi -f "$format" --show-suppressed
    code=$(cat "ansi-$format.code")
    [ "$code" = 0 ] || [ "$code" = 1 ] || fail "ansi-$format: exit code $code"
    # ESC, BEL, CR, the C1 CSI (U+009B) and RLO (U+202E) as raw bytes (JSON writes them \u001b, \r,
    # \u009b, \u202e: the same strings to a parser).
    if LC_ALL=C grep -qaP '\x1b|\x07|\x0d|\xc2\x9b|\xe2\x80\xae' "ansi-$format.out" "ansi-$format.err"; then
        fail "ansi-$format: a raw control character reached the output: $(LC_ALL=C grep -aP '\x1b|\x07|\x0d|\xc2\x9b|\xe2\x80\xae' "ansi-$format.out" "ansi-$format.err" | head -3 | od -c | head -5)"
    fi
done
expect_lines ansi-text 0 \
    'ansi/main.tf:2:12  MEDIUM  RES003  "\x1b[2J\x1b]0;owned\x07\u202eevil\x0d" is not an AWS location in the catalog, so where aws_s3_bucket.\x1b[31mred lives cannot be checked' \
    '    2 |   region = "\x1b[2J\x1b]0;owned\x07\u202eevil\x0d"' \
    '  = used by aws_s3_bucket.b (ansi/\x1b[31mna\x0dme\x07\u202e.tf:1:1)' \
    '    4 | resource "aws_s3_bucket" "\x1b[31mred" {' \
    'ansi/main.tf:8:7  MEDIUM  RES001  syntax error: unexpected '"'='" \
    '    8 |   a = = "\x1b[1m"'
expect_lines ansi-github 0 \
    '::notice file=ansi/main.tf,line=2,col=12,endLine=2,endColumn=36,title=RES003::"\x1b[2J\x1b]0;owned\x07\u202eevil%0D" is not an AWS location in the catalog, so where aws_s3_bucket.\x1b[31mred lives cannot be checked%0A= used by aws_s3_bucket.\x1b[31mred (ansi/main.tf:4)%0A= provider "aws" region (ansi/main.tf:2)'
expect ansi-json 0 '"message": "\"\u001b[2J\u001b]0;owned\u0007\u202eevil\r\" is not an AWS location in the catalog, so where aws_s3_bucket.\u001b[31mred lives cannot be checked",'
expect ansi-sarif 0 '"text": "}\nresource \"aws_s3_bucket\" \"\u001b[31mred\" {\n  bucket = \"\u202eevil\u009b1m\r\" # \u001b[5m"'
printf 'resource "aws_s3_bucket" "b" {\n  bucket = = "\033[31m"\n}\n' |
    timeout "$limit" "$residency" scan - --stdin-filename "$(printf 'in\033[2J.tf')" >ansi-stdin.out 2>ansi-stdin.err
echo $? >ansi-stdin.code
expect ansi-stdin 0 'in\x1b[2J.tf'
if LC_ALL=C grep -qaP '\x1b' ansi-stdin.out ansi-stdin.err; then fail "ansi-stdin: a raw ESC reached the output"; fi

# ---- no network, ever: remote module sources and providers are named, never fetched ----
case_dir remote
printf '%s\n' 'module "registry" {' '  source  = "terraform-aws-modules/s3-bucket/aws"' '  version = "4.1.0"' '}' \
    'module "git" {' '  source = "git::https://example.com/modules.git//s3?ref=v1"' '}' \
    'module "http" {' '  source = "https://example.com/module.zip"' '}' \
    'module "s3" {' '  source = "s3::https://s3-eu-west-1.amazonaws.com/bucket/module.zip"' '}' \
    'terraform {' '  required_providers {' '    aws = { source = "hashicorp/aws" }' '  }' \
    '  backend "s3" {' '    bucket = "state"' '    region = "eu-west-1"' '  }' '}' \
    'data "http" "x" {' '  url = "https://example.com/region"' '}' \
    'provider "aws" {' '  region = data.http.x.response_body' '}' >remote/main.tf
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
    # LeakSanitizer cannot run under ptrace: the sanitizer build checks leaks everywhere else.
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" timeout "$limit" strace -f -qq -e trace=socket,connect,sendto,sendmsg -o remote.strace \
        "$residency" scan remote >remote.out 2>remote.err
    code=$?
    [ $code -le 1 ] || fail "remote: exit code $code"
    if grep -E 'socket\(AF_INET|connect\(|sendto\(|sendmsg\(' remote.strace | grep -v 'AF_UNIX' | grep -q .; then
        fail "remote: residency opened a network socket: $(grep -m3 -E 'AF_INET|connect' remote.strace)"
    fi
else
    echo "hostile: no-network check skipped (strace missing or ptrace not permitted)"
fi

if [ $failures -gt 0 ]; then
    echo "hostile: $failures failures" >&2
    exit 1
fi
echo "hostile: every check passed"
