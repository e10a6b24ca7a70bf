"""read/lettergrepen.py gives pyphen's own Dutch hyphenation points (its lazy table must not
change a single decision of the soft-hyphen rule)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyphen
import pytest

from kwaldossier.read.lettergrepen import Patronen, afbreekpunten

ROOT = Path(__file__).resolve().parents[1]


def _woorden() -> list[str]:
    words: set[str] = set()
    for f in sorted((ROOT / "data" / "raw").glob("*.txt")):
        words.update(re.findall(r"[^\W\d_]+", f.read_text(encoding="utf-8")))
    for f in sorted((ROOT.parent / "shared" / "sbb-xml").glob("*.xml")):
        words.update(re.findall(r"[^\W\d_]+", f.read_text(encoding="utf-8", errors="replace")))
    return sorted(words)


@pytest.mark.shared
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


_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")


def _ruw_as_before(path: Path) -> dict[str, str]:
    """The pattern table as Patronen first built it: line by line."""
    data = path.read_bytes()
    encoding = data.split(b"\n", 1)[0].decode().strip()
    encoding = "cp1251" if encoding.lower() == "microsoft-cp1251" else encoding
    lines = [ln.strip() for ln in data.decode(encoding).split("\n")[1:]]
    hexa = re.compile(r"\^{2}([0-9a-f]{2})")
    lines = [hexa.sub(lambda m: chr(int(m.group(1), 16)), ln) for ln in lines if ln and not ln.startswith(_IGNORED)]
    return dict(zip([ln.translate(str.maketrans("", "", "0123456789")) for ln in lines], lines, strict=True))


def test_table_as_built_line_by_line(tmp_path: Path) -> None:
    """The one-pass table equals the line-by-line one: every dictionary pyphen ships (standard
    patterns), and escapes (^^e9, ^^0a), non-ASCII letters and CRLF lines."""
    checked = 0
    for path in sorted(Path(pyphen.__file__).parent.joinpath("dictionaries").glob("*.dic")):
        try:
            table = Patronen(path)
        except ValueError:
            continue  # nonstandard patterns: refused either way
        assert table._ruw == _ruw_as_before(path), path.name
        checked += 1
    assert checked > 20
    odd = tmp_path / "odd.dic"
    odd.write_bytes("UTF-8\n% c\r\n.a4b\r\n  x^^e9y3 \n4z^^0a1\n\n1ë2ß\nLEFTHYPHENMIN 2\n#x\n".encode())
    assert Patronen(odd)._ruw == _ruw_as_before(odd)
