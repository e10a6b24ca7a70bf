"""Global rules for the running headers of the detail pages: 'Kerntaak N <title>' and
'N.N werkproces: <title>', on their first page and repeated on the next ones.

A title may wrap onto the next lines. It is completed only to a title the dossier already gave
(the matrix's label, or the same header on an earlier page): joined hyphen-aware, compared
folded, and claimed only when the joined lines give exactly that title.
"""

from __future__ import annotations

from ...model.competenties import fold
from .. import vocab
from .records import WerkprocesB
from .state import DetailStap, Disp, State, Zone

_TITLE_LINES = 3  # a header's title wraps over at most this many lines


def complete_title(st: State, no: int, titel: str, known: str) -> tuple[str, int]:
    """The title begun on line `no`, completed from the next lines to `known` if they do;
    (title, its last line)."""
    target = fold(known)
    if not target or fold(titel) == target:
        return titel, no
    cur, j = titel, no
    while j < st.n and j - no < _TITLE_LINES - 1:
        nxt = st.s(j + 1)
        if not nxt:
            break
        cur, j = st.h.join(cur, nxt), j + 1
        key = fold(cur)
        if key == target:
            return cur, j
        if not target.startswith(key):
            break
    return titel, no


def rule_kerntaak_header(st: State, no: int) -> int | None:
    m = vocab.KERNTAAK_KOP.match(st.stripped[no - 1])
    if not m or st.profiel is None:
        return None
    kt = st.profiel.kerntaak(m.group("code"))
    known = kt.titel or (st.h.join_all(kt.matrix_titel) if kt.matrix_titel else "")
    titel, last = complete_title(st, no, m.group("titel").strip(), known)
    if kt.titel:
        for j in range(no, last + 1):
            st.claim(j, Disp.OPMAAK)  # the running header repeated on every page
    else:
        kt.titel = titel
        for j in range(no, last + 1):
            kt.regels.append(j)
            st.claim(j, Disp.MODEL)
    return last + 1


def rule_werkproces_header(st: State, no: int) -> int | None:
    m = vocab.WP_KOP.match(st.stripped[no - 1])
    if not m or st.profiel is None:
        return None
    code, titel = m.group("code"), m.group("titel").strip()
    st.zone = Zone.DETAIL
    if st.wp is not None and st.wp.code == code:
        # a page break: the same werkproces continues
        _, last = complete_title(st, no, titel, st.wp.detail_titel or "")
        for j in range(no, last + 1):
            st.wp.kop_regels.append(j)
            st.claim(j, Disp.OPMAAK)
        if st.stap in (DetailStap.VAKKENNIS, DetailStap.COMPETENTIES, DetailStap.CONT):
            st.stap, st.cont_item = DetailStap.CONT, None
        return last + 1
    kerntaak = st.profiel.kerntaken.get(code.split(".")[0])
    seen = kerntaak.werkprocessen.get(code) if kerntaak else None
    if seen is not None and seen.detail_titel is None and seen.titel_lines:
        titel, last = complete_title(st, no, titel, st.h.join_all(seen.titel_lines))
    else:
        last = no
    wp = st.profiel.werkproces(code)
    if wp.detail_titel is not None:
        # a second detail section for the same code: keep it apart, validation reports it
        wp = WerkprocesB(code)
        st.profiel.kerntaak(code.split(".")[0]).werkprocessen[f"{code}#{no}"] = wp
    wp.detail_titel = titel
    for j in range(no, last + 1):
        wp.kop_regels.append(j)
        st.claim(j, Disp.MODEL)
    st.wp, st.stap = wp, DetailStap.KOP
    return last + 1
