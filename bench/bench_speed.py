"""Speed of the whole tool in one run, each figure a ratio to a floor measured in the same run
(issue 21). Run by hand (not a test; absolute times on a shared machine mean little):

    make bench            # or: .venv/bin/python bench/bench_speed.py [--runs 11] [--quick]

- JSON write: contract.dossiers_json on a parsed dossier (2012 text of 50 and 100 profiles made
  from the seed, the SBB XML files) vs `json.dumps` of the same dict (best of runs, CPU time);
- per extra profile through the CLI: `parse FILE --json` at 1/10/100 profiles, `--no-cache`
  and from a warm cache (median of runs): (t(n) - t(1)) / (n - 1);
- cold `show`, `list`, `search` (piped) vs `python -c "import typer, rich.table"`: median of
  interleaved pairs; cold `parse` of a seed (`--no-cache`) vs cold `show`;
- SBB XML read (parse_sbb) vs `xml.etree.ElementTree.parse` of the same file;
- peak memory (ru_maxrss of the child) of `parse --json --no-cache` on the 100-profile file vs
  the file's size;
- with --instructions (valgrind on PATH): the same per-profile and cold-parse figures counted in
  instructions (callgrind, PYTHONHASHSEED=0). Those repeat to a few in a thousand whatever else
  the machine does, where the wall times above can move by half on a shared 2-core machine:
  compare two versions by them.

Measures the package as installed: with its bytecode compiled. An editable install or a source
tree under PYTHONDONTWRITEBYTECODE=1 would compile every module again in every child, so the
bench compiles the package it imports first (compileall: a no-op where pip did it already).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "commercieel-medewerker-buitendienst.txt"
NAAM = "Commercieel medewerker buitendienst"
SBB = ROOT.parent / "shared" / "sbb-xml"
PY = sys.executable
KWAL = [PY, "-c", "import sys; from kwaldossier.cli import main; sys.argv[0] = 'kwaldossier'; main()"]
FLOOR = [PY, "-c", "import typer, rich.table"]
LOOKUPS = {
    "show 2.5 --profiel buitendienst": ["show", "2.5", "--profiel", "buitendienst"],
    "list": ["list"],
    "search klant": ["search", "klant"],
}
Row = tuple[str, str, str, str]  # what, measured, ratio, goal


def many(times: int) -> str:
    """The seed's profile `times` times in one 2012 text, each copy under its own name."""
    text = SEED.read_text(encoding="utf-8")
    return "".join(text.replace(NAAM, f"{NAAM} variant {i}") for i in range(times))


def best(fn: Callable[[], object], runs: int) -> float:
    """Best of `runs` in CPU time of this process (as timeit)."""
    out = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        out.append(time.process_time() - start)
    return min(out)


def run(argv: Sequence[str], env: dict[str, str]) -> float:
    """Wall time of one child, output to /dev/null (piped: no terminal)."""
    start = time.perf_counter()
    p = subprocess.run(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if p.returncode not in (0, 1):
        raise SystemExit(f"{argv[3:]} failed with exit {p.returncode}: {p.stderr.decode()[-300:]}")
    return elapsed


_PEAK = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(os.wait4(p.pid, 0)[2].ru_maxrss)"
)


def peak_kb(argv: Sequence[str], env: dict[str, str]) -> int:
    """ru_maxrss (KiB on Linux) of one child, started from a small parent (a forked child's
    high-water mark starts at its parent's, and this process holds parsed dossiers)."""
    p = subprocess.run([PY, "-c", _PEAK, *argv], capture_output=True, text=True, env=env, check=True)
    return int(p.stdout)


# ---------------------------------------------------------------- in-process


def json_rows(files: dict[str, Path], runs: int) -> list[Row]:
    from kwaldossier.model import contract
    from kwaldossier.read.laden import parse_source

    rows: list[Row] = []
    for label, path in files.items():
        dossiers = parse_source(path)
        text = contract.dossiers_json(dossiers)
        data = json.loads(text)
        write = best(lambda d=dossiers: contract.dossiers_json(d), runs)  # type: ignore[misc]
        floor = best(lambda d=data: json.dumps(d, ensure_ascii=False, indent=2), runs)  # type: ignore[misc]
        rows.append(
            (
                f"JSON write, {label}",
                f"{write * 1000:.1f} ms vs {floor * 1000:.1f} ms",
                f"{write / floor:.2f}x",
                "<= 2x",
            )
        )
    return rows


def xml_rows(files: list[Path], runs: int) -> list[Row]:
    from kwaldossier.read.sbbxml import parse_sbb

    rows: list[Row] = []
    for path in files:
        ours = best(lambda p=path: parse_sbb(p), runs)  # type: ignore[misc]
        floor = best(lambda p=path: ET.parse(p), runs)  # type: ignore[misc]
        rows.append(
            (
                f"SBB XML read, {path.name[:24]}",
                f"{ours * 1000:.1f} ms vs {floor * 1000:.1f} ms",
                f"{ours / floor:.2f}x",
                "-",
            )
        )
    return rows


# ---------------------------------------------------------------- through the CLI


def per_profile(files: dict[int, Path], env: dict[str, str], cached: bool, runs: int) -> list[Row]:
    extra = [] if cached else ["--no-cache"]
    argv = {n: [*KWAL, *extra, "parse", str(p), "--json"] for n, p in files.items()}
    if cached:
        for a in argv.values():
            run(a, env)  # fill the cache
    times: dict[int, list[float]] = {n: [] for n in files}
    for _ in range(runs):
        for n, a in argv.items():
            times[n].append(run(a, env))
    med = {n: statistics.median(t) for n, t in times.items()}
    goal = 3.0 if cached else 8.0
    how = "cached" if cached else "--no-cache"
    rows: list[Row] = [(f"parse --json, 1 profile, {how}", f"{med[1] * 1000:.0f} ms", "-", "-")]
    for n in sorted(files)[1:]:
        cost = (med[n] - med[1]) / (n - 1) * 1000
        rows.append(
            (f"per extra profile at {n}, {how}", f"{cost:.1f} ms", f"{cost / goal:.2f} of goal", f"<= {goal:.0f} ms")
        )
    return rows


def cold_rows(env: dict[str, str], pairs: int) -> list[Row]:
    commands = {k: [*KWAL, *v] for k, v in LOOKUPS.items()}
    commands["parse seed --no-cache"] = [*KWAL, "--no-cache", "parse", str(SEED), "--json"]
    for _ in range(2):  # warm the OS file cache and the parse cache (not the interpreter)
        run(FLOOR, env)
        for c in commands.values():
            run(c, env)
    ratios: dict[str, list[float]] = {k: [] for k in commands}
    absolute: dict[str, list[float]] = {k: [] for k in [*commands, "floor"]}
    for _ in range(pairs):
        for k, c in commands.items():
            base, own = run(FLOOR, env), run(c, env)
            ratios[k].append(own / base)
            absolute[k].append(own)
            absolute["floor"].append(base)
    med = {k: statistics.median(v) for k, v in absolute.items()}
    rows: list[Row] = [("floor: import typer, rich.table", f"{med['floor'] * 1000:.0f} ms", "1.00x", "-")]
    for k in LOOKUPS:
        rows.append((f"cold {k}", f"{med[k] * 1000:.0f} ms", f"{statistics.median(ratios[k]):.2f}x floor", "<= 1.2x"))
    show = next(iter(LOOKUPS))
    parse = med["parse seed --no-cache"]
    rows.append(("cold parse seed --no-cache", f"{parse * 1000:.0f} ms", f"{parse / med[show]:.2f}x show", "<= 2x"))
    return rows


def memory_rows(path: Path, env: dict[str, str]) -> list[Row]:
    size = path.stat().st_size
    ours = peak_kb([*KWAL, "--no-cache", "parse", str(path), "--json"], env) * 1024
    floor = peak_kb(FLOOR, env) * 1024
    return [
        ("peak memory, floor process", f"{floor / 2**20:.0f} MiB", "-", "-"),
        (
            f"peak memory, parse 100 profiles ({size / 2**20:.1f} MiB)",
            f"{ours / 2**20:.0f} MiB",
            f"{ours / size:.1f}x size",
            "<= 10x",
        ),
    ]


def instructions(argv: Sequence[str], env: dict[str, str]) -> int:
    """Instructions one child executes, counted by callgrind (deterministic: fixed hash seed)."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv]
    p = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**env, "PYTHONHASHSEED": "0"}
    )
    for line in p.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"callgrind counted nothing for {argv[3:]}: {p.stderr[-300:]}")


def instruction_rows(files: dict[int, Path], env: dict[str, str]) -> list[Row]:
    if shutil.which("valgrind") is None:
        return [("instructions", "valgrind not on PATH", "-", "-")]
    one, ten = (instructions([*KWAL, "--no-cache", "parse", str(files[n]), "--json"], env) for n in (1, 10))
    show = instructions([*KWAL, *LOOKUPS["show 2.5 --profiel buitendienst"]], env)
    parse = instructions([*KWAL, "--no-cache", "parse", str(SEED), "--json"], env)
    return [
        ("per extra profile at 10, --no-cache, instr.", f"{(ten - one) / 9 / 1e6:.1f} M", "-", "-"),
        ("cold show, instructions", f"{show / 1e6:.0f} M", "-", "-"),
        ("cold parse seed --no-cache, instructions", f"{parse / 1e6:.0f} M", f"{parse / show:.2f}x show", "<= 2x"),
    ]


def table(rows: list[Row]) -> str:
    widths = [max(len(r[i]) for r in [("what", "measured", "ratio", "goal"), *rows]) for i in range(4)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(("what", "measured", "ratio", "goal"), widths, strict=True))]
    lines.append("-|-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11, help="runs per subprocess figure (pairs for the cold ones)")
    ap.add_argument("--quick", action="store_true", help="fewer runs (a smoke test of the bench itself)")
    ap.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
    args = ap.parse_args()
    runs = 3 if args.quick else args.runs
    import compileall

    import kwaldossier

    compileall.compile_dir(Path(kwaldossier.__file__).parent, quiet=1)  # as an install has it
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NO_COLOR": "1", "KWALDOSSIER_CACHE_DIR": str(Path(tmp) / "cache")}
        texts: dict[int, Path] = {}
        for n in (1, 10, 50, 100):
            texts[n] = Path(tmp) / f"profielen-{n}.txt"
            texts[n].write_text(many(n), encoding="utf-8")
        xmls = sorted(SBB.glob("*.xml"))
        rows = json_rows({"50 profiles": texts[50], "100 profiles": texts[100], **{p.name[:24]: p for p in xmls}}, runs)
        rows += xml_rows(xmls, runs)
        sizes = {n: texts[n] for n in (1, 10, 100)}
        rows += per_profile(sizes, env, cached=False, runs=runs)
        rows += per_profile(sizes, env, cached=True, runs=runs)
        rows += cold_rows(env, runs)
        rows += memory_rows(texts[100], env)
        if args.instructions:
            rows += instruction_rows(texts, env)
    print(table(rows))


if __name__ == "__main__":
    main()
