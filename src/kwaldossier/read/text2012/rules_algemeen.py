"""Zone rules for algemene informatie: labelled fields of prose."""

from __future__ import annotations

from .. import vocab
from .records import TextB
from .state import TAG_TEKST, Disp, State

# enum members as module constants (member access is a descriptor call on Python 3.11)
_MODEL = Disp.MODEL
_LABEL = Disp.LABEL

_FIRST = {label: label.split(" ", 1)[0] for label, _ in vocab.ALGEMEEN_LABELS}


def _label(st: State, no: int) -> tuple[str, str, int] | None:
    """A label not seen yet in this profile, wrapped anywhere: (field, rest, last line)."""
    assert st.profiel is not None
    s = st.stripped[no - 1]
    for label, key in vocab.ALGEMEEN_LABELS:
        if key in st.profiel.algemeen:
            continue  # a sentence starting with a used label's words is text
        first = _FIRST[label]
        if not (s.startswith(first) or first.startswith(s)):
            continue
        found = st.joined(no, label)
        if found:
            return key, found[1], found[0]
    return None


def rule_algemeen_label(st: State, no: int) -> int | None:
    if st.profiel is None or st.kolom(no) == TAG_TEKST:
        return None
    found = _label(st, no)
    if found is None:
        return None
    key, rest, last = found
    st.veld = key
    tb = st.profiel.algemeen.setdefault(key, TextB())
    for j in range(no, last + 1):
        st.claim(j, _LABEL)
    if rest:
        tb.add(last, rest)
        st.claim(last, _MODEL)
    return last + 1


def rule_algemeen_tekst(st: State, no: int) -> int | None:
    if st.profiel is None or st.veld is None:
        return None
    tb = st.profiel.algemeen[st.veld]
    tb.add(no, st.stripped[no - 1], new_paragraph=st.blank_before and bool(tb))
    st.claim(no, _MODEL)
    return no + 1


RULES = (rule_algemeen_label, rule_algemeen_tekst)
