"""The 2012 text parser: lines of an extracted dossier -> Dossier model.

A set of small block rules over a line cursor (parser.py): global rules (furniture,
headings, boilerplate) and per-zone rules (algemene informatie, matrix, detail) recognise
lines into records (records.py); build.py turns the records into the model. The wording of
the format lives in ..vocab. A result that breaks the format's invariants is an input error
(..invariants).
"""

from __future__ import annotations

from pathlib import Path

from ...model.m2012 import Dossier2012
from ..grenzen import zonder_gc
from ..invariants import check
from ..tekst import read_lines
from ..vocab import ALGEMEEN_LABELS
from .parser import Parser

__all__ = ["ALGEMEEN_LABELS", "Parser", "parse_file", "parse_lines"]


def parse_lines(
    lines: list[str],
    path: str = "<input>",
    kolommen: list[str | None] | None = None,
    paginas: list[int] | None = None,
    kruisen: list[tuple[str, ...] | None] | None = None,
) -> Dossier2012:
    """Parse lines (optionally tagged per line by a layout-aware front end) into a Dossier;
    raises InputError when the result is not a dossier or breaks the format's invariants.
    kruisen: per line, the letters a layout-aware front end found crossed in a matrix row
    (() for a drawn row without crosses; None elsewhere)."""
    with zonder_gc():
        parser = Parser(lines, path, kolommen, paginas, kruisen)
        del lines  # (the parser's own reference goes before it builds the model)
        dossier = parser.run()
    check(dossier, path, orphan_rows=parser.state.orphan_rows)
    return dossier


def parse_file(path: Path) -> Dossier2012:
    return parse_lines(read_lines(path), str(path))
