"""Text comparison for the diff: folding (once per text), word diffs that read well, similarity,
and the redactioneel / inhoudelijk grade of a text change."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

from .diff_report import INHOUDELIJK, REDACTIONEEL, WoordOp

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def fold_fast(text: str) -> str:
    """Same key as model.competenties.fold (case, accents, quotes, spacing), on the whole string
    at once: combining marks are dropped, so decomposing per character or per string agrees."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES).casefold())
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return " ".join(decomposed.translate(marks).split())


_NOT_ALNUM = re.compile(r"[\W_]+")


class Folder:
    """Folds each text once per diff run (a diff compares the same texts many times)."""

    __slots__ = ("_core", "_folded", "_words")

    def __init__(self) -> None:
        self._folded: dict[str, str] = {}
        self._words: dict[str, list[str]] = {}
        self._core: dict[str, list[str]] = {}

    def __call__(self, text: str) -> str:
        hit = self._folded.get(text)
        if hit is None:
            hit = self._folded[text] = fold_fast(text)
        return hit

    def words(self, text: str) -> list[str]:
        hit = self._words.get(text)
        if hit is None:
            hit = self._words[text] = self(text).split()
        return hit

    def core(self, text: str) -> list[str]:
        """Folded words without their punctuation; tokens of punctuation only drop out."""
        hit = self._core.get(text)
        if hit is None:
            hit = self._core[text] = [c for w in self.words(text) if (c := _NOT_ALNUM.sub("", w))]
        return hit


def _trim(xs: list[str], ys: list[str]) -> tuple[int, int]:
    """Lengths of the common prefix and (in what is left) the common suffix."""
    n = min(len(xs), len(ys))
    p = 0
    while p < n and xs[p] == ys[p]:
        p += 1
    s = 0
    while s < n - p and xs[-1 - s] == ys[-1 - s]:
        s += 1
    return p, s


def opcodes(xs: list[str], ys: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes, with the common prefix and suffix taken off first (most edits to a
    dossier text are in its middle, and difflib's cost grows with the product of the lengths)."""
    p, s = _trim(xs, ys)
    out: list[tuple[str, int, int, int, int]] = [("equal", 0, p, 0, p)] if p else []
    mid = SequenceMatcher(None, xs[p : len(xs) - s], ys[p : len(ys) - s], autojunk=False).get_opcodes()
    out += [(tag, i1 + p, i2 + p, j1 + p, j2 + p) for tag, i1, i2, j1, j2 in mid if i1 != i2 or j1 != j2]
    if s:
        out.append(("equal", len(xs) - s, len(xs), len(ys) - s, len(ys)))
    return out


def ratio(xs: list[str], ys: list[str]) -> float:
    total = len(xs) + len(ys)
    if not total:
        return 1.0
    p, s = _trim(xs, ys)
    mid = SequenceMatcher(None, xs[p : len(xs) - s], ys[p : len(ys) - s], autojunk=False)
    matched = p + s + sum(m.size for m in mid.get_matching_blocks())
    return 2.0 * matched / total


def text_similarity(a: str, b: str, f: Folder) -> float:
    if not a and not b:
        return 1.0
    return ratio(f.words(a), f.words(b))


def item_similarity(a: str, b: str, f: Folder, floor: float = 0.0) -> float:
    """Character similarity of two folded items; 0.0 when a cheap upper bound is below floor."""
    sm = SequenceMatcher(None, f(a), f(b), autojunk=False)
    if sm.real_quick_ratio() < floor or sm.quick_ratio() < floor:
        return 0.0
    return sm.ratio()


# ---------------------------------------------------------------- word diff


def word_diff(a: str, b: str) -> list[WoordOp]:
    """Word diff (tokens are words with their punctuation), cleaned up so that a rewritten
    phrase reads as one removal and one addition."""
    wa, wb = a.split(), b.split()
    runs: list[list] = []  # [op, a_words, b_words]
    for tag, i1, i2, j1, j2 in opcodes(wa, wb):
        if tag == "equal":
            runs.append(["equal", wa[i1:i2], wb[j1:j2]])
        else:
            runs.append(["edit", wa[i1:i2], wb[j1:j2]])
    runs = cleanup_semantic(runs)
    out = []
    for kind, xa, xb in runs:
        if kind == "equal":
            out.append(WoordOp("equal", " ".join(xa), " ".join(xb)))
        else:
            op = "replace" if xa and xb else ("delete" if xa else "insert")
            out.append(WoordOp(op, " ".join(xa), " ".join(xb)))
    return out


def _chars(ws: list[str]) -> int:
    return sum(len(w) for w in ws) + max(len(ws) - 1, 0)


def cleanup_semantic(runs: list[list]) -> list[list]:
    """diff-match-patch's semantic clean-up on word runs: an equality no longer (in characters)
    than the edits on either side of it is folded into them, and the three become one edit.
    After merging, runs alternate equal / edit, so a merge only changes its own neighbourhood."""
    runs = _merge(runs)
    i = 1
    while i < len(runs) - 1:
        kind, xa, xb = runs[i]
        prev, nxt = runs[i - 1], runs[i + 1]
        if kind == "equal" and prev[0] == nxt[0] == "edit":
            size = _chars(xa)
            if size <= max(_chars(prev[1]), _chars(prev[2])) and size <= max(_chars(nxt[1]), _chars(nxt[2])):
                runs[i - 1 : i + 2] = [["edit", prev[1] + xa + nxt[1], prev[2] + xb + nxt[2]]]
                i = max(1, i - 2)  # the equality before the merged edit may now qualify
                continue
        i += 1
    return runs


def _merge(runs: list[list]) -> list[list]:
    out: list[list] = []
    for kind, xa, xb in runs:
        if not xa and not xb:
            continue
        if out and out[-1][0] == kind:
            out[-1] = [kind, out[-1][1] + xa, out[-1][2] + xb]
        else:
            out.append([kind, list(xa), list(xb)])
    return out


# ---------------------------------------------------------------- impact of a text change


def _spelling_variant(x: str, y: str) -> bool:
    """A typo-sized difference in a word of five letters or more: one doubled letter more or
    less, or two neighbouring letters swapped."""
    if min(len(x), len(y)) < 5:
        return False
    if _undouble(x) == _undouble(y):
        return True
    if len(x) == len(y):
        diffs = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and x[diffs[0]] == y[diffs[1]] and x[diffs[1]] == y[diffs[0]]
    return False


def _undouble(w: str) -> str:
    return "".join(c for i, c in enumerate(w) if i == 0 or c != w[i - 1])


def text_impact(a: str, b: str, f: Folder) -> str:
    """redactioneel when the meaning cannot have changed, else inhoudelijk (see README, diff)."""
    ca, cb = f.core(a), f.core(b)
    if Counter(ca) == Counter(cb):  # case, accents, punctuation, spacing, word order
        return REDACTIONEEL
    if "".join(ca) == "".join(cb):  # compounds written apart or together, hyphens
        return REDACTIONEEL
    gone = Counter(ca) - Counter(cb)
    new = Counter(cb) - Counter(ca)
    xs, ys = sorted(gone.elements()), list(new.elements())
    if len(xs) != len(ys):
        return INHOUDELIJK
    for x in xs:  # every changed word pairs with a spelling variant of itself
        y = next((y for y in ys if _spelling_variant(x, y)), None)
        if y is None:
            return INHOUDELIJK
        ys.remove(y)
    return REDACTIONEEL
