"""Fixed national reference data: the 25 competences A–Y (nothing derived from sample dossiers)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

COMPETENTIES: dict[str, str] = {
    "A": "Beslissen en activiteiten initiëren",
    "B": "Aansturen",
    "C": "Begeleiden",
    "D": "Aandacht en begrip tonen",
    "E": "Samenwerken en overleggen",
    "F": "Ethisch en integer handelen",
    "G": "Relaties bouwen en netwerken",
    "H": "Overtuigen en beïnvloeden",
    "I": "Presenteren",
    "J": "Formuleren en rapporteren",
    "K": "Vakdeskundigheid toepassen",
    "L": "Materialen en middelen inzetten",
    "M": "Analyseren",
    "N": "Onderzoeken",
    "O": "Creëren en innoveren",
    "P": "Leren",
    "Q": "Plannen en organiseren",
    "R": 'Op de behoeften en verwachtingen van de "klant" richten',
    "S": "Kwaliteit leveren",
    "T": "Instructies en procedures opvolgen",
    "U": "Omgaan met verandering en aanpassen",
    "V": "Met druk en tegenslag omgaan",
    "W": "Gedrevenheid en ambitie tonen",
    "X": "Ondernemend en commercieel handelen",
    "Y": "Bedrijfsmatig handelen",
}

LETTERS: tuple[str, ...] = tuple(COMPETENTIES)

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Case- and accent-folded text and, per folded character, its index in the original."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text.translate(_QUOTES)):
        for f in unicodedata.normalize("NFKD", ch.casefold()):
            if not unicodedata.combining(f):
                out.append(f)
                index.append(i)
    return "".join(out), index


def fold(text: str) -> str:
    """Case-, accent-, quote- and space-insensitive key for matching."""
    return " ".join(fold_with_map(text)[0].split())


def code_key(code: str) -> tuple[int, ...]:
    """Sort key for kerntaak and werkproces codes: 2.10 after 2.9."""
    return tuple(int(p) for p in code.split("."))


_NAME_INDEX = {fold(naam): letter for letter, naam in COMPETENTIES.items()}


def letter_for_name(naam: str) -> str | None:
    """Exact (folded) lookup of a competence name."""
    return _NAME_INDEX.get(fold(naam))


def closest_competentie(naam: str, cutoff: float = 0.8) -> tuple[str, float] | None:
    """Best matching letter for a possibly misspelled competence name."""
    from difflib import SequenceMatcher

    key = fold(naam)
    best: tuple[str, float] | None = None
    for known, letter in _NAME_INDEX.items():
        ratio = SequenceMatcher(None, key, known).ratio()
        if ratio >= cutoff and (best is None or ratio > best[1]):
            best = (letter, ratio)
    return best


def is_name_prefix(text: str) -> bool:
    """True when text is the first line of a competence name wrapped over two lines."""
    key = fold(text)
    return any(known.startswith(key + " ") for known in _NAME_INDEX)


# Components: there is no national table here (only the list of the 25 competences above).
# What a dossier lists as the components of a competence is read from the dossier itself.


def componenten_uit_tekst(lines: Iterable[str]) -> dict[str, dict[str, tuple[str, int]]]:
    """The components a dossier text itself lists under each competence: the bullet lines
    right after a competence name (one line, or wrapped over two). letter -> folded
    component -> (text as first written, how often). Evidence for the 2012 text parser."""
    found: dict[str, dict[str, tuple[str, int]]] = {}
    stripped = [line.strip() for line in lines]
    letter: str | None = None
    i = 0
    while i < len(stripped):
        s = stripped[i]
        i += 1
        if not s:
            continue
        if s.startswith("•"):
            text = s[1:].strip()
            if letter and text:
                key = fold(text)
                prev = found.setdefault(letter, {}).get(key)
                found[letter][key] = (prev[0] if prev else text, (prev[1] if prev else 0) + 1)
            continue
        letter = letter_for_name(s)
        if letter is None and i < len(stripped) and stripped[i] and not stripped[i].startswith("•"):
            letter = letter_for_name(s + " " + stripped[i])
            if letter:
                i += 1
    return found


def component_prefix(
    letter: str, text: str, bekend: dict[str, dict[str, tuple[str, int]]] | None = None
) -> str | None:
    """The component of `letter` that `text` is or starts with (for merged columns), as the
    dossier itself lists it elsewhere (`bekend`, from componenten_uit_tekst); else None.
    A longer text whose exact form occurs only once yields to a known shorter prefix."""
    comps = (bekend or {}).get(letter)
    if not comps:
        return None
    key = fold(text)
    prefixes = [v for k, v in comps.items() if key.startswith(k + " ")]
    exact = comps.get(key)
    if exact and (exact[1] >= 2 or not prefixes):
        return exact[0]
    if prefixes:
        return max(prefixes, key=lambda v: len(v[0]))[0]
    return None
