"""Competence blocks in the detail table: a name, its component bullets, a prestatie-indicator."""

from __future__ import annotations

from functools import lru_cache

from ...model.competenties import closest_folded
from ...model.gedeeld import Herstelling
from .. import vocab
from .evidence import known_component, naam
from .records import CompetentieB, ItemB
from .state import DetailStap, Disp, State

# enum members as module constants (member access is a descriptor call on Python 3.11)
_COMPETENTIES = DetailStap.COMPETENTIES
_MODEL = Disp.MODEL


@lru_cache(maxsize=4096)
def closest_letter(key: str) -> str | None:
    """Letter of the national name closest to a folded text (a misspelling), or None. Cached:
    the same lines recur (profiles of one dossier share werkprocessen), and each costs 25
    comparisons."""
    close = closest_folded(key)
    return close[0] if close else None


def naam_exact_of_bijna(
    st: State, no: int, structural: bool, unknown: bool = False
) -> tuple[str | None, str, list[int]] | None:
    """A competence name at `no` (one line or wrapped over two), or None.

    Exact names always count. After a blank line, a line (or two) directly followed by a
    bullet also counts when it is close to a known name (a misspelling), or, with `unknown`,
    whatever it says: in the competence column nothing else has that shape.
    """
    s = st.stripped[no - 1]
    if not s or s.startswith(vocab.BULLET):
        return None
    exact = naam(st, no)
    if exact:
        letter, regels = exact
        return letter, " ".join(st.s(r) for r in regels), regels
    if not structural:
        return None
    nxt = st.s(no + 1)
    candidates: list[list[int]] = []
    if nxt.startswith(vocab.BULLET):
        candidates.append([no])
    elif nxt and st.s(no + 2).startswith(vocab.BULLET):
        candidates.append([no, no + 1])
    for regels in candidates:
        key = " ".join(k for k in (st.folded(r) for r in regels) if k)
        close = closest_letter(key)
        if close or unknown:
            return close, " ".join(st.s(r) for r in regels), regels
    return None


def start(st: State, letter: str | None, naam: str, regels: list[int]) -> int:
    assert st.wp is not None
    # a misspelled name keeps its closest letter; validation flags the spelling
    st.wp.competenties.append(CompetentieB(letter=letter, naam=naam, regels=list(regels)))
    for r in regels:
        st.claim(r, _MODEL)
    return regels[-1] + 1


def drop_leaked_label(st: State, comp: CompetentieB, no: int, s: str) -> str:
    """A 'Prestatie-indicator' label leaked before the indicator text: drop it, record it."""
    m = vocab.LEAKED_LABEL.match(s)
    if m and not comp.indicator:
        st.herstellingen.append(Herstelling(regel=no, soort="label-verwijderd", tekst=s[: m.end()].strip()))
        return s[m.end() :]
    return s


def rule_competenties(st: State, no: int) -> int | None:
    """A line in the competence column: a name, a component bullet, or indicator text."""
    if st.stap is not _COMPETENTIES or st.wp is None:
        return None
    s = st.stripped[no - 1]
    naam = naam_exact_of_bijna(st, no, structural=st.blank_before, unknown=True)
    if naam:
        return start(st, *naam)
    comps = st.wp.competenties
    if not comps:
        return None
    comp = comps[-1]
    if s.startswith(vocab.BULLET):
        text = s[1:].strip()
        item = ItemB()
        known = known_component(st, comp.letter, text)
        if known and known[1]:
            # two columns merged on one line: a component this dossier lists, then the indicator's tail
            item.add(no, known[0])
            comp.indicator.add(no, known[1])
            st.herstellingen.append(Herstelling(regel=no, soort="kolommen-gesplitst", tekst=s))
        else:
            item.add(no, text)
        comp.componenten.append(item)
        comp.regels.append(no)
        st.claim(no, _MODEL)
        return no + 1
    s = drop_leaked_label(st, comp, no, s)
    if comp.componenten and not comp.indicator and s[:1].islower():
        comp.componenten[-1].add(no, s)  # a component wrapped over a blank line
    else:
        comp.indicator.add(no, s)
    comp.regels.append(no)
    st.claim(no, _MODEL)
    return no + 1
