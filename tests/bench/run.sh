#!/usr/bin/env bash
# Benchmark harness: generates synthetic corpora (many small .tf files; modules expanded with
# for_each; one large one-line plan JSON) and reports files/s, MB/s and peak memory of
# `residency scan` on each. Numbers, not pass/fail: compare runs of the same machine.
# usage: tests/bench/run.sh [BINARY] [SCALE]   (SCALE multiplies the corpus sizes; default 1)
set -euo pipefail
bin=$(realpath "${1:-build/release/residency}")
scale=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$scale" <<'PY'
import json, os, sys
work, scale = sys.argv[1], int(sys.argv[2])

# 1. A flat repository: 2000 files of 5 buckets each, every bucket referenced by a second resource.
d = os.path.join(work, "hcl-flat"); os.makedirs(d)
open(os.path.join(d, "providers.tf"), "w").write(
    'provider "aws" {\n  region = var.region\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n')
for i in range(2000 * scale):
    with open(os.path.join(d, f"f{i}.tf"), "w") as f:
        for j in range(5):
            f.write(f'''resource "aws_s3_bucket" "b{i}_{j}" {{
  bucket = "bucket-{i}-{j}-${{var.region}}"
  tags   = {{ Name = "b{i}_{j}", env = lower("PROD") }}
}}

resource "aws_s3_bucket_versioning" "v{i}_{j}" {{
  bucket = aws_s3_bucket.b{i}_{j}.id
  versioning_configuration {{
    status = "Enabled"
  }}
}}
''')

# 2. Modules: a root calling a module 200 times with for_each over regions, three levels deep.
d = os.path.join(work, "hcl-modules"); os.makedirs(os.path.join(d, "modules", "site"))
os.makedirs(os.path.join(d, "modules", "bucket"))
regions = ["eu-west-1", "eu-central-1", "eu-north-1", "eu-south-1", "us-east-1"]
with open(os.path.join(d, "main.tf"), "w") as f:
    f.write('provider "aws" {\n  region = "eu-west-1"\n}\n')
    for i in range(200 * scale):
        f.write(f'module "site{i}" {{\n  source  = "./modules/site"\n  name    = "s{i}"\n  regions = {json.dumps(regions)}\n}}\n')
open(os.path.join(d, "modules", "site", "main.tf"), "w").write('''variable "name" {}
variable "regions" {}
module "bucket" {
  source   = "../bucket"
  for_each = toset(var.regions)
  name     = "${var.name}-${each.key}"
  region   = each.value
}
''')
open(os.path.join(d, "modules", "bucket", "main.tf"), "w").write('''variable "name" {}
variable "region" {}
resource "aws_s3_bucket" "this" {
  bucket = var.name
  region = var.region
}
''')

# 3. A plan: 5000 resources on one line, as `terraform show -json` writes it.
d = os.path.join(work, "plan"); os.makedirs(d)
resources = [{"address": f"aws_s3_bucket.b{i}", "mode": "managed", "type": "aws_s3_bucket", "name": f"b{i}",
              "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
              "values": {"bucket": f"b{i}", "region": regions[i % len(regions)], "force_destroy": False}}
             for i in range(5000 * scale)]
plan = {"format_version": "1.2", "terraform_version": "1.9.5", "variables": {},
        "planned_values": {"root_module": {"resources": resources}},
        "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}},
                          "root_module": {"resources": []}}}
open(os.path.join(d, "tfplan.json"), "w").write(json.dumps(plan, separators=(",", ":")))

# 4. A repository for pre-commit: 200 root modules of 10 files, 2000 in all, under git.
d = os.path.join(work, "precommit"); os.makedirs(os.path.join(d, ".git"))
for s in range(200 * scale):
    p = os.path.join(d, "stacks", f"s{s}"); os.makedirs(p)
    open(os.path.join(p, "providers.tf"), "w").write('provider "aws" {\n  region = "eu-west-1"\n}\n')
    for i in range(9):
        with open(os.path.join(p, f"f{i}.tf"), "w") as f:
            for j in range(5):
                f.write(f'resource "aws_s3_bucket" "b{i}_{j}" {{\n  bucket = "bucket-{s}-{i}-{j}"\n}}\n\n')
PY

printf '%-12s %7s %9s %8s %9s %8s %9s\n' corpus files MB seconds files/s MB/s peak-MB
for corpus in hcl-flat hcl-modules plan; do
    dir="$work/$corpus"
    files=$(find "$dir" -type f | wc -l)
    bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
    stats=$( { /usr/bin/time -f "%e %M" "$bin" scan "$dir" --jurisdiction eu --format json --output /dev/null || true; } 2>&1 | tail -n 1)
    seconds=${stats% *}
    peak_kb=${stats#* }
    awk -v c="$corpus" -v f="$files" -v b="$bytes" -v s="$seconds" -v m="$peak_kb" 'BEGIN {
        if (s == 0) s = 0.01
        printf "%-12s %7d %9.2f %8.2f %9.0f %8.2f %9.1f\n", c, f, b / 1e6, s, f / s, b / 1e6 / s, m / 1024 }'
done

# What a pre-commit hook runs: 3 staged files of the 2000-file repository, each read in its root module.
dir="$work/precommit"
stats=$( { cd "$dir" && /usr/bin/time -f "%e %M" "$bin" scan stacks/s1/f1.tf stacks/s50/f2.tf stacks/s150/f3.tf \
    --jurisdiction eu --format json --output /dev/null || true; } 2>&1 | tail -n 1)
printf 'pre-commit: 3 files of a %d-file repository in %s s (peak %s MB)\n' "$(find "$dir" -name '*.tf' | wc -l)" \
    "${stats% *}" "$(( ${stats#* } / 1024 ))"
