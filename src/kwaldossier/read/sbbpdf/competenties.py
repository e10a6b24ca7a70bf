"""The names after "De onderliggende competenties zijn:" to letters of the national list A-Y.

Names are separated by commas (no national name holds one); a last pair joined by " en " is
split when both halves are national names. Each name is matched exactly (folded: case,
accents, quotes and spaces ignored) or, failing that, to the closest national name when it is
close enough (a bounded fuzzy match, recorded as a repair). A name that matches nothing is
returned without a letter: the caller refuses the dossier, naming the page."""

from __future__ import annotations

from dataclasses import dataclass

from ...model.competenties import COMPETENTIES, closest_competentie, letter_for_name

CUTOFF = 0.85  # difflib ratio a misspelt name must reach
_EN = " en "


@dataclass(frozen=True)
class Naam:
    gedrukt: str  # as printed
    letter: str | None
    exact: bool

    @property
    def naam(self) -> str:
        """The printed name when it matched exactly, the national name when it was repaired."""
        if self.exact or self.letter is None:
            return self.gedrukt
        return COMPETENTIES[self.letter]


def namen(text: str) -> list[Naam]:
    body = text.strip().rstrip(".;").strip()
    out: list[Naam] = []
    for part in body.split(","):
        name = " ".join(part.split())
        if name:
            out += _name(name)
    return out


def _name(name: str) -> list[Naam]:
    letter = letter_for_name(name)
    if letter is not None:
        return [Naam(name, letter, True)]
    split = _split_en(name)
    if split is not None:
        return split
    close = closest_competentie(name, CUTOFF)
    if close is not None:
        return [Naam(name, close[0], False)]
    return [Naam(name, None, False)]


def _split_en(name: str) -> list[Naam] | None:
    """'Analyseren en Leren': two names joined by ' en ', both national names exactly."""
    i = name.find(_EN)
    while i >= 0:
        left, right = name[:i], name[i + len(_EN) :]
        a, b = letter_for_name(left), letter_for_name(right)
        if a is not None and b is not None:
            return [Naam(left, a, True), Naam(right, b, True)]
        i = name.find(_EN, i + 1)
    return None


def is_lijst(text: str) -> bool:
    """Every part is a national name (exact or close): the text is a competence list."""
    found = namen(text)
    return bool(found) and all(n.letter is not None for n in found)
