"""The proces-competentie-matrix: an ordered A–Y run of single letters gives the columns,
"N.N" labels left of it give the rows, and any mark (a glyph or a filled cell) in a row counts
for the nearest letter. A row exists where it has a mark or drawn cells inside the grid."""

from __future__ import annotations

from dataclasses import dataclass

from ...model.competenties import LETTERS
from . import ankers
from .bladzijde import Box, Page
from .regels import Emitter, Line, lines_of


@dataclass
class Header:
    top: float
    bottom: float
    centres: list[float]

    @property
    def step(self) -> float:
        return (self.centres[-1] - self.centres[0]) / (len(self.centres) - 1)

    @property
    def left(self) -> float:
        return self.centres[0] - self.step / 2

    @property
    def right(self) -> float:
        return self.centres[-1] + self.step / 2


def letter_header(lines: list[Line]) -> Header | None:
    """The first line holding the letters A..Y in order, left to right (other text may sit
    on the same baseline; letters set close together may have merged into one word)."""
    for ln in lines:
        chars: list[tuple[str, float]] = []
        for w in ln.words:
            if w.text.isalpha() and w.text.isupper() and len(w.text) <= 3:
                chars.extend(w.chars())
        if len(chars) < len(LETTERS):
            continue
        centres: list[float] = []
        for ch, x in chars:
            if len(centres) < len(LETTERS) and ch == LETTERS[len(centres)]:
                centres.append(x)
            elif centres and ch == LETTERS[0]:
                centres = [x]
        if len(centres) == len(LETTERS):
            return Header(ln.top, ln.bottom, centres)
    return None


def matrix_page(page: Page, lines: list[Line], head: Header, no: int, out: Emitter) -> None:
    step, left = head.step, head.left
    above = [ln for ln in lines if ln.bottom <= head.top + 1]
    below = [ln for ln in lines if ln.top >= head.bottom - 1]
    _head(above, left, no, out)
    out.emit(" ".join(LETTERS), "label", no)
    out.emit(ankers.WERKPROCESSEN, "label", no)
    kts = [m.group(1) for ln in above if (m := ankers.KERNTAAK.match(ln.text))]
    kt = kts[-1] if kts else None
    end = next((ln.top for ln in below if ankers.is_boilerplate(ln.text)), page.height)
    labels = [p for ln in below if ln.top < end and (p := _label(ln, left - step / 4)) is not None]
    rows = [k for k, p in enumerate(labels) if ankers.CODE.match(p.words[0].text) and (kt is None or p.words[0].text.split(".")[0] == kt)]
    horizontals = sorted(b.top for b in page.boxes if b.bottom - b.top < 2 and b.x1 - b.x0 > 2 * step)
    # a mark: any glyph in the grid that is not label text (x, X, ✓, ●, a symbol font's tick)
    in_label = {id(w) for p in labels for w in p.words}
    grid = [w for ln in below if ln.top < end for w in ln.words if id(w) not in in_label and w.x0 >= left - step / 4]
    marks = [(x, w.mid) for w in grid if len(w.text) <= 2 or all(ch in ankers.MARKS for ch in w.text) for _, x in w.chars()]
    # what is neither label nor mark is not understood: it goes out as it is (and is reported)
    stray = [w for w in grid if not (len(w.text) <= 2 or all(ch in ankers.MARKS for ch in w.text))]
    for p in labels[: rows[0] if rows else len(labels)]:
        if p.text != ankers.WERKPROCESSEN:
            stray.extend(p.words)
    ends = [rows[n + 1] if n + 1 < len(rows) else len(labels) for n in range(len(rows))]
    cuts = [head.bottom]
    for n in range(len(rows) - 1):
        last, nxt = labels[ends[n] - 1], labels[rows[n + 1]]
        rule = [y for y in horizontals if last.bottom - 1 <= y <= nxt.top + 1]
        cuts.append(rule[-1] if rule else (last.bottom + nxt.top) / 2)
    cuts.append(end)
    for n, k in enumerate(rows):
        top, bottom = cuts[n], cuts[n + 1]
        label = " ".join(p.text for p in labels[k : ends[n]])
        crossed = {_nearest(head, x) for x, y in marks if top <= y < bottom}
        crossed |= {_nearest(head, (b.x0 + b.x1) / 2) for b in page.boxes if b.filled and _cell_mark(b, head, top, bottom)}
        crossed.discard(None)
        if crossed or any(_cell(b, head, top, bottom) for b in page.boxes):
            label += " " + "".join("x " if letter in crossed else " " for letter in LETTERS)
        out.emit(label, "matrix", no)
    for ln in lines_of(stray) if stray else []:
        out.emit(ln.text, None, no)
    for ln in below:
        if ln.top >= end:
            out.emit(ln.text, "boilerplate" if ankers.is_boilerplate(ln.text) else None, no)


def _label(ln: Line, left: float) -> Line | None:
    """The werkproces label of a matrix line: its words left of the grid, and those that run on
    into the grid at word spacing (a label cell as wide as the table); marks are not label."""
    words = [w for w in ln.words if w.x0 < left]
    for w in ln.words[len(words) :]:
        if not words or w.x0 - words[-1].x1 > 0.5 * w.size or all(ch in ankers.MARKS for ch in w.text):
            break
        words.append(w)
    return Line(words) if words else None


def _head(above: list[Line], left: float, no: int, out: Emitter) -> None:
    """Kerntaak N, then its title (the rest of the left column), then 'Competenties'."""
    words = [[w for w in ln.words if w.text not in (ankers.COMPETENTIES, ankers.WERKPROCESSEN)] for ln in above]
    left_lines = [p for ws in words if ws and (p := Line(ws).part(-1e9, left)) is not None]
    # the "Kerntaak N" nearest above the letters (a running header above it may say the same)
    k = max((i for i, p in enumerate(left_lines) if ankers.KERNTAAK.match(p.text)), default=None)
    if k is None:
        for p in left_lines:
            out.emit(p.text, None, no)
        out.emit(ankers.COMPETENTIES, "label", no)
        return
    for p in left_lines[:k]:
        if not p.text.startswith(ankers.MATRIX_KOP):
            out.emit(p.text, None, no)
    first = left_lines[k]
    m = ankers.KERNTAAK.match(first.text)
    assert m is not None
    out.emit(m.group(0), None, no)
    rest = first.text[m.end() :].strip()
    if rest:
        out.emit(rest, None, no)
    for p in left_lines[k + 1 :]:
        if p.text not in (ankers.COMPETENTIES, ankers.WERKPROCESSEN):
            out.emit(p.text, None, no)
    out.emit(ankers.COMPETENTIES, "label", no)
    right = [w for ws in words for w in ws if w.x0 >= left]
    for ln in lines_of(right) if right else []:
        out.emit(ln.text, None, no)  # not understood above the letters: out as it is


def _nearest(head: Header, x: float) -> str | None:
    n = min(range(len(head.centres)), key=lambda m: abs(head.centres[m] - x))
    return LETTERS[n] if abs(head.centres[n] - x) < head.step / 2 else None


def _inside(b: Box, head: Header) -> bool:
    cx = (b.x0 + b.x1) / 2
    return head.left + 1 < cx < head.right - 1 and b.x0 >= head.left - 1 and b.x1 <= head.right + 1


def _within(b: Box, top: float, bottom: float) -> bool:
    return b.top >= top - 3 and b.bottom <= bottom + 3 and min(b.bottom, bottom) - max(b.top, top) > 2


def _cell(b: Box, head: Header, top: float, bottom: float) -> bool:
    """A drawn cell (border, cell rule or row shading) of this row inside the letter grid."""
    return _inside(b, head) and _within(b, top, bottom) and b.bottom - b.top >= 0.4 * (bottom - top)


def _cell_mark(b: Box, head: Header, top: float, bottom: float) -> bool:
    """A filled cell: about one column wide."""
    return _within(b, top, bottom) and _inside(b, head) and b.x1 - b.x0 <= 1.5 * head.step and b.x1 - b.x0 >= 0.3 * head.step
