"""One PDF page through pypdfium2: words with boxes (top-left origin, as displayed) and the
boxes of path objects (ruling lines, cell borders, fills). No layout decisions here."""

from __future__ import annotations

import ctypes
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as c

from .instellingen import DEFAULT, Instellingen

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_SPACE_CHARS = frozenset(" \t\n\r\x00\xa0\u2002\u2003\u2009\u200b\uffff")


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 10.0
    bold: bool = False
    xs: list[float] = field(default_factory=list)  # left edge of each character
    spaced: bool = False  # a space stood right before or after it in the content stream

    def chars(self) -> list[tuple[str, float]]:
        """Each character with its horizontal centre."""
        if len(self.xs) != len(self.text):
            return [(self.text, (self.x0 + self.x1) / 2)]
        ends = [*self.xs[1:], self.x1]
        return [(ch, (a + b) / 2) for ch, a, b in zip(self.text, self.xs, ends, strict=True)]

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Box:
    """A path object's bounds; filled tells a fill from a stroke."""

    x0: float
    x1: float
    top: float
    bottom: float
    filled: bool


@dataclass
class Page:
    no: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)


_QUARTER = 90  # degrees: /Rotate turns a page by quarters
_FORM_DEPTH = 4  # forms inside forms read this deep for their paths
_WHITE = 250  # a fill this light in every channel paints nothing visible


class _Frame:
    """Maps PDF user space of the unrotated page to display space (origin top left)."""

    def __init__(self, bbox: tuple[float, float, float, float], rotation: int) -> None:
        self.x0, self.y0, self.x1, self.y1 = bbox
        self.rot = rotation % 360
        w, h = self.x1 - self.x0, self.y1 - self.y0
        self.size = (h, w) if self.rot in (90, 270) else (w, h)

    def rect(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) in display space."""
        lx, rx, by, ty = left - self.x0, right - self.x0, bottom - self.y0, top - self.y0
        w, h = self.x1 - self.x0, self.y1 - self.y0
        if self.rot == _QUARTER:
            return by, ty, lx, rx
        if self.rot == 2 * _QUARTER:
            return w - rx, w - lx, by, ty
        if self.rot == 3 * _QUARTER:
            return h - ty, h - by, w - rx, w - lx
        return lx, rx, h - ty, h - by


def read_page(page: pdfium.PdfPage, no: int, s: Instellingen = DEFAULT) -> Page:
    frame = _Frame(page.get_cropbox(), page.get_rotation())  # user space, before /Rotate
    w, h = frame.size
    out = Page(no, w, h)
    tp = page.get_textpage()
    try:
        out.words = _visible(_words(tp, frame, s), w, h)
    finally:
        tp.close()
    out.boxes = _boxes(page, frame)
    return out


def _text(tp: pdfium.PdfTextPage) -> str:
    """The page's characters, one per pdfium character index."""
    raw = tp.raw
    n = c.FPDFText_CountChars(raw)
    text = tp.get_text_range(0, n) if n > 0 else ""
    if len(text) != n:  # pdfium left out or inserted characters: ask one by one
        text = "".join(chr(c.FPDFText_GetUnicode(raw, i)) for i in range(n))
    return text


class _Builder:
    """The word being read: its characters, box, font; a finished word goes to `words`."""

    def __init__(self, raw: object, s: Instellingen) -> None:
        self.raw, self.s = raw, s
        self.words: list[Word] = []
        self.cur: list[str] = []
        self.xs: list[float] = []  # left edge of each character
        self.x0 = self.x1 = self.top = self.bottom = self.size = self.lo = self.hi = 0.0
        self.bold = self.spaced = False

    def breaks(self, x0: float, x1: float, top: float, bottom: float) -> bool:
        """Not the same word: another line (no vertical overlap), or a gap to the previous
        character, or a step back (characters of one ligature glyph share its box: not one)."""
        del x1
        return (
            top >= self.hi
            or bottom <= self.lo
            or x0 > self.x1 + self.s.word_gap * self.size
            or (x0 < self.x1 - self.s.word_overlap * self.size and x0 != self.xs[-1])
        )

    def start(self, ch: str, i: int, box: tuple[float, float, float, float], spaced: bool) -> None:
        x0, x1, top, bottom = box
        self.spaced = spaced
        self.size = c.FPDFText_GetFontSize(self.raw, i) or (bottom - top)
        self.bold = c.FPDFText_GetFontWeight(self.raw, i) >= self.s.bold_weight
        self.x0, self.x1, self.top, self.bottom = x0, x1, top, bottom
        third = _BAND * (bottom - top)
        self.lo, self.hi = top + third, bottom - third
        self.cur, self.xs = [ch], [x0]

    def extend(self, ch: str, box: tuple[float, float, float, float]) -> None:
        x0, x1, top, bottom = box
        self.top, self.bottom, self.x1 = min(self.top, top), max(self.bottom, bottom), max(self.x1, x1)
        self.cur.append(ch)
        self.xs.append(x0)

    def end(self, spaced: bool = False) -> None:
        if self.cur:
            self.words.append(
                Word(
                    "".join(self.cur),
                    self.x0,
                    self.x1,
                    self.top,
                    self.bottom,
                    self.size,
                    self.bold,
                    self.xs,
                    self.spaced or spaced,
                )
            )
            self.cur, self.xs = [], []


_BAND = 0.3  # of a character's height: two characters share a line when their middles overlap this much


def _words(tp: pdfium.PdfTextPage, frame: _Frame, s: Instellingen) -> list[Word]:
    """Characters -> words: a space, a jump to another line or a gap ends a word. The hot loop
    of the reader: the text comes in one call, then one pdfium call per character for its box."""
    raw = tp.raw
    rect = c.FS_RECTF()
    ref = ctypes.byref(rect)
    get_box = c.FPDFText_GetLooseCharBox
    plain = frame.rot == 0
    fx0, fy1 = frame.x0, frame.y1
    b = _Builder(raw, s)
    real_space = False  # the previous character was a space written in the stream (not pdfium's)
    for i, ch in enumerate(_text(tp)):
        if ch in _SPACE_CHARS or not get_box(raw, i, ref):
            real_space = ch in _SPACE_CHARS and c.FPDFText_IsGenerated(raw, i) != 1
            b.end(real_space)
            continue
        box = (
            (rect.left - fx0, rect.right - fx0, fy1 - rect.top, fy1 - rect.bottom)
            if plain
            else frame.rect(rect.left, rect.bottom, rect.right, rect.top)
        )
        if b.cur and b.breaks(*box):
            b.end()
        if b.cur:
            b.extend(ch, box)
        else:
            b.start(ch, i, box, real_space)
    b.end()
    return b.words


def _visible(words: list[Word], w: float, h: float) -> list[Word]:
    """The words whose centre lies inside the page box (outside: never shown, never read),
    with pdfium's line-end hyphen and ligature glyphs made text."""
    out = []
    for wd in words:
        cx, cy = (wd.x0 + wd.x1) / 2, (wd.top + wd.bottom) / 2
        if 0 <= cx <= w and 0 <= cy <= h:
            wd.text = wd.text.replace("\x02", "-").replace("\ufffe", "-")
            if _LIGATURE.search(wd.text):
                wd.text = wd.text.translate(_LIGATURES)  # ﬁ -> fi: the text, not the glyph
            out.append(wd)
    return out


def _boxes(page: pdfium.PdfPage, frame: _Frame) -> list[Box]:
    """Bounds of the visible path objects (lines, rectangles, fills), nested forms included.
    Raw pdfium calls: a browser-printed page holds tens of thousands of objects."""
    out: list[Box] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)

    def walk(count: int, get: Callable[[int], Any], depth: int) -> None:
        for i in range(count):
            obj = get(i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_FORM and depth < _FORM_DEPTH:
                walk(c.FPDFFormObj_CountObjects(obj), functools.partial(c.FPDFFormObj_GetObject, obj), depth + 1)
            if kind != c.FPDF_PAGEOBJ_PATH or not c.FPDFPageObj_GetBounds(obj, *refs):
                continue
            c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
            filled = bool(fill.value) and not _white(obj)
            if not filled and not stroke.value:
                continue
            x0, x1, t, b = frame.rect(left.value, bottom.value, right.value, top.value)
            out.append(Box(x0, x1, t, b, filled))

    raw = page.raw
    walk(c.FPDFPage_CountObjects(raw), functools.partial(c.FPDFPage_GetObject, raw), 0)
    return out


def _white(obj: Any) -> bool:
    """A white fill paints nothing visible (page backgrounds, knock-outs)."""
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not c.FPDFPageObj_GetFillColor(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return False
    return min(r.value, g.value, b.value) >= _WHITE or a.value == 0
