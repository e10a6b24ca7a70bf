"""What the dossier itself says about competences: the components each one lists.

The parser needs component knowledge in two places (a bullet after a page break: vakkennis or
a component?; two columns merged onto one line). It takes it from the dossier at hand, never
from a table of sample dossiers: a pre-pass collects the components listed right under each
competence name (one line, or wrapped over two) anywhere in the file.
"""

from __future__ import annotations

import re

from ...model.competenties import COMPETENTIES, fold
from .. import vocab
from .state import State

NAMES: dict[str, str] = {fold(naam): letter for letter, naam in COMPETENTIES.items()}
_LONGEST = max(len(k) for k in NAMES)
_FIRST_WORDS = {k.split()[0] for k in NAMES}
# an ASCII line starting with one of those words (any case), as a whole word: one regex call
# per line instead of split, casefold and a set look-up (all folded names are ASCII)
_FIRST_WORD = re.compile("(?:" + "|".join(map(re.escape, sorted(_FIRST_WORDS))) + r")(?!\S)", re.IGNORECASE)
# the ASCII letters a line holding a name can start with (a fold keeps an ASCII letter's letter)
_FIRST_CHARS = frozenset("".join(w[0] for w in _FIRST_WORDS)) | frozenset("".join(w[0].upper() for w in _FIRST_WORDS))
MAX_COMPONENT = 200  # characters: a component is a short phrase


def naam_exact(st: State, no: int) -> tuple[str, list[int]] | None:
    """A national competence name (exactly, folded) on line `no` or wrapped over `no`, `no`+1."""
    s = st.stripped[no - 1]
    if not s or s.startswith(vocab.BULLET):
        return None
    if s.isascii() and not _FIRST_WORD.match(s):
        return None  # (fold of ASCII text is casefold with single spaces: no need to fold it)
    key = st.folded(no)
    if len(key) > _LONGEST:
        return None
    letter = NAMES.get(key)
    if letter:
        return letter, [no]
    nxt = st.s(no + 1)
    if nxt and not nxt.startswith(vocab.BULLET) and len(st.folded(no + 1)) <= _LONGEST:
        letter = NAMES.get(" ".join(k for k in (key, st.folded(no + 1)) if k))
        if letter:
            return letter, [no, no + 1]
    return None


_NOG: tuple[str, list[int]] = ("", [])  # a candidate line not looked at yet


def naam(st: State, no: int) -> tuple[str, list[int]] | None:
    """naam_exact, each line worked out once: the pre-pass (components_per_letter) keeps the
    lines that can hold a name and what it found on them; any other line holds none."""
    if st.namen is None:
        return naam_exact(st, no)
    found = st.namen.get(no)
    if found is _NOG:
        found = st.namen[no] = naam_exact(st, no)
    return found


def components_per_letter(st: State) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    match, first, bullet = _FIRST_WORD.match, _FIRST_CHARS, vocab.BULLET
    # the lines naam_exact can accept at all (it checks them in full), in one comprehension:
    # starting with a name's first letter and its first word (or, not ASCII, maybe folding to
    # it), or with a character that is not ASCII and no bullet
    candidates = [
        no
        for no, s in enumerate(st.stripped, 1)
        if s
        and ((s[0] in first and (match(s) or not s.isascii())) or (not s[0].isascii() and not s.startswith(bullet)))
    ]
    namen = st.namen = dict.fromkeys(candidates, _NOG)
    resume = 1
    for no in candidates:
        if no < resume:
            continue  # inside the components of a name found before
        found = namen[no] = naam_exact(st, no)
        if found is None:
            continue
        letter, regels = found
        items: list[list[str]] = []
        j = regels[-1] + 1
        while j <= st.n and st.s(j):
            s = st.s(j)
            if s.startswith(vocab.BULLET):
                items.append([s[1:].strip()])
            elif items:
                items[-1].append(s)
            else:
                break
            j += 1
        comps = (fold(" ".join(item)) for item in items)
        out.setdefault(letter, set()).update(c for c in comps if len(c) <= MAX_COMPONENT)
        resume = j
    return out


def known_component(st: State, letter: str | None, text: str) -> tuple[str, str] | None:
    """`text` (a bullet line's text) starts with a component this dossier lists under `letter`:
    (component, rest) as written; rest is empty when the line is that component. The longest
    such component wins; only word boundaries within a component's length are tried."""
    known = st.componenten.get(letter or "")
    if not known:
        return None
    key = fold(text)
    if key in known:
        return text, ""
    ends = [i for i, ch in enumerate(key[: MAX_COMPONENT + 1]) if ch == " "]
    for end in reversed(ends):
        if key[:end] in known:
            k = key.count(" ", 0, end) + 1
            words = text.split(None, k)
            if len(words) > k and fold(" ".join(words[:k])) == key[:end]:
                return " ".join(words[:k]), words[k]
    return None
