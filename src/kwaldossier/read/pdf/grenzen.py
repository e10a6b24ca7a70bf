"""The PDF reader's limits, one object read from the environment at each read: size, pages,
time, and what the pre-scan (voorscan.py) holds the streams to before pdfium touches a page."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from ...errors import InputError
from ...taal import _

MB = 2**20


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        raise InputError(name, None, _("not a number: {value}").format(value=repr(raw))) from None
    if value < 0 or math.isnan(value):
        raise InputError(name, None, _("must be 0 or more: {value}").format(value=repr(raw)))
    return value


@dataclass(frozen=True)
class Grenzen:
    """Defaults hold a hostile PDF to about a second and a few hundred MB more than a real
    dossier PDF of the same size, and are far above what real dossiers need (README, PDF input)."""

    file_bytes: int = 200 * MB  # KWALDOSSIER_MAX_PDF_MB
    pages: int = 1000  # KWALDOSSIER_MAX_PAGES
    timeout: float = 300.0  # KWALDOSSIER_PDF_TIMEOUT, seconds (0: none)
    stream_bytes: int = 32 * MB  # KWALDOSSIER_PDF_MAX_STREAM_MB: one stream, decoded
    document_bytes: int = 128 * MB  # KWALDOSSIER_PDF_MAX_INFLATE_MB: all streams, decoded
    operators_per_page: int = 100_000  # KWALDOSSIER_PDF_MAX_OPERATORS: forms counted as often as drawn
    operators: int = 200_000  # KWALDOSSIER_PDF_MAX_DOC_OPERATORS: all pages, or for a bigger file ...
    operators_per_byte: float = 1.0  # KWALDOSSIER_PDF_OPERATORS_PER_BYTE: ... this many a byte of it

    def document_operators(self, size: int) -> int:
        """Operators allowed in a file of this many bytes (real dossiers draw well under one
        operator a byte: fonts and text compress less than drawing commands)."""
        return max(self.operators, int(self.operators_per_byte * size))

    @classmethod
    def from_env(cls) -> Grenzen:
        d = cls()
        return cls(
            file_bytes=int(_number("KWALDOSSIER_MAX_PDF_MB", d.file_bytes / MB) * MB),
            pages=int(_number("KWALDOSSIER_MAX_PAGES", d.pages)),
            timeout=_number("KWALDOSSIER_PDF_TIMEOUT", d.timeout),
            stream_bytes=int(_number("KWALDOSSIER_PDF_MAX_STREAM_MB", d.stream_bytes / MB) * MB),
            document_bytes=int(_number("KWALDOSSIER_PDF_MAX_INFLATE_MB", d.document_bytes / MB) * MB),
            operators_per_page=int(_number("KWALDOSSIER_PDF_MAX_OPERATORS", d.operators_per_page)),
            operators=int(_number("KWALDOSSIER_PDF_MAX_DOC_OPERATORS", d.operators)),
            operators_per_byte=_number("KWALDOSSIER_PDF_OPERATORS_PER_BYTE", d.operators_per_byte),
        )
