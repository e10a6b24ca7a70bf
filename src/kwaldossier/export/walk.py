"""The model walk shared by the exports: profielen -> kerntaken -> werkprocessen -> competenties,
through what both dossier models have (model/vorm.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model.competenties import LETTERS

if TYPE_CHECKING:
    from ..model.vorm import KerntaakVorm, ProfielVorm, WerkprocesVorm


def kerntaken_in_profiel(profiel: ProfielVorm) -> Iterator[tuple[KerntaakVorm, list[WerkprocesVorm]]]:
    """(kerntaak, its werkprocessen in the profile) for each kerntaak that has any."""
    for kt in profiel.kerntaken:
        wps: list[WerkprocesVorm] = [wp for wp in kt.werkprocessen if wp.in_profiel]
        if wps:
            yield kt, wps


def telling(profiel: ProfielVorm) -> dict[str, int]:
    """Per competence letter: how many werkprocessen of the profile call on it."""
    counts = dict.fromkeys(LETTERS, 0)
    for _, wps in kerntaken_in_profiel(profiel):
        for wp in wps:
            for letter in wp.letters:
                counts[letter] += 1
    return counts
