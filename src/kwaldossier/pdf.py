"""PDF front end (pdfplumber). Imported only when a PDF is given."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .model import Dossier


def parse_pdf(path: Path) -> Dossier:
    raise InputError(str(path), None, "PDF input is not supported yet; extract the text first")
