"""Words -> lines, and the tagged-line stream the text parser reads."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

from .bladzijde import Word
from .instellingen import DEFAULT, Instellingen


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


def lines_of(words: list[Word], s: Instellingen = DEFAULT) -> list[Line]:
    """Words sharing a baseline band form a line (vertical centre inside the line's band)."""
    out: list[Line] = []
    bands: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w.mid, w.x0)):
        if out and bands[-1][0] <= w.mid <= bands[-1][1]:
            out[-1].words.append(w)
        else:
            out.append(Line([w]))
            bands.append((w.top + s.band * w.height, w.bottom - s.band * w.height))
    for ln in out:
        ln.words = _joined(sorted(ln.words, key=lambda w: w.x0), s)
    out.sort(key=lambda ln: ln.top)
    return out


def _joined(words: list[Word], s: Instellingen) -> list[Word]:
    """Pieces of one word that the content stream drew apart (out of order) abut exactly:
    join them, so the stream's order never matters. Words that overlap or leave a gap stay
    apart (a long word running over its cell into the next column, in a PDF without space
    glyphs, collides with the next column's first word rather than abutting it)."""
    out = [words[0]]
    for w in words[1:]:
        prev = out[-1]
        if (
            not (w.spaced or prev.spaced)
            and abs(w.size - prev.size) < s.same_size
            and abs(w.x0 - prev.x1) <= s.join_gap * w.size
        ):
            xs = [*prev.xs, *w.xs] if len(prev.xs) == len(prev.text) and len(w.xs) == len(w.text) else []
            out[-1] = Word(
                prev.text + w.text,
                prev.x0,
                max(prev.x1, w.x1),
                min(prev.top, w.top),
                max(prev.bottom, w.bottom),
                prev.size,
                prev.bold,
                xs,
            )
        else:
            out.append(w)
    return out


_MAX_STEP = 3  # line heights: a wider step is a gap, not the pitch of running text
_LEADING, _SIZE = 1.2, 10.0  # without two lines to measure: the usual leading of a 10 pt font


def pitch(lines: list[Line]) -> float:
    """The usual distance between consecutive lines of running text."""
    steps = [b.top - a.top for a, b in itertools.pairwise(lines) if 0 < b.top - a.top < _MAX_STEP * a.height]
    if steps:
        return statistics.median(steps)
    return _LEADING * max((ln.height for ln in lines), default=_SIZE)


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

    def column(
        self, lines: list[Line], tag: str, page: int, step: float | None = None, paragraph: float = DEFAULT.paragraph
    ) -> None:
        """Lines of one column; a gap wider than `paragraph` line pitches starts a paragraph."""
        step = step or pitch(lines)
        prev: Line | None = None
        for ln in lines:
            if prev is not None and ln.top - prev.top > paragraph * step:
                self.blank(page)
            self.emit(ln.text, tag, page)
            prev = ln
