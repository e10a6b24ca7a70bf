"""The proces-competentie-matrix: an ordered A–Y run of single letters gives the columns,
"N.N" labels left of it give the rows, and any mark (a glyph or a filled cell) in a row counts
for the nearest letter. A row exists where it has a mark or drawn cells inside the grid.

One matrix may hold several kerntaken: a "Kerntaak N titel" row inside it starts the next
kerntaak's rows. The crossed letters go to the text parser beside the row's label (the
kruis channel of the emitter), never as text."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ...model.competenties import LETTERS
from . import ankers
from .bladzijde import Box, Page, Word
from .instellingen import DEFAULT, Instellingen
from .regels import Emitter, Line, lines_of

TAG_KERNTAAK = "kerntaak"  # a kerntaak row inside the matrix (the text parser starts its rows)


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

    def nearest(self, x: float) -> str | None:
        n = min(range(len(self.centres)), key=lambda m: abs(self.centres[m] - x))
        return LETTERS[n] if abs(self.centres[n] - x) < self.step / 2 else None


def _letters_in_order(chars: list[tuple[str, float]]) -> list[float]:
    centres: list[float] = []
    for ch, x in chars:
        if len(centres) < len(LETTERS) and ch == LETTERS[len(centres)]:
            centres.append(x)
        elif centres and ch == LETTERS[0]:
            centres = [x]
    return centres


def letter_header(lines: list[Line], s: Instellingen = DEFAULT) -> Header | None:
    """The first line holding the letters A..Y in order, left to right (other text may sit
    on the same baseline; letters set close together may have merged into one word)."""
    for ln in lines:
        chars = [
            c
            for w in ln.words
            if w.text.isalpha() and w.text.isupper() and len(w.text) <= s.letter_word
            for c in w.chars()
        ]
        if len(chars) < len(LETTERS):
            continue
        centres = _letters_in_order(chars)
        if len(centres) == len(LETTERS):
            return Header(ln.top, ln.bottom, centres)
    return None


# ---------------------------------------------------------------- the page


@dataclass
class _Entry:
    """A row of the matrix: a werkproces (its label lines) or a kerntaak row inside it."""

    labels: list[Line]
    kerntaak: str | None = None  # the code of a kerntaak row


@dataclass
class _Body:
    page: Page
    head: Header
    s: Instellingen
    labels: list[Line]
    marks: list[tuple[float, float, Word]]
    stray: list[Word]


def _is_mark(w: Word, s: Instellingen) -> bool:
    return len(w.text) <= s.mark_chars or all(ch in ankers.MARKS for ch in w.text)


def _body(page: Page, below: list[Line], head: Header, s: Instellingen) -> _Body:
    """Labels (left of the grid), marks and the text that is neither, of the lines below the letters."""
    left = head.left - head.step / 4
    labels = [p for ln in below if (p := _label(ln, left, s)) is not None]
    in_label = {id(w) for p in labels for w in p.words}
    grid = [w for ln in below for w in ln.words if id(w) not in in_label and w.x0 >= left]
    marks = [(x, w.mid, w) for w in grid if _is_mark(w, s) for _, x in w.chars()]
    # what is neither label nor mark is not understood: it goes out as it is (and is reported)
    stray = [w for w in grid if not _is_mark(w, s)]
    return _Body(page, head, s, labels, marks, stray)


def matrix_page(page: Page, lines: list[Line], head: Header, out: Emitter, s: Instellingen = DEFAULT) -> None:
    """The lines above the letters (kerntaak and title), the rows below them with their
    crosses, the text not understood, then the boilerplate."""
    no = page.no
    kt = _head([ln for ln in lines if ln.bottom <= head.top + 1], head.left, no, out)
    below = [ln for ln in lines if ln.top >= head.bottom - 1]
    end = next((ln.top for ln in below if ankers.is_boilerplate(ln.text)), page.height)
    body = _body(page, [ln for ln in below if ln.top < end], head, s)
    entries = _first_rows(body, kt, out)
    cuts = _cuts(body, entries, end)
    _rows(body, entries, cuts, out, first_kerntaak=kt is None)
    _rest(body, cuts, [ln for ln in below if ln.top >= end], no, out)


def _first_rows(body: _Body, kt: str | None, out: Emitter) -> list[_Entry]:
    """The rows; label lines above the first are not understood; the column labels go out
    now, unless the matrix begins with a kerntaak row (they follow its title)."""
    entries, before = _entries(body.labels, kt)
    body.stray.extend(w for p in before if p.text != ankers.WERKPROCESSEN for w in p.words)
    if kt is not None or not entries or entries[0].kerntaak is None:
        _column_labels(body.page.no, out)
    return entries


def _rest(body: _Body, cuts: list[float], tail: list[Line], no: int, out: Emitter) -> None:
    """What is not understood (text in the grid, a mark in no row) goes out as it is, to be
    reported; then the lines under the matrix."""
    body.stray.extend({id(w): w for _, y, w in body.marks if not cuts[0] <= y < cuts[-1]}.values())
    for ln in lines_of(body.stray) if body.stray else []:
        out.emit(ln.text, None, no)
    for ln in tail:
        out.emit(ln.text, "boilerplate" if ankers.is_boilerplate(ln.text) else None, no)


def _rows(body: _Body, entries: list[_Entry], cuts: list[float], out: Emitter, first_kerntaak: bool) -> None:
    """Each row in order: a kerntaak row, or a werkproces label with its crossed letters."""
    no = body.page.no
    for n, entry in enumerate(entries):
        if entry.kerntaak is not None:
            _kerntaak_row(entry, no, out, first=first_kerntaak and n == 0)
        else:
            out.emit(" ".join(p.text for p in entry.labels), "matrix", no, _crossed(body, cuts[n], cuts[n + 1]))


def _column_labels(no: int, out: Emitter) -> None:
    """The matrix's column labels, in the order the text parser reads them."""
    out.emit(ankers.COMPETENTIES, "label", no)
    out.emit(" ".join(LETTERS), "label", no)
    out.emit(ankers.WERKPROCESSEN, "label", no)


def _kerntaak_row(entry: _Entry, no: int, out: Emitter, first: bool) -> None:
    """'Kerntaak N titel' inside the matrix: the kerntaak, then its title (maybe wrapped)."""
    _kerntaak_line(" ".join(p.text for p in entry.labels), TAG_KERNTAAK, no, out)
    if first:
        _column_labels(no, out)


def _entries(labels: list[Line], kt: str | None) -> tuple[list[_Entry], list[Line]]:
    """The rows: a label line that starts with a code of the current kerntaak starts a
    werkproces row, a "Kerntaak N" line a kerntaak row; other lines continue the row above.
    Returns the rows and the label lines before the first."""
    entries: list[_Entry] = []
    before: list[Line] = []
    for p in labels:
        first = p.words[0].text
        m = ankers.KERNTAAK.match(p.text)
        if m is not None:
            kt = m.group(1)
            entries.append(_Entry([p], kerntaak=kt))
        elif ankers.CODE.match(first) and (kt is None or first.split(".")[0] == kt):
            entries.append(_Entry([p]))
        elif entries:
            entries[-1].labels.append(p)
        else:
            before.append(p)
    return entries, before


def _cuts(body: _Body, entries: list[_Entry], end: float) -> list[float]:
    """Where each row begins and ends: at a ruling line between two rows where one is drawn,
    else halfway; the last ends at the rule below it, or as far below its label as it began
    above it (not at the boilerplate, far below)."""
    step = body.head.step
    horizontals = sorted(
        b.top for b in body.page.boxes if b.bottom - b.top < body.s.rule_height and b.x1 - b.x0 > 2 * step
    )
    cuts = [body.head.bottom]
    for a, b in itertools.pairwise(entries):
        last, nxt = a.labels[-1], b.labels[0]
        rule = [y for y in horizontals if last.bottom - 1 <= y <= nxt.top + 1]
        cuts.append(rule[-1] if rule else (last.bottom + nxt.top) / 2)
    if entries:  # the last row reaches as far below its label as it begins above it
        last = entries[-1].labels[-1]
        below = [y for y in horizontals if last.bottom - 1 <= y <= end]
        end = min(end, below[0] if below else last.bottom + max(entries[-1].labels[0].top - cuts[-1], 0.0))
    cuts.append(end)
    return cuts


def _crossed(body: _Body, top: float, bottom: float) -> tuple[str, ...] | None:
    """The crossed letters of the row between top and bottom; None when it has no row."""
    head, s = body.head, body.s
    crossed = {head.nearest(x) for x, y, _ in body.marks if top <= y < bottom}
    crossed |= {
        head.nearest((b.x0 + b.x1) / 2) for b in body.page.boxes if b.filled and _cell_mark(b, head, top, bottom, s)
    }
    crossed.discard(None)
    if crossed or any(_cell(b, head, top, bottom, s) for b in body.page.boxes):
        return tuple(letter for letter in LETTERS if letter in crossed)
    return None


def _label(ln: Line, left: float, s: Instellingen) -> Line | None:
    """The werkproces label of a matrix line: its words left of the grid, and those that run on
    into the grid at word spacing (a label cell as wide as the table); marks are not label."""
    words = [w for w in ln.words if w.x0 < left]
    for w in ln.words[len(words) :]:
        if not words or w.x0 - words[-1].x1 > s.label_gap * w.size or all(ch in ankers.MARKS for ch in w.text):
            break
        words.append(w)
    return Line(words) if words else None


_HEAD_SKIP = (ankers.COMPETENTIES, ankers.WERKPROCESSEN)


def _head(above: list[Line], left: float, no: int, out: Emitter) -> str | None:
    """Kerntaak N, then its title (the rest of the left column); returns the kerntaak's code,
    None when no "Kerntaak N" stands above the letters (it may be a row inside the matrix)."""
    words = [[w for w in ln.words if w.text not in _HEAD_SKIP] for ln in above]
    left_lines = [p for ws in words if ws and (p := Line(ws).part(-1e9, left)) is not None]
    # the "Kerntaak N" nearest above the letters (a running header above it may say the same)
    k = max((i for i, p in enumerate(left_lines) if ankers.KERNTAAK.match(p.text)), default=None)
    _left_column(left_lines, k, no, out)
    right = [w for ws in words for w in ws if w.x0 >= left]
    for ln in lines_of(right) if right else []:
        out.emit(ln.text, None, no)  # not understood above the letters: out as it is
    return _code(left_lines[k].text) if k is not None else None


def _code(text: str) -> str | None:
    m = ankers.KERNTAAK.match(text)
    return m.group(1) if m is not None else None


def _left_column(left_lines: list[Line], k: int | None, no: int, out: Emitter) -> None:
    """The left column above the letters: the "Kerntaak N" line k split from its title; above
    it, the matrix heading repeated is left out (the page's own heading was read)."""
    for i, p in enumerate(left_lines):
        if i == k:
            _kerntaak_line(p.text, None, no, out)
        elif (k is None or i > k or not p.text.startswith(ankers.MATRIX_KOP_TEKST)) and p.text not in _HEAD_SKIP:
            out.emit(p.text, None, no)


def _kerntaak_line(text: str, tag: str | None, no: int, out: Emitter) -> None:
    """'Kerntaak N titel': the kerntaak, then its title on a line of its own."""
    m = ankers.KERNTAAK.match(text)
    assert m is not None
    out.emit(m.group(0), tag, no)
    if text[m.end() :].strip():
        out.emit(text[m.end() :].strip(), None, no)


def _inside(b: Box, head: Header) -> bool:
    cx = (b.x0 + b.x1) / 2
    return head.left + 1 < cx < head.right - 1 and b.x0 >= head.left - 1 and b.x1 <= head.right + 1


def _within(b: Box, top: float, bottom: float, s: Instellingen) -> bool:
    return (
        b.top >= top - s.cell_slack
        and b.bottom <= bottom + s.cell_slack
        and min(b.bottom, bottom) - max(b.top, top) > s.cell_overlap
    )


def _cell(b: Box, head: Header, top: float, bottom: float, s: Instellingen) -> bool:
    """A drawn cell (border, cell rule or row shading) of this row inside the letter grid."""
    return _inside(b, head) and _within(b, top, bottom, s) and b.bottom - b.top >= s.cell_height * (bottom - top)


def _cell_mark(b: Box, head: Header, top: float, bottom: float, s: Instellingen) -> bool:
    """A filled cell: about one column wide."""
    lo, hi = s.mark_width
    return _within(b, top, bottom, s) and _inside(b, head) and lo * head.step <= b.x1 - b.x0 <= hi * head.step
