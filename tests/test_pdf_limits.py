"""Hostile PDFs are refused before the work: the pre-scan decodes every stream within limits
and weighs each page before pdfium touches one. Each bomb is generated here (never committed)
and parsed by the real command in a subprocess held to a memory cap (RLIMIT_AS) and a time
limit far below what the bombs cost without the pre-scan (17-100 s, 1-16 GB)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pdfgen = pytest.importorskip("pdfgen")

MEMORY = 1 << 30  # address space for the whole run: Python, pdfium and the bomb
SECONDS = 30  # a bound for the subprocess on a loaded machine; a refused bomb takes under one


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _run(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "KWALDOSSIER_NO_CACHE": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kwaldossier.cli", *map(str, args)],
        capture_output=True, text=True, timeout=SECONDS, preexec_fn=_capped, env=environ,
    )  # fmt: skip


BOMBS = {
    # name: (generator, the refusal)
    "inflate-4gib": (
        pdfgen.inflate_bomb,
        "PDF stream (object 4, page 1) inflates to more than 32 MB (KWALDOSSIER_PDF_MAX_STREAM_MB); refused before reading",
    ),
    "inflate-1gib": (
        lambda p: pdfgen.inflate_bomb(p, 1024),
        "PDF stream (object 4, page 1) inflates to more than 32 MB",
    ),
    "deflated-twice": (pdfgen.chained_bomb, "PDF stream (object 4, page 1) inflates to more than 32 MB"),
    "object-stream": (pdfgen.object_stream_bomb, "PDF stream (object 6) inflates to more than 32 MB"),
    "operators": (
        pdfgen.operator_bomb,
        "PDF page 1 draws more than 100,000 operators, the limit a page (KWALDOSSIER_PDF_MAX_OPERATORS); refused before reading",
    ),
    "nested-forms": (pdfgen.form_bomb, "PDF page 1 draws more than 100,000 operators, the limit a page"),
    "many-pages-of-operators": (
        pdfgen.pages_bomb,
        "PDF pages 1-3 draw more than 200,000 operators, the limit for this file (KWALDOSSIER_PDF_MAX_DOC_OPERATORS",
    ),
    "page-tree": (
        lambda p: pdfgen.many_pages(p, 1500),
        "PDF has more than 1000 pages, the limit (KWALDOSSIER_MAX_PAGES)",
    ),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_bomb_is_refused_before_the_work(tmp_path, name):
    make, expect = BOMBS[name]
    path = make(tmp_path / f"{name}.pdf")
    assert path.stat().st_size < 5 * 2**20  # small files: the cost is in what they expand to
    r = _run("parse", path, "--json")
    assert r.returncode == 2, r.stderr[-500:]
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert r.stderr.startswith(f"kwaldossier: error: {path}: ")
    assert expect in r.stderr, r.stderr


def test_bombs_really_expand(tmp_path):
    """The generators make what they say: the 1 GiB bomb inflates to 1 GiB, the operator bomb
    holds two million rectangles (counted here with zlib, not with the reader)."""
    import re
    import zlib

    data = pdfgen.inflate_bomb(tmp_path / "b.pdf", 1024).read_bytes()
    d = zlib.decompressobj()
    buf, total = data[data.index(b"stream\n") + 7 :], 0
    while buf and not d.eof:
        total += len(d.decompress(buf, 1 << 24))
        buf = d.unconsumed_tail
    assert total == 2**30
    data = pdfgen.operator_bomb(tmp_path / "o.pdf").read_bytes()
    content = zlib.decompress(data[data.index(b"stream\n") + 7 : data.index(b"\nendstream")])
    assert len(re.findall(rb"\bre f\b", content)) == 2_000_000


def test_limits_move_with_their_variables(tmp_path):
    """Raised limits let the same file further (and a lower one refuses a smaller bomb)."""
    path = pdfgen.inflate_bomb(tmp_path / "small.pdf", 16)
    r = _run("parse", path, "--json")
    assert r.returncode == 2 and "no text layer" in r.stderr  # 16 MiB of spaces: under the limit, read
    r = _run("parse", path, "--json", env={"KWALDOSSIER_PDF_MAX_STREAM_MB": "8"})
    assert r.returncode == 2 and "inflates to more than 8 MB (KWALDOSSIER_PDF_MAX_STREAM_MB)" in r.stderr
    path = pdfgen.pages_bomb(tmp_path / "pages.pdf", pages=3, rects=20_000)
    assert _run("parse", path, "--json").returncode == 2
    r = _run(
        "parse",
        path,
        "--json",
        env={"KWALDOSSIER_PDF_MAX_DOC_OPERATORS": "1000", "KWALDOSSIER_PDF_OPERATORS_PER_BYTE": "0.1"},
    )
    assert r.returncode == 2 and "PDF page 1 draws more than" in r.stderr and "the limit for this file" in r.stderr


def test_bomb_through_stdin_and_other_commands(tmp_path):
    path = pdfgen.inflate_bomb(tmp_path / "bomb.pdf")
    for args in (("show", "1.1", "--profiel", path), ("validate", path), ("diff", path, path)):
        r = _run(*args)
        assert r.returncode == 2 and "inflates to more than 32 MB" in r.stderr and r.stderr.count("\n") == 1, (
            args,
            r.stderr,
        )
    with path.open("rb") as fh:
        r = subprocess.run(
            [sys.executable, "-m", "kwaldossier.cli", "parse", "-", "--json"], stdin=fh, capture_output=True, text=True,
            timeout=SECONDS, preexec_fn=_capped, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )  # fmt: skip
    assert (
        r.returncode == 2 and r.stderr.startswith("kwaldossier: error: <stdin>: PDF stream") and "inflates" in r.stderr
    )


def test_a_real_dossier_pdf_reads_under_the_same_caps(tmp_path):
    """The subprocess caps themselves do not make the bombs fail: a real dossier PDF reads."""
    from conftest import PARSED
    from kwaldossier.read import load_file

    path = pdfgen.render(load_file(PARSED / "commercieel-medewerker-buitendienst.json"), tmp_path / "real.pdf")
    r = _run("parse", path, "--json")
    assert r.returncode == 0, r.stderr
    assert '"Commercieel medewerker buitendienst"' in r.stdout


def test_generated_files_are_not_kept():
    assert not any(Path(ROOT / "tests").glob("*.pdf"))
