"""Codes of kerntaken and werkprocessen in both models, their order, and the small numbers
they are made of: the one home for all of it (import-light: plain string tests, no regex).

2012: kerntaak `2`, werkproces `2.5`. 2015: kerntaak `B1-K1` (basisdeel) or `P2-K1` (profieldeel
of profile 2), werkproces `B1-K1-W3`. Every number in a code is 1..MAX_NUMMER in ASCII digits.
"""

from __future__ import annotations

MAX_NUMMER = 999  # codes and chapter numbers are small; a bigger one is an input error
MAX_JAAR = 9999  # the largest year a date from a file may name
_MAX_CIJFERS = 9  # a longer string of digits is no small number (and never reaches int())


def klein_getal(text: str, maximum: int = MAX_NUMMER) -> int | None:
    """`text` as a whole number 0..maximum written in ASCII digits (leading zeros allowed, at
    most 9 digits), else None. The one place a number from a file becomes an int: nothing
    that grows with a number's value, no int() of a huge or non-ASCII string."""
    s = text.strip()
    if not s or len(s) > _MAX_CIJFERS or not (s.isascii() and s.isdigit()):
        return None
    value = int(s)
    return value if value <= maximum else None


def _nummer(part: str, prefix: str = "") -> bool:
    """`part` is prefix + a number 1..MAX_NUMMER (no sign, no leading zero)."""
    if prefix:
        if not part.startswith(prefix):
            return False
        part = part[len(prefix) :]
    return part[:1] != "0" and (klein_getal(part) or 0) >= 1


def is_kerntaak_code(code: str) -> bool:
    """`2` or `B1-K1` / `P2-K1`."""
    if _nummer(code):
        return True
    deel, sep, kt = code.partition("-")
    return bool(sep) and deel[:1] in ("B", "P") and _nummer(deel[1:]) and _nummer(kt, "K")


def is_werkproces_code(code: str) -> bool:
    """`2.5` or `B1-K1-W3` / `P2-K1-W3`."""
    kt, dot, wp = code.partition(".")
    if dot:
        return _nummer(kt) and _nummer(wp)
    kt, sep, wp = code.rpartition("-")
    return bool(sep) and "-" in kt and is_kerntaak_code(kt) and _nummer(wp, "W")


def kerntaak_van(code: str) -> str:
    """The kerntaak code of a werkproces code: 2.5 -> 2, B1-K1-W2 -> B1-K1."""
    return code.rsplit("-W", 1)[0] if "-W" in code else code.split(".")[0]


_DEEL = {"B": 1, "P": 2}
_GROOT = 10**9  # above every number a code can hold


def code_key(code: str) -> tuple[int, ...]:
    """Sort key for kerntaak and werkproces codes of both models: 2.10 after 2.9 (2012);
    B1-K1-W10 after B1-K1-W9, basisdeel (B) before profieldeel (P2-K1-W1) (2015); 2012 codes
    before 2015 ones. Any string gives a key (edited input never crashes a sort): a part that is
    no small number sorts after the numbers, by length and characters (bounded)."""
    if not code:
        return (0,)  # no code (a finding on the whole profile) first
    if "-" not in code:
        return (0, *(n for part in code.split(".") for n in _deel_key(part)))
    key = [1]
    for i, part in enumerate(code.upper().split("-")):
        head, digits = (part[:1], part[1:]) if part[:1].isalpha() else ("", part)
        if i == 0:
            key.append(_DEEL.get(head, len(_DEEL) + 1))
        key += _deel_key(digits)
    return tuple(key)


def _deel_key(part: str) -> list[int]:
    value = klein_getal(part, _GROOT - 1)
    if value is not None:
        return [value]
    return [_GROOT, len(part), *map(ord, part[:64])]
