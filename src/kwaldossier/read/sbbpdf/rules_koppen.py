"""Headings with a code ("B1-K1: <titel>", "B1-K1-W1: <titel>") and the profile headings of
the profieldeel. A heading repeated as a running header is furniture: the same code with the
same title again, or a code heading at the top of a page that the page itself repeats below."""

from __future__ import annotations

import re

from ...model.competenties import fold
from ...taal import _
from . import woorden
from .records import KerntaakR, ProfielR, WerkprocesR
from .rules_common import folded_name, is_heading_text, label_rest, title_lines
from .state import Disp, State, Zone


def _is_kop(st: State, no: int, m: re.Match[str]) -> bool:
    return st.kop_stijl(no) or (m.group("colon") is not None and st.alinea(no))


def _running_header(st: State, no: int, pattern: re.Pattern[str], code: str) -> bool:
    """The first body line of its page, and the page prints the same code heading again."""
    r = st.r(no)
    if st.vorige is not None and st.vorige.pagina == r.pagina:
        return False
    j = no + 1
    while j <= st.n and st.r(j).pagina == r.pagina:
        m = pattern.match(st.s(j))
        if m and m.group("code") == code:
            return True
        j += 1
    return False


def _repeat(st: State, no: int, code: str, titel: str, last: int) -> bool:
    """The code was read before: its title again (or the start of it) is furniture; another
    title is a second werkproces or kerntaak with that code, and the dossier is not read."""
    known = st.koppen.get(code)
    if known is None:
        return False
    key = fold(titel)
    if not key or known[0].startswith(key):
        st.claim_range(no, last, Disp.OPMAAK)
        return True
    first = st.r(known[1]).pagina
    raise st.fail(no, _("{code} twice, with different titles (first on page {page})").format(code=code, page=first))


def rule_kerntaak_kop(st: State, no: int) -> int | None:
    m = woorden.KERNTAAK_KOP.match(st.s(no))
    if not m or not _is_kop(st, no, m):
        return None
    code = m.group("code")
    if _running_header(st, no, woorden.KERNTAAK_KOP, code):
        st.claim(no, Disp.OPMAAK)
        return no + 1
    parts, last = title_lines(st, no, m.group("titel") or "")
    if _repeat(st, no, code, " ".join(parts), last):
        return last + 1
    r = st.r(no)
    kt = KerntaakR(code, parts, no, r.pagina)
    if st.profiel is None:
        if not code.startswith("B"):
            raise st.fail(
                no, _("kerntaak {code} in the basisdeel (before any profile of the profieldeel)").format(code=code)
            )
        st.dossier.kerntaken.append(kt)
    else:
        if not code.startswith("P"):
            raise st.fail(
                no, _("kerntaak {code} in the profieldeel of {name}").format(code=code, name=repr(st.profiel.naam))
            )
        st.profiel.kerntaken.append(kt)
    st.koppen[code] = (fold(" ".join(parts)), no)
    st.kt, st.wp, st.blok, st.veld = kt, None, None, None
    st.zone = Zone.KERNTAAK
    st.claim_range(no, last, Disp.MODEL)
    return last + 1


def rule_werkproces_kop(st: State, no: int) -> int | None:
    m = woorden.WERKPROCES_KOP.match(st.s(no))
    if not m or not _is_kop(st, no, m):
        return None
    code = m.group("code")
    if _running_header(st, no, woorden.WERKPROCES_KOP, code):
        st.claim(no, Disp.OPMAAK)
        return no + 1
    parts, last = title_lines(st, no, m.group("titel") or "")
    if _repeat(st, no, code, " ".join(parts), last):
        return last + 1
    if st.kt is None or not code.startswith(st.kt.code + "-W"):
        if st.kt:
            raise st.fail(no, _("werkproces {code} inside kerntaak {kerntaak}").format(code=code, kerntaak=st.kt.code))
        raise st.fail(no, _("werkproces {code} before any kerntaak heading").format(code=code))
    r = st.r(no)
    wp = WerkprocesR(code, parts, no, r.pagina)
    st.kt.werkprocessen.append(wp)
    st.koppen[code] = (fold(" ".join(parts)), no)
    st.wp, st.blok, st.veld = wp, None, None
    st.zone = Zone.WERKPROCES
    st.claim_range(no, last, Disp.MODEL)
    return last + 1


def rule_profiel_kop(st: State, no: int) -> int | None:
    """A profile's heading: its name (a code before it, its crebo after it allowed), set as a
    heading; a name on the cover, or a heading followed by the profile's first label."""
    text = st.s(no)
    if not st.kop_stijl(no) or is_heading_text(text) or text.startswith(woorden.AANVULLEND_START):
        return None
    parts, last = title_lines(st, no, text)
    raw = " ".join(parts)
    code = None
    if m := woorden.PROFIEL_CODE.match(raw):
        code, raw = m.group("code"), m.group("rest")
    crebo = None
    if m := woorden.PROFIEL_CREBO.match(raw):
        raw, crebo = m.group("naam"), m.group("crebo")
    naam = " ".join(raw.split())
    on_cover = any(folded_name(c.naam) == folded_name(naam) for c in st.dossier.cover)
    if not on_cover and not _label_follows(st, last):
        return None
    if st.profiel is not None and st.vorige is not None:
        st.profiel.laatste = st.vorige.no
    r = st.r(no)
    st.profiel = ProfielR(naam, no, r.pagina, code=code, crebo=crebo)
    st.dossier.profielen.append(st.profiel)
    st.kt = st.wp = st.blok = None
    st.veld = None
    st.zone = Zone.PROFIEL
    st.claim_range(no, last, Disp.MODEL)
    return last + 1


def _label_follows(st: State, last: int) -> bool:
    j = st.next_body(last)
    return j is not None and any(label_rest(st, j, label) is not None for label, _veld in woorden.PROFIEL_LABELS)
