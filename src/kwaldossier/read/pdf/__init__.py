"""PDF front end: pypdfium2 character boxes and path objects -> the tagged lines the text
parser reads. The reader steers by the format's own wording (headings, labels, column titles,
the A–Y letters, the national competence names), not by one geometry; see lezer.py.
Imported only for PDF input.
"""

from __future__ import annotations

import os
import signal
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import InputError
from .regels import Emitter

if TYPE_CHECKING:
    from ...model.m2012 import Dossier2012 as Dossier

MAX_PAGES = int(os.environ.get("KWALDOSSIER_MAX_PAGES", "1000"))
MAX_MB = float(os.environ.get("KWALDOSSIER_MAX_PDF_MB", "200"))
TIMEOUT = float(os.environ.get("KWALDOSSIER_PDF_TIMEOUT", "300"))


# ---------------------------------------------------------------- entry


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that library code catching Exception lets it pass."""


@contextmanager
def _time_limit(seconds: float):
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    try:
        previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(_Timeout()))
    except ValueError:  # not the main thread: no alarm available
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pdf_lines(path: Path) -> Emitter:
    """Open a PDF within limits and turn its pages into tagged lines."""
    p = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(p, None, f"cannot read: {exc.strerror}") from None
    if size == 0:
        raise InputError(p, None, "empty file")
    if size > MAX_MB * 1024 * 1024:
        raise InputError(p, None, f"PDF of {size / 1048576:.0f} MB is larger than the limit of {MAX_MB:.0f} MB")
    import pypdfium2 as pdfium

    from .bladzijde import read_page
    from .lezer import Lezer

    try:
        with _time_limit(TIMEOUT):
            try:
                doc = pdfium.PdfDocument(p)
            except Exception as exc:  # noqa: BLE001 - pdfium raises for every kind of broken file
                if _no_pages(p):
                    raise InputError(p, None, "PDF has no pages") from None
                raise _classify(p, exc) from None
            try:
                n = len(doc)
                if n == 0:
                    raise InputError(p, None, "PDF has no pages")
                if n > MAX_PAGES:
                    raise InputError(p, None, f"PDF has {n} pages, more than the limit of {MAX_PAGES}")
                pages = []
                deadline = time.monotonic() + TIMEOUT if TIMEOUT > 0 else None
                for i in range(n):
                    # the alarm can be swallowed (a signal arriving inside a gc callback is lost):
                    # a deadline checked between pages is the backstop
                    if deadline is not None and time.monotonic() > deadline:
                        raise _Timeout
                    try:
                        page = doc[i]
                        try:
                            pages.append(read_page(page, i + 1))
                        finally:
                            page.close()
                    except InputError:
                        raise
                    except Exception as exc:  # noqa: BLE001 - see above
                        raise _classify(p, exc, i + 1) from None
            finally:
                doc.close()
            if not any(pg.words for pg in pages):
                raise InputError(p, None, "PDF has no text layer (scanned or image-only?); extract text with OCR first")
            return Lezer().run(pages)
    except _Timeout:
        raise InputError(p, None, f"PDF took longer than {TIMEOUT:g} s to read; giving up") from None


def _no_pages(path: str) -> bool:
    """pdfium refuses a document with an empty page tree; pdfminer tells that case apart."""
    try:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return len(pdf.pages) == 0
    except Exception:  # noqa: BLE001 - any failure: not this case
        return False


def _classify(path: str, exc: Exception, page: int | None = None) -> InputError:
    """One line for a PDF library failure: encryption, or the innermost cause."""
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and len(chain) < 6:
        chain.append(e)
        e = e.__cause__ or e.__context__ or (e.args[0] if e.args and isinstance(e.args[0], BaseException) else None)
    text = " ".join(f"{type(x).__name__} {x}" for x in chain).lower()
    if "password" in text or "encrypt" in text:
        return InputError(path, None, "encrypted PDF (password protected); decrypt it first")
    inner = chain[-1]
    detail = " ".join(str(inner).split())[:120] or type(inner).__name__
    where = f" (page {page})" if page else ""
    return InputError(path, None, f"not a readable PDF{where}: {detail}")


def parse_pdf(path: Path) -> Dossier:
    from ..text2012 import parse_lines
    from .invarianten import check

    out = pdf_lines(path)
    dossier = parse_lines(out.lines, str(path), kolommen=out.tags, paginas=out.pages)
    check(dossier, str(path))
    return dossier
