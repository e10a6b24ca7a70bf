"""The PDF opened the way the 2012 reader opens it (read/pdf.open_pages: size, pre-scan of
streams and operators, pages, time), page by page: words only, as this format's layout needs
no ruling lines."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import InputError
from ...taal import _
from ..pdf import bladzijde, open_pages
from ..pdf.bladzijde import Page
from ..pdf.instellingen import DEFAULT

if TYPE_CHECKING:
    import pypdfium2 as pdfium


def read_page(page: pdfium.PdfPage, no: int) -> Page:
    """Words only (cheaper than the boxes the 2012 matrix needs)."""
    frame = bladzijde._Frame(page.get_cropbox(), page.get_rotation())
    w, h = frame.size
    out = Page(no, w, h)
    tp = page.get_textpage()
    try:
        out.words = bladzijde._visible(bladzijde._words(tp, frame, DEFAULT), w, h)
    finally:
        tp.close()
    return out


def read_pages(path: Path) -> list[Page]:
    pages = open_pages(path, read_page)
    if not any(pg.words for pg in pages):
        raise InputError(
            str(path), None, _("PDF has no text layer (scanned or image-only?); extract text with OCR first")
        )
    return pages


def first_text(path: Path, pages: int) -> str:
    """The plain text of the first pages (for sniffing): one pdfium call per page."""

    def text(page: pdfium.PdfPage, _no: int) -> str:
        tp = page.get_textpage()
        try:
            return str(tp.get_text_range())
        finally:
            tp.close()

    return "\n".join(open_pages(path, text, first=pages))
