"""Cold-start cost of the look-ups on the bundled data against the bare import of their stack
(`python -c "import typer, rich.table"`: the floor for a command that prints a rich table).
Alternating runs, median of the per-pair ratios; goal <= 1.2x (issue 15). Run by hand:

    make bench            # or: .venv/bin/python bench/bench_show.py [--runs 21] [--importtime]

Measures the installed package (make installs it with compiled bytecode); run from a checkout
with PYTHONPATH=src and PYTHONDONTWRITEBYTECODE=1 and every run recompiles: not comparable.
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import subprocess
import sys
import time

PY = sys.executable
BASELINE = [PY, "-c", "import typer, rich.table"]
COMMANDS = {
    "show 2.5": ["show", "2.5"],
    "list": ["list"],
    "search offerte": ["search", "offerte"],
}
GOAL = 1.2
HEAVY = ("pydantic", "kwaldossier.model.dossier", "kwaldossier.read.text2012", "pdfplumber", "pyphen")
ENV = {**os.environ, "NO_COLOR": "1"}


def cmd(args: list[str]) -> list[str]:
    return [PY, "-c", f"import sys; sys.argv=['kwaldossier', *{args!r}]; from kwaldossier.cli import main; main()"]


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    elapsed = time.perf_counter() - start
    if p.returncode not in (0, 1):
        raise SystemExit(f"{argv} failed with exit {p.returncode}")
    return elapsed


def heavy_imports(args: list[str]) -> list[str]:
    code = (
        f"import sys; sys.argv=['kwaldossier', *{args!r}]\nfrom kwaldossier.cli import main\n"
        "try: main()\nexcept SystemExit: pass\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules) or '-', file=sys.stderr)"
    )
    p = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=ENV)
    return p.stderr.split()[-1:]


def own_import_time(args: list[str], runs: int = 9) -> None:
    """Self import time of kwaldossier's own modules (minimum over runs), from -X importtime."""
    best: dict[str, int] = collections.defaultdict(lambda: 10**9)
    for _ in range(runs):
        p = subprocess.run([PY, "-X", "importtime", *cmd(args)[1:]], capture_output=True, text=True, env=ENV)
        for line in p.stderr.splitlines():
            if line.startswith("import time:") and "kwaldossier" in line:
                self_us, _, name = line[len("import time:") :].split("|")
                best[name.strip()] = min(best[name.strip()], int(self_us))
    print(f"  kwaldossier's own modules: {sum(best.values()) / 1000:.1f} ms self import time")
    for name, us in sorted(best.items(), key=lambda kv: -kv[1])[:6]:
        print(f"    {us / 1000:5.2f} ms  {name}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--importtime", action="store_true", help="also list kwaldossier's own import cost")
    args = ap.parse_args()
    for _ in range(3):  # warm the OS file cache, not the interpreter
        timed(BASELINE)
        for c in COMMANDS.values():
            timed(cmd(c))
    base: list[float] = []
    times: dict[str, list[float]] = {k: [] for k in COMMANDS}
    ratios: dict[str, list[float]] = {k: [] for k in COMMANDS}
    for _ in range(args.runs):
        for name, c in COMMANDS.items():
            b = timed(BASELINE)
            t = timed(cmd(c))
            base.append(b)
            times[name].append(t)
            ratios[name].append(t / b)
    print(f"floor: import typer, rich.table   median {statistics.median(base) * 1000:6.1f} ms")
    for name in COMMANDS:
        r = statistics.median(ratios[name])
        verdict = "ok" if r <= GOAL else f"MISSED by {r - GOAL:.2f}x"
        print(
            f"{name:<16} cold median {statistics.median(times[name]) * 1000:6.1f} ms   ratio {r:.2f}x  "
            f"(goal <= {GOAL}x: {verdict})   heavy imports: {' '.join(heavy_imports(COMMANDS[name]))}"
        )
    print(f"({args.runs} alternating runs per command)")
    if args.importtime:
        own_import_time(COMMANDS["show 2.5"])


if __name__ == "__main__":
    main()
