"""Cold-start cost of `kwaldossier show 2.5 --profiel buitendienst` against the bare import of
its own stack (typer, pydantic, rich.table). Alternating runs, median ratio. Run by hand:

    make bench            # or: .venv/bin/python bench/bench_show.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

BASELINE = [sys.executable, "-c", "import typer, pydantic, rich.table"]
SHOW = [sys.executable, "-m", "kwaldossier", "show", "2.5", "--profiel", "buitendienst"]
CHECK = [sys.executable, "-c", "import sys, runpy; sys.argv=['kwaldossier','show','2.5','--profiel','buitendienst'];"
         "import kwaldossier.cli as c\ntry: c.main()\nexcept SystemExit: pass\nprint('pdfplumber' in sys.modules, 'kwaldossier.read.text2012' in sys.modules, file=sys.stderr)"]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env={**os.environ, "NO_COLOR": "1"})
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    args = ap.parse_args()
    heavy = subprocess.run(CHECK, capture_output=True, text=True).stderr.split()[-2:]
    print(f"imports pdfplumber: {heavy[0]}, imports the text parser: {heavy[1]}")
    for _ in range(3):  # warm the OS file cache, not the interpreter
        timed(BASELINE), timed(SHOW)
    base, show, ratios = [], [], []
    for _ in range(args.runs):
        b = timed(BASELINE)
        s = timed(SHOW)
        base.append(b)
        show.append(s)
        ratios.append(s / b)
    print(f"baseline import  median {statistics.median(base) * 1000:7.1f} ms")
    print(f"show 2.5 cold    median {statistics.median(show) * 1000:7.1f} ms")
    print(f"ratio            median {statistics.median(ratios):.2f}x  (target <= 1.5x, {args.runs} alternating runs)")


if __name__ == "__main__":
    main()
