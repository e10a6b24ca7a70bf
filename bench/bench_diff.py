"""In-process time of `diff` on the two bundled profiles, against a floor measured in the same
run: json-loading the two parsed files. Loading the dossiers is not timed; the diff is (fresh
each run: no cache survives between runs). Run by hand:

    .venv/bin/python bench/bench_diff.py [--runs 51]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from kwaldossier.analyse.diff import diff
from kwaldossier.read import bundled_dir, resolve_one


def _median_ms(fn, runs: int, clock=time.process_time) -> float:
    """CPU time by default: on a shared machine the wall clock mostly measures the neighbours."""
    times = []
    for _ in range(runs):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=51)
    args = ap.parse_args()
    files = sorted(bundled_dir().glob("*.json"))
    a, b = resolve_one("binnendienst"), resolve_one("buitendienst")

    def floor() -> None:
        for f in files:
            json.loads(f.read_bytes())

    for _ in range(3):  # warm up
        floor(), diff(a, b)
    f_ms = _median_ms(floor, args.runs)
    d_ms = _median_ms(lambda: diff(a, b), args.runs)
    wall = _median_ms(lambda: diff(a, b), args.runs, time.perf_counter)
    print(f"floor: json.loads of the 2 parsed files  median {f_ms:6.2f} ms cpu")
    print(f"diff binnendienst buitendienst         median {d_ms:6.2f} ms cpu ({wall:.2f} ms wall)")
    print(f"ratio diff / floor                     {d_ms / f_ms:6.2f}x  ({args.runs} runs; goal diff <= 10 ms)")


if __name__ == "__main__":
    main()
