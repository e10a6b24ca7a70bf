"""The 2012 format's invariants, checked on every parse (text and PDF alike).

A parse that breaks them is not a dossier read wrongly with exit 0 but an input error naming
file and line: no profile with werkprocessen, a profile without werkprocessen, a werkproces
code twice in a profile's matrix, a row of cells without its werkproces, most lines unplaced.
A second detail section for one code is not here: it is a finding (validate), not a misread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from ..model.m2012 import Dossier2012

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
