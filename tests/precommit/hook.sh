#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml, run by Debian's `pre-commit` in a scratch git
# repository as a `repo: local` hook (its definition copied from the file, the entry pointing at the
# built binary): it blocks a commit that adds a bucket outside the jurisdiction and lets a clean one
# through. Offline: a system hook installs nothing. Prints "skipped" without pre-commit.
set -u
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
hooks="$here/../../.pre-commit-hooks.yaml"
if ! command -v pre-commit >/dev/null 2>&1; then
    echo "precommit: skipped: pre-commit not found (apt-get install pre-commit)"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
mkdir -p "$HOME" "$work/repo"
cd "$work/repo" || exit 1
fail() { echo "precommit: $*" >&2; exit 1; }
git init -q . && git config commit.gpgsign false || fail "git init failed"
{
    echo "repos:"
    echo "  - repo: local"
    echo "    hooks:"
    grep -v '^#' "$hooks" | sed -e "s|entry: residency scan|entry: $bin scan|" -e 's/^/      /'
} >.pre-commit-config.yaml
grep -q "entry: $bin scan" .pre-commit-config.yaml || fail "no 'entry: residency scan' in .pre-commit-hooks.yaml"
printf 'jurisdiction: eu\n' >residency.yaml
mkdir -p infra/eu infra/us
printf 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n' >infra/eu/main.tf
git add -A && git commit -qm "policy, hook and a bucket in Ireland" --no-verify || fail "first commit failed"
pre-commit install >/dev/null || fail "pre-commit install failed"

# A clean change passes.
printf 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n' >infra/eu/logs.tf
git add infra/eu/logs.tf
git commit -qm "clean" >"$work/clean.log" 2>&1 || { cat "$work/clean.log" >&2; fail "the hook blocked a clean commit"; }
grep -q "residency (data residency).*Passed" "$work/clean.log" || { cat "$work/clean.log" >&2; fail "the hook did not run on the clean commit"; }

# A bucket in us-east-1 is blocked, and the hook says why.
printf 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_s3_bucket" "copy" {\n  bucket = "copy"\n}\n' >infra/us/main.tf
git add infra/us/main.tf
if git commit -qm "violation" >"$work/bad.log" 2>&1; then
    cat "$work/bad.log" >&2
    fail "the hook let a bucket in us-east-1 through"
fi
grep -q "residency (data residency).*Failed" "$work/bad.log" || { cat "$work/bad.log" >&2; fail "the hook did not fail"; }
grep -q "infra/us/main.tf:5:1  HIGH  RES201  aws_s3_bucket.copy is in us-east-1 (US), outside eu" "$work/bad.log" ||
    { cat "$work/bad.log" >&2; fail "the hook did not report the finding"; }
[ "$(git rev-list --count HEAD)" = 2 ] || fail "the violation was committed"
echo "precommit: the hook passed a clean commit and blocked a violation"
