"""The format's invariants: one home for what a parse must satisfy to be returned at all.

`check` runs on every parse of the 2012 text (text and PDF alike). A parse that breaks them is
not a dossier read wrongly with exit 0 but an input error naming file and line: no profile with
werkprocessen, a profile without werkprocessen, a werkproces code twice in a profile's matrix,
a row of cells without its werkproces, most lines unplaced. A second detail section for one
code is not here for text: it is a finding (validate), not a misread.

`check_layout` runs on top of it for every PDF parse (either model): a layout can be misread
in ways a text extraction cannot, so there a profile whose werkprocessen cross no competence,
a werkproces without a title, a code twice, a matrix row without its section, a section
without one of its parts, or a fifth of the text lines unplaced also fails (exit 2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from ..model.m2012 import Dossier2012
    from ..model.vorm import DossierVorm, ProfielVorm, Werkproces2012Vorm, WerkprocesVorm

# more than this share of the non-blank lines unplaced: the reader did not understand the file
MAX_UNPLACED_SHARE = 0.5


def check(dossier: Dossier2012, path: str, orphan_rows: Sequence[int] = ()) -> None:
    """Raise InputError for the first broken invariant; return quietly otherwise.
    orphan_rows: lines the reader saw as rows of matrix cells but could not give a werkproces."""
    if not any(True for p in dossier.profielen for _ in p.werkprocessen()):
        raise InputError(path, None, "not a kwalificatiedossier: no profiel with werkprocessen found")
    r = dossier.regelverantwoording
    unplaced = dossier.onverwerkte_regels
    if unplaced and len(unplaced) > MAX_UNPLACED_SHARE * (r.totaal - r.leeg):
        raise InputError(
            path,
            unplaced[0].regel,
            f"{len(unplaced)} of {r.totaal - r.leeg} non-blank lines could not be placed: "
            "not a 2012 dossier in a layout this reader knows",
        )
    for p in dossier.profielen:
        wps = list(p.werkprocessen())
        if not wps:
            line = p.regels[0] if p.regels else None
            raise InputError(path, line, f"profiel {p.naam!r} has no werkprocessen")
        seen: dict[str, int] = {}
        for wp in wps:
            if not wp.bron.matrix:
                continue
            first = seen.setdefault(wp.code, wp.bron.matrix[0])
            if first != wp.bron.matrix[0]:
                raise InputError(
                    path,
                    wp.bron.matrix[0],
                    f"profiel {p.naam!r}: werkproces {wp.code} twice in the matrix (first at line {first})",
                )
    if orphan_rows:
        raise InputError(path, orphan_rows[0], "a row of matrix cells without its werkproces")


# ---------------------------------------------------------------- PDF input (a layout was read)

# more unplaced lines than this share of the text lines: the layout was not understood (a
# dossier read right leaves none; a misread table leaves a third or more)
LAYOUT_UNPLACED_SHARE = 0.2
_SHOWN = 5  # codes named in one message


def _codes(codes: list[str]) -> str:
    return ", ".join(codes[:_SHOWN]) + (f" and {len(codes) - _SHOWN} more" if len(codes) > _SHOWN else "")


def _twice(codes: list[str]) -> list[str]:
    counts = Counter(codes)
    return [c for c in counts if counts[c] > 1]


def _profile_problems(p: ProfielVorm) -> list[str]:
    wps: list[WerkprocesVorm] = list(p.werkprocessen())
    detail = [wp for wp in wps if wp.model == "2012"]
    return _code_problems(p, wps) + _section_problems(detail)


def _code_problems(p: ProfielVorm, wps: list[WerkprocesVorm]) -> list[str]:
    """The matrix crosses something; codes once each; every werkproces titled."""
    found: list[str] = []
    # letters: 2012 the matrix row, 2015 the werkproces's competences
    if wps and not any(wp.letters for wp in wps):
        found.append("not one competence crossed in its matrix")
    if twice := _twice([kt.code for kt in p.kerntaken]):
        found.append(f"kerntaak {_codes(twice)} twice")
    if twice := _twice([wp.code for wp in wps]):
        found.append(f"werkproces {_codes(twice)} twice")
    if untitled := [wp.code for wp in wps if not wp.titel.strip()]:
        found.append(f"werkproces {_codes(untitled)} without a title")
    return found


def _section_problems(wps: list[Werkproces2012Vorm]) -> list[str]:
    """2012: a crossed matrix row has its section, and a section all four parts."""
    found: list[str] = []
    if missing := [wp.code for wp in wps if wp.in_profiel and not wp.heeft_detail]:
        found.append(f"matrix row {_codes(missing)} without its werkproces section")
    detail = [wp for wp in wps if wp.heeft_detail]
    for part, has in _PARTS:
        if empty := [wp.code for wp in detail if not has(wp)]:
            found.append(f"werkproces {_codes(empty)} without {part}")
    return found


_PARTS: tuple[tuple[str, Callable[[Werkproces2012Vorm], object]], ...] = (
    ("omschrijving", lambda wp: wp.omschrijving),
    ("gewenst resultaat", lambda wp: wp.gewenst_resultaat),
    ("vakkennis en vaardigheden", lambda wp: wp.vakkennis_en_vaardigheden),
    ("competenties", lambda wp: wp.competenties),
)


def too_many_unplaced(unplaced: int, text_lines: int) -> bool:
    """The one bound on unplaced lines of a PDF parse (both readers)."""
    return text_lines > 0 and unplaced > LAYOUT_UNPLACED_SHARE * text_lines


def layout_problems(dossier: DossierVorm) -> list[str]:
    """What makes a PDF parse not a dossier, one reason per profile (and one for the lines)."""
    out = [f"profiel {p.naam!r}: " + "; ".join(found) for p in dossier.profielen if (found := _profile_problems(p))]
    rv = dossier.regelverantwoording
    text_lines = rv.totaal - rv.leeg
    if too_many_unplaced(rv.onverwerkt, text_lines):
        out.append(f"{rv.onverwerkt} of {text_lines} lines could not be placed")
    return out


def check_layout(dossier: DossierVorm, path: str) -> None:
    """For a dossier read from a PDF: InputError naming every broken invariant."""
    found = layout_problems(dossier)
    if found:
        raise InputError(path, None, "not read as a valid kwalificatiedossier: " + "; ".join(found))
