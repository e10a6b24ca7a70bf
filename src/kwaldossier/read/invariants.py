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

What a validation rule already states is not written again here: `FATAL_IN_PDF` names, per
dossier model, the rules whose findings are fatal for a PDF parse (a code twice: KD106 / KD602;
a matrix row without its section: KD103; a section without a part: KD301–KD304), and
`check_layout` runs those rules of the registry on the parse. Only what no rule checks (no
competence crossed, an untitled werkproces, a 2012 kerntaak twice, the share of unplaced
lines) is checked here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..taal import N_, _

if TYPE_CHECKING:
    from ..model.m2012 import Dossier2012
    from ..model.vorm import DossierVorm, ProfielVorm, WerkprocesVorm
    from ..validate.registry import Violation


# more than this share of the non-blank lines unplaced: the reader did not understand the file
MAX_UNPLACED_SHARE = 0.5


def check(dossier: Dossier2012, path: str, orphan_rows: Sequence[int] = ()) -> None:
    """Raise InputError for the first broken invariant; return quietly otherwise.
    orphan_rows: lines the reader saw as rows of matrix cells but could not give a werkproces."""
    if not any(True for p in dossier.profielen for _ in p.werkprocessen()):
        raise InputError(path, None, _("not a kwalificatiedossier: no profiel with werkprocessen found"))
    r = dossier.regelverantwoording
    unplaced = dossier.onverwerkte_regels
    if unplaced and len(unplaced) > MAX_UNPLACED_SHARE * (r.totaal - r.leeg):
        raise InputError(
            path,
            unplaced[0].regel,
            _(
                "{unplaced} of {lines} non-blank lines could not be placed: "
                "not a 2012 dossier in a layout this reader knows"
            ).format(unplaced=len(unplaced), lines=r.totaal - r.leeg),
        )
    for p in dossier.profielen:
        wps = list(p.werkprocessen())
        if not wps:
            line = p.regels[0] if p.regels else None
            raise InputError(path, line, _("profiel {naam} has no werkprocessen").format(naam=repr(p.naam)))
        seen: dict[str, int] = {}
        for wp in wps:
            if not wp.bron.matrix:
                continue
            first = seen.setdefault(wp.code, wp.bron.matrix[0])
            if first != wp.bron.matrix[0]:
                raise InputError(
                    path,
                    wp.bron.matrix[0],
                    _("profiel {naam}: werkproces {code} twice in the matrix (first at line {first})").format(
                        naam=repr(p.naam), code=wp.code, first=first
                    ),
                )
    if orphan_rows:
        raise InputError(path, orphan_rows[0], _("a row of matrix cells without its werkproces"))


# ---------------------------------------------------------------- PDF input (a layout was read)

# more unplaced lines than this share of the text lines: the layout was not understood (a
# dossier read right leaves none; a misread table leaves a third or more)
LAYOUT_UNPLACED_SHARE = 0.2
_SHOWN = 5  # codes named in one message


def _codes(codes: list[str]) -> str:
    more = " " + _("and {n} more").format(n=len(codes) - _SHOWN) if len(codes) > _SHOWN else ""
    return ", ".join(codes[:_SHOWN]) + more


def _twice(codes: list[str]) -> list[str]:
    counts = Counter(codes)
    return [c for c in counts if counts[c] > 1]


# The rules whose findings make a PDF parse of that model not a dossier, in the order their
# reasons are given. The rule is the one statement of the fact; here it is fatal.
FATAL_IN_PDF: dict[str, tuple[str, ...]] = {
    "2012": ("KD106", "KD103", "KD301", "KD302", "KD303", "KD304"),
    "2015": ("KD602",),
}

# the reason a fatal finding gives ({codes}: the werkprocessen it names)
_REDEN: dict[str, str] = {
    "KD106": N_("werkproces {codes} twice"),
    "KD103": N_("matrix row {codes} without its werkproces section"),
    "KD301": N_("werkproces {codes} without omschrijving"),
    "KD302": N_("werkproces {codes} without gewenst resultaat"),
    "KD303": N_("werkproces {codes} without vakkennis en vaardigheden"),
    "KD304": N_("werkproces {codes} without competenties"),
}


def _profile_problems(dossier: DossierVorm, p: ProfielVorm) -> list[str]:
    return _code_problems(p) + _fatal_findings(dossier, p)


def _code_problems(p: ProfielVorm) -> list[str]:
    """What no rule checks: the matrix crosses something, every werkproces titled, and (2012)
    kerntaak codes once each."""
    wps: list[WerkprocesVorm] = list(p.werkprocessen())
    found: list[str] = []
    # letters: 2012 the matrix row, 2015 the werkproces's competences
    if wps and not any(wp.letters for wp in wps):
        found.append(_("not one competence crossed in its matrix"))
    if p.model == "2012" and (twice := _twice([kt.code for kt in p.kerntaken])):
        found.append(_("kerntaak {codes} twice").format(codes=_codes(twice)))  # (2015: KD602)
    if untitled := [wp.code for wp in wps if not wp.titel.strip()]:
        found.append(_("werkproces {codes} without a title").format(codes=_codes(untitled)))
    return found


def _fatal_findings(dossier: DossierVorm, p: ProfielVorm) -> list[str]:
    """The reasons the fatal rules of the dossier's model give on profile `p`, one per kind."""
    from ..validate import RULES
    from ..validate.registry import Context
    from .geladen import GeladenProfiel

    cache: dict[str, Any] = {}
    reasons: dict[str, list[str]] = {}  # reason template -> the codes it names, in order
    for code in FATAL_IN_PDF[dossier.model]:
        r = RULES[code]
        for v in r.check(Context(GeladenProfiel(p, dossier, None), r, cache)):
            reasons.setdefault(_reden(code, v), []).append(v.werkproces or "")
    return [t.format(codes=_codes(list(dict.fromkeys(codes)))) for t, codes in reasons.items()]


def _reden(code: str, v: Violation) -> str:
    from ..validate.rules.kd6_sbb2015 import DubbeleCode

    if isinstance(v, DubbeleCode):  # the template keeps {codes} for _fatal_findings
        return _("{soort} {codes} twice").replace("{soort}", v.soort)
    return _(_REDEN[code])


def too_many_unplaced(unplaced: int, text_lines: int) -> bool:
    """The one bound on unplaced lines of a PDF parse (both readers)."""
    return text_lines > 0 and unplaced > LAYOUT_UNPLACED_SHARE * text_lines


def layout_problems(dossier: DossierVorm) -> list[str]:
    """What makes a PDF parse not a dossier, one reason per profile (and one for the lines)."""
    out = [
        _("profiel {naam}: {problems}").format(naam=repr(p.naam), problems="; ".join(found))
        for p in dossier.profielen
        if (found := _profile_problems(dossier, p))
    ]
    rv = dossier.regelverantwoording
    text_lines = rv.totaal - rv.leeg
    if too_many_unplaced(rv.onverwerkt, text_lines):
        out.append(
            _("{unplaced} of {lines} lines could not be placed").format(unplaced=rv.onverwerkt, lines=text_lines)
        )
    return out


def check_layout(dossier: DossierVorm, path: str) -> None:
    """For a dossier read from a PDF: InputError naming every broken invariant."""
    found = layout_problems(dossier)
    if found:
        raise InputError(
            path, None, _("not read as a valid kwalificatiedossier: {problems}").format(problems="; ".join(found))
        )
