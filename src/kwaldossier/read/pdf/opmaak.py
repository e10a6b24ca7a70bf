"""Page furniture by repetition: a line near the top or bottom edge whose digit-masked text
recurs at the same distance from that edge on several pages marks that distance as a furniture
position. Walking in from the edge, lines at such positions are furniture, until the first
line that is not (the body starts there) or that is a label of the format."""

from __future__ import annotations

import re
from collections import defaultdict

from .. import vocab
from . import ankers
from .regels import Line

EDGE = 0.2  # only the outer fifth of a page can hold running headers and footers
BUCKET = 1.0  # points: distances from the edge are compared at this resolution
NEAR = 2  # buckets: the same position, give or take rounding
_DIGITS = re.compile(r"\d+")


def _position(ln: Line, height: float) -> tuple[str, int] | None:
    if ln.bottom < EDGE * height:
        return "top", round(ln.top / BUCKET)
    if ln.top > (1 - EDGE) * height:
        return "bottom", round((height - ln.bottom) / BUCKET)
    return None


def _label(lines: list[Line], ln: Line) -> bool:
    """A label of the format, or the profile heading (the line above "Algemene informatie")."""
    if ankers.is_vocabulary(ln.text):
        return True
    k = lines.index(ln)
    return k + 1 < len(lines) and lines[k + 1].text == ankers.ALGEMEEN and bool(vocab.SECTIE.match(ln.text))


def furniture(pages: list[tuple[float, list[Line]]]) -> list[set[int]]:
    """Per page, the indexes of the lines that are furniture."""
    need = 2 if len(pages) <= 4 else 3
    seen: dict[tuple[str, int, str], set[int]] = defaultdict(set)
    for p, (height, lines) in enumerate(pages):
        for ln in lines:
            pos = _position(ln, height)
            if pos is not None and not _label(lines, ln):
                seen[(*pos, _DIGITS.sub("#", ln.text))].add(p)
    spots = {(edge, b) for (edge, b, _), ps in seen.items() if len(ps) >= need}
    out: list[set[int]] = []
    for height, lines in pages:
        mine: set[int] = set()
        # walk in from each edge; furniture stops at the first line that is not at a spot
        for edge, order in (("top", range(len(lines))), ("bottom", range(len(lines) - 1, -1, -1))):
            for i in order:
                ln = lines[i]
                pos = _position(ln, height)
                if pos is None or pos[0] != edge or _label(lines, ln):
                    break
                if not any((edge, pos[1] + d) in spots for d in range(-NEAR, NEAR + 1)):
                    break
                mine.add(i)
        out.append(mine)
    return out
