"""The profile's own role name, normalised away before two profiles are compared (diff.py)."""

from __future__ import annotations

import re
from typing import Any

from .worddiff import Folder

PLACEHOLDER = "‹profiel›"


class RoleNormaliser:
    """The profile's own role name is noise in a profile diff: "De commercieel medewerker
    binnendienst ..." against "... buitendienst ..." is no difference. Each side loses only its
    own role name (replaced by the words both names share plus a placeholder), so a mention of
    the other role ("offertes van de commercieel medewerker buitendienst") still counts."""

    def __init__(self, a: Any, b: Any, f: Folder) -> None:
        self.names = [a.naam, b.naam] if f(a.naam) != f(b.naam) else []
        common = []
        for x, y in zip(a.naam.split(), b.naam.split(), strict=False):
            if f(x) != f(y):
                break
            common.append(x.lower())
        self.replacement = " ".join([*common, PLACEHOLDER])
        self.patterns = [re.compile(re.escape(n), re.IGNORECASE) for n in self.names]

    @property
    def active(self) -> bool:
        return bool(self.names)

    def a(self, text: str) -> str:
        return self.patterns[0].sub(self.replacement, text) if self.names else text

    def b(self, text: str) -> str:
        return self.patterns[1].sub(self.replacement, text) if self.names else text
