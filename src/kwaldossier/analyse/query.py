"""The look-ups, one module each: list (lijst.py), show (tonen.py), search (zoeken.py), matrix
and competentie (matrixen.py); each returns a typed result (results.py), a JSON-ready dict."""

from __future__ import annotations

from .lijst import tree
from .matrixen import competentie, matrix, resolve_letter
from .tonen import find_kerntaak, find_werkproces
from .zoeken import FIELDS, field_texts, match_spans, search

__all__ = [
    "FIELDS",
    "competentie",
    "field_texts",
    "find_kerntaak",
    "find_werkproces",
    "match_spans",
    "matrix",
    "resolve_letter",
    "search",
    "tree",
]
