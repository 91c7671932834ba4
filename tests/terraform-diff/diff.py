#!/usr/bin/env python3
"""Differential test: residency's evaluator against Terraform's, on the corpus in cases/.

Each case is one HCL expression (cases/*.txt: one a line; a line starting with `|` continues the
case above it, without the `|`, for heredocs; `#` starts a comment line). Every case becomes a
local of one configuration (config.tf + cases.tf, written to a temporary directory), and both tools
evaluate `try(jsonencode(local.cN), "!ERR")` for each:

- Terraform: `terraform console` (offline: no provider, no backend, CHECKPOINT_DISABLE) prints the
  object of those strings, one console run per case file, two at a time. A case Terraform rejects
  is reported on stderr at its line of cases.tf.
- residency: residency_tf_diff_eval scans the same directory, with `terraform_data.diff` whose
  input is the same object, and prints each string, or the unknown's cause and reason.

jsonencode makes the comparison exact: numbers as written, strings, null, lists against objects.
(It cannot tell a list from a tuple or a set, or a map from an object; `==` cases do, and
conversions that change values, such as tomap() unifying element types, show.)
A case agrees when both give the same text, both reject it (residency: an unknown whose cause is
"error"), or both say it is unknown. A case
residency cannot evaluate (unknown, Terraform knows) is counted and listed, and must be listed in
expected-unknown.txt; any other difference is a disagreement and fails the test unless listed, with
its reason, in expected-disagree.txt.

Usage: diff.py EVAL_BINARY [--keep DIR] [--terraform PATH]
Exit code: 0 agreement, 1 disagreement, 77 skipped (no terraform on PATH), 2 harness error.
"""
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = "!ERR"


def load_cases():
    cases = []  # (name, expression, where)
    case_dir = os.path.join(HERE, "cases")
    for fname in sorted(os.listdir(case_dir)):
        if not fname.endswith(".txt"):
            continue
        stem = fname[:-4].replace("-", "_")
        with open(os.path.join(case_dir, fname), encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if line.startswith("|"):
                    if not cases:
                        raise SystemExit(f"{fname}:{lineno}: continuation without a case")
                    name, expr, where = cases[-1]
                    cases[-1] = (name, expr + "\n" + line[1:], where)
                    continue
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                n = sum(1 for c in cases if c[2].startswith(fname + ":")) + 1
                cases.append((f"{stem}_{n:03d}", line.strip(), f"{fname}:{lineno}"))
    return cases


def write_config(directory, cases, with_resource):
    """Writes config.tf and cases.tf (one local a case; with `with_resource`, residency's
    terraform_data.diff). Returns {line of cases.tf: case name} for the lines of each local."""
    shutil.copy(os.path.join(HERE, "config.tf"), os.path.join(directory, "config.tf"))
    lines = ["locals {"]
    owner = {}
    line = 1
    for name, expr, _ in cases:
        lines.append(f"  {name} = {expr}")
        for _ in range(expr.count("\n") + 1):
            line += 1
            owner[line] = name
    lines.append("}")
    if with_resource:
        lines.append('resource "terraform_data" "diff" {')
        lines.append("  input = {")
        for name, _, _ in cases:
            lines.append(f'    {name} = try(jsonencode(local.{name}), "{ERR}")')
        lines.append("  }")
        lines.append("}")
    with open(os.path.join(directory, "cases.tf"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return owner


def unquote_go(s):
    """Decodes a Go %q string literal (what terraform console prints for a string)."""
    assert s[0] == '"' and s[-1] == '"', s
    out = []
    i, body = 0, s[1:-1]
    simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    raw = bytearray()

    def flush():
        if raw:
            out.append(raw.decode("utf-8", errors="surrogateescape"))
            raw.clear()

    while i < len(body):
        c = body[i]
        if c != "\\":
            flush()
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in simple:
            flush()
            out.append(simple[e])
            i += 2
        elif e == "x":
            raw.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif e == "u":
            flush()
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif e == "U":
            flush()
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        else:
            raise ValueError("unknown escape in " + s)
    flush()
    return "".join(out)


def run_terraform_chunk(terraform, directory, cases):
    """One console run on a chunk of cases: its values (None when unknown) and the cases it rejects.
    The console evaluates one line, `{cN = try(jsonencode(local.cN), "!ERR"), ...}`; a local that
    Terraform rejects is reported on stderr at its line of cases.tf and reads as unknown there."""
    os.makedirs(directory)
    env = dict(os.environ, CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1", TF_INPUT="0",
               TF_CLI_CONFIG_FILE=os.devnull, TF_DATA_DIR=os.path.join(directory, ".terraform"))
    owner = write_config(directory, cases, with_resource=False)
    line = "{" + ", ".join(f'{name} = try(jsonencode(local.{name}), "{ERR}")' for name, _, _ in cases) + "}\n"
    p = subprocess.run([terraform, "console", "-no-color"], input=line, cwd=directory,
                       env=env, capture_output=True, text=True, timeout=300)
    errors = set()
    for m in re.finditer(r"on cases\.tf line (\d+)", p.stderr):
        n = int(m.group(1))
        if n not in owner:
            raise SystemExit(f"terraform reported an error at cases.tf line {n}, outside the cases:\n" + p.stderr)
        errors.add(owner[n])
    if p.returncode != 0:
        raise SystemExit(f"terraform console failed (exit {p.returncode}) in {directory}:\n{p.stderr}")
    return parse_console(p.stdout), errors


def run_terraform(terraform, directory, cases):
    """Runs the console on each case file's cases, two at a time (its cost grows faster than the
    number of locals in one configuration)."""
    chunks = {}
    for case in cases:
        chunks.setdefault(case[2].split(":")[0], []).append(case)
    values, errors = {}, set()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [pool.submit(run_terraform_chunk, terraform, os.path.join(directory, f"chunk{i}"), chunk)
                for i, chunk in enumerate(chunks.values())]
        for job in jobs:
            v, e = job.result()
            values.update(v)
            errors |= e
    return values, errors


def parse_console(text):
    values = {}
    for line in text.splitlines():
        m = re.match(r'^\s+"?([A-Za-z0-9_]+)"?\s+=\s+(.*)$', line)
        if not m:
            continue
        name, v = m.group(1), m.group(2)
        values[name] = None if v == "(known after apply)" else unquote_go(v)
    return values


def run_residency(binary, directory, cases):
    write_config(directory, cases, with_resource=True)
    os.makedirs(os.path.join(directory, ".git"), exist_ok=True)  # the policy search stops here
    p = subprocess.run([binary, directory], capture_output=True, timeout=120)
    if p.returncode != 0:
        raise SystemExit(f"residency_tf_diff_eval failed (exit {p.returncode}):\n{p.stderr.decode(errors='replace')}")
    values = {}
    for line in p.stdout.decode("utf-8", errors="surrogateescape").split("\n"):
        if line:
            name, _, v = line.partition("\t")
            values[name] = v
    return values


def main():
    args = sys.argv[1:]
    keep = None
    terraform = shutil.which("terraform")
    if "--keep" in args:
        i = args.index("--keep")
        keep = args[i + 1]
        del args[i:i + 2]
    if "--terraform" in args:
        i = args.index("--terraform")
        terraform = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    binary = args[0]
    cases = load_cases()
    if not terraform:
        print(f"skipped: terraform is not on PATH ({len(cases)} cases not compared)")
        return 77

    tmp = tempfile.mkdtemp(prefix="residency-tf-diff-")
    try:
        tf_dir, rs_dir = os.path.join(tmp, "terraform"), os.path.join(tmp, "residency")
        os.makedirs(rs_dir)
        tf_values, tf_errors = run_terraform(terraform, tf_dir, cases)
        rs_values = run_residency(binary, rs_dir, cases)
        if keep:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(tmp, keep)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    with open(os.path.join(HERE, "expected-unknown.txt"), encoding="utf-8") as f:
        expected_unknown = {l.split()[0] for l in f if l.strip() and not l.startswith("#")}

    agree, unknown, disagree = [], [], []
    for name, expr, where in cases:
        if name in tf_errors:
            tf = ERR
        elif name not in tf_values:
            disagree.append((name, where, expr, "(missing from terraform's output)", rs_values.get(name)))
            continue
        else:
            tf = tf_values[name]  # None: unknown
        rs = rs_values.get(name)
        if rs is not None and rs.startswith("?error:"):
            rs = ERR  # residency's unknown "Terraform would reject this"
        rs_unknown = rs is not None and rs.startswith("?")
        if rs is None:
            disagree.append((name, where, expr, tf, "(missing from residency's output)"))
        elif tf is None and rs_unknown:
            agree.append(name)
        elif rs_unknown:
            unknown.append((name, where, expr, tf, rs[1:]))
        elif tf == rs:
            agree.append(name)
        else:
            disagree.append((name, where, expr, "(known after apply)" if tf is None else tf, rs))

    def show(v):
        return "(known after apply)" if v is None else v

    for name, where, expr, tf, rs in unknown:
        print(f"unknown    {name} ({where}): {expr.splitlines()[0]}\n    terraform: {show(tf)}\n    residency: {rs}")
    for name, where, expr, tf, rs in disagree:
        print(f"DISAGREE   {name} ({where}): {expr}\n    terraform: {show(tf)}\n    residency: {rs}")
    with open(os.path.join(HERE, "expected-disagree.txt"), encoding="utf-8") as f:
        expected_disagree = {l.split()[0] for l in f if l.strip() and not l.startswith("#")}
    disagree_names = {d[0] for d in disagree}
    for n in sorted(expected_disagree - disagree_names):
        print(f"AGREES NOW {n}: remove it from expected-disagree.txt")
    unexpected = disagree_names - expected_disagree
    unknown_names = {u[0] for u in unknown}
    new_unknown = sorted(unknown_names - expected_unknown)
    gone_unknown = sorted(expected_unknown - unknown_names)
    for n in new_unknown:
        print(f"NEW UNKNOWN {n}: not in expected-unknown.txt")
    for n in gone_unknown:
        print(f"RESOLVED   {n}: evaluated now, remove it from expected-unknown.txt")
    print(f"terraform-diff: {len(agree)} agree / {len(cases)} total, {len(unknown)} unknown to residency, "
          f"{len(disagree)} disagree ({len(tf_errors)} rejected by terraform)")
    print(f"({len(disagree_names & expected_disagree)} known disagreements listed in expected-disagree.txt, "
          f"{len(unexpected)} new)")
    return 1 if unexpected or (expected_disagree - disagree_names) or new_unknown or gone_unknown else 0


if __name__ == "__main__":
    sys.exit(main())
