"""Rules tried on every line, whatever the zone: furniture, headings, boilerplate.

Each rule is `rule(state, no) -> next line | None`: it claims line `no` (and maybe more) and
returns the line after, or passes with None.
"""

from __future__ import annotations

from datetime import date

from ...errors import InputError
from ...model.codes import MAX_JAAR, klein_getal
from ...model.competenties import fold
from .. import vocab
from . import rules_kop
from .records import ProfielB
from .state import TAG_BOILERPLATE, TAG_MATRIX, TAG_OPMAAK, DetailStap, Disp, MatrixStap, Rule, State, Zone


def parse_date(text: str, path: str, no: int) -> date | None:
    """The footer's 'geldig vanaf' date. Wording that is no date gives None; a date that
    cannot exist (31 februari, day 0, year 0000) is an input error."""
    m = vocab.DATUM.match(text.strip())
    if not m or m.group(2).lower() not in vocab.MAANDEN:
        return None
    day, month, year = m.group(1), vocab.MAANDEN[m.group(2).lower()], m.group(3)
    y, d = klein_getal(year, MAX_JAAR), klein_getal(day)
    try:
        if y is None or d is None:
            raise ValueError(text)
        return date(y, month, d)
    except ValueError:
        from ...taal import _

        raise InputError(path, no, _("footer date does not exist: {date}").format(date=repr(m.group(0)))) from None


def _footer(st: State, no: int) -> bool:
    s = st.stripped[no - 1]
    if len(s) > vocab.MAX_FURNITURE or not s.startswith(vocab.FOOTER_START):
        return False
    m = vocab.FOOTER.match(s)
    if not m:
        return False
    datum = parse_date(m.group("datum"), st.path, no)
    st.titel = st.titel or m.group("titel").strip()
    st.geldig_vanaf = st.geldig_vanaf or datum
    return True


def rule_tagged(st: State, no: int) -> int | None:
    """Lines a layout-aware front end marked as furniture or boilerplate by position."""
    tag = st.kolom(no)
    if tag == TAG_OPMAAK:
        _footer(st, no)
        st.claim(no, Disp.OPMAAK)
        return no + 1
    if tag == TAG_BOILERPLATE:
        st.claim(no, Disp.LABEL)
        if st.zone is Zone.MATRIX:
            st.matrix_stap = MatrixStap.KLAAR
        return no + 1
    return None


def rule_blank(st: State, no: int) -> int | None:
    if st.stripped[no - 1]:
        return None
    wp = st.matrix_wp
    if st.zone is Zone.MATRIX and st.matrix_stap is MatrixStap.RIJ and wp is not None and wp.matrix is None:
        if st.raw(no):
            return None  # whitespace in the row's place: an empty row, the matrix rule claims it
        # the label is followed by the (empty) place of its row; a layout-aware front end
        # says itself whether a row is there
        wp.rij_plek = st.kolom(wp.matrix_regels[-1]) != TAG_MATRIX
    st.claim(no, Disp.LEEG)
    st.blank_before = True
    return no + 1


def rule_furniture(st: State, no: int) -> int | None:
    s = st.stripped[no - 1]
    if (len(s) <= vocab.MAX_FURNITURE and vocab.PAGINA.match(s)) or _footer(st, no):
        st.claim(no, Disp.OPMAAK)
        return no + 1
    return None


_NAME_LINES = 3  # a profile name in a heading wraps over at most this many lines


def rule_profile_heading(st: State, no: int) -> int | None:
    """'N.N <name>' followed by 'Algemene informatie' starts a profile; the name may wrap."""
    m = vocab.SECTIE.match(st.stripped[no - 1])
    if not m:
        return None
    parts, last = [m.group("naam").strip()], no
    nxt = st.next_nonblank(no)
    while nxt == last + 1 and len(parts) < _NAME_LINES and st.s(nxt) != vocab.ALGEMENE_INFORMATIE:
        parts.append(st.s(nxt))
        last, nxt = nxt, st.next_nonblank(nxt)
    if nxt is None or st.s(nxt) != vocab.ALGEMENE_INFORMATIE:
        return None
    st.profiel = st.profile_for(" ".join(parts), no)
    for j in range(no, last + 1):
        st.claim(j, Disp.LABEL)
    for blank in range(last + 1, nxt):
        st.claim(blank, Disp.LEEG)
    st.claim(nxt, Disp.LABEL)
    st.zone, st.veld = Zone.ALGEMEEN, None
    return nxt + 1


def known_profile(st: State, no: int, naam: str) -> tuple[ProfielB, int] | None:
    """The known profile named by `naam` (from line `no`), maybe wrapped onto the next lines:
    the profile and the name's last line."""
    key = fold(naam)
    p = st.profielen.get(key)
    if p is not None:
        return p, no
    j = no
    while j < st.n and j - no < _NAME_LINES - 1 and st.has_profile_prefix(key):
        nxt = st.folded(j + 1)
        if not nxt:
            return None
        key, j = f"{key} {nxt}", j + 1
        p = st.profielen.get(key)
        if p is not None:
            return p, j
    return None


def _heading(st: State, no: int, naam: str) -> int:
    """The profile a heading names (a known one, its name maybe wrapped; else a new one):
    made current, the heading's lines claimed. Returns the heading's last line."""
    known = known_profile(st, no, naam)
    if known is None:
        st.profiel, last = st.profile_for(naam, no), no
    else:
        st.profiel, last = known
    for j in range(no, last + 1):
        st.claim(j, Disp.LABEL)
    return last


def rule_section_heading(st: State, no: int) -> int | None:
    """'N.N <name of a known profile>': a later section of that profile."""
    if not st.profielen:
        return None
    m = vocab.SECTIE.match(st.stripped[no - 1])
    if not m:
        return None
    known = known_profile(st, no, m.group("naam"))
    if known is None:
        return None
    st.profiel, last = known
    for j in range(no, last + 1):
        st.claim(j, Disp.LABEL)
    if st.zone is Zone.ALGEMEEN:
        st.zone, st.veld = Zone.START, None  # a new section: algemene informatie has ended
    return last + 1


def rule_matrix_heading(st: State, no: int) -> int | None:
    m = vocab.MATRIX_KOP.match(st.stripped[no - 1])
    if not m:
        return None
    last = _heading(st, no, m.group("naam").strip())
    st.zone, st.matrix_stap, st.matrix_kt, st.matrix_wp = Zone.MATRIX, MatrixStap.KERNTAAK, None, None
    return last + 1


def rule_detail_heading(st: State, no: int) -> int | None:
    m = vocab.DETAIL_KOP.match(st.stripped[no - 1])
    if not m:
        return None
    last = _heading(st, no, m.group("naam").strip())
    st.zone, st.wp, st.stap = Zone.DETAIL, None, DetailStap.GEEN
    return last + 1


_FIRST_WORDS = tuple(sentence.split(" ", 1)[0] for sentence in vocab.BOILERPLATE)


def rule_boilerplate(st: State, no: int) -> int | None:
    s = st.stripped[no - 1]
    for sentence, first in zip(vocab.BOILERPLATE, _FIRST_WORDS, strict=True):
        if not s.startswith(first):
            continue
        found = st.joined(no, sentence, rest_allowed=False)
        if found is None:
            continue
        last = found[0]
        for j in range(no, last + 1):
            st.claim(j, Disp.LABEL)
        if st.zone is Zone.MATRIX:
            st.matrix_stap = MatrixStap.KLAAR
        return last + 1
    return None


RULES = (
    rule_tagged,
    rule_blank,
    rule_furniture,
    rule_profile_heading,
    rule_section_heading,
    rule_matrix_heading,
    rule_detail_heading,
    rules_kop.rule_kerntaak_header,
    rules_kop.rule_werkproces_header,
    rule_boilerplate,
)

BLANK = ""
# The first characters of the lines each rule can claim (None: any line; BLANK: blank lines
# only), so that the cursor tries only the rules that can apply, as markdown-it's rules test
# the first character before anything else.
FIRST: dict[object, str | None] = {
    rule_tagged: None,
    rule_blank: BLANK,
    rule_furniture: vocab.PAGINA_START[0] + vocab.FOOTER_START[0],
    rule_profile_heading: vocab.DIGITS,
    rule_section_heading: vocab.DIGITS,
    rule_matrix_heading: vocab.MATRIX_KOP_START[0],
    rule_detail_heading: vocab.DETAIL_KOP_START[0],
    rules_kop.rule_kerntaak_header: vocab.KERNTAAK_START[0],
    rules_kop.rule_werkproces_header: vocab.DIGITS,
    rule_boilerplate: "".join(sorted({s[0] for s in vocab.BOILERPLATE})),
}


def rules_for(first: str, tagged: bool = True) -> tuple[Rule, ...]:
    """The global rules that can claim a line starting with `first` ("" for a blank line);
    without `tagged` (no line has a front end's tag) rule_tagged, which claims only tagged
    lines, is left out."""
    rules = RULES if tagged else tuple(r for r in RULES if r is not rule_tagged)
    if first and not first.isascii():
        # the rules' patterns start with ASCII words or with \d (any decimal digit)
        return rules if first.isdecimal() else tuple(r for r in rules if FIRST[r] is None)
    return tuple(
        r
        for r in rules
        if FIRST[r] is None or (first == BLANK and FIRST[r] == BLANK) or (first and first in (FIRST[r] or ""))
    )
