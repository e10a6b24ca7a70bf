"""Zone rules for the detail pages: omschrijving, gewenst resultaat, and the table of
vakkennis en vaardigheden beside the competence blocks (read column after column)."""

from __future__ import annotations

from .. import vocab
from . import competentie
from .competentie import closest_letter, naam_exact_of_bijna, start
from .evidence import NAMES, known_component
from .records import CompetentieB, ItemB, WerkprocesB
from .state import COLUMN_TAGS, TAG_COMPETENTIE, TAG_LABEL, TAG_NAAM, TAG_VAKKENNIS, DetailStap, Disp, Rule, State

# enum members as module constants (member access is a descriptor call on Python 3.11)
_KOP = DetailStap.KOP
_OMSCHRIJVING = DetailStap.OMSCHRIJVING
_GEWENST = DetailStap.GEWENST
_VAKKENNIS = DetailStap.VAKKENNIS
_CONT = DetailStap.CONT
_COMPETENTIES = DetailStap.COMPETENTIES
_MODEL = Disp.MODEL
_LABEL = Disp.LABEL

_BEFORE_TABLE = (_KOP, _OMSCHRIJVING, _GEWENST)
_IN_TABLE = (_VAKKENNIS, _CONT, _COMPETENTIES)


_FIRST = {label: label.split(" ", 1)[0] for label in (vocab.OMSCHRIJVING, vocab.GEWENST_RESULTAAT, vocab.KOLOMMEN)}


def _label(st: State, no: int, label: str, stap: DetailStap | None) -> tuple[int, str] | None:
    """The label (joined over lines) starts at line `no`: claim its lines, enter `stap` (if
    given), and return (its last line, the text after it on that line)."""
    if not st.stripped[no - 1].startswith(_FIRST[label]):
        return None
    found = st.joined(no, label)
    if found is None:
        return None
    last, _ = found
    if stap is not None:
        st.stap = stap
    for j in range(no, last + 1):
        st.claim(j, _LABEL)
    return found


def rule_omschrijving_label(st: State, no: int) -> int | None:
    if st.wp is None or st.stap is not _KOP:
        return None
    found = _label(st, no, vocab.OMSCHRIJVING, _OMSCHRIJVING)
    if found is None:
        return None
    last, rest = found
    if rest:
        st.wp.omschrijving.add(last, rest)
        st.claim(last, _MODEL)
    return last + 1


def rule_gewenst_label(st: State, no: int) -> int | None:
    if st.wp is None or st.stap not in (_KOP, _OMSCHRIJVING):
        return None
    found = _label(st, no, vocab.GEWENST_RESULTAAT, _GEWENST)
    if found is None:
        return None
    last, rest = found
    if rest:
        _gewenst(st, last, rest)
    return last + 1


def rule_table_header(st: State, no: int) -> int | None:
    """The table's column header: starts the table, or repeats on a continuation page."""
    if st.wp is None or not (st.stap in _BEFORE_TABLE or st.kolom(no) == TAG_LABEL):
        return None
    found = _label(st, no, vocab.KOLOMMEN, _VAKKENNIS if st.stap in _BEFORE_TABLE else None)
    return None if found is None else found[0] + 1


def rule_omschrijving(st: State, no: int) -> int | None:
    if st.wp is None or st.stap is not _OMSCHRIJVING:
        return None
    st.wp.omschrijving.add(no, st.stripped[no - 1], new_paragraph=st.blank_before)
    st.claim(no, _MODEL)
    return no + 1


def _gewenst(st: State, no: int, s: str) -> None:
    assert st.wp is not None
    items = st.wp.gewenst
    if s[:1] in vocab.GEWENST_BULLETS and (len(s) == 1 or s[1] == " "):
        items.append(ItemB())
        s = s[1:].strip()
    elif not items:
        items.append(ItemB())
    items[-1].add(no, s)
    st.claim(no, _MODEL)


def rule_gewenst(st: State, no: int) -> int | None:
    if st.wp is None or st.stap is not _GEWENST:
        return None
    _gewenst(st, no, st.stripped[no - 1])
    return no + 1


def _new_vakkennis(st: State, no: int, s: str) -> ItemB:
    """A bullet line starts a vakkennis item."""
    assert st.wp is not None
    item = ItemB()
    item.add(no, s[1:].strip())
    st.wp.vakkennis.append(item)
    return item


def rule_tagged_column(st: State, no: int) -> int | None:
    """A line whose column the layout told us: no guessing needed."""
    tag = st.kolom(no)
    wp = st.wp
    if wp is None or tag not in COLUMN_TAGS or st.stap not in _IN_TABLE:
        return None
    s = st.stripped[no - 1]
    if tag == TAG_VAKKENNIS:
        return _tagged_vakkennis(st, no, s, wp)
    st.stap = _COMPETENTIES
    if tag == TAG_NAAM:
        key = st.folded(no)
        letter = NAMES.get(key) or closest_letter(key)
        return start(st, letter, s, [no])
    return _tagged_competentie(st, no, s, wp, tag)


def _tagged_vakkennis(st: State, no: int, s: str, wp: WerkprocesB) -> int | None:
    """A line of the vakkennis column: a new item, or the wrap of the last one."""
    if s.startswith(vocab.BULLET):
        _new_vakkennis(st, no, s)
    elif wp.vakkennis:
        wp.vakkennis[-1].add(no, s)  # a wrapped item, also over a page break
    else:
        return None
    st.claim(no, _MODEL)
    return no + 1


def _tagged_competentie(st: State, no: int, s: str, wp: WerkprocesB, tag: str | None) -> int | None:
    """A line of the competence or indicator column, into the last competence."""
    if not wp.competenties:
        return None
    comp = wp.competenties[-1]
    if tag == TAG_COMPETENTIE:
        if s.startswith(vocab.BULLET):
            item = ItemB()
            item.add(no, s[1:].strip())
            comp.componenten.append(item)
        elif comp.componenten:
            comp.componenten[-1].add(no, s)
        else:
            return None
    else:
        comp.indicator.add(no, competentie.drop_leaked_label(st, comp, no, s))
    comp.regels.append(no)
    st.claim(no, _MODEL)
    return no + 1


def rule_vakkennis(st: State, no: int) -> int | None:
    if st.wp is None or st.stap is not _VAKKENNIS:
        return None
    s = st.stripped[no - 1]
    if s.startswith(vocab.BULLET):
        _new_vakkennis(st, no, s)
        st.claim(no, _MODEL)
        return no + 1
    naam = naam_exact_of_bijna(st, no, structural=st.blank_before)
    if naam:
        st.stap = _COMPETENTIES
        return start(st, *naam)
    if st.wp.vakkennis:
        st.wp.vakkennis[-1].add(no, s)
        st.claim(no, _MODEL)
        return no + 1
    return None


def _accepts_continuation(st: State, item: ItemB | None) -> bool:
    if item is None:
        return False
    if not st.blank_before:
        return True
    # a wrapped bullet only skips a blank line right after its first line
    return len(item.lines) == 1 and not item.lines[0].rstrip().endswith(vocab.TAAL_MARK)


def _continuation_bullet(st: State, no: int, s: str, last_comp: CompetentieB | None) -> int | None:
    """A bullet after a repeated header: a component of the last competence, else vakkennis."""
    if last_comp and known_component(st, last_comp.letter, s[1:].strip()):
        st.stap = _COMPETENTIES
        return competentie.rule_competenties(st, no)
    st.cont_item = _new_vakkennis(st, no, s)
    st.claim(no, _MODEL)
    return no + 1


def rule_continuation(st: State, no: int) -> int | None:
    """First lines after a repeated header: vakkennis column, then competence column."""
    if st.wp is None or st.stap is not _CONT:
        return None
    s = st.stripped[no - 1]
    last_comp = st.wp.competenties[-1] if st.wp.competenties else None
    if s.startswith(vocab.BULLET):
        return _continuation_bullet(st, no, s, last_comp)
    naam = naam_exact_of_bijna(st, no, structural=st.blank_before)
    if naam:
        st.stap = _COMPETENTIES
        return start(st, *naam)
    if _accepts_continuation(st, st.cont_item):
        assert st.cont_item is not None
        st.cont_item.add(no, s)
        st.claim(no, _MODEL)
        return no + 1
    if last_comp is None:
        return None
    # the competence column resumes: the tail of the last prestatie-indicator
    st.stap = _COMPETENTIES
    last_comp.indicator.add(no, s)
    last_comp.regels.append(no)
    st.claim(no, _MODEL)
    return no + 1


RULES = (
    rule_omschrijving_label,
    rule_gewenst_label,
    rule_table_header,
    rule_omschrijving,
    rule_gewenst,
    rule_tagged_column,
    rule_vakkennis,
    rule_continuation,
    competentie.rule_competenties,
)


# The rules that can claim a line in each step (their own checks stay: this only skips the
# ones that would pass). A tagged column may move a line to the competence step before the
# rules after it run, and a tagged label may repeat the table header in any step.
_CAN_FIRE: dict[object, tuple[DetailStap, ...]] = {
    rule_omschrijving_label: (_KOP,),
    rule_gewenst_label: (_KOP, _OMSCHRIJVING),
    rule_table_header: _BEFORE_TABLE,
    rule_omschrijving: (_OMSCHRIJVING,),
    rule_gewenst: (_GEWENST,),
    rule_tagged_column: _IN_TABLE,
    rule_vakkennis: (_VAKKENNIS,),
    rule_continuation: (_CONT,),
    competentie.rule_competenties: (_COMPETENTIES,),
}
_TAGGED_EXTRA: dict[object, tuple[DetailStap, ...]] = {
    rule_table_header: tuple(DetailStap),
    competentie.rule_competenties: _IN_TABLE,
}


def rules_for(stap: DetailStap, tagged: bool) -> tuple[Rule, ...]:
    """The detail rules worth trying in `stap`, in RULES order; `tagged`: some line has a tag
    from a layout-aware front end (without tags, the tagged rules never claim a line)."""
    return tuple(
        r
        for r in RULES
        if (stap in _CAN_FIRE[r] and (tagged or r is not rule_tagged_column))
        or (tagged and stap in _TAGGED_EXTRA.get(r, ()))
    )
