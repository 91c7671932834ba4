#!/usr/bin/env python3
"""Smoke test on hostile input: every test input, mutated, scanned through the real CLI.

usage: mutate_scan.py RESIDENCY SOURCE_DIR [WRITE_EXAMPLES]

Takes every input file of the tests (tests/cases, tests/inventory/cases, examples/ and, with
WRITE_EXAMPLES, every rule's bad and good examples), and makes three mutants of each with a seed
derived from its path (the same mutants on every run): truncated, bytes flipped, lines shuffled.
Each mutant is scanned in a copy of its directory (the files beside it, not subdirectories) through
`residency scan DIR -f json`, and the test asserts:
  - no crash: exit code 0, 1 or 2, never a signal;
  - no hang: each scan ends within RESIDENCY_HOSTILE_TIMEOUT seconds (default 60);
    RESIDENCY_HOSTILE_EVERY=N takes every Nth input only (sanitizer builds: N=2);
  - a diagnostic for each mutant that is broken: RES001 in that file (RES002 for a YAML template,
    exit code 2 naming the file for a policy). "Broken" is decided independently of residency and
    only where it is certain:
      * HCL (.tf, .tfvars) without heredocs or block comments: truncated just after a block's
        opening brace; a block's opening brace flipped; lines shuffled so that a line holding only
        `}` closes more blocks than have been opened;
      * JSON: Python's json module rejects it (text decoded with replacement characters, NaN and
        Infinity refused), truncation before the last character included;
      * YAML: PyYAML's composer stops with a scanner or parser error (not a reader error: PyYAML
        refuses control characters YAML 1.2 processors may accept);
    and only where residency reads the file: an unmutated copy is read (it is listed in the report's
    files) and the mutant is still claimed (a manifest still has apiVersion and kind, a plan still
    says format_version). A shuffled YAML document that still parses is not broken.
Prints one line per failure and a summary; exit code 1 when anything failed.
"""

import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # the YAML oracle only: crashes and hangs are still checked
    yaml = None

TIMEOUT = float(os.environ.get("RESIDENCY_HOSTILE_TIMEOUT", "60"))
# Every Nth input only (the same ones on every run): sanitizer builds scan about five times slower.
EVERY = max(1, int(os.environ.get("RESIDENCY_HOSTILE_EVERY", "1")))
HARNESS_FILES = {"cmd", "expect", "jurisdictions", "NOTES.md", ".gitattributes"}
INPUT_SUFFIXES = (".tf", ".tfvars", ".json", ".yaml", ".yml", ".env", "MLproject", "settings")


def is_input(name):
    if name in HARNESS_FILES or name.startswith("expected"):
        return False
    return name.endswith(INPUT_SUFFIXES)


def collect(source_dir, examples_dir):
    roots = [os.path.join(source_dir, "tests", "cases"), os.path.join(source_dir, "tests", "inventory", "cases"),
             os.path.join(source_dir, "examples")]
    if examples_dir:
        roots.append(examples_dir)
    inputs = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != ".git")
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if is_input(name) and os.path.isfile(path) and not os.path.islink(path):
                    inputs.append(path)
    return inputs


def kind_of(name):
    if name.endswith((".tf", ".tfvars")):
        return "hcl"
    if name.endswith(".json"):
        return "json"
    if name.endswith((".yaml", ".yml")):
        return "policy" if name == "residency.yaml" else "yaml"
    return "other"


# ---- what counts as broken, decided without residency ----

def opener_lines(text):
    """Byte offsets of the '{' ending a line that can only be a block or object opener."""
    if "<<" in text or "/*" in text:
        return []
    offsets, pos = [], 0
    for line in text.splitlines(keepends=True):
        s = line.rstrip()
        if s.endswith("{") and "#" not in s and "//" not in s:
            offsets.append(pos + len(s) - 1)
        pos += len(line)
    return offsets


def closes_unopened(text):
    """Lines holding only '}' close more than the lines ending in an opener opened (HCL, no heredoc)."""
    if "<<" in text or "/*" in text:
        return False
    depth = 0
    for line in text.splitlines():
        s = line.strip()
        if s.endswith("{") and "#" not in s and "//" not in s:
            depth += 1
        elif s == "}":
            depth -= 1
            if depth < 0:
                return True
    return False


def refuse_constant(name):
    raise ValueError(name)


def json_broken(data):
    try:
        json.loads(data.decode("utf-8", errors="replace"), parse_constant=refuse_constant)
        return False
    except ValueError:
        return True


def yaml_broken(data):
    if yaml is None:
        return False
    try:
        for _ in yaml.compose_all(data.decode("utf-8", errors="replace"), Loader=yaml.SafeLoader):
            pass
        return False
    except yaml.reader.ReaderError:
        return False
    except yaml.scanner.ScannerError as e:
        # PyYAML refuses a tab as separation (`key:\tvalue`), which YAML 1.2 allows: not certain.
        return "'\\t' that cannot start any token" not in str(e)
    except (yaml.parser.ParserError, yaml.composer.ComposerError):
        return True
    except yaml.YAMLError:
        return False


def has_key_line(text, key):
    for line in text.splitlines():
        if line.lstrip(" \t-").startswith(key):
            return True
    return False


def looks_like_manifest(text):
    return has_key_line(text, "apiVersion:") and has_key_line(text, "kind:")


def compose_or_mlops(name):
    stem = name.rsplit(".", 1)[0]
    return (stem in ("compose", "docker-compose") or stem.startswith(("compose.", "docker-compose.", "docker-compose-"))
            or name in ("MLproject", "settings"))


def still_claimed(kind, name, data):
    text = data.decode("utf-8", errors="replace")
    if kind == "hcl":
        return True
    if kind == "json":
        if name.endswith(".tf.json"):
            return True
        head = data[:4096].decode("utf-8", errors="replace")
        return '"format_version"' in head and ('"planned_values"' in text or '"resource_changes"' in text)
    if kind == "yaml":
        if compose_or_mlops(name) or name == "Chart.yaml":
            return False
        return looks_like_manifest(data[:4096].decode("utf-8", errors="replace")) and looks_like_manifest(text)
    return kind == "policy"


# ---- the mutations: (bytes, broken) ----

def truncate(data, kind, rng):
    text = data.decode("utf-8", errors="surrogateescape")
    if kind == "hcl":
        openers = opener_lines(text)
        if openers:
            at = rng.choice(openers) + 1
            return text[:at].encode("utf-8", errors="surrogateescape"), True
    end = len(data.rstrip())
    if end < 2:
        return data[:0], False
    cut = data[:rng.randrange(1, end)]
    if kind == "json":
        return cut, json_broken(cut) and not json_broken(data)
    if kind in ("yaml", "policy"):
        return cut, yaml_broken(cut) and not yaml_broken(data)
    return cut, False


def flip(data, kind, rng):
    if not data:
        return data, False
    out = bytearray(data)
    broken = False
    flips = max(1, min(8, len(data) // 500))
    if kind == "hcl":
        openers = opener_lines(data.decode("utf-8", errors="surrogateescape"))
        if openers:
            # Offsets in characters equal offsets in bytes only for ASCII before the brace: find it.
            at = rng.choice(openers)
            prefix = data.decode("utf-8", errors="surrogateescape")[:at].encode("utf-8", errors="surrogateescape")
            out[len(prefix)] ^= rng.randrange(1, 256)
            broken = True
            flips -= 1
    for _ in range(flips):
        out[rng.randrange(len(out))] ^= rng.randrange(1, 256)
    mutated = bytes(out)
    if kind == "hcl" and broken:
        # A flip elsewhere that wrote a '{' could in theory balance it again: not certain then.
        broken = mutated.count(b"{") < data.count(b"{")
    elif kind == "json":
        broken = json_broken(mutated) and not json_broken(data)
    elif kind in ("yaml", "policy"):
        broken = yaml_broken(mutated) and not yaml_broken(data)
    return mutated, broken


def shuffle(data, kind, rng):
    lines = data.split(b"\n")
    rng.shuffle(lines)
    mutated = b"\n".join(lines)
    if mutated == data:
        return mutated, False
    if kind == "hcl":
        text = mutated.decode("utf-8", errors="surrogateescape")
        original = data.decode("utf-8", errors="surrogateescape")
        return mutated, closes_unopened(text) and not closes_unopened(original)
    if kind == "json":
        return mutated, json_broken(mutated) and not json_broken(data)
    if kind in ("yaml", "policy"):
        return mutated, yaml_broken(mutated) and not yaml_broken(data)
    return mutated, False


MUTATIONS = {"truncated": truncate, "flipped": flip, "shuffled": shuffle}


# ---- scanning ----

def stage(work, tag, source_file, content):
    """A copy of the file's directory (files only) with `content` as the file; returns the directory."""
    target = os.path.join(work, tag)
    os.makedirs(os.path.join(target, ".git"))
    src_dir = os.path.dirname(source_file)
    for name in os.listdir(src_dir):
        p = os.path.join(src_dir, name)
        if os.path.isfile(p) and not os.path.islink(p) and name != os.path.basename(source_file):
            shutil.copyfile(p, os.path.join(target, name))
    with open(os.path.join(target, os.path.basename(source_file)), "wb") as f:
        f.write(content)
    return target


def scan(residency, directory):
    try:
        proc = subprocess.run([residency, "scan", ".", "-f", "json", "-j", "eu"], cwd=directory, capture_output=True,
                              timeout=TIMEOUT, env=dict(os.environ, RESIDENCY_TODAY="2026-01-01"))
    except subprocess.TimeoutExpired:
        return None
    report = None
    if proc.returncode in (0, 1):
        try:
            report = json.loads(proc.stdout)
        except ValueError:
            report = "unparsable"
    return proc.returncode, report, proc.stderr.decode("utf-8", errors="replace")


def diagnosed(kind, name, result, content):
    code, report, stderr = result
    if kind == "policy":
        return code == 2 and name in stderr
    if code == 2:
        return name in stderr
    if not isinstance(report, dict):
        return False
    for d in report.get("diagnostics", []) + report.get("suppressed", []):
        loc = d.get("location") or {}
        here = loc.get("path") == name or (not loc and name in d.get("message", ""))
        if not here:
            continue
        if d["rule"] == "RES001":
            return True
        if d["rule"] == "RES002" and kind == "yaml" and b"{{" in content and "template" in d.get("message", ""):
            return True
    return False


def read_by(result, name):
    code, report, _ = result
    return code in (0, 1) and isinstance(report, dict) and any(f.get("path") == name for f in report.get("files", []))


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    residency = os.path.abspath(sys.argv[1])
    source_dir = os.path.abspath(sys.argv[2])
    work = tempfile.mkdtemp(prefix="residency-hostile-")
    try:
        examples_dir = None
        if len(sys.argv) == 4:
            examples_dir = os.path.join(work, "rule-examples")
            subprocess.run([sys.argv[3], examples_dir], check=True, stdout=subprocess.DEVNULL)
        inputs = collect(source_dir, examples_dir)[::EVERY]
        jobs = []  # (tag, file, kind, mutation, content, broken)
        for i, path in enumerate(inputs):
            with open(path, "rb") as f:
                data = f.read()
            name = os.path.basename(path)
            kind = kind_of(name)
            rel = os.path.relpath(path, examples_dir if examples_dir and path.startswith(examples_dir) else source_dir)
            jobs.append((f"{i}-original", path, kind, "original", data, False))
            for mutation, mutate in MUTATIONS.items():
                rng = random.Random(f"residency-hostile:{rel}:{mutation}")
                content, broken = mutate(data, kind, rng)
                jobs.append((f"{i}-{mutation}", path, kind, mutation, content, broken and still_claimed(kind, name, content)))
        for tag, path, _, _, content, _ in jobs:
            stage(work, tag, path, content)

        def run(job):
            return job, scan(residency, os.path.join(work, job[0]))

        results = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for job, result in pool.map(run, jobs):
                results[job[0]] = (job, result)

        failures, broken_count, diagnosed_count = [], 0, 0
        for tag, ((_, path, kind, mutation, content, broken), result) in sorted(results.items()):
            name = os.path.basename(path)
            shown = f"{os.path.relpath(path, source_dir) if path.startswith(source_dir) else path} ({mutation})"
            if result is None:
                failures.append(f"hang: {shown}: no end within {TIMEOUT:.0f} s")
                continue
            code, report, stderr = result
            if code not in (0, 1, 2):
                failures.append(f"crash: {shown}: exit code {code}: {stderr.strip()[-400:]}")
                continue
            if report == "unparsable":
                failures.append(f"bad output: {shown}: the JSON report does not parse")
                continue
            if not broken or mutation == "original":
                continue
            index = tag.split("-", 1)[0]
            original = results[f"{index}-original"][1]
            if kind != "policy" and (original is None or not read_by(original, name)):
                continue
            broken_count += 1
            if diagnosed(kind, name, result, content):
                diagnosed_count += 1
            else:
                keep = os.path.join(tempfile.gettempdir(), f"residency-hostile-{tag}-{name}")
                with open(keep, "wb") as f:
                    f.write(content)
                failures.append(f"no diagnostic: {shown} is broken and the scan says nothing about it (kept in {keep})")
        for f in failures:
            print(f)
        print(f"mutate_scan: {len(inputs)} inputs, {len(jobs) - len(inputs)} mutants scanned; {broken_count} broken, "
              f"{diagnosed_count} of them diagnosed; {len(failures)} failures"
              + ("" if yaml else " (PyYAML missing: YAML mutants checked for crashes and hangs only)"))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
