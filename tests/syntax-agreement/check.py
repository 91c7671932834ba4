"""Syntax agreement with Terraform: a .tf file is rejected by `terraform fmt` (HashiCorp's hclsyntax
parser, offline) exactly when residency reports RES001 on it. Run on every .tf file of the project
(tests, examples) by `make test`; give directories to count agreement on real code:
    python3 tests/syntax-agreement/check.py RESIDENCY [DIR...]
Exit code 77 (skipped) when terraform is not on PATH."""
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def tf_files(dirs):
    for d in dirs:
        for base, subdirs, files in os.walk(d):
            subdirs[:] = sorted(s for s in subdirs if s not in (".git", ".terraform", "node_modules"))
            for f in sorted(files):
                if f.endswith(".tf"):
                    yield os.path.join(base, f)


def judge(binary, scratch, path):
    with open(path, "rb") as f:
        data = f.read()
    env = dict(os.environ, TF_CLI_CONFIG_FILE="/dev/null", NO_COLOR="1", CHECKPOINT_DISABLE="1")
    tf = subprocess.run(["terraform", "fmt", "-no-color", "-"], input=data, capture_output=True, env=env)
    rejected = tf.returncode != 0
    out = subprocess.run([binary, "scan", "-", "--stdin-filename", "main.tf", "-j", "eu", "--no-cache",
                          "--format", "json", "--select", "RES001"], input=data, capture_output=True,
                         cwd=scratch)  # a directory without a policy: only the file's syntax matters
    if out.returncode > 1:
        return path, rejected, None, out.stderr.decode(errors="replace")[:300]
    report = json.loads(out.stdout)
    res001 = any(d.get("rule") == "RES001" for d in report["findings"] + report["diagnostics"])
    return path, rejected, res001, ""


def main():
    binary = os.path.abspath(sys.argv[1])
    dirs = sys.argv[2:] or [os.path.join(REPO, "tests"), os.path.join(REPO, "examples")]
    if not shutil.which("terraform"):
        print("syntax-agreement: skipped: terraform is not on PATH")
        return 77
    files = list(tf_files(dirs))
    with tempfile.TemporaryDirectory() as scratch:
        os.mkdir(os.path.join(scratch, ".git"))
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(lambda p: judge(binary, scratch, p), files))
    rejected = sum(1 for _, r, _, _ in results if r)
    flagged = sum(1 for _, _, f, _ in results if f)
    disagree = [(p, r, f, e) for p, r, f, e in results if f is None or r != f]
    for p, r, f, e in disagree:
        what = "residency failed: " + e if f is None else (
            "terraform rejects it, residency reports no RES001" if r else "residency reports RES001, terraform accepts it")
        print(f"syntax-agreement: {os.path.relpath(p)}: {what}", file=sys.stderr)
    print(f"syntax-agreement: {len(files)} .tf files: terraform rejects {rejected}, residency reports RES001 on "
          f"{flagged}; {len(files) - len(disagree)} agree, {len(disagree)} disagree")
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
