"""What must hold for a 2015-model PDF read, or the dossier is refused (exit 2, the reason
named) instead of returned wrong with exit 0: kerntaken and werkprocessen numbered 1, 2, ...
without gaps, every code the table of contents lists present, printed page numbers without
jumps, most lines placed (the bound shared with the 2012 reader, read/invariants.py). The
builder checks the rest of this format: profiles, titles, the four parts of a werkproces, known
competences and profiles; read/invariants.check_layout then runs as on every PDF parse."""

from __future__ import annotations

import itertools
import re

from ...errors import InputError
from ...model.codes import klein_getal
from ...taal import _
from ..invariants import too_many_unplaced
from .regels import Regels
from .state import State

_LAST_NUMBER = re.compile(r"(\d+)$")
_PAAR = 2  # numbered pages needed to check the offset between place and number


def check(st: State, lines: Regels) -> None:
    _unplaced(st, lines)
    _numbering(st)
    _toc(st)
    _page_numbers(st, lines)


def _unplaced(st: State, lines: Regels) -> None:
    body = st.n - len(lines.opmaak)
    unplaced = [r for r in st.regels if st.disp[r.no] is None]
    if unplaced and too_many_unplaced(len(unplaced), body):
        raise st.fail(
            unplaced[0].no,
            _("{n} of {body} lines could not be placed: not a 2015-model dossier in a layout this reader knows").format(
                n=len(unplaced), body=body
            ),
        )


def _gap(st: State, codes: list[tuple[str, int]], what: str) -> None:
    """Codes of one container must count 1, 2, 3, ... in order."""
    for k, (code, no) in enumerate(codes, start=1):
        m = _LAST_NUMBER.search(code)
        if m is None or klein_getal(m.group(1)) != k:
            expected = _LAST_NUMBER.sub(str(k), code)
            raise st.fail(
                no,
                _("{what} {code} where {expected} was expected: a page missing or the numbering broken").format(
                    what=what, code=code, expected=expected
                ),
            )


def _numbering(st: State) -> None:
    d = st.dossier
    if not d.kerntaken:
        raise st.fail(1, _("no kerntaak of the basisdeel (B1-K1: ...) found"))
    _gap(st, [(kt.code, kt.regel) for kt in d.kerntaken], "kerntaak")
    for kt in d.kerntaken + [kt for p in d.profielen for kt in p.kerntaken]:
        _gap(st, [(w.code, w.regel) for w in kt.werkprocessen], "werkproces")
    for p in d.profielen:
        _gap(st, [(kt.code, kt.regel) for kt in p.kerntaken], "kerntaak")
    coded = [(kt.code.split("-")[0], p.regel) for p in d.profielen for kt in p.kerntaken[:1]]
    if len(coded) == len(d.profielen):
        _gap(st, coded, _("profile"))


def _toc(st: State) -> None:
    if not st.dossier.toc_codes:
        return
    missing = [(code, no) for code, no in st.dossier.toc_codes.items() if code not in st.koppen]
    if missing:
        code, no = missing[0]
        raise st.fail(
            no,
            _("the table of contents lists {code}, the dossier has no such heading: a page missing?").format(code=code),
        )


def _page_numbers(st: State, lines: Regels) -> None:
    """A printed number N (of M) on a page: every numbered page has the same offset between
    its place in the file and its number, and the file holds as many pages as the count says."""
    numbered = [(p.no, p.nummer) for p in sorted(lines.paginas.values(), key=lambda p: p.no) if p.nummer]
    if len(numbered) < _PAAR:  # a pair of numbered pages to compare
        return
    offset = numbered[0][0] - numbered[0][1][0]
    if offset < 0:
        first, (n, _total) = numbered[0]
        raise _page_fail(
            st, first, _("printed page number {n} on page {page}: a page before it missing?").format(n=n, page=first)
        )
    for (p0, (n0, _m0)), (p1, (n1, _m1)) in itertools.pairwise(numbered):
        if p1 - n1 != offset:
            raise _page_fail(
                st,
                p1,
                _("printed page numbers jump from {n0} (page {page}) to {n1}: a page missing?").format(
                    n0=n0, page=p0, n1=n1
                ),
            )
    totals = {m for _page, (_n, m) in numbered if m is not None}
    if len(totals) > 1:
        counts = _(" and ").join(str(t) for t in sorted(totals))
        raise _page_fail(st, numbered[-1][0], _("page counts differ: {counts}").format(counts=counts))
    if totals:
        total = totals.pop()
        if total + offset > len(lines.paginas):
            raise _page_fail(
                st,
                numbered[-1][0],
                _("the pages say 'van {total}' but the file has {n} of them: a page missing?").format(
                    total=total, n=len(lines.paginas) - offset
                ),
            )


def _page_fail(st: State, page: int, message: str) -> InputError:
    return InputError(st.path, None, _("page {page}: {message}").format(page=page, message=message))
