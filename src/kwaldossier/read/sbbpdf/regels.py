"""Pages -> lines with what the rules need of the layout: font size, bold, where the line ends
and how wide its first word is, plus per page the right edge of the text, and per font size
the line pitch of the document.

Page furniture is found here, before any rule runs, by geometry alone: at the top and at the
bottom of a page, the lines standing apart from the body by a gap (the header and footer
block) whose digit-masked text recurs at the same distance from that edge on several pages;
and page numbers ("7 van 18", "Pagina 7") in such a block on any page.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from ...model.codes import MAX_JAAR, klein_getal
from ..pdf.bladzijde import Page
from ..pdf.regels import lines_of
from . import woorden
from .maten import MATEN as M

_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class Regel:
    no: int  # 1-based, in reading order over the whole document
    pagina: int
    tekst: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    vet: bool  # every word bold
    vet_woorden: int  # how many words at the start are bold
    eerste: float  # width of the first word
    tweede_gat: float  # white space between the first and the second word (0 for one word)
    woorden: list[str] = field(default_factory=list)

    @property
    def hoogte(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Pagina:
    no: int
    width: float
    height: float
    randen: dict[int, float] = field(default_factory=dict)  # per left edge (to a point): the right edge of its lines

    def rechts(self, r: Regel) -> float:
        """The right edge of the lines that start where `r` starts (a text block, a list's
        items, a box's text: each set in its own width)."""
        key = round(r.x0)
        return max(self.randen.get(k, 0.0) for k in (key - 1, key, key + 1))

    nummer: tuple[int, int | None] | None = None  # printed page number ("7 van 18": (7, 18))


@dataclass
class Regels:
    regels: list[Regel]
    paginas: dict[int, Pagina]
    opmaak: set[int]  # line numbers of page furniture
    body_size: float  # the usual font size of running text
    pitch: dict[float, float]  # per font size (to half a point): the distance between the tops of wrapped lines


def read_lines(pages: list[Page]) -> Regels:
    regels: list[Regel] = []
    per_page: list[list[Regel]] = []
    for page in pages:
        mine = []
        for ln in lines_of(page.words):
            words = ln.words
            bold = 0
            while bold < len(words) and words[bold].bold:
                bold += 1
            r = Regel(
                no=len(regels) + 1,
                pagina=page.no,
                tekst=" ".join(w.text for w in words),
                x0=ln.x0,
                x1=ln.x1,
                top=ln.top,
                bottom=ln.bottom,
                size=max(w.size for w in words),
                vet=bold == len(words),
                vet_woorden=bold,
                eerste=words[0].x1 - words[0].x0,
                tweede_gat=words[1].x0 - words[0].x1 if len(words) > 1 else 0.0,
                woorden=[w.text for w in words],
            )
            regels.append(r)
            mine.append(r)
        per_page.append(mine)
    paginas = {p.no: Pagina(p.no, p.width, p.height) for p in pages}
    opmaak = _furniture(per_page, paginas)
    steps: dict[float, list[float]] = defaultdict(list)
    for lines in per_page:
        body = [r for r in lines if r.no not in opmaak]
        if body:
            _measure(paginas[body[0].pagina], body, steps)
    pitch = {size: sorted(found)[len(found) // 4] for size, found in steps.items()}
    return Regels(regels, paginas, opmaak, _body_size(regels, opmaak), pitch)


def size_key(size: float) -> float:
    return round(size * 2) / 2


def _body_size(regels: list[Regel], opmaak: set[int]) -> float:
    weight: dict[float, int] = defaultdict(int)
    for r in regels:
        if r.no not in opmaak:
            weight[round(r.size * 2) / 2] += len(r.tekst)
    return max(weight, key=weight.__getitem__) if weight else 10.0


def _measure(page: Pagina, body: list[Regel], steps: dict[float, list[float]]) -> None:
    """The right edge of the lines per left edge, and the steps between consecutive lines of
    one size (the lower quartile of them, over the whole document, is the pitch of wrapped
    lines: paragraph and item gaps only add to it)."""
    for r in body:
        key = round(r.x0)
        page.randen[key] = max(page.randen.get(key, 0.0), r.x1)
    for a, b in itertools.pairwise(body):
        if abs(a.size - b.size) < M.zelfde_grootte and 0 < b.top - a.top < M.stap_max * a.hoogte:
            steps[size_key(b.size)].append(b.top - a.top)


# ---------------------------------------------------------------- furniture


def _usual_gap(per_page: list[list[Regel]]) -> float:
    """The usual white space between consecutive lines, over the whole document."""
    gaps = [b.top - a.bottom for lines in per_page for a, b in itertools.pairwise(lines) if b.top > a.bottom]
    return statistics.median(gaps) if gaps else 2.0


def _blocks(lines: list[Regel], height: float, usual: float) -> list[tuple[str, int, Regel]]:
    """The header and footer block of a page: (edge, bucket of the distance to it, line)."""
    out: list[tuple[str, int, Regel]] = []
    for edge, order in (("top", lines), ("bottom", lines[::-1])):
        block: list[Regel] = []
        for i, r in enumerate(order):
            inside = r.bottom < M.rand * height if edge == "top" else r.top > (1 - M.rand) * height
            if not inside:
                break
            block.append(r)
            nxt = order[i + 1] if i + 1 < len(order) else None
            gap = (nxt.top - r.bottom if edge == "top" else r.top - nxt.bottom) if nxt else height
            if gap > max(M.blok_gat * usual, M.blok_gat_hoogte * r.hoogte):  # the block ends where the body starts
                out += [(edge, _distance(b, edge, height), b) for b in block]
                break
    return out


def _distance(r: Regel, edge: str, height: float) -> int:
    return round((r.top if edge == "top" else height - r.bottom) / M.bucket)


def _furniture(per_page: list[list[Regel]], paginas: dict[int, Pagina]) -> set[int]:
    need = M.herhaald_weinig if len(per_page) <= M.weinig_paginas else M.herhaald
    usual = _usual_gap(per_page)
    blocks = [_blocks(lines, paginas[lines[0].pagina].height, usual) if lines else [] for lines in per_page]
    seen: dict[tuple[str, int, str], set[int]] = defaultdict(set)
    for p, block in enumerate(blocks):
        for edge, b, r in block:
            seen[(edge, b, _DIGITS.sub("#", r.tekst))].add(p)
    spots = {(edge, b) for (edge, b, _), ps in seen.items() if len(ps) >= need}
    out: set[int] = set()
    for block in blocks:
        for edge, b, r in block:
            number = _page_number(r.tekst)
            if number is not None:
                out.add(r.no)
                paginas[r.pagina].nummer = paginas[r.pagina].nummer or number
            elif any((edge, b + d) in spots for d in range(-M.near, M.near + 1)):
                out.add(r.no)
    return out


def _page_number(text: str) -> tuple[int, int | None] | None:
    m = woorden.PAGINA_VAN.search(text)
    if m:
        n, van = klein_getal(m.group("n"), MAX_JAAR), klein_getal(m.group("m"), MAX_JAAR)
        return (n, van) if n is not None and van is not None else None
    m = woorden.PAGINA_NUMMER.match(text)
    n = klein_getal(m.group("n"), MAX_JAAR) if m else None
    return None if n is None else (n, None)


# ---------------------------------------------------------------- paragraphs


def nieuwe_alinea(prev: Regel | None, cur: Regel, paginas: dict[int, Pagina], pitch: dict[float, float]) -> bool:
    """Does `cur` start a paragraph after `prev` (the body line before it)? A gap wider than
    the pitch, a change of font size or weight, a line set out to the left of the one before,
    or a line before that ended short: the next line's first word would have fitted on it
    (within the width of the lines that start where it starts)."""
    if prev is None:
        return True
    if abs(cur.size - prev.size) > M.grootte_wissel or (cur.vet_woorden > 0) != (prev.vet_woorden == len(prev.woorden)):
        return True
    page = paginas[prev.pagina]
    if prev.x1 + M.spatie * prev.size + cur.eerste < page.rechts(prev) - M.rand_marge:
        return True
    if cur.pagina != prev.pagina:
        return False
    step = pitch.get(size_key(cur.size), 1.2 * cur.hoogte)
    return cur.top - prev.top > step + M.alinea_gat * cur.size or cur.x0 < prev.x0 - M.uitspringen
