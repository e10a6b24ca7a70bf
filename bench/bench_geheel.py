"""SBB's whole-structure XML: reading files of 50, 200 and 500 dossiers (tests/sbbgeheel.py builds
them from the four real dossiers, renamed and renumbered), against a floor measured in this run.

Per file: size; plain `xml.etree.ElementTree.parse` (the floor); our read (`parse_sbb`, what the
CLI's load path runs on a cache miss); time per dossier; ratio to the floor; the XML tree alone
(`parse_xml`: expat + line numbers); peak memory of a fresh process reading the file (VmHWM, else ru_maxrss,
minus that of a process that only imports), as a multiple of the file size, for the floor and
for us. Then the cold CLI (`list` / `show B1-K1-W1` with `--dossier <crebo>`) on the largest
file: without cache, cache miss (empty cache folder), cache hit. Run by hand:

    .venv/bin/python bench/bench_geheel.py [--sizes 50 200 500] [--runs 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import sbbgeheel  # noqa: E402

LIMIT_MB = "1024"  # the default input limit (50 MB) is below a 500-dossier file
os.environ["KWALDOSSIER_MAX_INPUT_MB"] = LIMIT_MB

_RSS = """
import resource, sys, xml.etree.ElementTree as ET
from pathlib import Path
from kwaldossier.read.sbbxml import parse_sbb
from kwaldossier.read.sbbxml.xmlbron import parse_xml
what, path = sys.argv[1], Path(sys.argv[2])
if what == "floor":
    tree = ET.parse(path)
elif what == "tree":
    tree = parse_xml(path.read_bytes(), str(path))
elif what == "ours":
    dossiers = parse_sbb(path)
# VmHWM: this process's own peak (ru_maxrss keeps the parent's peak across fork+exec on Linux)
hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM:")]
print(hwm[0].split()[1] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def best(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def rss_kb(what: str, path: Path) -> int:
    out = subprocess.run([sys.executable, "-c", _RSS, what, str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def cli_s(args: list[str], env: dict[str, str]) -> float:
    exe = Path(sys.executable).with_name("kwaldossier")
    start = time.perf_counter()
    r = subprocess.run([str(exe), *args], capture_output=True, env={**os.environ, **env})
    took = time.perf_counter() - start
    if r.returncode not in (0, 1):
        raise SystemExit(f"{args}: exit {r.returncode}: {r.stderr.decode()[-300:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500])
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    from kwaldossier.read.sbbxml import parse_sbb
    from kwaldossier.read.sbbxml.xmlbron import parse_xml

    with tempfile.TemporaryDirectory(prefix="bench-geheel-") as tmp:
        base = rss_kb("none", Path(tmp))
        print(f"python {sys.version.split()[0]}; import-only process peak RSS {base / 1024:.0f} MB (subtracted below)")
        print(
            f"{'dossiers':>8} {'MB':>6} {'ET.parse':>9} {'parse_xml':>9} {'ours':>8} {'ms/dossier':>10} {'ours/floor':>10}"
            f" {'ET peak':>8} {'our peak':>8} {'peak/size':>9}"
        )
        files = {}
        for n in args.sizes:
            path = sbbgeheel.write(Path(tmp) / f"geheel-{n}.xml", n)
            files[n] = path
            size = path.stat().st_size
            floor = best(lambda p=path: ET.parse(p), args.runs)
            tree = best(lambda p=path: parse_xml(p.read_bytes(), str(p)), args.runs)
            ours = best(lambda p=path: parse_sbb(p), args.runs)
            floor_rss = (rss_kb("floor", path) - base) * 1024
            ours_rss = (rss_kb("ours", path) - base) * 1024
            print(
                f"{n:>8} {size / 2**20:>6.1f} {floor:>8.2f}s {tree:>8.2f}s {ours:>7.2f}s {ours / n * 1000:>10.1f} {ours / floor:>10.2f}"
                f" {floor_rss / 2**20:>6.0f}MB {ours_rss / 2**20:>6.0f}MB {ours_rss / size:>8.1f}x"
            )
        n = max(files)
        path = files[n]
        crebo = sbbgeheel.dossier_crebo(n // 2)
        print(f"\ncold CLI on the {n}-dossier file, --dossier {crebo} (wall time of a fresh process)")
        cache = Path(tmp) / "cache"
        for label, argv in (
            ("list", ["--dossier", crebo, "list", "--profiel", str(path)]),
            ("show B1-K1-W1", ["--dossier", crebo, "show", "B1-K1-W1", "--profiel", str(path)]),
        ):
            no_cache = cli_s(argv, {"KWALDOSSIER_NO_CACHE": "1"})
            if cache.exists():
                for f in cache.iterdir():
                    f.unlink()
            miss = cli_s(argv, {"KWALDOSSIER_CACHE_DIR": str(cache)})
            hit = min(cli_s(argv, {"KWALDOSSIER_CACHE_DIR": str(cache)}) for _ in range(args.runs))
            print(f"  {label:14} no cache {no_cache:6.2f}s   cache miss {miss:6.2f}s   cache hit {hit:6.2f}s")


if __name__ == "__main__":
    main()
