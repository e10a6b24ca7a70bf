"""SBB XML: parse time per file (in-process, median of several runs) and findings per file.

Compares the hardened expat reader (xmlbron.parse_xml: records line numbers, refuses DTDs) with
plain xml.etree.ElementTree.fromstring as the floor, and defusedxml when it is importable
(not a dependency: `pip install --target /tmp/dx defusedxml` and set PYTHONPATH to compare).
Run by hand:

    .venv/bin/python bench/bench_sbbxml.py [--runs 15] [--dir ../shared/sbb-xml]
"""

from __future__ import annotations

import argparse
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from kwaldossier.read import Bron
from kwaldossier.read.sbbxml import parse_sbb_bytes
from kwaldossier.read.sbbxml.xmlbron import parse_xml
from kwaldossier.validate import run

ROOT = Path(__file__).resolve().parents[1]


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--dir", type=Path, default=ROOT.parent / "shared" / "sbb-xml")
    args = ap.parse_args()
    try:
        import defusedxml.ElementTree as DET  # type: ignore[import-untyped]
    except ImportError:
        DET = None
    print(
        f"{'file':32} {'KB':>5} {'ET floor':>9} {'expat+lines':>11} {'defusedxml':>10} {'full parse':>10} {'findings':>8}"
    )
    for f in sorted(args.dir.glob("*.xml")):
        data = f.read_bytes()
        floor = median_ms(lambda d=data: ET.fromstring(d), args.runs)
        ours = median_ms(lambda d=data, f=f: parse_xml(d, str(f)), args.runs)
        dfx = median_ms(lambda d=data: DET.fromstring(d), args.runs) if DET else float("nan")
        full = median_ms(lambda d=data, f=f: parse_sbb_bytes(d, str(f)), args.runs)
        dossier = parse_sbb_bytes(data, str(f))
        findings = run([Bron(p, dossier, f) for p in dossier.profielen])
        per_code = Counter(x.code for x in findings)
        print(
            f"{f.name[:32]:32} {len(data) // 1024:>5} {floor:>8.1f}m {ours:>10.1f}m {dfx:>9.1f}m {full:>9.1f}m "
            f"{len(findings):>8}  {dict(per_code)}  (ratio expat/floor {ours / floor:.2f})"
        )


if __name__ == "__main__":
    main()
