"""Detail pages: per werkproces its labels (omschrijving, gewenst resultaat), then the
three-column table. Columns start where the column titles start (or at the ruling line left of
a title); competence blocks start where column-2 lines spell a national competence name."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import competenties as reference
from . import ankers
from .bladzijde import Box, Word
from .instellingen import DEFAULT, Instellingen
from .labels import label_text
from .regels import Emitter, Line, lines_of, pitch

BULLETS = ("•", "-", "–")  # a line that starts with one is an item, never a competence name


class DetailState:
    """Carried over pages: the werkproces, whether its table has begun, the column bounds."""

    def __init__(self, s: Instellingen = DEFAULT) -> None:
        self.s = s
        self.wp: str | None = None
        self.table = False
        self.cols: tuple[float, float] | None = None
        # a competence name cut by a page break: its first lines and the indicator beside them
        self.pending: tuple[list[str], list[str]] | None = None
        self.pending_page = 0

    def flush(self, out: Emitter) -> None:
        """A cut name that no page completed: its lines go out as what they looked like."""
        if self.pending is not None:
            names, indicator = self.pending
            no = self.pending_page
            self.pending = None
            for text in names:
                out.emit(text, "competentie", no)
            for text in indicator:
                out.emit(text, "indicator", no)


def _title_starts(words: list[Word]) -> list[float] | None:
    """Where the three column titles start on a line that holds only title words, left to right."""
    first = next((w for w in words if w.text == "Vakkennis"), None)
    comp = next((w for w in words if w.text == "Competentie"), None)
    ind = next((w for w in words if w.text.startswith("Prestatie")), None)
    if not (first and comp and ind and first.x0 < comp.x0 < ind.x0):
        return None
    if any(w.text not in ankers.KOLOM_WOORDEN for w in words):
        return None
    return [first.x0, comp.x0, ind.x0]


def table_header(lines: list[Line], s: Instellingen = DEFAULT) -> tuple[int, int, list[float]] | None:
    """The column-title rows: (first, past-last index, x where each title starts). A title may
    wrap over lines ("Competentie en" / "component(en)")."""
    for i, ln in enumerate(lines):
        starts = _title_starts(ln.words)
        if starts is None:
            continue
        k = i + 1
        while (
            k < len(lines)
            and lines[k].top - lines[k - 1].bottom < s.header_gap * lines[k - 1].height
            and all(w.text in ankers.KOLOM_WOORDEN for w in lines[k].words)
        ):
            k += 1
        return i, k, starts
    return None


def _bounds(
    starts: list[float], header: list[Line], body: list[Line], boxes: list[Box], s: Instellingen
) -> tuple[float, float]:
    """Where columns 2 and 3 begin: the vertical rule just left of the title; without rules,
    where the body's text chunks start most often between the previous title and this one
    (titles may be centred over their columns); else the title itself."""
    top = header[0].top
    verticals = [b.x0 for b in boxes if b.x1 - b.x0 < s.rule_width and b.bottom - b.top > s.rule_min and b.bottom > top]
    titles = [w for ln in header for w in ln.words]
    chunks = _chunk_starts(body, s)
    out = []
    for k in (1, 2):
        rules = [x for x in verticals if starts[k - 1] + s.rule_min < x <= starts[k] + s.tol]
        out.append(max(rules) if rules else _common_start(starts, k, titles, chunks, s))
    return out[0], out[1]


def _common_start(starts: list[float], k: int, titles: list[Word], chunks: list[float], s: Instellingen) -> float:
    """Where the body's text chunks start most often between title k-1's end and title k."""
    lo = max((w.x1 for w in titles if w.x0 < starts[k] - s.tol), default=starts[k - 1])
    seen = [round(x) for x in chunks if lo < x <= starts[k] + s.tol]
    return min(seen, key=lambda x: (-seen.count(x), x)) - s.tol if seen else starts[k] - s.tol


def _chunk_starts(lines: list[Line], s: Instellingen = DEFAULT) -> list[float]:
    """x where a run of words begins after a gap wider than word spacing (a column's text)."""
    out = []
    for ln in lines:
        prev = None
        for w in ln.words:
            if prev is None or w.x0 - prev.x1 > s.run_gap * w.size:
                out.append(w.x0)
            prev = w
    return out


def detail_segment(lines: list[Line], boxes: list[Box], no: int, out: Emitter, state: DetailState) -> None:
    """The lines of one werkproces on one page (after its heading, if the page has it)."""
    s = state.s
    head = table_header(lines, s)
    if not state.table:
        before = lines if head is None else lines[: head[0]]
        label_text(before, ankers.DETAIL_LABELS, no, out, s)
        if head is None:
            return
        state.table = True
    elif head is None:
        lines = _repeated_header(lines, no, out)
    if head is not None:
        first, past, starts = head
        state.cols = _bounds(starts, lines[first:past], lines[past:], boxes, s)
        out.blank(no)
        out.emit(" ".join(ankers.KOLOM_TITELS), "label", no)
        out.blank(no)
        lines = lines[past:]
    if state.cols is None:
        for ln in lines:
            out.emit(ln.text, None, no)
        return
    _table(lines, state, no, out)


def _repeated_header(lines: list[Line], no: int, out: Emitter) -> list[Line]:
    """A table continued on a new page may repeat part of its header row (the titles of some
    columns, wrapped or not) above its rows: page furniture, not text of a column."""
    k = 0
    while k < len(lines) and all(w.text in ankers.KOLOM_WOORDEN for w in lines[k].words):
        k += 1
    joined = " ".join(ln.text for ln in lines[:k])
    if not k or not any(title in joined for title in ankers.KOLOM_TITELS):
        return lines
    for ln in lines[:k]:
        out.emit(ln.text, "opmaak", no)
    return lines[k:]


@dataclass
class _Tabel:
    """One page's part of the table, split into its columns."""

    col1: list[Line]
    col2: list[Line]
    col3: list[Line]
    step: float
    starts: list[tuple[int, int, bool]] = field(default_factory=list)  # competence names in column 2
    cut: int | None = None  # the trailing column-2 lines of a name the page cuts off
    pending: tuple[list[str], list[str]] | None = None  # a name the previous page cut off

    @property
    def blocks_end(self) -> int:
        return self.cut if self.cut is not None else len(self.col2)


def _split(lines: list[Line], cols: tuple[float, float]) -> _Tabel:
    c2, c3 = cols
    words = [w for ln in lines for w in ln.words]
    col1 = lines_of([w for w in words if w.x0 < c2])
    col2 = lines_of([w for w in words if c2 <= w.x0 < c3])
    col3 = lines_of([w for w in words if w.x0 >= c3])
    return _Tabel(col1, col2, col3, pitch(col1 + col2 + col3))


def _table(lines: list[Line], state: DetailState, no: int, out: Emitter) -> None:
    assert state.cols is not None
    s = state.s
    t = _split(lines, state.cols)
    out.column(t.col1, "vakkennis", no, t.step, s.paragraph)
    t.pending, state.pending = state.pending, None
    t.starts = _name_starts(t.col2, " ".join(t.pending[0]) if t.pending else "", s)
    if t.pending and not (t.starts and t.starts[0][0] == 0 and t.starts[0][2]):
        state.pending = t.pending  # the next name does not complete it: out as it looked
        state.flush(out)
        t.pending = None
    # a name cut by the page break: its lines at the foot of column 2 wait for the next page
    t.cut = _cut_name(t.col2, t.starts, t.step, s)
    _continued(t, no, out, s)
    for n in range(len(t.starts)):
        _block(t, n, no, out, s)
    if t.cut is not None:
        top = t.col2[t.cut].top
        state.pending = ([ln.text for ln in t.col2[t.cut :]], [ln.text for ln in t.col3 if ln.top >= top - s.tol])
        state.pending_page = no


def _continued(t: _Tabel, no: int, out: Emitter, s: Instellingen) -> None:
    """Column 2 and 3 lines above the page's first competence name: the last block of the
    page before goes on (more componenten, the rest of its indicator)."""
    first = t.starts[0][0] if t.starts else t.blocks_end
    first_top = t.col2[first].top if first < len(t.col2) else float("inf")
    for ln in t.col2[:first]:
        out.emit(ln.text, "competentie", no)
    for ln in t.col3:
        if ln.top < first_top - s.tol:
            out.emit(ln.text, "indicator", no)


def _block(t: _Tabel, n: int, no: int, out: Emitter, s: Instellingen) -> None:
    """Competence block n: its name (completing a cut one), componenten, and the indicator
    beside it."""
    start, length, joined = t.starts[n]
    end = t.starts[n + 1][0] if n + 1 < len(t.starts) else t.blocks_end
    out.blank(no)
    name = " ".join(ln.text for ln in t.col2[start : start + length])
    pending = t.pending if joined else None
    out.emit(f"{' '.join(pending[0])} {name}" if pending else name, "naam", no)
    for ln in t.col2[start + length : end]:
        out.emit(ln.text, "competentie", no)
    top = t.col2[start].top
    bottom = t.col2[end].top if end < len(t.col2) else float("inf")
    ind = [ln for ln in t.col3 if top - s.tol <= ln.top < bottom - s.tol]
    if pending and pending[1]:
        out.blank(no)
        for text in pending[1]:  # the indicator's start, beside the name's start
            out.emit(text, "indicator", no)
    elif ind:
        out.blank(no)
    out.column(ind, "indicator", no, t.step, s.paragraph)


def _at_left(ln: Line, left: float, s: Instellingen) -> bool:
    """At the column's left edge and not an item: where a competence name can start."""
    return abs(ln.x0 - left) <= s.tol and not ln.text.startswith(BULLETS)


def _cut_name(col2: list[Line], starts: list[tuple[int, int, bool]], step: float, s: Instellingen) -> int | None:
    """Index of the trailing column-2 lines that begin a competence name the page cuts off:
    set apart from the block above (as blocks are), at the left edge, the start of a name."""
    done = starts[-1][0] + starts[-1][1] if starts else 0
    if not col2:
        return None
    left = min(ln.x0 for ln in col2)
    for k in range(max(done, len(col2) - 3), len(col2)):
        if not _at_left(col2[k], left, s) or (k and col2[k].top - col2[k - 1].top < s.name_step * step):
            continue
        if reference.is_name_prefix(" ".join(ln.text for ln in col2[k:])):
            return k
    return None


def _name_at(col2: list[Line], k: int, start: str) -> int:
    """How many lines from k on spell a national competence name after `start`; 0: none."""
    text = start
    for m in range(k, len(col2)):
        text = (text + " " + col2[m].text).strip()
        if reference.letter_for_name(text) is not None:
            return m - k + 1
        if not reference.is_name_prefix(text):
            return 0
    return 0


def _name_starts(col2: list[Line], prefix: str = "", s: Instellingen = DEFAULT) -> list[tuple[int, int, bool]]:
    """(index, line count, joined) of each run of column-2 lines that spells a national
    competence name (wrapped over as many lines as the column needs), at the column's left
    edge and not a bullet item. prefix: the start of a name the previous page cut off; joined
    tells the first run completes it."""
    if not col2:
        return []
    left = min(ln.x0 for ln in col2)
    out: list[tuple[int, int, bool]] = []
    k = 0
    while k < len(col2):
        found = _name_at(col2, k, prefix) if prefix and k == 0 else 0
        joined = found > 0
        if not found and _at_left(col2[k], left, s):
            found = _name_at(col2, k, "")
        if found:
            out.append((k, found, joined))
        k += found or 1
    return out
