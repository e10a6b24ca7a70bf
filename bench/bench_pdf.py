"""PDF front end, measured by hand (needs the test extra, reportlab, to render the fixture PDFs):

- per test layout: our whole parse (pre-scan + pypdfium2 front end + text parser + model)
  against pdfplumber's bare `extract_words` on the same PDFs, as a ratio (aim: ours at least
  5x faster), and the fields of the seed model matched by the parse;
- the hostile PDFs of tests/pdfgen.py (inflate, operator, form, page bombs): wall time and
  peak memory of `kwaldossier parse` on each, from /usr/bin/time, in a subprocess held to an
  address-space cap (so a bomb that is not refused ends at the cap, reported as such);
- the speed-up of `parse --out` on 2 cores.

    .venv/bin/python bench/bench_pdf.py [--runs 5] [--files 8] [--bombs] [--layouts a,b]

PYTHONPATH=<other checkout>/src measures another version of the reader against the same
generated files (that is how the "before" figures in the README were taken).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import statistics
import subprocess
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
from pdflayouts import bordered, browser, flow, onematrix, vervolg  # noqa: E402

CAP = 8 << 30  # address space for one bomb run
TIME_FIELDS = 2  # /usr/bin/time -f "%e %M": seconds and peak RSS in kB
BOMBS = {
    "inflate 4 GiB": pdfgen.inflate_bomb,
    "inflate 1 GiB": lambda p: pdfgen.inflate_bomb(p, 1024),
    "deflated twice": pdfgen.chained_bomb,
    "2M path operators": pdfgen.operator_bomb,
    "nested forms (10^7)": pdfgen.form_bomb,
    "40 pages x 90k operators": pdfgen.pages_bomb,
}


def pdfplumber_words(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        n = 0
        for page in pdf.pages:
            n += len(page.extract_words())
            page.close()
    return n


def _leaves(o, pre=""):
    if isinstance(o, dict):
        for k, v in o.items():
            yield from _leaves(v, f"{pre}.{k}")
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield from _leaves(v, f"{pre}[{i}]")
    else:
        yield pre, o


def matched(back, original) -> tuple[int, int]:
    from test_pdf import content

    want, got = dict(_leaves(content(original))), dict(_leaves(content(back)))
    return sum(got.get(k) == v for k, v in want.items()), len(want)


def layouts() -> dict:
    out = {"canvas": pdfgen.render, "bordered": bordered.render, "vervolg": vervolg.render}
    if flow.AVAILABLE:
        out["flow"] = flow.render
    if browser.chromium():
        out["browser"] = browser.render
        out["onematrix"] = onematrix.render
    return out


def bench_layouts(tmp: Path, runs: int, only: list[str] | None) -> list[Path]:
    both = [load_file(f, streng=True) for f in sorted(bundled_dir().glob("*.json"))]  # the model (model_dump)
    pdfs = []
    for name, render in layouts().items():
        if only and name not in only:
            continue
        mine = [render(d, tmp / f"{name}-{k}.pdf") for k, d in enumerate(both)]
        pdfs += mine
        pages = sum(len(pdfplumber.open(p).pages) for p in mine)
        fields = []
        for p, d in zip(mine, both, strict=True):
            try:
                right, total = matched(parse_pdf(p), d)
                fields.append(f"{right}/{total}")
            except Exception as exc:  # noqa: BLE001 - a version that cannot read the layout
                fields.append(f"refused ({str(exc)[-60:]})")
        ours, theirs, ratios = [], [], []
        for _ in range(runs):  # alternating runs
            t0 = time.perf_counter()
            for p in mine:
                pdfplumber_words(p)
            t1 = time.perf_counter()
            for p in mine:
                with contextlib.suppress(Exception):  # a version that refuses the layout: timed all the same
                    parse_pdf(p)
            t2 = time.perf_counter()
            theirs.append(t1 - t0)
            ours.append(t2 - t1)
            ratios.append((t1 - t0) / (t2 - t1))
        print(f"layout {name}: {len(mine)} PDFs, {pages} pages; fields matched {', '.join(fields)}")
        print(
            f"  pdfplumber extract_words  median {statistics.median(theirs):6.3f} s  ({pages / statistics.median(theirs):6.1f} pages/s)"
        )
        print(
            f"  kwaldossier parse_pdf     median {statistics.median(ours):6.3f} s  ({pages / statistics.median(ours):6.1f} pages/s)"
        )
        print(f"  extract_words / ours      median {statistics.median(ratios):.1f}x  (aim >= 5x)")
    return pdfs


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def bench_bombs(tmp: Path) -> None:
    env = {**os.environ, "KWALDOSSIER_NO_CACHE": "1"}
    print(f"hostile PDFs (wall time, peak RSS; each run capped at {CAP >> 30} GB of address space, 300 s):")
    for name, make in BOMBS.items():
        path = make(tmp / "bomb.pdf")
        cmd = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "kwaldossier.cli", "parse", str(path), "--json"]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, preexec_fn=_capped)
        except subprocess.TimeoutExpired:
            print(f"  {name:26} {path.stat().st_size / 1e6:5.2f} MB file: over 300 s")
            continue
        *err, last = r.stderr.strip().splitlines() or [""]
        seconds, kb = last.split()[-2:] if len(last.split()) >= TIME_FIELDS else ("?", "0")
        err = [ln for ln in err if not ln.startswith("Command exited")]  # /usr/bin/time's own line
        said = (err[-1] if err else "").removeprefix("kwaldossier: error: ").removeprefix(str(path) + ": ")[:110]
        print(
            f"  {name:26} {path.stat().st_size / 1e6:5.2f} MB file: {seconds:>6} s, {int(kb) / 1024:7.0f} MB, exit {r.returncode}: {said}"
        )


def bench_batch(tmp: Path, pdfs: list[Path], files: int) -> None:
    batch = tmp / "batch"
    batch.mkdir()
    for i in range(files):
        shutil.copy(pdfs[i % len(pdfs)], batch / f"dossier-{i:02d}.pdf")
    times: dict[int, list[float]] = {}
    for jobs in (1, 2, 1, 2):
        t0 = time.perf_counter()
        parse_many([batch], tmp / f"out-{jobs}", jobs)
        times.setdefault(jobs, []).append(time.perf_counter() - t0)
    one, two = min(times[1]), min(times[2])
    print(f"batch of {files} PDFs: 1 core {one:.2f} s, 2 cores {two:.2f} s, speed-up {one / two:.2f}x (aim >= 1.7x)")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: the speed-up needs an idle second core")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument(
        "--bombs", action="store_true", help="also run the hostile PDFs (minutes for a version without the pre-scan)"
    )
    ap.add_argument("--layouts", help="comma-separated layouts (default: all available)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kwaldossier-bench-"))
    try:
        pdfs = bench_layouts(tmp, args.runs, args.layouts.split(",") if args.layouts else None)
        if args.bombs:
            bench_bombs(tmp)
        if pdfs and args.files:
            bench_batch(tmp, pdfs, args.files)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
