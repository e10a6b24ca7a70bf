"""Page furniture by repetition: a line near the top or bottom edge whose digit-masked text
recurs at the same distance from that edge on several pages marks that distance as a furniture
position. Walking in from the edge, lines at such positions are furniture, until the first
line that is not (the body starts there) or that is a label of the format."""

from __future__ import annotations

import re
from collections import defaultdict

from .. import vocab
from . import ankers
from .instellingen import DEFAULT, Instellingen
from .regels import Line

_DIGITS = re.compile(r"\d+")
_FEW_PAGES = 4  # a document of at most this many pages: two pages make a repetition, else three


def _position(ln: Line, height: float, s: Instellingen) -> tuple[str, int] | None:
    if ln.bottom < s.edge * height:
        return "top", round(ln.top / s.bucket)
    if ln.top > (1 - s.edge) * height:
        return "bottom", round((height - ln.bottom) / s.bucket)
    return None


def _label(lines: list[Line], ln: Line) -> bool:
    """A label of the format, or the profile heading (the line above "Algemene informatie")."""
    if ankers.is_vocabulary(ln.text):
        return True
    k = lines.index(ln)
    return k + 1 < len(lines) and lines[k + 1].text == ankers.ALGEMEEN and bool(vocab.SECTIE.match(ln.text))


def _spots(pages: list[tuple[float, list[Line]]], s: Instellingen) -> set[tuple[str, int]]:
    """Positions (edge, distance) where a line's digit-masked text recurs on several pages."""
    need = 2 if len(pages) <= _FEW_PAGES else 3
    seen: dict[tuple[str, int, str], set[int]] = defaultdict(set)
    for p, (height, lines) in enumerate(pages):
        for ln in lines:
            pos = _position(ln, height, s)
            if pos is not None and not _label(lines, ln):
                seen[(*pos, _DIGITS.sub("#", ln.text))].add(p)
    return {(edge, b) for (edge, b, _), ps in seen.items() if len(ps) >= need}


def _from_edge(lines: list[Line], height: float, edge: str, spots: set[tuple[str, int]], s: Instellingen) -> set[int]:
    """Walking in from an edge: lines at furniture positions, up to the first that is not."""
    order = range(len(lines)) if edge == "top" else range(len(lines) - 1, -1, -1)
    mine: set[int] = set()
    for i in order:
        pos = _position(lines[i], height, s)
        if pos is None or pos[0] != edge or _label(lines, lines[i]):
            break
        if not any((edge, pos[1] + d) in spots for d in range(-s.near, s.near + 1)):
            break
        mine.add(i)
    return mine


def furniture(pages: list[tuple[float, list[Line]]], s: Instellingen = DEFAULT) -> list[set[int]]:
    """Per page, the indexes of the lines that are furniture."""
    spots = _spots(pages, s)
    return [
        _from_edge(lines, height, "top", spots, s) | _from_edge(lines, height, "bottom", spots, s)
        for height, lines in pages
    ]
