"""The PDF opened within the limits of the 2012 reader (size, pages, time; read/pdf), page by
page through its pypdfium2 page reader. The one place this package touches read/pdf: an adapter
over its limits, its time limit and its error wording, so a PDF is refused the same way by
both readers."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from ...errors import InputError
from ...taal import _
from ..pdf import bladzijde
from ..pdf.bladzijde import Page

T = TypeVar("T")


def limits() -> tuple[int, float, float]:
    """(pages, MB, seconds), read at call time (the environment may have changed)."""
    from .. import pdf

    return pdf.MAX_PAGES, pdf.MAX_MB, pdf.TIMEOUT


def _open_error(path: str, exc: Exception, page: int | None = None) -> InputError:
    from .. import pdf

    if page is None and pdf._no_pages(path):
        return InputError(path, None, _("PDF has no pages"))
    return pdf._classify(path, exc, page)


@contextmanager
def _within_time(seconds: float) -> Iterator[None]:
    from .. import pdf

    try:
        with pdf._time_limit(seconds):
            yield
    except pdf._Timeout:
        raise TimeoutError from None


def read_page(page: object, no: int) -> Page:
    """Words only: the layout of this format needs no ruling lines (cheaper than the boxes)."""
    frame = bladzijde._Frame(page.get_cropbox(), page.get_rotation())  # type: ignore[attr-defined]
    w, h = frame.size
    out = Page(no, w, h)
    tp = page.get_textpage()  # type: ignore[attr-defined]
    try:
        out.words = bladzijde._words(tp, frame, w, h)
    finally:
        tp.close()
    return out


def with_pdf(path: Path, use: Callable[[object, int], T], max_pages: int | None = None) -> list[T]:
    """Open `path` within the limits and call `use(page, number)` on each page (the first
    `max_pages` only, when given): the page objects are closed after each call."""
    p = str(path)
    n_max, mb, seconds = limits()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(p, None, _("cannot read: {reason}").format(reason=exc.strerror)) from None
    if size == 0:
        raise InputError(p, None, _("empty file"))
    if size > mb * 1024 * 1024:
        raise InputError(
            p,
            None,
            _("PDF of {size:.0f} MB is larger than the limit of {limit:.0f} MB").format(size=size / 1048576, limit=mb),
        )
    import pypdfium2 as pdfium

    try:
        with _within_time(seconds):
            try:
                doc = pdfium.PdfDocument(p)
            except Exception as exc:  # noqa: BLE001 - pdfium raises for every kind of broken file
                raise _open_error(p, exc) from None
            try:
                return _pages(doc, p, use, (n_max, seconds), max_pages)
            finally:
                doc.close()
    except TimeoutError:
        raise InputError(
            p, None, _("PDF took longer than {seconds:g} s to read; giving up").format(seconds=seconds)
        ) from None


def _pages(
    doc: object, p: str, use: Callable[[object, int], T], limit: tuple[int, float], first: int | None
) -> list[T]:
    n_max, seconds = limit
    n = len(doc)  # type: ignore[arg-type]
    if n == 0:
        raise InputError(p, None, _("PDF has no pages"))
    if n > n_max:
        raise InputError(p, None, _("PDF has {n} pages, more than the limit of {limit}").format(n=n, limit=n_max))
    deadline = time.monotonic() + seconds if seconds > 0 else None
    out: list[T] = []
    for i in range(n if first is None else min(n, first)):
        # the alarm can be lost inside a gc callback: a deadline checked between pages is the backstop
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError
        try:
            page = doc[i]  # type: ignore[index]
            try:
                out.append(use(page, i + 1))
            finally:
                page.close()
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - see above
            raise _open_error(p, exc, i + 1) from None
    return out


def read_pages(path: Path) -> list[Page]:
    pages = with_pdf(path, read_page)
    if not any(pg.words for pg in pages):
        raise InputError(
            str(path), None, _("PDF has no text layer (scanned or image-only?); extract text with OCR first")
        )
    return pages


def first_text(path: Path, pages: int) -> str:
    """The plain text of the first pages (for sniffing): one pdfium call per page."""

    def text(page: object, _no: int) -> str:
        tp = page.get_textpage()  # type: ignore[attr-defined]
        try:
            return str(tp.get_text_range())
        finally:
            tp.close()

    return "\n".join(with_pdf(path, text, max_pages=pages))
