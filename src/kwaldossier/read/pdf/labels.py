"""Label + text blocks (algemene informatie; omschrijving and gewenst resultaat): labels are
found by their wording at the block's left edge, beside their text or above it, wrapped or not."""

from __future__ import annotations

from dataclasses import dataclass

from .instellingen import DEFAULT, Instellingen
from .regels import Emitter, Line, pitch


def _prefix_words(words: list[str], label: list[str]) -> int:
    """How many leading words of the line are a prefix of the label (word by word)."""
    n = 0
    while n < len(words) and n < len(label) and words[n] == label[n]:
        n += 1
    return n


@dataclass
class _Block:
    lines: list[Line]
    labels: tuple[str, ...]
    left: float
    step: float
    s: Instellingen


def label_text(lines: list[Line], labels: tuple[str, ...], no: int, out: Emitter, s: Instellingen = DEFAULT) -> None:
    """Emit lines as (label, text...) groups; lines before the first label go out untagged."""
    if not lines:
        return
    block = _Block(lines, labels, min(ln.x0 for ln in lines), pitch(lines), s)
    groups: list[tuple[str | None, list[Line]]] = [(None, [])]
    i = 0
    while i < len(lines):
        found = _match(block, i) if abs(lines[i].x0 - block.left) <= s.tol else None
        if found is None:
            groups[-1][1].append(lines[i])
            i += 1
            continue
        groups.append((found[0], [r for r in found[1] if r is not None]))
        i += found[2]
    for name, column in groups:
        if name is not None:
            out.blank(no)
            out.emit(name, "label", no)
        out.column(column, "tekst", no, block.step, s.paragraph)  # before any label: text of a label on an earlier page


def _match(block: _Block, i: int) -> tuple[str, list[Line | None], int] | None:
    """The longest label that starts line i (its words, maybe wrapped over the next lines at
    the block's left edge): (label, the rest of each of its lines, lines used)."""
    best: tuple[str, list[Line | None], int] | None = None
    for label in block.labels:
        found = _label_at(block, i, label.split())
        if found is not None and (best is None or len(label) > len(best[0])):
            best = (label, *found)
    return best


def _label_at(block: _Block, i: int, want: list[str]) -> tuple[list[Line | None], int] | None:
    lines = block.lines
    ln = lines[i]
    n = _prefix_words([w.text for w in ln.words], want)
    if n == 0:
        return None
    rests: list[Line | None] = [Line(ln.words[n:]) if n < len(ln.words) else None]
    text_x = ln.words[n].x0 if n < len(ln.words) else None
    got, k = n, i + 1
    while got < len(want) and k < len(lines):
        m = _continues(block, k, want[got:], text_x)
        if m == 0:
            break
        got += m
        rest = lines[k].words[m:]
        rests.append(Line(rest) if rest else None)
        k += 1
    return (rests, k - i) if got == len(want) else None


def _continues(block: _Block, k: int, want: list[str], text_x: float | None) -> int:
    """How many words of the label's rest line k continues with (a wrapped label: at the
    left edge, close below, left of the text beside the label)."""
    lines, s = block.lines, block.s
    nxt = lines[k]
    if abs(nxt.x0 - block.left) > s.tol or nxt.top - lines[k - 1].top > s.label_step * block.step:
        return 0
    part = [w for w in nxt.words if text_x is None or w.x0 < text_x - s.tol]
    return _prefix_words([w.text for w in part], want)
