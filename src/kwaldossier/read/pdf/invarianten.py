"""The PDF path's extra invariants, on top of the shared ones that every parse runs
(read/invariants.py: no werkprocessen, a code twice in the matrix, orphan rows, most lines
unplaced). A layout can be misread in ways a text extraction cannot, so here a matrix row
without its section, a section without one of its four parts, or a fifth of the lines
unplaced also fails (exit 2) instead of handing back a wrong model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import InputError

if TYPE_CHECKING:
    from ...model.m2012 import Dossier2012 as Dossier

# more unplaced lines than this share of the text lines: the layout was not understood (a
# dossier read right leaves none; a misread table leaves a third or more)
UNPLACED_SHARE = 0.2


def _codes(codes: list[str]) -> str:
    return ", ".join(codes[:5]) + (f" and {len(codes) - 5} more" if len(codes) > 5 else "")


def problems(dossier: Dossier) -> list[str]:
    out: list[str] = []
    for p in dossier.profielen:
        wps = list(p.werkprocessen())
        found: list[str] = []
        missing = [wp.code for wp in wps if wp.in_profiel and not wp.heeft_detail]
        if missing:
            found.append(f"matrix row {_codes(missing)} without its werkproces section")
        detail = [wp for wp in wps if wp.heeft_detail]
        for part, has in (
            ("omschrijving", lambda wp: wp.omschrijving),
            ("gewenst resultaat", lambda wp: wp.gewenst_resultaat),
            ("vakkennis en vaardigheden", lambda wp: wp.vakkennis_en_vaardigheden),
            ("competenties", lambda wp: wp.competenties),
        ):
            empty = [wp.code for wp in detail if not has(wp)]
            if empty:
                found.append(f"werkproces {_codes(empty)} without {part}")
        if found:
            out.append(f"profiel {p.naam!r}: " + "; ".join(found))
    rv = dossier.regelverantwoording
    text_lines = rv.totaal - rv.leeg
    if text_lines and rv.onverwerkt > UNPLACED_SHARE * text_lines:
        out.append(f"{rv.onverwerkt} of {text_lines} lines could not be placed")
    return out


def check(dossier: Dossier, path: str) -> None:
    found = problems(dossier)
    if found:
        raise InputError(path, None, "not read as a valid kwalificatiedossier: " + "; ".join(found))
