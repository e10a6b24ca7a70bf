"""In-process parse time of the 2012 text parser. Run by hand (not a test):

    .venv/bin/python bench/bench_parse.py [--runs 5] [--times 1 10 100] [--huge 1000000]

- per-profile parse time for one file holding the seed's profile 1x, 10x, 100x (each copy
  under its own name), with the ratio against 1x: linear time keeps the ratio near 1;
- goal (issue 15): <= 10 ms per profile, and 100x within 1.2x of 1x;
- one line of `--huge` characters where a competence name is expected, and one word of that
  many letters in an omschrijving (plus one with a hyphen in the middle): goal under 1 s each.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kwaldossier.errors import InputError
from kwaldossier.read.tekst import read_lines
from kwaldossier.read.text2012 import parse_lines

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "commercieel-medewerker-buitendienst.txt"
NAAM = "Commercieel medewerker buitendienst"
LANG = 100  # from this many profiles a run is long: half the runs


def many(lines: list[str], times: int) -> list[str]:
    """The seed's profile `times` times in one file, each copy under its own name."""
    out: list[str] = []
    for i in range(times):
        out += [ln.replace(NAAM, f"{NAAM} variant {i}") for ln in lines]
    return out


def timed(lines: list[str], runs: int) -> float:
    """Best of `runs` (as timeit) in CPU time of this process: on a shared machine wall time
    mostly measures the neighbours."""
    best = []
    for _ in range(runs):
        start = time.process_time()
        try:
            parse_lines(lines, "bench")
        except InputError as exc:  # a clean rejection is a result too
            print(f"    (input error: {str(exc)[:80]})")
        best.append(time.process_time() - start)
    return min(best)


def replace_line(lines: list[str], starts: str, new: str) -> list[str]:
    i = next(i for i, ln in enumerate(lines) if ln.startswith(starts))
    return [*lines[:i], new, *lines[i + 1 :]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--times", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--huge", type=int, default=1_000_000, help="characters of the long line / word")
    args = ap.parse_args()
    lines = read_lines(SEED)
    parse_lines(lines, "warm-up")  # imports, the hyphenation dictionary
    floor = None
    print("profiles  per profile  ratio vs 1x   (CPU time, best of runs)")
    for n in args.times:
        per = timed(many(lines, n), args.runs if n < LANG else max(1, args.runs // 2)) / n
        floor = floor or per
        print(f"{n:8d}  {per * 1000:8.1f} ms  {per / floor:6.2f}x")
    print("goal: <= 10 ms per profile; 100x within 1.2x of 1x")
    n = args.huge
    cases = {
        f"{n:,}-char line where a competence name is expected": replace_line(
            lines, "Analyseren", ("Analyseren " * n)[:n]
        ),
        f"{n:,}-letter word in an omschrijving": replace_line(lines, "Omschrijving De", "Omschrijving De " + "a" * n),
        f"{n:,}-letter word with a hyphen inside": replace_line(
            lines, "Omschrijving De", "Omschrijving De " + "a" * (n // 2) + "-" + "b" * (n // 2)
        ),
        f"{n:,}-letter word ending a line in a hyphen": replace_line(
            lines, "Omschrijving De", "Omschrijving De " + "a" * n + "-"
        ),
    }
    for what, variant in cases.items():
        print(f"{timed(variant, 1):8.2f} s  {what} (goal < 1 s)")


if __name__ == "__main__":
    main()
