"""Fixed national reference data: the 25 competences A–Y (nothing derived from sample dossiers)."""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from difflib import SequenceMatcher

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


def _quotes(text: str) -> str:
    """Curly quotes straight. They are not ASCII, and translate looks every character up in a
    dict: only a text that holds one is translated."""
    if text.isascii() or not ("’" in text or "‘" in text or "“" in text or "”" in text):
        return text
    return text.translate(_QUOTES)


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _drop_combining(m: re.Match[str]) -> str:
    return "" if unicodedata.combining(m.group()) else m.group()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Case- and accent-folded text and, per folded character, its index in the original.
    Runs of ASCII (folded by lower(), one character each) go in one step; only the other
    characters are folded one by one."""
    text = _quotes(text)  # one character for one: indexes stay those of the original
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    at = 0
    for m in _ASCII_RUN.finditer(text):
        _fold_chars(text, at, m.start(), out, index)
        out.append(m.group().lower())
        index.extend(range(m.start(), m.end()))
        at = m.end()
    _fold_chars(text, at, len(text), out, index)
    return "".join(out), index


def _fold_chars(text: str, start: int, end: int, out: list[str], index: list[int]) -> None:
    for i in range(start, end):
        for f in unicodedata.normalize("NFKD", text[i].casefold()):
            if not unicodedata.combining(f):
                out.append(f)
                index.append(i)


def fold(text: str) -> str:
    """Case-, accent-, quote- and space-insensitive key for matching (as fold_with_map, in linear
    time and without the per-character map)."""
    text = _quotes(text).casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            # only the non-ASCII characters can be combining marks: test those alone
            text = _NON_ASCII.sub(_drop_combining, text)
    return " ".join(text.split())


_NAME_INDEX = {fold(naam): letter for letter, naam in COMPETENTIES.items()}


def letter_for_name(naam: str) -> str | None:
    """Exact (folded) lookup of a competence name."""
    return _NAME_INDEX.get(fold(naam))


def closest_competentie(naam: str, cutoff: float = 0.8) -> tuple[str, float] | None:
    """Best matching letter for a possibly misspelled competence name."""
    return closest_folded(fold(naam), cutoff)


def closest_folded(key: str, cutoff: float = 0.8) -> tuple[str, float] | None:
    """closest_competentie for an already folded text. The cheap upper bounds of the ratio
    (lengths, then letter counts) reject a text before any full comparison, so a long text
    costs linear time, not difflib's quadratic worst case."""
    best: tuple[str, float] | None = None
    for letter, matcher in _matchers():
        matcher.set_seq1(key)  # as SequenceMatcher(None, key, name); the name's index is kept
        if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
            continue
        ratio = matcher.ratio()
        if ratio >= cutoff and (best is None or ratio > best[1]):
            best = (letter, ratio)
    return best


_LOCAL = threading.local()


def _matchers() -> list[tuple[str, SequenceMatcher[str]]]:
    """One matcher per national name, its index built once per thread (a matcher is mutable)."""
    matchers = getattr(_LOCAL, "matchers", None)
    if matchers is None:
        from difflib import SequenceMatcher

        matchers = _LOCAL.matchers = [
            (letter, SequenceMatcher(None, "", known)) for known, letter in _NAME_INDEX.items()
        ]
    return matchers


def is_name_prefix(text: str) -> bool:
    """True when text is the first line of a competence name wrapped over two lines."""
    key = fold(text)
    return any(known.startswith(key + " ") for known in _NAME_INDEX)


# Components: there is no national table here (only the list of the 25 competences above).
# What a dossier lists as the components of a competence is read from the dossier itself.
