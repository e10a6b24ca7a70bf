"""SBB's PDF of a 2015-model kwalificatiedossier (basisdeel, profieldeel, codes B1-K1-W1) to
the same Dossier as the SBB XML reader gives for that dossier.

PDF -> lines (pypdfium2 through read/pdf's page reader; size, bold, line ends) -> page
furniture by geometry (regels.py) -> block rules over a line cursor (parser.py and rules_*.py:
each rule claims lines or passes; every line gets a disposition or is reported unplaced) ->
records -> the model (build.py) -> invariants (invarianten.py). The wording of the format is
in woorden.py. Imported only for PDF input.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import woorden

if TYPE_CHECKING:
    from ...model.m2015 import Dossier2015

__all__ = ["SNIFF_PAGES", "is_sbb_pdf", "parse_sbb_pdf"]

SNIFF_PAGES = 12  # the wording of the 2015 model shows within the first pages


def parse_sbb_pdf(path: Path) -> Dossier2015:
    from ..invariants import check_layout
    from .bron import read_pages
    from .build import build
    from .invarianten import check
    from .parser import run
    from .regels import read_lines

    lines = read_lines(read_pages(path))
    st = run(lines, str(path))
    dossier = build(st)
    check(st, lines)  # what only this format's layout shows (numbering, contents, pages)
    check_layout(dossier, str(path))  # what every PDF parse must satisfy (both models)
    return dossier


def is_2015_text(text: str) -> bool:
    """The wording of the 2015 model: a code like B1-K1(-W1) and the basisdeel or profieldeel."""
    return bool(woorden.CODE_2015.search(text)) and (woorden.BASISDEEL in text or woorden.PROFIELDEEL in text)


def is_sbb_pdf(path: Path) -> bool:
    """Cheap: the text of the first pages only, no layout. A file that cannot be opened is
    not decided here (False): the reader it goes to reports it."""
    from ...errors import InputError
    from .bron import first_text

    try:
        return is_2015_text(first_text(path, SNIFF_PAGES))
    except InputError:
        return False
