"""read/lettergrepen.py gives pyphen's own Dutch hyphenation points (its lazy table must not
change a single decision of the soft-hyphen rule)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyphen

from kwaldossier.read.lettergrepen import afbreekpunten

ROOT = Path(__file__).resolve().parents[1]


def _woorden() -> list[str]:
    words: set[str] = set()
    for f in sorted((ROOT / "data" / "raw").glob("*.txt")):
        words.update(re.findall(r"[^\W\d_]+", f.read_text(encoding="utf-8")))
    for f in sorted((ROOT.parent / "shared" / "sbb-xml").glob("*.xml")):
        words.update(re.findall(r"[^\W\d_]+", f.read_text(encoding="utf-8", errors="replace")))
    return sorted(words)


def test_same_points_as_pyphen_on_every_word_of_the_inputs() -> None:
    ref = pyphen.Pyphen(lang="nl_NL")
    words = _woorden()
    assert len(words) > 2000
    for w in words:
        assert afbreekpunten(w) == ref.positions(w), w


def test_same_points_as_pyphen_on_generated_words() -> None:
    ref = pyphen.Pyphen(lang="nl_NL")
    rnd = random.Random(21)
    letters = "aeiouybcdfghjklmnpqrstvwxzëéèïöüij"
    for _ in range(3000):
        w = "".join(rnd.choice(letters) for _ in range(rnd.randint(1, 25)))
        assert afbreekpunten(w) == ref.positions(w), w
    for w in ("lettergrepen", "Schattingen", "", "a", "prestatie-indicator", "ÉÉN"):
        assert afbreekpunten(w) == ref.positions(w), w
