"""Zone rules for the proces-competentie-matrix: kerntaak, letter header, werkproces rows.

A row of cells is "x " for a cross and " " for an empty cell, in the order A–Y. It stands on
its own line below the werkproces label or at the end of the label's line. An empty row is
found by structure: whitespace in the row's place, or a gap after the label before the next
label or the end of the matrix (the builder turns that gap into an empty row).
"""

from __future__ import annotations

from ...model.competenties import LETTERS
from .. import vocab
from .records import WerkprocesB
from .state import TAG_KERNTAAK, TAG_MATRIX, Disp, MatrixStap, State

# enum members as module constants (member access is a descriptor call on Python 3.11)
_KERNTAAK = MatrixStap.KERNTAAK
_KT_TITEL = MatrixStap.KT_TITEL
_LETTERS = MatrixStap.LETTERS
_RIJ = MatrixStap.RIJ
_MODEL = Disp.MODEL
_LABEL = Disp.LABEL


def decode_row(row: str) -> list[str] | None:
    """The crossed letters of a row of cells; None when it is no row (or too many cells)."""
    letters: list[str] = []
    pos = 0
    for letter in LETTERS:
        if pos < len(row) and row[pos] == "x":
            letters.append(letter)
            pos += 2
        else:
            if pos < len(row) and row[pos] != " ":
                return None
            pos += 1
    if row[pos:].strip():
        return None  # more crosses than columns
    return letters


def rule_kerntaak(st: State, no: int) -> int | None:
    """'Kerntaak N' above the matrix, or (tagged by a front end) a row inside a matrix that holds
    several kerntaken, where it starts the next kerntaak's rows."""
    inside = st.matrix_stap is _RIJ and st.kolom(no) == TAG_KERNTAAK
    if (st.matrix_stap is not _KERNTAAK and not inside) or st.profiel is None:
        return None
    m = vocab.KERNTAAK_MATRIX.match(st.stripped[no - 1])
    if not m:
        return None
    st.matrix_kt = st.profiel.kerntaak(m.group("code"))
    st.matrix_kt.regels.append(no)
    st.claim(no, _MODEL)
    st.matrix_stap, st.matrix_wp = _KT_TITEL, None
    return no + 1


def rule_kerntaak_titel(st: State, no: int) -> int | None:
    if st.matrix_stap is not _KT_TITEL or st.matrix_kt is None:
        return None
    if st.kolom(no) == TAG_MATRIX:  # a kerntaak row's title ends where its werkproces rows begin
        st.matrix_stap = _RIJ
        return None
    s = st.stripped[no - 1]
    if s == vocab.MATRIX_COMPETENTIES:
        st.claim(no, _LABEL)
        st.matrix_stap = _LETTERS
        return no + 1
    st.matrix_kt.matrix_titel.append(s)
    st.claim(no, _MODEL)
    return no + 1


def rule_letters(st: State, no: int) -> int | None:
    if st.matrix_stap is not _LETTERS:
        return None
    s = st.stripped[no - 1]
    if s == vocab.MATRIX_WERKPROCESSEN:
        st.claim(no, _LABEL)
        st.matrix_stap, st.matrix_wp = _RIJ, None
        return no + 1
    if len(s) < 4 * len(LETTERS) and tuple(s.split()) == LETTERS:
        st.claim(no, _LABEL)
        return no + 1
    return None


def rule_row(st: State, no: int) -> int | None:
    """A line of cells for the werkproces whose label came last."""
    wp = st.matrix_wp
    if st.matrix_stap is not _RIJ:
        return None
    raw = st.raw(no)
    if st.stripped[no - 1]:
        if "x" not in raw or not vocab.ROW_ONLY.match(raw):
            return None
        letters = decode_row(raw)
        if wp is None or wp.matrix is not None or letters is None:
            st.orphan_rows.append(no)  # crosses that belong to no werkproces: the invariants reject them
            return None
    elif wp is None or wp.matrix is not None:
        return None
    else:
        letters = []  # whitespace in the row's place (rule_blank passed it on)
    wp.matrix = letters
    wp.matrix_regels.append(no)
    st.claim(no, _MODEL)
    return no + 1


def rule_label(st: State, no: int) -> int | None:
    """'N.N <title>' of the matrix's kerntaak, maybe with its row at the end of the line."""
    kt = st.matrix_kt
    if st.matrix_stap is not _RIJ or st.profiel is None or kt is None:
        return None
    m = vocab.WP_RIJ.match(st.stripped[no - 1])
    if m is None and st.kolom(no) == TAG_MATRIX:
        m = vocab.WP_CODE.match(st.stripped[no - 1])  # a row the front end found, its label a bare code
    if not m or m.group("code").split(".")[0] != kt.code:
        return None
    code = m.group("code")
    wp = st.profiel.werkproces(code)
    if wp.in_matrix:
        # the code again in the matrix: kept apart (the invariants reject it)
        wp = WerkprocesB(code)
        kt.werkprocessen[f"{code}#{no}"] = wp
    wp.in_matrix = True
    wp.matrix_regels.append(no)
    st.matrix_wp = wp
    rest = st.raw(no).split(code, 1)[1].removeprefix(" ")
    kruis = st.kruis(no)
    if kruis is not None:  # the front end found the row and its crosses
        wp.titel_lines.append(rest.strip())
        wp.matrix = list(kruis)
        st.claim(no, _MODEL)
        return no + 1
    inline = vocab.split_inline_row(rest)
    if inline:
        titel, rij = inline
        # crosses make a row; spaces alone only when the layout says the row is there
        if "x" in rij or (rij and st.kolom(no) == TAG_MATRIX):
            letters = decode_row(rij)
            if letters is not None:
                wp.titel_lines.append(titel.strip())
                wp.matrix = letters
                st.claim(no, _MODEL)
                return no + 1
    wp.titel_lines.append(rest.strip())
    st.claim(no, _MODEL)
    return no + 1


def rule_wrapped_label(st: State, no: int) -> int | None:
    wp = st.matrix_wp
    if st.matrix_stap is not _RIJ or wp is None or wp.matrix is not None or st.blank_before:
        return None
    wp.titel_lines.append(st.stripped[no - 1])
    wp.matrix_regels.append(no)
    st.claim(no, _MODEL)
    return no + 1


RULES = (rule_kerntaak, rule_kerntaak_titel, rule_letters, rule_row, rule_label, rule_wrapped_label)
