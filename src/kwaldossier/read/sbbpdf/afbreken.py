"""Hyphens at line ends in a PDF that prints texts typed with hyphens (sociaal-emotioneel):
a line-end hyphen is a word broken by the layout only when the document shows that its layout
breaks words. Decided per hyphen from the document's own words, before the dictionary:

- the hyphenated word occurs inside a line elsewhere (sociaal-emotioneel): a real hyphen;
- the joined word occurs elsewhere (ontwikkeling after ontwik- / keling): a break;
- otherwise the dictionary (read/tekst.Hyphenator), but only when the document has at least
  one such break; a layout that never breaks words keeps every hyphen.

A dash standing alone at a line end may be the first half of an elided compound
("taalontwikkeling, -achterstanden", "doelen en -methodieken"), put on its own by a layout that
breaks after a hyphen: joined to the next word without a space after a comma, and after a
conjunction when the document writes that word with its dash elsewhere ("en -methodieken");
otherwise it is a dash between spaces ("en - indien van toepassing -").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from ..tekst import Hyphenator
from . import woorden

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_END = re.compile(r"([^\W\d_]+)-$")
_START = re.compile(r"^([^\W\d_]+)")
_ELIDED = re.compile(r"(?:^|\s)-([^\W\d_]+)")


@dataclass
class PdfAfbreker(Hyphenator):
    @cached_property
    def _inline(self) -> set[str]:
        return {m.group(0).casefold() for m in _WORD.finditer(self.text)}

    @cached_property
    def _breekt(self) -> bool:
        """The layout breaks words: a line-end hyphen whose joined word the document has."""
        lines = self.text.split("\n")
        for a, b in itertools.pairwise(lines):
            end, start = _END.search(a.rstrip()), _START.match(b.lstrip())
            if end and start and start.group(1)[0].islower():
                left, right = end.group(1), start.group(1)
                if f"{left}-{right}".casefold() not in self._inline and (left + right).casefold() in self._words:
                    return True
        return False

    def _decide(self, a: str, b: str) -> bool:
        if f"{a}-{b}".casefold() in self._inline:
            return False
        if (a + b).casefold() in self._words:
            return True
        return self._breekt and super()._decide(a, b)

    @cached_property
    def _met_streep(self) -> set[str]:
        """Words the document writes with a dash before them, inside a line ("-methodieken")."""
        return {m.group(1).casefold() for m in _ELIDED.finditer(self.text)}

    def _glue(self, tail: str, whole: bool, right: str) -> tuple[bool, str]:
        if tail.endswith(" -") and right[:1].isalpha():
            before = tail[:-2].split()
            word = _START.match(right)
            if before and before[-1].endswith(","):
                return False, ""
            if (
                before
                and before[-1].casefold() in woorden.WEGLATING
                and word
                and word.group(1).casefold() in self._met_streep
            ):
                return False, ""
        return super()._glue(tail, whole, right)
