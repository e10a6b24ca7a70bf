"""What the rules share: a label at the start of a line (alone, with a colon, or in bold beside
its text), a phrase wrapped over lines, a heading's wrapped title, content lines and bullets.

A rule is `rule(state, no) -> next line | None`: it claims lines or passes.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model.competenties import fold
from . import woorden
from .maten import MATEN as M
from .records import Blok
from .state import Disp, State

Rule = Callable[[State, int], "int | None"]


def label_rest(st: State, no: int, label: str) -> tuple[int, str] | None:
    """`label` at the start of line `no`: (its last line, the text after it), or None.

    The label stands alone (maybe with a colon), is followed by a colon and its text, or is
    set in bold beside its text; a bold label may wrap onto the next lines."""
    text = st.s(no)
    n = len(label)
    head = text[:n]
    if head.casefold() != label.casefold():
        return _wrapped_label(st, no, label)
    tail = text[n:]
    if not tail or tail == ":":
        return no, ""
    if tail.startswith(":"):
        return no, tail[1:].strip()
    if not tail.startswith(" "):
        return None  # "Resultaten ...": another word
    r = st.r(no)
    k = len(label.split())
    if r.vet_woorden >= k and r.vet_woorden < len(r.woorden):
        return no, tail.strip()
    return None


def _wrapped_label(st: State, no: int, label: str) -> tuple[int, str] | None:
    """A bold label wrapped over whole lines ("Verantwoordelijkheid en" / "zelfstandigheid")."""
    acc, j = "", no
    while j <= st.n and j - no < M.label_regels and st.r(j).vet:
        acc = f"{acc} {st.s(j)}".strip()
        if acc.rstrip(":").casefold() == label.casefold():
            return j, ""
        if not label.casefold().startswith(acc.casefold() + " "):
            return None
        nxt = st.next_body(j)
        if nxt is None:
            return None
        j = nxt
    return None


def joined_phrase(st: State, no: int, phrase: str) -> tuple[int, str] | None:
    """`phrase` (whole words) starting line `no`, wrapped over lines anywhere: (the line it
    ends on, the rest of that line)."""
    acc, j = "", no
    words = phrase.split()
    while j <= st.n and j - no <= len(words):
        s = st.s(j)
        acc = f"{acc} {s}" if acc else s
        if acc == phrase or acc.startswith(phrase + " "):
            k = len(words) - (len(acc.split()) - len(s.split()))
            rest = s.split(None, k)[k] if len(s.split()) > k else ""
            return j, rest
        if not phrase.startswith(acc + " "):
            return None
        nxt = st.next_body(j)
        if nxt is None:
            return None
        j = nxt
    return None


def title_lines(st: State, no: int, first: str) -> tuple[list[str], int]:
    """A heading's title: `first` (its text on line `no`) and the lines that continue it in the
    same font right below, up to KOP_REGELS; (the title's lines, its last line)."""
    r0 = st.r(no)
    parts = [first] if first else []
    last = no
    while len(parts) < woorden.KOP_REGELS:
        j = st.next_body(last)
        if j is None:
            break
        r = st.r(j)
        prev = st.r(last)
        same_font = abs(r.size - r0.size) < M.zelfde_grootte and r.vet == r0.vet
        close = r.pagina == prev.pagina and r.top - prev.bottom < M.titel_gat * prev.hoogte
        if not (same_font and close) or is_heading_text(st.s(j)):
            break
        parts.append(st.s(j))
        last = j
    return parts, last


def is_heading_text(text: str) -> bool:
    return bool(woorden.KERNTAAK_KOP.match(text) or woorden.WERKPROCES_KOP.match(text))


def bullet(st: State, no: int) -> tuple[bool, str]:
    """(starts an item, the text without its bullet) for a line of a list field: a bullet
    glyph always starts an item, a dash only at the start of a paragraph (a dash that a
    wrap put at the start of a line continues the text)."""
    text = st.s(no)
    first = text[:1]
    if first in woorden.GLYPH_BULLETS:
        return True, text[1:].strip()
    r = st.r(no)
    words = r.woorden
    if words and words[0] in woorden.DASH_BULLETS and len(words) > 1 and _dash_item(st, no):
        return True, text[len(words[0]) :].strip()
    return False, text


def _dash_item(st: State, no: int) -> bool:
    """A dash starts an item at the start of a paragraph, when set apart from its text like a
    bullet (wider than a space), or after a line that ended an item (';', '.', ':')."""
    r = st.r(no)
    if r.tweede_gat > M.streep_gat * r.size or st.alinea(no):
        return True
    return st.vorige is not None and st.vorige.tekst.endswith((";", ".", ":"))


def add_content(st: State, no: int, text: str, blok: Blok, alinea: bool) -> None:
    """Line `no` (or its text after a label) into `blok`: a paragraph or an item."""
    if blok.veld in woorden.LIJST_VELDEN:
        item, body = _item(st, no, text)
        ingesprongen = text == st.s(no) and st.r(no).x0 > blok.x0 + M.inspringen
        if item:
            blok.zonder_bullets = False  # a bullet seen: the list writes its bullets
        elif blok.zonder_bullets is None and ingesprongen:
            blok.zonder_bullets = True
        if not item and blok.zonder_bullets and ingesprongen:
            item = _implicit_item(blok, alinea)
        blok.add(no, body, alinea or item, item, ingesprongen)
    else:  # a text keeps its bullets; the item mark lets the builder read it as a list after all
        item, _ = _item(st, no, text)
        blok.add(no, text, alinea or text[:1] in woorden.GLYPH_BULLETS, item)


def _implicit_item(blok: Blok, alinea: bool) -> bool:
    """A list set in without bullets (its markers drawn, not written): an item starts with a
    paragraph, after a line that is not set in (the intro) or after a line ending in ';'."""
    prev = blok.regels[-1] if blok.regels else None
    return alinea or prev is None or not prev.ingesprongen or prev.tekst.endswith(";")


def _item(st: State, no: int, text: str) -> tuple[bool, str]:
    if text != st.s(no):  # the rest of a label's line
        first = text[:1]
        if first in woorden.GLYPH_BULLETS or (first in woorden.DASH_BULLETS and text[1:2] == " "):
            return True, text[1:].strip()
        return False, text
    return bullet(st, no)


def rule_content(st: State, no: int) -> int | None:
    """A line of the field being read."""
    if st.blok is None:
        return None
    add_content(st, no, st.s(no), st.blok, st.alinea(no))
    st.claim(no, Disp.MODEL)
    return no + 1


def rule_aanvullend(st: State, no: int) -> int | None:
    """'Voor <profielnaam> geldt aanvullend:' opens that profile's addition to the field read."""
    text = st.s(no)
    if not text.startswith(woorden.AANVULLEND_START) or st.veld is None:
        return None
    starts = st.alinea(no) or st.r(no).vet_woorden > 0
    acc, j = text, no
    while woorden.AANVULLEND_WOORDEN not in acc and j - no < woorden.AANVULLEND_REGELS - 1:
        nxt = st.next_body(j)
        if nxt is None:
            return None
        acc, j = f"{acc} {st.s(nxt)}", nxt
    m = woorden.AANVULLEND.match(acc)
    if not m:
        return None
    if not (starts or any(folded_name(c.naam) == folded_name(m.group("naam")) for c in st.dossier.cover)):
        return None  # inside a sentence, and not naming a profile the cover lists
    r = st.r(no)
    blok = st.open(Blok(st.veld, no, r.pagina, profiel=m.group("naam"), x0=r.x0))
    _owner_blocks(st).append(blok)
    st.claim_range(no, j, Disp.LABEL)
    rest = m.group("rest").strip()
    if rest:
        add_content(st, j, rest, blok, True)
        st.claim(j, Disp.MODEL)
    return j + 1


def _owner_blocks(st: State) -> list[Blok]:
    if st.wp is not None:
        return st.wp.blokken
    if st.kt is not None:
        return st.kt.blokken
    if st.profiel is not None:
        return st.profiel.blokken
    return st.dossier.typering


def labels_rule(labels: tuple[tuple[str, str], ...]) -> Rule:
    """A rule that opens a field at one of `labels` (label, field)."""

    def rule(st: State, no: int) -> int | None:
        text = st.s(no)
        for label, veld in labels:
            if text[:1].casefold() != label[:1].casefold():
                continue
            hit = label_rest(st, no, label)
            if hit is None:
                continue
            last, rest = hit
            r = st.r(no)
            st.veld = veld
            blok = st.open(Blok(veld, no, r.pagina, x0=r.x0))
            _owner_blocks(st).append(blok)
            st.claim_range(no, last, Disp.LABEL)
            if rest:
                add_content(st, last, rest, blok, True)
                st.claim(last, Disp.MODEL)
            return last + 1
        return None

    return rule


def folded_name(text: str) -> str:
    """A profile name as compared: folded, without a leading article."""
    key = fold(text)
    for article in woorden.LIDWOORDEN:
        if key.startswith(article):
            return key[len(article) :]
    return key
