"""The parse cache: a look-up on a source file (text, PDF) the second time, against the same
look-up on the bundled parsed data (the floor) and against parsing the file again (--no-cache).
Alternating runs, median ratios; goal: cached <= 1.2x bundled (issue 15). Run by hand:

    .venv/bin/python bench/bench_cache.py [--runs 15] [--no-pdf]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "commercieel-medewerker-buitendienst.txt"
PY = sys.executable
GOAL = 1.2


def cmd(*args: str) -> list[str]:
    return [
        PY,
        "-c",
        f"import sys; sys.argv=['kwaldossier', *{list(args)!r}]; from kwaldossier.cli import main; main()",
    ]


def timed(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        raise SystemExit(f"{argv[-1]}: exit {p.returncode}: {p.stderr.decode()[:300]}")
    return elapsed


def make_pdf(folder: Path) -> Path | None:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from kwaldossier.read.text2012 import parse_file
        from pdfgen import render  # reportlab: the test extra
    except ImportError as exc:
        print(f"(no PDF: {exc})")
        return None
    return render(parse_file(SEED), folder / "buitendienst.pdf")


def compare(label: str, source: Path, runs: int, env: dict) -> None:
    bundled = cmd("show", "2.5", "--profiel", "buitendienst")
    cached = cmd("show", "2.5", "--profiel", str(source))
    uncached = cmd("--no-cache", "show", "2.5", "--profiel", str(source))
    timed(cached, env)  # fills the cache
    for _ in range(2):
        timed(bundled, env), timed(cached, env)
    b_t, c_t, u_t, ratios, saved = [], [], [], [], []
    for i in range(runs):
        b = timed(bundled, env)
        c = timed(cached, env)
        b_t.append(b)
        c_t.append(c)
        ratios.append(c / b)
        if i < max(3, runs // 3):  # parsing again is slow (PDF: seconds): fewer runs
            u = timed(uncached, env)
            u_t.append(u)
            saved.append(u / c)
    r = statistics.median(ratios)
    verdict = "ok" if r <= GOAL else f"MISSED by {r - GOAL:.2f}x"
    print(
        f"{label:<5} bundled {statistics.median(b_t) * 1000:6.1f} ms   cached {statistics.median(c_t) * 1000:6.1f} ms   "
        f"--no-cache {statistics.median(u_t) * 1000:7.1f} ms   cached/bundled {r:.2f}x (goal <= {GOAL}x: {verdict})   "
        f"no-cache/cached {statistics.median(saved):.1f}x"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kwaldossier-bench-"))
    try:
        env = {**os.environ, "NO_COLOR": "1", "KWALDOSSIER_CACHE_DIR": str(folder / "cache")}
        text = folder / "buitendienst.txt"
        shutil.copy(SEED, text)
        compare("text", text, args.runs, env)
        pdf = None if args.no_pdf else make_pdf(folder)
        if pdf is not None:
            compare("PDF", pdf, args.runs, env)
        print(f"({args.runs} alternating runs; show 2.5 on the same profile each time)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
