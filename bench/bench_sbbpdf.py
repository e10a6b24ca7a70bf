"""2015-model PDF reader: our whole read of each test PDF (pypdfium2 page reader, lines,
furniture, rules, model, invariants) against pdfplumber's bare `extract_words` on the same
file, measured in the same run (the floor), per layout and SBB XML file; plus the fields that
match the SBB XML reader's Dossier for that file (tests/sbbpdf/vergelijk.py). Run by hand
(needs the test extra, reportlab, to render the PDFs):

    .venv/bin/python bench/bench_sbbpdf.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pdfplumber  # noqa: E402

from kwaldossier.read.sbbpdf import parse_sbb_pdf  # noqa: E402
from kwaldossier.read.sbbxml import parse_sbb  # noqa: E402
from sbbpdf import browser, plain, sbb  # noqa: E402
from sbbpdf.vergelijk import compare  # noqa: E402

SBB_XML = ROOT.parent / "shared" / "sbb-xml"


def pdfplumber_words(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        n = 0
        for page in pdf.pages:
            n += len(page.extract_words())
            page.close()
    return n


def best(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kwaldossier-bench-"))
    try:
        print(f"{'file':<30} {'layout':<7} {'pages':>5} {'ours ms':>8} {'floor ms':>9} {'ratio':>6}  fields matched")
        for xml in sorted(SBB_XML.glob("*.xml")):
            (expected,) = parse_sbb(xml)  # one dossier a file
            layouts = [("sbb", sbb), ("plain", plain)] + ([("browser", browser)] if browser.chromium() else [])
            for name, module in layouts:
                pdf = module.render(xml, tmp / f"{xml.stem.split()[0]}-{name}.pdf")
                with pdfplumber.open(pdf) as doc:
                    pages = len(doc.pages)
                ours = best(lambda pdf=pdf: parse_sbb_pdf(pdf), args.runs)
                floor = best(lambda pdf=pdf: pdfplumber_words(pdf), args.runs)
                matched, bad = compare(expected, parse_sbb_pdf(pdf))
                print(
                    f"{xml.name:<30} {name:<7} {pages:>5} {ours * 1000:>8.0f} {floor * 1000:>9.0f} "
                    f"{ours / floor:>5.2f}x  {matched}/{matched + len(bad)}"
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
