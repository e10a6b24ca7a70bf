"""Label + text blocks (algemene informatie; omschrijving and gewenst resultaat): labels are
found by their wording at the block's left edge, beside their text or above it, wrapped or not."""

from __future__ import annotations

from .regels import Emitter, Line, pitch

TOL = 2.0


def _prefix_words(words: list[str], label: list[str]) -> int:
    """How many leading words of the line are a prefix of the label (word by word)."""
    n = 0
    while n < len(words) and n < len(label) and words[n] == label[n]:
        n += 1
    return n


def label_text(lines: list[Line], labels: tuple[str, ...], no: int, out: Emitter) -> None:
    """Emit lines as (label, text...) groups; lines before the first label go out untagged."""
    if not lines:
        return
    left = min(ln.x0 for ln in lines)
    step = pitch(lines)
    groups: list[tuple[str | None, list[Line]]] = [(None, [])]
    i = 0
    while i < len(lines):
        ln = lines[i]
        found = _match(lines, i, labels, left, step) if abs(ln.x0 - left) <= TOL else None
        if found is None:
            groups[-1][1].append(ln)
            i += 1
            continue
        groups.append((found[0], [r for r in found[1] if r is not None]))
        i += found[2]
    for name, column in groups:
        if name is not None:
            out.blank(no)
            out.emit(name, "label", no)
        out.column(column, "tekst", no, step)  # before any label: text of a label on an earlier page


def _match(lines: list[Line], i: int, labels: tuple[str, ...], left: float, step: float) -> tuple[str, list[Line | None], int] | None:
    ln = lines[i]
    texts = [w.text for w in ln.words]
    best: tuple[str, list[Line | None], int] | None = None
    for label in labels:
        want = label.split()
        n = _prefix_words(texts, want)
        if n == 0:
            continue
        rests: list[Line | None] = [Line(ln.words[n:]) if n < len(ln.words) else None]
        text_x = ln.words[n].x0 if n < len(ln.words) else None
        got, k = n, i + 1
        while got < len(want) and k < len(lines):
            nxt = lines[k]
            if abs(nxt.x0 - left) > TOL or nxt.top - lines[k - 1].top > 1.6 * step:
                break
            part = [w for w in nxt.words if text_x is None or w.x0 < text_x - TOL]
            m = _prefix_words([w.text for w in part], want[got:])
            if m == 0:
                break
            got += m
            rest = nxt.words[m:]
            rests.append(Line(rest) if rest else None)
            k += 1
        if got == len(want) and (best is None or len(label) > len(best[0])):
            best = (label, rests, k - i)
    return best
