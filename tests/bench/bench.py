"""`make bench`: residency next to its peers on the same files (driven by tests/bench/run.sh).

For each corpus (generated ones, and a copy of the .tf and the .yaml/.yml files of each --dir):
  residency scan          end to end, `--jobs 2`, JSON report to /dev/null, without the cache;
                          then again with a warm cache (the re-scan of an unchanged tree)
  residency parse         the HCL parse stage alone, one thread: parse_hcl, the hand-written parser
                          with tree-sitter for the files it declines (tests/bench/parse_bench.cpp),
                          and tree-sitter alone
  hcl/v2 (Go)             HashiCorp's parser natively, on one core (GOMAXPROCS=1):
                          tests/bench/peers/hclparse.go, built in GOPATH mode against Debian's
                          golang-github-hashicorp-hcl-v2-dev
  hcl2json (wasm)         the same parser as WebAssembly, npm @cdktf/hcl2json, parse only
  PyYAML+LibYAML          yaml.load_all(..., Loader=CSafeLoader), load only (YAML corpora)
Each is a whole process (wall timed here; user+sys CPU and peak RSS from GNU time); the best of --repeat runs
is kept for each measure. Then the targets of issue 11 are checked, each marked met or missed.
A peer that is not installed is reported as such; it never fails the run.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import corpora  # noqa: E402

SKIPPED_DIRS = {".git", ".terraform", "node_modules"}  # as residency's own discovery
MEMORY_MIN_BYTES = 1_000_000  # the peak-memory target is judged on inputs of 1 MB and more
MIN_DIR_BYTES = 50_000  # the .tf or .yaml files of a --dir below this are too few to time
DOC_MARKER = "<!-- Generated above by tests/bench/run.sh --write-doc; below, kept as written. -->"


# --- running and measuring ------------------------------------------------------------------

class Result:
    def __init__(self, wall=None, cpu=None, rss_kb=None, error=None, note=""):
        self.wall, self.cpu, self.rss_kb, self.error, self.note = wall, cpu, rss_kb, error, note

    @property
    def ok(self):
        return self.error is None and self.wall is not None


TIME = "/usr/bin/time"  # GNU time: its child's rusage, untouched by this Python process's own memory


def measure(cmd, repeat, stdin_path=None, cwd=None, env=None, ok_codes=(0,)):
    """Runs cmd `repeat` times; keeps the lowest wall, CPU and peak RSS seen (noise only adds).

    Wall is timed here; CPU (user+sys) and peak RSS come from GNU time (`-f`), which forks the
    command from a small process: rusage taken by this Python process itself (wait4) would count
    its own resident memory in the child's peak, since the peak survives fork and exec.
    """
    best = None
    for _ in range(repeat):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        out, err, usage = tempfile.TemporaryFile(), tempfile.TemporaryFile(), tempfile.NamedTemporaryFile()
        start = time.perf_counter()
        try:
            code = subprocess.call([TIME, "-q", "-o", usage.name, "-f", "%x %U %S %M"] + cmd,
                                   stdin=stdin, stdout=out, stderr=err, cwd=cwd, env=env)
        except OSError as e:
            return Result(error=f"cannot run: {e.strerror}")
        wall = time.perf_counter() - start
        if stdin_path:
            stdin.close()
        fields = open(usage.name).read().split()
        if code not in ok_codes or len(fields) < 4:
            err.seek(0)
            tail = err.read().decode(errors="replace").strip().splitlines()[-1:] or [""]
            return Result(error=f"failed (exit {code}) {tail[0][:80]}".strip())
        out.seek(0)
        note = out.read().decode(errors="replace").strip().splitlines()
        cpu, rss_kb = float(fields[-3]) + float(fields[-2]), int(fields[-1])
        if best is None:
            best = Result(wall, cpu, rss_kb, note=note[-1] if note else "")
        else:
            best.wall, best.cpu, best.rss_kb = min(best.wall, wall), min(best.cpu, cpu), min(best.rss_kb, rss_kb)
    return best


# --- peers ----------------------------------------------------------------------------------

class Peer:
    def __init__(self, name, version=None, missing=None):
        self.name, self.version, self.missing = name, version, missing


def run_text(cmd, **kw):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, **kw)
    except OSError:
        return None


def dpkg_version(package):
    r = run_text(["dpkg-query", "-W", "-f", "${Version}", package])
    return r.stdout.strip() if r and r.returncode == 0 else None


def setup_hclparse(bench_dir):
    peer = Peer("hcl/v2 (Go, native)")
    go = shutil.which("go")
    src = "/usr/share/gocode/src/github.com/hashicorp/hcl/v2/hclparse"
    if not go:
        peer.missing = "not installed (golang-go)"
        return peer, None
    if not os.path.isdir(src):
        peer.missing = "not installed (golang-github-hashicorp-hcl-v2-dev)"
        return peer, None
    exe = os.path.join(bench_dir, "hclparse")
    source = os.path.join(HERE, "peers", "hclparse.go")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(source):
        env = dict(os.environ, GOPATH="/usr/share/gocode", GO111MODULE="off", GOFLAGS="", GOPROXY="off",
                   GOCACHE=os.path.join(bench_dir, "go-cache"), CGO_ENABLED="0")
        r = run_text([go, "build", "-o", exe, source], env=env)
        if r is None or r.returncode != 0:
            peer.missing = "not built: " + (r.stderr.strip().splitlines() or ["?"])[-1] if r else "go failed"
            return peer, None
    go_version = run_text([go, "version"]).stdout.split()[2]
    peer.version = f"hcl/v2 {dpkg_version('golang-github-hashicorp-hcl-v2-dev')} (Debian), {go_version}"
    return peer, exe


def setup_hcl2json(build_dir):
    peer = Peer("hcl2json (wasm)")
    node = shutil.which("node")
    cmake = shutil.which("cmake")
    if not node or not cmake:
        peer.missing = "not installed (node)" if not node else "not installed (cmake)"
        return peer, None
    r = run_text([cmake, f"-DBUILD_DIR={build_dir}", "-P", os.path.join(HERE, "fetch_hcl2json.cmake")])
    if r is None or r.returncode != 0:
        peer.missing = "not installed (npm pack @cdktf/hcl2json failed; offline?)"
        return peer, None
    spec = re.search(r'RESIDENCY_HCL2JSON_SPEC "([^"]+)"', open(os.path.join(HERE, "fetch_hcl2json.cmake")).read())
    peer.version = f"{spec.group(1)}, node {run_text([node, '--version']).stdout.strip()}"
    return peer, [node, os.path.join(HERE, "peers", "hcl2json.js"), os.path.join(build_dir, "bench", "node_modules")]


def setup_pyyaml():
    peer = Peer("PyYAML+LibYAML")
    probe = "import sys, yaml; yaml.CSafeLoader; print(yaml.__version__, yaml._yaml.get_version_string(), sys.version.split()[0])"
    # Debian's python3-yaml first (the system Python), then whatever python3 is first on PATH.
    for python in ("/usr/bin/python3", shutil.which("python3")):
        r = run_text([python, "-c", probe]) if python and os.access(python, os.X_OK) else None
        if r is not None and r.returncode == 0:
            break
    else:
        peer.missing = "not installed (python3-yaml with LibYAML)"
        return peer, None
    pyyaml, libyaml, version = r.stdout.split()
    peer.version = f"PyYAML {pyyaml}, LibYAML {libyaml}, Python {version} ({python})"
    return peer, [python, os.path.join(HERE, "peers", "pyyaml_load.py")]


# --- corpora --------------------------------------------------------------------------------

def list_files(root, suffixes):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if name.endswith(suffixes) and os.path.isfile(path) and not os.path.islink(path):
                found.append(path)
    return found


def copy_files(src_root, dst_root, suffixes):
    """Copies the files of src_root ending in suffixes to dst_root, keeping their relative paths."""
    count = 0
    for path in list_files(src_root, suffixes):
        dst = os.path.join(dst_root, os.path.relpath(path, src_root))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(path, dst)
        count += 1
    return count


class Corpus:
    def __init__(self, name, root, kind, suffixes, description):
        self.name, self.root, self.kind, self.description = name, root, kind, description
        self.files = list_files(root, suffixes)
        self.bytes = sum(os.path.getsize(f) for f in self.files)
        self.list_path = os.path.join(os.path.dirname(root), f"{name}.list")
        with open(self.list_path, "w") as f:
            f.write("".join(p + "\n" for p in self.files))


# --- the table ------------------------------------------------------------------------------

class Row:
    def __init__(self, corpus, tool, result):
        self.corpus, self.tool, self.result = corpus, tool, result

    def cells(self):
        c, r = self.corpus, self.result
        if not r.ok:
            return [c.name, self.tool, str(len(c.files)), f"{c.bytes / 1e6:.2f}", r.error or "?", "", "", "", ""]
        wall = max(r.wall, 1e-3)
        return [c.name, self.tool, str(len(c.files)), f"{c.bytes / 1e6:.2f}", f"{r.wall:.2f}", f"{r.cpu:.2f}",
                f"{r.rss_kb / 1024:.0f}", f"{len(c.files) / wall:,.0f}", f"{c.bytes / 1e6 / wall:.2f}"]


HEADER = ["corpus", "tool", "files", "MB", "wall s", "CPU s", "peak MB", "files/s", "MB/s"]


def text_table(header, rows):
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def md_table(header, rows, left=2):
    align = ["---" if i < left else "---:" for i in range(len(header))]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
    return "\n".join(out)


class Target:
    def __init__(self, what, corpus, measured, required, met):
        self.what, self.corpus, self.measured, self.required, self.met = what, corpus, measured, required, met

    def cells(self):
        verdict = "n/a" if self.met is None else ("met" if self.met else "MISSED")
        return [self.what, self.corpus, self.measured, self.required, verdict]


def ratio_target(targets, what, corpus, num, den, required, at_least, unit="x"):
    if num is None or den is None:
        targets.append(Target(what, corpus, "peer not measured", required, None))
        return
    value = num / max(den, 1e-9)
    met = value >= float(required[2:].rstrip("x")) if at_least else value <= float(required[2:].rstrip("x"))
    targets.append(Target(what, corpus, f"{value:.2f}{unit}", required, met))


# --- machine --------------------------------------------------------------------------------

def machine_description():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    os_name = platform.system()
    try:
        os_name = re.search(r'PRETTY_NAME="([^"]+)"', open("/etc/os-release").read()).group(1)
    except (OSError, AttributeError):
        pass
    return {"CPU": cpu, "cores": str(os.cpu_count()), "memory": memory,
            "OS": f"{os_name}, Linux {platform.release()}"}


def tree_sitter_versions():
    text = open(os.path.join(REPO, "grammars", "CMakeLists.txt")).read()
    specs = re.findall(r'set\(RESIDENCY_TS_\w+_SPEC "([^"]+)"\)', text)
    return ", ".join(specs)


# --- main -----------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(prog="tests/bench/run.sh", description=__doc__.split("\n")[0])
    ap.add_argument("binary", nargs="?", default="build/release/residency")
    ap.add_argument("scale", nargs="?", type=int, default=1, help="multiplies the generated corpora (default 1)")
    ap.add_argument("--dir", action="append", default=[], metavar="D",
                    help="also measure the .tf and the .yaml/.yml files under D (repeatable)")
    ap.add_argument("--tf-dir", action="append", default=[], metavar="D", help="only the .tf files under D (repeatable)")
    ap.add_argument("--yaml-dir", action="append", default=[], metavar="D",
                    help="only the .yaml/.yml files under D (repeatable)")
    ap.add_argument("--only-dirs", action="store_true", help="skip the generated corpora")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measure; the best is kept (default 3)")
    ap.add_argument("--jobs", type=int, default=2, help="residency scan --jobs (default 2)")
    ap.add_argument("--write-doc", nargs="?", const=os.path.join(REPO, "docs", "benchmarks.md"), metavar="PATH",
                    help="write the results with the machine to docs/benchmarks.md (or PATH)")
    args = ap.parse_args()

    if not os.access(TIME, os.X_OK):
        sys.exit(f"bench: {TIME} (GNU time, Debian package `time`) is needed to measure CPU and memory")
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench: {args.binary}: no residency binary (run `make build`)")
    build_dir = os.path.dirname(binary)
    parse_bench = os.path.join(build_dir, "tests", "bench", "residency_parse_bench")
    bench_dir = os.path.join(build_dir, "bench")
    os.makedirs(bench_dir, exist_ok=True)
    load_before = os.getloadavg()
    started = datetime.datetime.now(datetime.timezone.utc)

    hclparse_peer, hclparse = setup_hclparse(bench_dir)
    hcl2json_peer, hcl2json = setup_hcl2json(build_dir)
    pyyaml_peer, pyyaml = setup_pyyaml()
    peers = [hclparse_peer, hcl2json_peer, pyyaml_peer]
    for p in peers:
        print(f"peer {p.name}: {p.version or p.missing}", file=sys.stderr)
    if not os.access(parse_bench, os.X_OK):
        print(f"bench: {parse_bench} missing: residency parse not measured", file=sys.stderr)
        parse_bench = None

    # The scan's report is never the point: JSON to /dev/null. Later versions have a cache: off.
    scan_help = run_text([binary, "scan", "--help"]).stdout
    scan_extra = ["--no-cache"] if "--no-cache" in scan_help else []

    work = tempfile.mkdtemp(prefix="residency-bench-")
    try:
        corpus_list = []
        if not args.only_dirs:
            descriptions = dict(re.findall(r"^([a-z0-9-]+) +(.+(?:\n {13}.+)*)", corpora.__doc__, re.M))
            kinds = {"hcl-flat": ("hcl", (".tf",)), "hcl-modules": ("scan", (".tf",)), "hcl-10k": ("hcl", (".tf",)),
                     "plan": ("scan", (".json",)), "k8s-yaml": ("yaml", (".yaml", ".yml")),
                     "precommit": ("precommit", (".tf",))}
            for name, generate in corpora.GENERATORS.items():
                root = os.path.join(work, name, "tree")
                os.makedirs(root)
                generate(root, args.scale)
                kind, suffixes = kinds[name]
                corpus_list.append(Corpus(name, root, kind, suffixes, " ".join(descriptions[name].split())))
        labels = set()
        dirs = [(d, "both") for d in args.dir] + [(d, "tf") for d in args.tf_dir] + [(d, "yaml") for d in args.yaml_dir]
        for d, wanted in dirs:
            src = os.path.abspath(d)
            if not os.path.isdir(src):
                sys.exit(f"bench: --dir {d}: not a directory")
            label = os.path.basename(src.rstrip("/")) or "root"
            while label in labels or os.path.exists(os.path.join(work, f"{label}-tf")) or \
                    os.path.exists(os.path.join(work, f"{label}-yaml")):
                label += "'"
            labels.add(label)
            for kind, suffixes, what in (("hcl", (".tf",), "tf"), ("yaml", (".yaml", ".yml"), "yaml")):
                if wanted not in ("both", what):
                    continue
                root = os.path.join(work, f"{label}-{what}", "tree")
                os.makedirs(root)
                if copy_files(src, root, suffixes):
                    size = sum(os.path.getsize(f) for f in list_files(root, suffixes))
                    if size < MIN_DIR_BYTES:
                        print(f"bench: {d}: only {size} bytes of .{what} files, not measured", file=sys.stderr)
                        continue
                    corpus_list.append(Corpus(f"{label} {what}", root, kind, suffixes,
                                              f"the .{what} files under {src} (a copy: only those files)"))

        rows, targets = [], []

        class Rows(list):
            def append(self, row):  # progress on stderr as each measure ends
                r = row.result
                print(f"bench:   {row.tool}: " + (f"{r.wall:.2f} s wall, {r.cpu:.2f} s CPU, {r.rss_kb / 1024:.0f} MB"
                                                  if r.ok else r.error), file=sys.stderr)
                super().append(row)
        rows = Rows()
        for c in corpus_list:
            print(f"bench: {c.name}: {len(c.files)} files, {c.bytes / 1e6:.2f} MB", file=sys.stderr)
            scan_cmd = [binary, "scan", ".", "--jurisdiction", "eu", "--format", "json", "--output", "/dev/null",
                        "--jobs", str(args.jobs)] + scan_extra
            if c.kind == "precommit":
                staged = ["stacks/s1/f1.tf", "stacks/s50/f2.tf", "stacks/s150/f3.tf"]
                scan = measure(scan_cmd[:2] + staged + scan_cmd[3:], args.repeat, cwd=c.root, ok_codes=(0, 1))
                rows.append(Row(c, f"residency scan of 3 staged files (--jobs {args.jobs})", scan))
                if scan.ok:
                    targets.append(Target("pre-commit run on 3 files of the repository", c.name,
                                          f"{scan.wall * 1000:.0f} ms", "< 100 ms", scan.wall < 0.1))
                continue
            scan = measure(scan_cmd, args.repeat, cwd=c.root, ok_codes=(0, 1))
            rows.append(Row(c, f"residency scan (--jobs {args.jobs})", scan))
            results = {"scan": scan}
            if scan_extra and c.kind in ("hcl", "scan") and scan.ok:
                # A re-scan of the unchanged tree: the cache filled by one scan, then measured.
                cache_cmd = [a for a in scan_cmd if a != "--no-cache"] + ["--cache-dir", os.path.join(work, "cache")]
                shutil.rmtree(os.path.join(work, "cache"), ignore_errors=True)
                measure(cache_cmd, 1, cwd=c.root, ok_codes=(0, 1))
                warm = measure(cache_cmd, args.repeat, cwd=c.root, ok_codes=(0, 1))
                rows.append(Row(c, f"residency scan, unchanged tree, warm cache (--jobs {args.jobs})", warm))
                if warm.ok:
                    targets.append(Target("warm-cache re-scan CPU / scan CPU (for information)", c.name,
                                          f"{warm.cpu / max(scan.cpu, 0.01):.2f}x", "", None))
            if c.kind == "hcl":
                if parse_bench:
                    results["parse"] = measure([parse_bench], args.repeat, stdin_path=c.list_path)
                    rows.append(Row(c, "residency parse (parse_hcl, 1 thread)", results["parse"]))
                    results["tree-sitter"] = measure([parse_bench, "--tree-sitter"], args.repeat,
                                                     stdin_path=c.list_path)
                    rows.append(Row(c, "tree-sitter HCL alone (1 thread)", results["tree-sitter"]))
                for key, peer, cmd in (("hclparse", hclparse_peer, [hclparse] if hclparse else None),
                                       ("hcl2json", hcl2json_peer, hcl2json)):
                    # hcl/v2 on one core, as residency's parse stage: GOMAXPROCS=1 (its GC included)
                    env = dict(os.environ, GOMAXPROCS="1") if key == "hclparse" else None
                    results[key] = (measure(cmd, args.repeat, stdin_path=c.list_path, env=env) if cmd
                                    else Result(error=peer.missing))
                    rows.append(Row(c, f"{peer.name} parse only" + (" (GOMAXPROCS=1)" if key == "hclparse" else ""),
                                    results[key]))
            elif c.kind == "yaml":
                results["pyyaml"] = (measure(pyyaml, args.repeat, stdin_path=c.list_path) if pyyaml
                                     else Result(error=pyyaml_peer.missing))
                rows.append(Row(c, f"{pyyaml_peer.name} load only", results["pyyaml"]))
            if not scan.ok:
                continue
            get = lambda key, attr: getattr(results[key], attr) if key in results and results[key].ok else None
            if c.kind == "hcl":
                ratio_target(targets, "hcl2json parse wall / scan wall", c.name, get("hcl2json", "wall"), scan.wall,
                             ">= 5x", True)
                ratio_target(targets, "hcl2json parse CPU / scan CPU", c.name, get("hcl2json", "cpu"), scan.cpu,
                             ">= 4x", True)
                ratio_target(targets, f"scan wall ({args.jobs} cores) / hcl/v2 parse wall (one core)", c.name,
                             scan.wall, get("hclparse", "wall"), "<= 1x", False)
                # The target: the whole scan within 1.5x of tree-sitter's parse alone.
                ratio_target(targets, "scan CPU / tree-sitter parse CPU", c.name, scan.cpu, get("tree-sitter", "cpu"),
                             "<= 1.5x", False)
                # Since the hand-written parser, the rest of the scan costs more than its parse stage.
                if get("parse", "cpu") is not None:
                    targets.append(Target("scan CPU / residency parse CPU (for information)", c.name,
                                          f"{scan.cpu / max(get('parse', 'cpu'), 0.01):.2f}x", "", None))
            if c.kind == "yaml":
                ratio_target(targets, "PyYAML load wall / scan wall", c.name, get("pyyaml", "wall"), scan.wall,
                             ">= 5x", True)
                if get("pyyaml", "cpu") is not None:  # not a target; shown beside the wall ratio
                    targets.append(Target("PyYAML load CPU / scan CPU (for information)", c.name,
                                          f"{get('pyyaml', 'cpu') / max(scan.cpu, 0.01):.2f}x", "", None))
            if c.name == "hcl-10k" and args.scale == 1:
                targets.append(Target(f"10,000 generated .tf files on {args.jobs} cores", c.name,
                                      f"{scan.wall:.2f} s", "< 4 s", scan.wall < 4))
            if c.bytes >= MEMORY_MIN_BYTES:
                ratio_target(targets, "scan peak memory / input size", c.name, scan.rss_kb * 1024, c.bytes,
                             "< 10x", False)
                targets[-1].met = scan.rss_kb * 1024 < 10 * c.bytes
    finally:
        shutil.rmtree(work, ignore_errors=True)

    load_after = os.getloadavg()
    table = [r.cells() for r in rows]
    target_header = ["target", "corpus", "measured", "required", "verdict"]
    target_rows = [t.cells() for t in targets]
    print(text_table(HEADER, table))
    print()
    print(text_table(target_header, target_rows))
    missed = sum(1 for t in targets if t.met is False)
    print(f"\n{sum(1 for t in targets if t.met)} targets met, {missed} missed; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after ({os.cpu_count()} cores)")

    if args.write_doc:
        machine = machine_description()
        versions = [("residency", run_text([binary, "--version"]).stdout.strip()),
                    ("tree-sitter (residency's parser)", tree_sitter_versions())]
        versions += [(p.name, p.version or p.missing) for p in peers]
        described = [c for c in corpus_list]
        doc = [
            "# Benchmarks",
            "",
            "Written by `tests/bench/run.sh --write-doc` (`make bench BENCH_ARGS=--write-doc`) down to the marker; the notes after it are kept.",
            "`make bench` measures `residency scan` end to end and its HCL parse stage alone next to the peers on",
            "the same files: HashiCorp's hcl/v2 natively (the parser of Terraform, Trivy and TFLint), the same",
            "parser as WebAssembly (`@cdktf/hcl2json`), and PyYAML with LibYAML (Checkov's YAML loader) on",
            "Kubernetes YAML. Every tool is a whole process (user+sys CPU and peak RSS from GNU time);",
            ("each figure is from a single run." if args.repeat == 1 else f"each figure is the best of {args.repeat} runs.")
            + " files/s and MB/s are per wall second. Peers parse only;",
            "`residency scan` also evaluates, computes facts, runs every rule and writes its JSON report.",
            "",
            f"Measured {started:%Y-%m-%d %H:%M} UTC; load average {load_before[0]:.1f} before and "
            f"{load_after[0]:.1f} after on {machine['cores']} cores"
            + (" (a busy machine: wall times are inflated, CPU times less so)." if max(load_before[0], load_after[0]) > 1.0
               else "."),
            "",
            "## Machine",
            "",
            md_table(["", ""], [[k, v] for k, v in machine.items()] + [[k, v] for k, v in versions], left=2),
            "",
            "## Results",
            "",
            md_table(HEADER, table),
            "",
            "## Targets (issue 11)",
            "",
            md_table(target_header, target_rows),
            "",
            f"{sum(1 for t in targets if t.met)} met, {missed} missed.",
            "",
            "## Corpora",
            "",
        ]
        doc += [f"- **{c.name}**: {len(c.files)} files, {c.bytes / 1e6:.2f} MB; {c.description}" for c in described]
        doc += ["", "Regenerate: `make bench BENCH_ARGS=--write-doc DIR=/path/to/real/repositories` on a quiet machine.", ""]
        # What follows the marker in the existing file (notes, a profile) is written by hand and kept.
        kept = ""
        if os.path.exists(args.write_doc):
            old = open(args.write_doc).read()
            if DOC_MARKER in old:
                kept = old[old.index(DOC_MARKER) + len(DOC_MARKER):].lstrip("\n")
        doc += [DOC_MARKER, "", kept] if kept else [DOC_MARKER, ""]
        with open(args.write_doc, "w") as f:
            f.write("\n".join(doc))
        print(f"bench: wrote {os.path.relpath(args.write_doc)}", file=sys.stderr)


if __name__ == "__main__":
    main()
