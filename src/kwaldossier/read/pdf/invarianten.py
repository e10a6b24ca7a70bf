"""The format's invariants: a parse that breaks one is not a dossier we can trust, so it fails
(exit 2) instead of handing back a wrong model. (A shared check for text and PDF alike is being
added to the parser; until it lands this one guards the PDF path.)"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ...errors import InputError

if TYPE_CHECKING:
    from ...model.dossier import Dossier

UNPLACED_SHARE = 0.5  # more unplaced lines than this share of the non-blank ones: not read


def problems(dossier: Dossier) -> list[str]:
    out: list[str] = []
    for p in dossier.profielen:
        wps = list(p.werkprocessen())
        if not wps:
            out.append(f"profiel {p.naam!r} has no werkprocessen")
            continue
        twice = sorted(code for code, n in Counter(wp.code for wp in wps).items() if n > 1)
        if twice:
            out.append(f"profiel {p.naam!r} has werkproces {', '.join(twice)} more than once")
        missing = [wp.code for wp in wps if wp.in_profiel and not wp.heeft_detail]
        if missing:
            out.append(f"profiel {p.naam!r}: matrix row {', '.join(missing)} has no werkproces section")
    rv = dossier.regelverantwoording
    text_lines = rv.totaal - rv.leeg
    if text_lines and rv.onverwerkt > UNPLACED_SHARE * text_lines:
        out.append(f"{rv.onverwerkt} of {text_lines} lines could not be placed")
    return out


def check(dossier: Dossier, path: str) -> None:
    found = problems(dossier)
    if found:
        raise InputError(path, None, "not read as a valid kwalificatiedossier: " + "; ".join(found))
