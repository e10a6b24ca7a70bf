"""PDF front end: pages per second, our whole parse (pypdfium2 front end + text parser + model)
against pdfplumber's bare `extract_words` on the same PDFs (aim: ours at least 5x faster), per
test layout, and the speed-up of `parse --out` on 2 cores. Run by hand (needs the test extra,
reportlab, to render the fixture PDFs):

    .venv/bin/python bench/bench_pdf.py [--runs 5] [--files 8]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pdfplumber  # noqa: E402

import pdfgen  # noqa: E402
from kwaldossier.read import bundled_dir, load_file  # noqa: E402
from kwaldossier.read.batch import parse_many  # noqa: E402
from kwaldossier.read.pdf import parse_pdf  # noqa: E402
from pdflayouts import bordered, browser, flow  # noqa: E402


def pdfplumber_words(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        n = 0
        for page in pdf.pages:
            n += len(page.extract_words())
            page.close()
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=8)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kwaldossier-bench-"))
    try:
        layouts = {"canvas": pdfgen.render, "bordered": bordered.render}
        if flow.AVAILABLE:
            layouts["flow"] = flow.render
        if browser.chromium():
            layouts["browser"] = browser.render
        both = [load_file(f) for f in sorted(bundled_dir().glob("*.json"))]
        pdfs = []
        for name, render in layouts.items():
            mine = [render(d, tmp / f"{name}-{k}.pdf") for k, d in enumerate(both)]
            pdfs += mine
            pages = 0
            for p in mine:
                with pdfplumber.open(p) as pdf:
                    pages += len(pdf.pages)
            ours, theirs, ratios = [], [], []
            for _ in range(args.runs):  # alternating runs
                t0 = time.perf_counter()
                for p in mine:
                    pdfplumber_words(p)
                t1 = time.perf_counter()
                for p in mine:
                    parse_pdf(p)
                t2 = time.perf_counter()
                theirs.append(t1 - t0)
                ours.append(t2 - t1)
                ratios.append((t1 - t0) / (t2 - t1))
            print(f"layout {name}: {len(mine)} PDFs, {pages} pages")
            print(f"  pdfplumber extract_words  median {statistics.median(theirs):6.3f} s  ({pages / statistics.median(theirs):6.1f} pages/s)")
            print(f"  kwaldossier parse_pdf     median {statistics.median(ours):6.3f} s  ({pages / statistics.median(ours):6.1f} pages/s)")
            print(f"  extract_words / ours      median {statistics.median(ratios):.1f}x  (aim >= 5x)")

        batch = tmp / "batch"
        batch.mkdir()
        for i in range(args.files):
            shutil.copy(pdfs[i % len(pdfs)], batch / f"dossier-{i:02d}.pdf")
        times = {}
        for jobs in (1, 2, 1, 2):
            out = tmp / f"out-{jobs}"
            t0 = time.perf_counter()
            code = parse_many([batch], out, jobs)
            times.setdefault(jobs, []).append(time.perf_counter() - t0)
            assert code == 0
        one, two = min(times[1]), min(times[2])
        print(f"batch of {args.files} PDFs: 1 core {one:.2f} s, 2 cores {two:.2f} s, speed-up {one / two:.2f}x (aim >= 1.7x)")
        load = os.getloadavg()[0]
        print(f"  load average {load:.1f} on {os.cpu_count()} cores: the speed-up needs an idle second core")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
