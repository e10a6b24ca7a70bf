"""PDF front end: pypdfium2 character boxes and path objects -> the tagged lines the text
parser reads. The reader steers by the format's own wording (headings, labels, column titles,
the A–Y letters, the national competence names), not by one geometry; see lezer.py.
Imported only for PDF input.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ...errors import InputError
from ...taal import _
from .grenzen import Grenzen
from .regels import Emitter

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from ...model.m2012 import Dossier2012 as Dossier


T = TypeVar("T")

_CHAIN = 6  # causes followed to find the innermost error of a library failure


# ---------------------------------------------------------------- entry


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that library code catching Exception lets it pass."""


def _raise_timeout(*_: object) -> None:
    raise _Timeout


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    try:
        previous = signal.signal(signal.SIGALRM, _raise_timeout)
    except ValueError:  # not the main thread: no alarm available
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _read(path: Path, limits: Grenzen) -> bytes:
    """The file's bytes, once: the pre-scan and pdfium read the same bytes."""
    p = str(path)
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise InputError(
                p,
                None,
                _("PDF of {size:.0f} MB is larger than the limit of {limit:.0f} MB (KWALDOSSIER_MAX_PDF_MB)").format(
                    size=size / 1048576, limit=limits.file_bytes / 1048576
                ),
            )
        with path.open("rb") as fh:
            data = fh.read(limits.file_bytes + 1)
    except OSError as exc:
        raise InputError(p, None, _("cannot read: {reason}").format(reason=exc.strerror)) from None
    if not data:
        raise InputError(p, None, _("empty file"))
    if len(data) > limits.file_bytes:
        raise InputError(
            p,
            None,
            _("PDF is larger than the limit of {limit:.0f} MB (KWALDOSSIER_MAX_PDF_MB)").format(
                limit=limits.file_bytes / 1048576
            ),
        )
    return data


def pdf_lines(path: Path) -> Emitter:
    """Open a PDF within limits (size, pre-scan, pages, time) and turn its pages into tagged lines."""
    from .bladzijde import read_page

    pages = open_pages(path, read_page)
    if not any(pg.words for pg in pages):
        raise InputError(
            str(path), None, _("PDF has no text layer (scanned or image-only?); extract text with OCR first")
        )
    from .lezer import Lezer

    return Lezer().run(pages)


def open_pages(path: Path, use: Callable[[pdfium.PdfPage, int], T], first: int | None = None) -> list[T]:
    """Open a PDF within every limit (size, pre-scan, pages, time) and call `use(page, number)`
    on each page (the first `first` only, when given); the one way both PDF readers open a file."""
    p = str(path)
    limits = Grenzen.from_env()
    data = _read(path, limits)
    try:
        with _time_limit(limits.timeout):
            from .voorscan import prescan

            scanned = prescan(data, p, limits)
            return _read_pages(data, p, limits, scanned.pages, use=use, first=first)
    except _Timeout:
        raise InputError(
            p,
            None,
            _("PDF took longer than {seconds:g} s to read (KWALDOSSIER_PDF_TIMEOUT); giving up").format(
                seconds=limits.timeout
            ),
        ) from None


def _read_pages(  # noqa: PLR0913 - the file, its limits and what the prescan found, then what to read
    data: bytes, p: str, limits: Grenzen, tree_pages: int, *, use: Callable[[pdfium.PdfPage, int], T], first: int | None
) -> list[T]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001 - pdfium raises for every kind of broken file
        if tree_pages == 0 and b"/Pages" in data:
            raise InputError(p, None, _("PDF has no pages")) from None
        raise _classify(p, exc) from None
    try:
        n = len(doc)
        if n == 0:
            raise InputError(p, None, _("PDF has no pages"))
        if n > limits.pages:
            raise InputError(
                p,
                None,
                _("PDF has {n} pages, more than the limit of {limit} (KWALDOSSIER_MAX_PAGES)").format(
                    n=n, limit=limits.pages
                ),
            )
        deadline = time.monotonic() + limits.timeout if limits.timeout > 0 else None
        pages: list[T] = []
        for i in range(n if first is None else min(n, first)):
            # the alarm can be swallowed (a signal arriving inside a gc callback is lost):
            # a deadline checked between pages is the backstop
            if deadline is not None and time.monotonic() > deadline:
                raise _Timeout
            pages.append(_page(doc, i, p, use))
        return pages
    finally:
        doc.close()


def _page(doc: pdfium.PdfDocument, i: int, p: str, use: Callable[[pdfium.PdfPage, int], T]) -> T:
    try:
        page = doc[i]
        try:
            return use(page, i + 1)
        finally:
            page.close()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - see above
        raise _classify(p, exc, i + 1) from None


def _classify(path: str, exc: Exception, page: int | None = None) -> InputError:
    """One line for a PDF library failure: encryption, or the innermost cause."""
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and len(chain) < _CHAIN:
        chain.append(e)
        e = e.__cause__ or e.__context__ or (e.args[0] if e.args and isinstance(e.args[0], BaseException) else None)
    text = " ".join(f"{type(x).__name__} {x}" for x in chain).lower()
    if "password" in text or "encrypt" in text:
        return InputError(path, None, _("encrypted PDF (password protected); decrypt it first"))
    inner = chain[-1]
    detail = " ".join(str(inner).split())[:120] or type(inner).__name__
    if page:
        return InputError(path, None, _("not a readable PDF (page {page}): {detail}").format(page=page, detail=detail))
    return InputError(path, None, _("not a readable PDF: {detail}").format(detail=detail))


def parse_pdf(path: Path) -> Dossier:
    from ..invariants import check_layout
    from ..text2012 import parse_lines

    out = pdf_lines(path)
    dossier = parse_lines(out.lines, str(path), kolommen=out.tags, paginas=out.pages, kruisen=out.kruisen)
    check_layout(dossier, str(path))
    return dossier
