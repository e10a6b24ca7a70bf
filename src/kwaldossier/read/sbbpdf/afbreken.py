"""Hyphens at line ends in a PDF that prints texts typed with hyphens (sociaal-emotioneel):
a line-end hyphen is a word broken by the layout only when the document shows that its layout
breaks words. Decided per hyphen from the document's own words, before the dictionary:

- the hyphenated word occurs inside a line elsewhere (sociaal-emotioneel): a real hyphen;
- the joined word occurs elsewhere (ontwikkeling after ontwik- / keling): a break;
- otherwise the dictionary (read/tekst.Hyphenator), but only when the document has at least
  one such break; a layout that never breaks words keeps every hyphen.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from ..tekst import Hyphenator

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_END = re.compile(r"([^\W\d_]+)-$")
_START = re.compile(r"^([^\W\d_]+)")


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
