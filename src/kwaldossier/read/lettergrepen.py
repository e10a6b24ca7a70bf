"""Dutch hyphenation points (Liang's patterns from pyphen's hyph_nl_NL.dic), with the table
built lazily: loading keys each pattern by its letters in one C-level pass (~5 ms) and a
pattern's digits are read only when a word first meets it. pyphen.Pyphen(lang="nl_NL") parses
all 16,000 patterns up front (~180 ms per process); the points are the same as its
`positions(word)` (left=2, right=2), which tests/test_lettergrepen.py checks."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DIGITS = str.maketrans("", "", "0123456789")
_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_IGNORED_FIRST = frozenset(p[0] for p in _IGNORED)  # most lines need no startswith
_HEX = re.compile(r"\^{2}([0-9a-f]{2})")
_Waarden = tuple[int, tuple[int, ...]] | None


class Patronen:
    """The patterns of one .dic file: letters -> raw pattern, its (offset, values) on first use."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        encoding = data.split(b"\n", 1)[0].decode().strip()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        text = data.decode(encoding)
        keep = [ln for ln in map(str.strip, text.split("\n")[1:]) if ln]
        lines = [ln for ln in keep if ln[0] not in _IGNORED_FIRST or not ln.startswith(_IGNORED)]
        escaped = "^^" in text
        if escaped:
            lines = [_HEX.sub(lambda m: chr(int(m.group(1), 16)), ln) for ln in lines]
        if ("/" in text or escaped) and any("/" in ln and "=" in ln for ln in lines):
            raise ValueError(f"{path.name}: nonstandard hyphenation patterns are not supported")
        self._ruw = dict(zip(_letters(lines, escaped), lines, strict=True))
        self._waarden: dict[str, _Waarden] = {}
        self.maxlen = max(map(len, self._ruw))
        self._punten: dict[str, list[int]] = {}

    def _patroon(self, tags: str) -> _Waarden:
        if tags in self._waarden:
            return self._waarden[tags]
        raw = self._ruw.get(tags)
        out: _Waarden = None
        if raw is not None:
            values: list[int] = [0]
            for ch in raw:  # "a4b" -> values before each letter and after the last: [0, 4, 0]
                if "0" <= ch <= "9":
                    values[-1] = int(ch)
                else:
                    values.append(0)
            if max(values) > 0:
                start, end = 0, len(values)
                while not values[start]:
                    start += 1
                while not values[end - 1]:
                    end -= 1
                out = (start, tuple(values[start:end]))
        self._waarden[tags] = out
        return out

    def punten(self, word: str) -> list[int]:
        """Where `word` may be broken (as pyphen's HyphDict.positions, without the margins)."""
        word = word.lower()
        found = self._punten.get(word)
        if found is None:
            pointed = f".{word}."
            refs = [0] * (len(pointed) + 1)
            for i in range(len(pointed) - 1):
                for j in range(i + 1, min(i + self.maxlen, len(pointed)) + 1):
                    pattern = self._patroon(pointed[i:j])
                    if pattern is None:
                        continue
                    offset, values = pattern
                    for k, v in enumerate(values, i + offset):
                        refs[k] = max(refs[k], v)
            found = self._punten[word] = [i - 1 for i, r in enumerate(refs) if r % 2]
        return found


def _letters(lines: list[str], escaped: bool) -> list[str]:
    """Each pattern without its digits. One bytes.translate over all of them (ASCII digits are
    single bytes in UTF-8, never part of another character); str.translate would look every
    character up in a dict (~7 ms for the Dutch table)."""
    if escaped:  # a line may hold a newline (^^0a): joined lines would not split back
        return [ln.translate(_DIGITS) for ln in lines]
    joined = "\n".join(lines).encode("utf-8")
    return joined.translate(None, b"0123456789").decode("utf-8").split("\n")


@lru_cache(maxsize=1)
def _nl() -> Patronen:
    import importlib.util

    spec = importlib.util.find_spec("pyphen")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pyphen")
    return Patronen(Path(spec.origin).parent / "dictionaries" / "hyph_nl_NL.dic")


def afbreekpunten(word: str, left: int = 2, right: int = 2) -> list[int]:
    """The Dutch hyphenation points of `word`, at least `left` letters from its start and
    `right` from its end (pyphen.Pyphen(lang="nl_NL").positions)."""
    last = len(word) - right
    return [i for i in _nl().punten(word) if left <= i <= last]
