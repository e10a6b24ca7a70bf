"""A profile as a command holds it: with the dossier and the file it came from, and the name
it goes by in this command (`naam@file` when two loaded profiles share a name)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.vorm import DossierVorm, ProfielVorm


class GeladenProfiel:
    """(A plain class: a dataclass costs a millisecond of start-up on every look-up.)"""

    __slots__ = ("dossier", "naam", "pad", "profiel")

    def __init__(self, profiel: ProfielVorm, dossier: DossierVorm, pad: Path | None, naam: str | None = None) -> None:
        self.profiel = profiel
        self.dossier = dossier
        self.pad = pad
        self.naam = naam or profiel.naam  # the label: naam@file when the name alone is ambiguous

    def __repr__(self) -> str:
        return f"GeladenProfiel({self.naam!r}, {self.pad})"

    def hernoemd(self, naam: str) -> GeladenProfiel:
        return GeladenProfiel(self.profiel, self.dossier, self.pad, naam)
