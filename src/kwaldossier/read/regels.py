"""Source lines of joined texts: light enough for the look-ups (read/tekst.py, which builds the
hyphenation tables, re-exports it for the parser and the rules)."""

from __future__ import annotations


def line_at(regels: list[int], offsets: list[int], pos: int) -> int | None:
    """The source line holding character `pos` of a text joined from `regels`."""
    if not regels:
        return None
    if len(offsets) != len(regels):
        return regels[0]
    found = regels[0]
    for line, start in zip(regels, offsets, strict=False):
        if start <= pos:
            found = line
    return found
