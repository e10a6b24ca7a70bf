"""Text comparison for the diff: folding (once per text), word diffs that read well, similarity,
and the redactioneel / inhoudelijk grade of a text change."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from .diff_report import INHOUDELIJK, REDACTIONEEL, WoordOp

Opcode = tuple[str, int, int, int, int]
WoordRun = tuple[str, list[str], list[str]]  # ("equal" | "edit", a_words, b_words)
_QUOTE_PAIRS = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"))


_LATIN_MARKS = re.compile("[\u0300-\u036f]+")
_NON_ASCII = re.compile("[^\x00-\x7f]+")


def fold_fast(text: str) -> str:
    """Same key as model.competenties.fold (case, accents, quotes, spacing), on the whole string
    at once: combining marks are dropped, so decomposing per character or per string agrees.
    Only the runs of non-ASCII characters are decomposed (ASCII characters are never combined
    with and are left as they are by NFKD)."""
    if text.isascii():
        return " ".join(text.lower().split())
    for q, r in _QUOTE_PAIRS:
        if q in text:
            text = text.replace(q, r)
    return " ".join(_NON_ASCII.sub(_fold_run, text.casefold()).split())


def _fold_run(m: re.Match[str]) -> str:
    return _fold_non_ascii(m.group())


@lru_cache(maxsize=4096)
def _fold_non_ascii(run: str) -> str:
    """A run of case-folded non-ASCII characters decomposed, without its combining marks."""
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", run))
    if not decomposed.isascii():  # marks outside the Latin block (rare): the general way
        decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    return decomposed


_PUNCT = re.compile(r"[^\w\s]+")  # with "_" (a word character) removed first: one class is twice as fast


class Folder:
    """Folds each text once per diff run (a diff compares the same texts many times)."""

    __slots__ = ("_chars", "_core", "_folded", "_pairs", "_words")

    def __init__(self) -> None:
        self._folded: dict[str, str] = {}
        self._words: dict[str, list[str]] = {}
        self._core: dict[str, list[str]] = {}
        self._chars: dict[str, Counter[str]] = {}
        self._pairs: dict[tuple[str, str], tuple[float, list[Opcode]]] = {}

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
        """The folded words without their punctuation (punctuation-only tokens drop out)."""
        hit = self._core.get(text)
        if hit is None:
            hit = self._core[text] = _PUNCT.sub("", self(text).replace("_", "")).split()
        return hit

    def compare(self, a: str, b: str) -> tuple[float, list[Opcode]]:
        """Similarity (difflib's ratio) and opcodes of the folded words of a and b, computed
        once for both the similarity figure and the word diff."""
        hit = self._pairs.get((a, b))
        if hit is None:
            xs, ys = self.words(a), self.words(b)
            total = len(xs) + len(ys)
            p, s = _trim(xs, ys)
            sm = SequenceMatcher(None, xs[p : len(xs) - s], ys[p : len(ys) - s], autojunk=False)
            matched = p + s + sum(m.size for m in sm.get_matching_blocks())
            ops: list[Opcode] = [("equal", 0, p, 0, p)] if p else []
            ops += [
                (t, i1 + p, i2 + p, j1 + p, j2 + p) for t, i1, i2, j1, j2 in sm.get_opcodes() if i1 != i2 or j1 != j2
            ]
            if s:
                ops.append(("equal", len(xs) - s, len(xs), len(ys) - s, len(ys)))
            hit = self._pairs[(a, b)] = (1.0 if not total else 2.0 * matched / total, ops)
        return hit

    def word_bound(self, a: str, b: str) -> float:
        """An upper bound of compare()'s similarity (difflib's quick_ratio on folded words)."""
        xs, ys = self.words(a), self.words(b)
        total = len(xs) + len(ys)
        return 1.0 if not total else 2.0 * sum((Counter(xs) & Counter(ys)).values()) / total

    def chars(self, text: str) -> Counter[str]:
        hit = self._chars.get(text)
        if hit is None:
            hit = self._chars[text] = Counter(self(text))
        return hit


def _trim(xs: Sequence[str], ys: Sequence[str]) -> tuple[int, int]:
    """Lengths of the common prefix and (in what is left) the common suffix. Matching them
    first makes difflib's work proportional to the changed middle. difflib is greedy, so on
    contrived input this can count a few more matches than difflib on the whole; on the seeds
    every text figure is the same (tests/test_worddiff.py). Items (short) are compared whole."""
    n = min(len(xs), len(ys))
    p = 0
    while p < n and xs[p] == ys[p]:
        p += 1
    s = 0
    while s < n - p and xs[-1 - s] == ys[-1 - s]:
        s += 1
    return p, s


def text_similarity(a: str, b: str, f: Folder) -> float:
    if not a and not b:
        return 1.0
    return f.compare(a, b)[0]


def item_similarity(a: str, b: str, f: Folder, floor: float = 0.0) -> float:
    """Character similarity of two folded items (difflib's ratio); 0.0 when an upper bound
    (difflib's real_quick_ratio, then quick_ratio) is already below floor."""
    fa, fb = f(a), f(b)
    total = len(fa) + len(fb)
    if not total:
        return 1.0
    if 2.0 * min(len(fa), len(fb)) / total < floor:
        return 0.0
    if 2.0 * sum((f.chars(a) & f.chars(b)).values()) / total < floor:
        return 0.0
    if floor and 2.0 * lcs_length(fa, fb) / total < floor:  # difflib's blocks are a common subsequence
        return 0.0
    return SequenceMatcher(None, fa, fb, autojunk=False).ratio()  # exactly difflib: it decides pairs


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence of a and b, bit-parallel (Hyyrö 2004): one
    pass over a with big-integer operations on a bit per character of b. An upper bound of
    difflib's matched characters that costs a fraction of difflib's ratio()."""
    masks: dict[str, int] = {}
    for i, ch in enumerate(b):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(b)) - 1
    v = full
    for ch in a:
        m = masks.get(ch)
        if m:
            u = v & m
            v = ((v + u) | (v - u)) & full
    return len(b) - (v & full).bit_count()


# ---------------------------------------------------------------- word diff


def word_diff(a: str, b: str, f: Folder) -> list[WoordOp]:
    """Word diff (tokens are words with their punctuation), cleaned up so that a rewritten
    phrase reads as one removal and one addition. Words are aligned on their folded form (the
    alignment the similarity figure uses); a word that differs only in case or accents is
    still shown as changed."""
    wa, wb = a.split(), b.split()
    codes: list[Opcode]
    if len(wa) == len(f.words(a)) and len(wb) == len(f.words(b)):
        codes = f.compare(a, b)[1]
    else:  # folding dropped a token (a lone combining mark): align the words as they are
        codes = list(SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes())
    runs: list[WoordRun] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag != "equal":
            runs.append(("edit", wa[i1:i2], wb[j1:j2]))
            continue
        xa, xb = wa[i1:i2], wb[j1:j2]
        start = 0
        for k, (x, y) in enumerate(zip(xa, xb, strict=True)):
            if x != y:  # equal once folded: a change of case or accents, shown as an edit
                if k > start:
                    runs.append(("equal", xa[start:k], xb[start:k]))
                runs.append(("edit", [x], [y]))
                start = k + 1
        if start < len(xa):
            runs.append(("equal", xa[start:], xb[start:]))
    out = []
    for kind, xa, xb in cleanup_semantic(runs):
        if kind == "equal":
            out.append(WoordOp("equal", " ".join(xa), " ".join(xb)))
        else:
            op = "replace" if xa and xb else ("delete" if xa else "insert")
            out.append(WoordOp(op, " ".join(xa), " ".join(xb)))
    return out


class _Run:
    """A stretch of the word diff: equal, or an edit (words removed and/or added). Keeps the
    character length of each side (words joined by one space) so merging costs no re-count."""

    __slots__ = ("a", "b", "edit", "na", "nb")

    def __init__(self, edit: bool, a: list[str], b: list[str]) -> None:
        self.edit, self.a, self.b = edit, a, b
        self.na = sum(map(len, a)) + max(len(a) - 1, 0)
        self.nb = sum(map(len, b)) + max(len(b) - 1, 0)

    def extend(self, other: _Run) -> None:
        self.na = self.na + other.na + (1 if self.a and other.a else 0)
        self.nb = self.nb + other.nb + (1 if self.b and other.b else 0)
        self.a.extend(other.a)
        self.b.extend(other.b)

    @property
    def size(self) -> int:
        return max(self.na, self.nb)


_FOLD = 3  # edit, equality, edit: the runs one fold merges into one edit


def cleanup_semantic(runs: list[WoordRun]) -> list[WoordRun]:
    """diff-match-patch's semantic clean-up on word runs: an equality no longer (in characters)
    than the edits on either side of it is folded into them, and the three become one edit.
    One pass with a stack: when a merge makes an edit longer, the equality before it is looked
    at again. Linear in the number of words."""
    out: list[_Run] = []
    for kind, xa, xb in runs:
        if not xa and not xb:
            continue
        run = _Run(kind == "edit", list(xa), list(xb))
        if out and out[-1].edit == run.edit:
            out[-1].extend(run)
        else:
            out.append(run)
        # fold qualifying equalities into their neighbours, backwards from the newest edit
        while len(out) >= _FOLD and out[-1].edit and not out[-2].edit and out[-3].edit:
            eq = out[-2].size
            if eq > out[-3].size or eq > out[-1].size:
                break
            last, equal = out.pop(), out.pop()
            out[-1].extend(equal)
            out[-1].extend(last)
    return [("edit" if r.edit else "equal", r.a, r.b) for r in out]


# ---------------------------------------------------------------- impact of a text change


TYPO_MIN = 8  # shorter words that differ by a doubled letter are often other words (kopen, koppen)
_SWAP = 2  # two neighbouring letters swapped: the words differ in two places


def _spelling_variant(x: str, y: str) -> bool:
    """A typo-sized difference in a word of TYPO_MIN letters or more: a doubled letter more or
    less, or two neighbouring letters swapped."""
    if min(len(x), len(y)) < TYPO_MIN:
        return False
    if _undouble(x) == _undouble(y):
        return True
    if len(x) == len(y):
        diffs = [i for i in range(len(x)) if x[i] != y[i]]
        return (
            len(diffs) == _SWAP
            and diffs[1] == diffs[0] + 1
            and x[diffs[0]] == y[diffs[1]]
            and x[diffs[1]] == y[diffs[0]]
        )
    return False


def _undouble(w: str) -> str:
    return "".join(c for i, c in enumerate(w) if i == 0 or c != w[i - 1])


def text_impact(a: str, b: str, f: Folder) -> str:
    """redactioneel when the meaning cannot have changed, else inhoudelijk (see README, diff)."""
    la, lb = f.core(a), f.core(b)
    if len(la) == len(lb) and Counter(la) == Counter(lb):  # case, accents, punctuation, order
        return REDACTIONEEL
    if "".join(la) == "".join(lb):  # compounds written apart or together, hyphens
        return REDACTIONEEL
    if len(la) != len(lb):  # words added or dropped
        return INHOUDELIJK
    ca, cb = Counter(la), Counter(lb)
    xs, ys = list((ca - cb).elements()), list((cb - ca).elements())
    # every changed word pairs with a spelling variant of itself (looked up, not searched)
    by_key: dict[tuple[str, str] | tuple[str, int, str], list[int]] = {}
    for j, y in enumerate(ys):
        if len(y) >= TYPO_MIN:
            by_key.setdefault(("u", _undouble(y)), []).append(j)
            by_key.setdefault(("t", len(y), "".join(sorted(y))), []).append(j)
    used: set[int] = set()
    for x in sorted(xs):
        cands = by_key.get(("u", _undouble(x)), []) + by_key.get(("t", len(x), "".join(sorted(x))), [])
        hit = next((j for j in cands if j not in used and _spelling_variant(x, ys[j])), None)
        if hit is None:
            return INHOUDELIJK
        used.add(hit)
    return REDACTIONEEL
