"""The generic model walk shared by the exports: profielen -> kerntaken -> werkprocessen -> competenties.

Written against attributes both dossier models have; fields only the 2015 model has (crebo,
code, ...) are read with getattr and a default, so the same code serves both."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model.competenties import LETTERS


def in_profiel(wp) -> bool:
    return bool(getattr(wp, "in_profiel", True))


def competenties_van(wp) -> list[str]:
    """Letters of the competences a werkproces calls on: its matrix row (2012), else the
    letters of its competence blocks (2015 has no matrix); each once, in A–Y order."""
    letters = set(getattr(wp, "matrix", None) or [])
    if not letters:
        letters = {c.letter for c in getattr(wp, "competenties", None) or [] if getattr(c, "letter", None)}
    return [l for l in LETTERS if l in letters]


def kerntaken_in_profiel(profiel) -> Iterator[tuple[Any, list]]:
    """(kerntaak, its werkprocessen in the profile) for each kerntaak that has any."""
    for kt in profiel.kerntaken:
        wps = [wp for wp in kt.werkprocessen if in_profiel(wp)]
        if wps:
            yield kt, wps


def telling(profiel) -> dict[str, int]:
    """Per competence letter: how many werkprocessen of the profile call on it."""
    counts = dict.fromkeys(LETTERS, 0)
    for _, wps in kerntaken_in_profiel(profiel):
        for wp in wps:
            for l in competenties_van(wp):
                counts[l] += 1
    return counts
