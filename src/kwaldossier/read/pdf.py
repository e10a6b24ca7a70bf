"""PDF front end (pdfplumber): positioned words -> the lines the text parser reads.

Layout does what guesswork does for extracted text: page furniture is what lies in the top and
bottom bands of a page; the detail table's three columns are told apart by x-coordinate (taken
from its header row), so columns never merge; matrix crosses are mapped to the A–Y header
letters by position, and a row exists where the matrix draws cells. Every line carries a tag
(its column or role) that the parser uses instead of heuristics. Imported only for PDF input.
"""

from __future__ import annotations

import os
import re
import signal
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model.competenties import LETTERS
from ..model.dossier import Dossier

BAND = 0.06  # top and bottom share of the page height that holds running headers and footers
LINE_TOL = 2.5  # words whose tops differ less than this sit on one line
PARAGRAPH_GAP = 1.75  # a gap larger than this many line heights separates paragraphs or blocks
_BOLD = re.compile(r"bold|black|heavy", re.IGNORECASE)
MAX_PAGES = int(os.environ.get("KWALDOSSIER_MAX_PAGES", "1000"))
MAX_MB = float(os.environ.get("KWALDOSSIER_MAX_PDF_MB", "200"))
TIMEOUT = float(os.environ.get("KWALDOSSIER_PDF_TIMEOUT", "300"))

_KOP = re.compile(r"^(\d+\.\d+)\s+werkproces:")
_CODE = re.compile(r"^\d+\.\d+\s")
_COLUMN_HEADERS = ("Vakkennis en vaardigheden", "Competentie en component(en)", "Prestatie-indicator")


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bold: bool
    height: float = 10.0


@dataclass
class Line:
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def height(self) -> float:
        return max(w.height for w in self.words)


def _lines(words: list[Word]) -> list[Line]:
    out: list[Line] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if out and abs(out[-1].words[0].top - w.top) < LINE_TOL:
            out[-1].words.append(w)
        else:
            out.append(Line([w]))
    for line in out:
        line.words.sort(key=lambda w: w.x0)
    return out


class Emitter:
    """Collects (text, tag, page) triples; a blank line marks a vertical gap."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.tags: list[str | None] = []
        self.pages: list[int] = []

    def emit(self, text: str, tag: str | None, page: int) -> None:
        self.lines.append(text)
        self.tags.append(tag)
        self.pages.append(page)

    def blank(self, page: int) -> None:
        if self.lines and self.lines[-1] != "":
            self.emit("", None, page)

    def column(self, lines: list[Line], tag: str, page: int) -> None:
        prev: Line | None = None
        for ln in lines:
            if prev is not None and ln.top - prev.top > PARAGRAPH_GAP * prev.height:
                self.blank(page)
            self.emit(ln.text, tag, page)
            prev = ln


class Layout:
    """State carried over pages: the detail table's columns, the werkproces, the profile page."""

    def __init__(self) -> None:
        self.cols: tuple[float, float] | None = None  # x where columns 2 and 3 start
        self.wp: str | None = None
        self.table = False
        self.zone = ""


def _page(page, no: int, out: Emitter, state: Layout) -> None:
    h = float(page.height)
    raw = page.extract_words(extra_attrs=["fontname"], keep_blank_chars=False)
    words = [
        Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), bool(_BOLD.search(w["fontname"])), float(w["bottom"]) - float(w["top"]))
        for w in raw
    ]
    top_band = [w for w in words if w.top < h * BAND]
    bottom_band = [w for w in words if w.top > h * (1 - BAND)]
    body = [w for w in words if h * BAND <= w.top <= h * (1 - BAND)]
    for ln in _lines(top_band):
        out.emit(ln.text, "opmaak", no)
    lines = _lines(body)
    texts = [ln.text for ln in lines]
    header = _letter_header(page)
    if header is not None or any(t.startswith("Proces-competentie-matrix") for t in texts):
        state.zone = "matrix"
        _matrix(page, header, lines, no, out)
    elif "Algemene informatie" in texts or (state.zone == "algemeen" and not any(_KOP.match(t) for t in texts)):
        state.zone = "algemeen"
        _label_text(lines, no, out, heading_until="Algemene informatie")
    else:
        state.zone = "detail"
        _detail(lines, no, out, state)
    for ln in _lines(bottom_band):
        out.emit(ln.text, "opmaak", no)


def _label_text(lines: list[Line], no: int, out: Emitter, heading_until: str | None = None) -> None:
    """A label column (bold, left) beside a text column. A label may wrap over lines."""
    i = 0
    if heading_until is not None and heading_until in [l.text for l in lines]:
        while i < len(lines):
            out.emit(lines[i].text, None, no)
            i += 1
            if lines[i - 1].text == heading_until:
                break
    text_x = min((w.x0 for l in lines[i:] for w in l.words if not w.bold), default=0.0)
    groups: list[tuple[list[str], list[Line]]] = []
    prev_label: Line | None = None  # the label line just above, if any
    for ln in lines[i:]:
        label = [w for w in ln.words if w.bold and w.x0 < text_x - 1]
        words = [w for w in ln.words if not (w.bold and w.x0 < text_x - 1)]
        if label:
            # a wrapped label continues on the very next line; a new label follows a gap
            if prev_label is not None and groups and ln.top - prev_label.top <= PARAGRAPH_GAP * prev_label.height:
                groups[-1][0].append(" ".join(w.text for w in label))
            else:
                groups.append(([" ".join(w.text for w in label)], []))
        elif not groups:
            groups.append(([], []))
        if words:
            groups[-1][1].append(Line(words))
        prev_label = Line(label) if label else None
    for labels, column in groups:
        if labels:
            out.blank(no)
            out.emit(" ".join(labels), "label", no)
        out.column(column, "tekst", no)


def _letter_header(page) -> tuple[float, list[float]] | None:
    """The A–Y header row from characters (words would merge close letters): top and centres."""
    rows: dict[int, list] = {}
    for c in page.chars:
        if c["text"].strip():
            rows.setdefault(round(float(c["top"])), []).append(c)
    for top, chars in sorted(rows.items()):
        chars.sort(key=lambda c: float(c["x0"]))
        if "".join(c["text"] for c in chars) == "".join(LETTERS):
            return float(top), [(float(c["x0"]) + float(c["x1"])) / 2 for c in chars]
    return None


def _matrix(page, found: tuple[float, list[float]] | None, lines: list[Line], no: int, out: Emitter) -> None:
    """found: the A–Y header (top, letter centres) from _letter_header, read once per page."""
    if found is None:
        for ln in lines:
            out.emit(ln.text, None, no)
        return
    header_top, centers = found
    step = (centers[-1] - centers[0]) / (len(centers) - 1)
    grid_x = centers[0] - step
    _matrix_head([ln for ln in lines if ln.top < header_top - LINE_TOL], grid_x, step, no, out)
    out.emit(" ".join(LETTERS), "label", no)
    below = [ln for ln in lines if ln.top > header_top + LINE_TOL]
    rows = [ln for ln in below if _CODE.match(ln.text) and ln.x0 < grid_x]
    end = min((l.top for l in below if l.text.startswith("Betekenis")), default=float("inf"))
    bands = {id(r): (r.top, nxt.top if nxt else end) for r, nxt in zip(rows, [*rows[1:], None], strict=False)}
    crosses = [c for c in page.chars if c["text"] == "x" and float(c["x0"]) >= grid_x and float(c["top"]) > header_top + LINE_TOL]
    cells = [r for r in page.rects if float(r["x0"]) >= grid_x - 1]
    current: tuple[Line, list[str]] | None = None

    def flush() -> None:
        if current is None:
            return
        row, label = current
        top, bottom = bands[id(row)]
        text = " ".join(label)
        if any(top - LINE_TOL <= (float(r["top"]) + float(r["bottom"])) / 2 < bottom for r in cells):
            mine = [c for c in crosses if top - LINE_TOL <= float(c["top"]) < bottom - LINE_TOL]
            crossed = _crossed(mine, centers, step)
            text += " " + "".join("x " if letter in crossed else " " for letter in LETTERS)
        out.emit(text, "matrix", no)

    for ln in below:
        left = " ".join(w.text for w in ln.words if w.x1 < grid_x)
        if any(ln is r for r in rows):
            flush()
            current = (ln, [left])
        elif current is not None and ln.top < bands[id(current[0])][1] - LINE_TOL:
            if left:
                current[1].append(left)  # a wrapped werkproces label
        else:
            flush()
            current = None
            if ln.text.startswith(("Betekenis van de kerntaak", "In deze matrix", "door middel van een kruisje")):
                out.emit(ln.text, "boilerplate", no)
            elif left:
                out.emit(left, None, no)
    flush()


def _matrix_head(above: list[Line], grid_x: float, step: float, no: int, out: Emitter) -> None:
    """Above the A–Y header the left column (kerntaak and its title) reads before the right
    one ("Competenties"); a line running across without a gap (the page heading) stays whole."""

    def split(ln: Line) -> bool:
        left = [w for w in ln.words if w.x1 < grid_x]
        right = [w for w in ln.words if w.x1 >= grid_x]
        return bool(left and right) and right[0].x0 - left[-1].x1 > 2 * step

    for ln in above:
        if not split(ln) and ln.x0 < grid_x:
            out.emit(ln.text, None, no)
        elif split(ln):
            out.emit(" ".join(w.text for w in ln.words if w.x1 < grid_x), None, no)
    for ln in above:
        if split(ln) or ln.x0 >= grid_x:
            out.emit(" ".join(w.text for w in ln.words if w.x1 >= grid_x), None, no)


def _crossed(crosses: list, centers: list[float], step: float) -> set[str]:
    """Letters whose header column holds an 'x' (nearest centre, within half a column)."""
    out = set()
    for c in crosses:
        cx = (float(c["x0"]) + float(c["x1"])) / 2
        n = min(range(len(centers)), key=lambda m: abs(centers[m] - cx))
        if abs(centers[n] - cx) < step / 2:
            out.add(LETTERS[n])
    return out


def _detail(lines: list[Line], no: int, out: Emitter, state: Layout) -> None:
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _KOP.match(ln.text)
        if m:
            if m.group(1) != state.wp:
                state.wp, state.table = m.group(1), False
            out.emit(ln.text, "kop", no)
            i += 1
            break
        out.emit(ln.text, None, no)  # "Detaillering ..." heading
        i += 1
    rest = lines[i:]
    head = next((k for k, l in enumerate(rest) if l.text == " ".join(_COLUMN_HEADERS)), None)
    if not state.table:
        before = rest if head is None else rest[:head]
        _label_text(before, no, out)
        if head is None:
            return
        hl = rest[head]
        starts = [next(w for w in hl.words if w.text == title.split()[0]).x0 for title in _COLUMN_HEADERS]
        state.cols = (starts[1] - 2, starts[2] - 2)
        state.table = True
    if head is not None:  # the header row, also where a continuation page repeats it
        out.blank(no)
        out.emit(rest[head].text, "label", no)
        out.blank(no)
        rest = rest[head + 1 :]
    _table(rest, no, out, state)


def _table(lines: list[Line], no: int, out: Emitter, state: Layout) -> None:
    assert state.cols is not None
    c2, c3 = state.cols
    col: dict[int, list[Line]] = {1: [], 2: [], 3: []}
    for ln in lines:
        for k, ws in ((1, [w for w in ln.words if w.x0 < c2]), (2, [w for w in ln.words if c2 <= w.x0 < c3]), (3, [w for w in ln.words if w.x0 >= c3])):
            if ws:
                col[k].append(Line(ws))
    col1, col2, col3 = col[1], col[2], col[3]
    out.column(col1, "vakkennis", no)
    # blocks of the competence column start at a bold name (one or more lines)
    starts = [k for k, l in enumerate(col2) if l.bold and (k == 0 or not col2[k - 1].bold)]
    first_top = col2[starts[0]].top if starts else float("inf")
    for l in col2[: starts[0] if starts else len(col2)]:
        out.emit(l.text, "competentie", no)  # more componenten of the last block
    for l in col3:
        if l.top < first_top - LINE_TOL:
            out.emit(l.text, "indicator", no)  # the tail of the last indicator
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(col2)
        block = col2[s:end]
        name = []
        k = 0
        while k < len(block) and block[k].bold:
            name.append(block[k].text)
            k += 1
        out.blank(no)
        out.emit(" ".join(name), "naam", no)
        for l in block[k:]:
            out.emit(l.text, "competentie", no)
        top = col2[s].top
        bottom = col2[end].top if end < len(col2) else float("inf")
        ind = [l for l in col3 if top - LINE_TOL <= l.top < bottom - LINE_TOL]
        if ind:
            out.blank(no)
            for l in ind:
                out.emit(l.text, "indicator", no)


# ---------------------------------------------------------------- entry


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that library code catching Exception lets it pass."""


@contextmanager
def _time_limit(seconds: float):
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    try:
        previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(_Timeout()))
    except ValueError:  # not the main thread: no alarm available
        yield
        return
    deadline = time.monotonic() + seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
        # the alarm's exception is lost when it fires inside a gc callback (printed as
        # "unraisable", the work goes on): the clock decides as well
        if time.monotonic() >= deadline:
            raise _Timeout()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pdf_lines(path: Path) -> Emitter:
    """Open a PDF within limits and turn its pages into tagged lines."""
    p = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(p, None, f"cannot read: {exc.strerror}") from None
    if size == 0:
        raise InputError(p, None, "empty file")
    if size > MAX_MB * 1024 * 1024:
        raise InputError(p, None, f"PDF of {size / 1048576:.0f} MB is larger than the limit of {MAX_MB:.0f} MB")
    import pdfplumber

    out = Emitter()
    try:
        with _time_limit(TIMEOUT):
            try:
                pdf = pdfplumber.open(p)
            except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds for broken files
                raise _classify(p, exc) from None
            with pdf:
                try:
                    pages = pdf.pages
                except Exception as exc:  # noqa: BLE001 - see above
                    raise _classify(p, exc) from None
                if not pages:
                    raise InputError(p, None, "PDF has no pages")
                if len(pages) > MAX_PAGES:
                    raise InputError(p, None, f"PDF has {len(pages)} pages, more than the limit of {MAX_PAGES}")
                text_pages = 0
                state = Layout()
                for no, page in enumerate(pages, start=1):
                    try:
                        if page.chars:
                            text_pages += 1
                        _page(page, no, out, state)
                    except InputError:
                        raise
                    except Exception as exc:  # noqa: BLE001 - see above
                        raise _classify(p, exc, no) from None
                    finally:
                        page.close()
                if text_pages == 0:
                    raise InputError(p, None, "PDF has no text layer (scanned or image-only?); extract text with OCR first")
    except _Timeout:
        raise InputError(p, None, f"PDF took longer than {TIMEOUT:g} s to read; giving up") from None
    return out


def _classify(path: str, exc: Exception, page: int | None = None) -> InputError:
    """One line for a PDF library failure: encryption, or the innermost cause."""
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and len(chain) < 6:
        chain.append(e)
        e = e.__cause__ or e.__context__ or (e.args[0] if e.args and isinstance(e.args[0], BaseException) else None)
    text = " ".join(f"{type(x).__name__} {x}" for x in chain).lower()
    if "password" in text or "encrypt" in text:
        return InputError(path, None, "encrypted PDF (password protected); decrypt it first")
    inner = chain[-1]
    detail = " ".join(str(inner).split())[:120] or type(inner).__name__
    where = f" (page {page})" if page else ""
    return InputError(path, None, f"not a readable PDF{where}: {detail}")


def parse_pdf(path: Path) -> Dossier:
    from .text2012 import parse_lines

    out = pdf_lines(path)
    return parse_lines(out.lines, str(path), kolommen=out.tags, paginas=out.pages)
