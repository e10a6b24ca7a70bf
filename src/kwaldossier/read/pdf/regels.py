"""Words -> lines, and the tagged-line stream the text parser reads."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

from .bladzijde import Word


@dataclass
class Line:
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def height(self) -> float:
        return max(w.height for w in self.words)

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    def part(self, x0: float, x1: float) -> Line | None:
        """The words that start in [x0, x1)."""
        ws = [w for w in self.words if x0 <= w.x0 < x1]
        return Line(ws) if ws else None


def lines_of(words: list[Word]) -> list[Line]:
    """Words sharing a baseline band form a line (vertical centre inside the line's band)."""
    out: list[Line] = []
    bands: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w.mid, w.x0)):
        if out and bands[-1][0] <= w.mid <= bands[-1][1]:
            out[-1].words.append(w)
        else:
            out.append(Line([w]))
            bands.append((w.top + 0.25 * w.height, w.bottom - 0.25 * w.height))
    for ln in out:
        ln.words = _joined(sorted(ln.words, key=lambda w: w.x0))
    out.sort(key=lambda ln: ln.top)
    return out


def _joined(words: list[Word]) -> list[Word]:
    """Pieces of one word that the content stream drew apart (out of order) abut exactly:
    join them, so the stream's order never matters. Words that overlap or leave a gap stay
    apart (a long word running over its cell into the next column, in a PDF without space
    glyphs, collides with the next column's first word rather than abutting it)."""
    out = [words[0]]
    for w in words[1:]:
        prev = out[-1]
        if not (w.spaced or prev.spaced) and abs(w.size - prev.size) < 0.5 and abs(w.x0 - prev.x1) <= 0.06 * w.size:
            xs = [*prev.xs, *w.xs] if len(prev.xs) == len(prev.text) and len(w.xs) == len(w.text) else []
            out[-1] = Word(prev.text + w.text, prev.x0, max(prev.x1, w.x1), min(prev.top, w.top), max(prev.bottom, w.bottom), prev.size, prev.bold, xs)
        else:
            out.append(w)
    return out


def pitch(lines: list[Line]) -> float:
    """The usual distance between consecutive lines of running text."""
    steps = [b.top - a.top for a, b in itertools.pairwise(lines) if 0 < b.top - a.top < 3 * a.height]
    if steps:
        return statistics.median(steps)
    return 1.2 * max((ln.height for ln in lines), default=10.0)


class Emitter:
    """Collects (text, tag, page) triples; a blank line marks a vertical gap. A matrix row's
    line also carries the letters crossed in it (kruis; None: no row drawn)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.tags: list[str | None] = []
        self.pages: list[int] = []
        self.kruisen: list[tuple[str, ...] | None] = []

    def emit(self, text: str, tag: str | None, page: int, kruis: tuple[str, ...] | None = None) -> None:
        self.lines.append(text)
        self.tags.append(tag)
        self.pages.append(page)
        self.kruisen.append(kruis)

    def blank(self, page: int) -> None:
        if self.lines and self.lines[-1] != "":
            self.emit("", None, page)

    def column(self, lines: list[Line], tag: str, page: int, step: float | None = None) -> None:
        """Lines of one column; a gap wider than 1.5 line pitches starts a paragraph."""
        step = step or pitch(lines)
        prev: Line | None = None
        for ln in lines:
            if prev is not None and ln.top - prev.top > 1.5 * step:
                self.blank(page)
            self.emit(ln.text, tag, page)
            prev = ln
