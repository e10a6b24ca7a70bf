"""One PDF page through pypdfium2: words with boxes (top-left origin, as displayed) and the
boxes of path objects (ruling lines, cell borders, fills). No layout decisions here."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as c

GAP = 0.22  # a horizontal gap wider than this share of the font size separates words
_SPACE = {0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2002, 0x2003, 0x2009, 0x200B}


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 10.0
    bold: bool = False
    xs: list[float] = field(default_factory=list)  # centre of each character

    def chars(self) -> list[tuple[str, float]]:
        return list(zip(self.text, self.xs, strict=False)) if len(self.xs) == len(self.text) else [(self.text, (self.x0 + self.x1) / 2)]

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
        if self.rot == 90:
            return by, ty, lx, rx
        if self.rot == 180:
            return w - rx, w - lx, by, ty
        if self.rot == 270:
            return h - ty, h - by, w - rx, w - lx
        return lx, rx, h - ty, h - by


def read_page(page: pdfium.PdfPage, no: int) -> Page:
    frame = _Frame(page.get_bbox(), page.get_rotation())
    w, h = frame.size
    out = Page(no, w, h)
    tp = page.get_textpage()
    try:
        out.words = _words(tp, frame, w, h)
    finally:
        tp.close()
    out.boxes = _boxes(page, frame)
    return out


def _words(tp: pdfium.PdfTextPage, frame: _Frame, w: float, h: float) -> list[Word]:
    raw = tp.raw
    n = c.FPDFText_CountChars(raw)
    rect = c.FS_RECTF()
    get_box, get_uni = c.FPDFText_GetLooseCharBox, c.FPDFText_GetUnicode
    words: list[Word] = []
    cur: list[str] = []
    xs: list[float] = []
    box = [0.0, 0.0, 0.0, 0.0]  # x0, x1, top, bottom of the current word
    size = 0.0
    bold = False
    start = 0

    def flush() -> None:
        if cur:
            words.append(Word("".join(cur), box[0], box[1], box[2], box[3], size, bold, xs.copy()))
            cur.clear()
            xs.clear()

    for i in range(n):
        u = get_uni(raw, i)
        if u in _SPACE or u == 0 or u == 0xFFFE or u == 0xFFFF:
            flush()
            continue
        if not get_box(raw, i, ctypes.byref(rect)):
            continue
        x0, x1, top, bottom = frame.rect(rect.left, rect.bottom, rect.right, rect.top)
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        if not (0 <= cx <= w and 0 <= cy <= h):
            flush()  # outside the page box: never shown, never read
            continue
        if cur:
            # same word: same line (vertical overlap) and no gap to the previous char
            same_line = top < box[3] - 0.3 * (box[3] - box[2]) and bottom > box[2] + 0.3 * (box[3] - box[2])
            if not same_line or x0 > box[1] + GAP * size or x0 < box[1] - 0.5 * size:
                flush()
        ch = "-" if u == 0x02 else chr(u)  # pdfium reports a line-end hyphen as U+0002
        if not cur:
            start = i
            size = c.FPDFText_GetFontSize(raw, start) or (bottom - top)
            bold = c.FPDFText_GetFontWeight(raw, start) >= 600
            box = [x0, x1, top, bottom]
        else:
            box[0], box[1] = min(box[0], x0), max(box[1], x1)
            box[2], box[3] = min(box[2], top), max(box[3], bottom)
        cur.append(ch)
        xs.append(cx)
    flush()
    return words


def _boxes(page: pdfium.PdfPage, frame: _Frame) -> list[Box]:
    out: list[Box] = []
    for obj in page.get_objects(filter=[c.FPDF_PAGEOBJ_PATH], max_depth=4):
        try:
            left, bottom, right, top = obj.get_bounds()
        except pdfium.PdfiumError:
            continue
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
        filled = bool(fill.value) and not _white(obj)
        if not filled and not stroke.value:
            continue
        x0, x1, t, b = frame.rect(left, bottom, right, top)
        out.append(Box(x0, x1, t, b, filled))
    return out


def _white(obj) -> bool:
    """A white fill paints nothing visible (page backgrounds, knock-outs)."""
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not c.FPDFPageObj_GetFillColor(obj.raw, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return False
    return min(r.value, g.value, b.value) >= 250 or a.value == 0
