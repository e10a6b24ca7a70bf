"""Detail pages: per werkproces its labels (omschrijving, gewenst resultaat), then the
three-column table. Columns start where the column titles start (or at the ruling line left of
a title); competence blocks start where column-2 lines spell a national competence name."""

from __future__ import annotations

from ...model import competenties as reference
from . import ankers
from .bladzijde import Box
from .labels import label_text
from .regels import Emitter, Line, lines_of, pitch

TOL = 2.0


class DetailState:
    """Carried over pages: the werkproces, whether its table has begun, the column bounds."""

    def __init__(self) -> None:
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


def table_header(lines: list[Line]) -> tuple[int, int, list[float]] | None:
    """The column-title rows: (first, past-last index, x where each title starts). A title may
    wrap over lines ("Competentie en" / "component(en)")."""
    for i, ln in enumerate(lines):
        words = ln.words
        first = next((w for w in words if w.text == "Vakkennis"), None)
        comp = next((w for w in words if w.text == "Competentie"), None)
        ind = next((w for w in words if w.text.startswith("Prestatie")), None)
        if not (first and comp and ind and first.x0 < comp.x0 < ind.x0):
            continue
        if any(w.text not in ankers.KOLOM_WOORDEN for w in words):
            continue
        k = i + 1
        while k < len(lines) and lines[k].top - lines[k - 1].bottom < 0.8 * lines[k - 1].height and all(
            w.text in ankers.KOLOM_WOORDEN for w in lines[k].words
        ):
            k += 1
        return i, k, [first.x0, comp.x0, ind.x0]
    return None


def _bounds(starts: list[float], header: list[Line], body: list[Line], boxes: list[Box]) -> tuple[float, float]:
    """Where columns 2 and 3 begin: the vertical rule just left of the title; without rules,
    where the body's text chunks start most often between the previous title and this one
    (titles may be centred over their columns); else the title itself."""
    top = header[0].top
    verticals = [b.x0 for b in boxes if b.x1 - b.x0 < 2 and b.bottom - b.top > 5 and b.bottom > top]
    titles = [w for ln in header for w in ln.words]
    chunks = _chunk_starts(body)
    out = []
    for k in (1, 2):
        rules = [x for x in verticals if starts[k - 1] + 5 < x <= starts[k] + TOL]
        if rules:
            out.append(max(rules))
            continue
        lo = max((w.x1 for w in titles if w.x0 < starts[k] - TOL), default=starts[k - 1])
        seen = [round(x) for x in chunks if lo < x <= starts[k] + TOL]
        out.append(min(seen, key=lambda x: (-seen.count(x), x)) - TOL if seen else starts[k] - TOL)
    return out[0], out[1]


def _chunk_starts(lines: list[Line]) -> list[float]:
    """x where a run of words begins after a gap wider than word spacing (a column's text)."""
    out = []
    for ln in lines:
        prev = None
        for w in ln.words:
            if prev is None or w.x0 - prev.x1 > 0.45 * w.size:
                out.append(w.x0)
            prev = w
    return out


def detail_segment(lines: list[Line], boxes: list[Box], no: int, out: Emitter, state: DetailState) -> None:
    """The lines of one werkproces on one page (after its heading, if the page has it)."""
    head = table_header(lines)
    if not state.table:
        before = lines if head is None else lines[: head[0]]
        label_text(before, ankers.DETAIL_LABELS, no, out)
        if head is None:
            return
        state.table = True
    elif head is None:
        lines = _repeated_header(lines, no, out)
    if head is not None:
        first, past, starts = head
        state.cols = _bounds(starts, lines[first:past], lines[past:], boxes)
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
    if not k or not any(title in joined for title in (*ankers.KOLOM_TITELS, "Competentie en component(en)")):
        return lines
    for ln in lines[:k]:
        out.emit(ln.text, "opmaak", no)
    return lines[k:]


def _table(lines: list[Line], state: DetailState, no: int, out: Emitter) -> None:
    assert state.cols is not None
    c2, c3 = state.cols
    words = [w for ln in lines for w in ln.words]
    col1 = lines_of([w for w in words if w.x0 < c2])
    col2 = lines_of([w for w in words if c2 <= w.x0 < c3])
    col3 = lines_of([w for w in words if w.x0 >= c3])
    step = pitch(col1 + col2 + col3)
    out.column(col1, "vakkennis", no, step)
    pending, state.pending = state.pending, None
    starts = _name_starts(col2, " ".join(pending[0]) if pending else "")
    if pending and not (starts and starts[0][0] == 0 and starts[0][2]):
        state.pending = pending
        state.flush(out)
        pending = None
    # a name cut by the page break: its lines at the foot of column 2 wait for the next page
    cut = _cut_name(col2, starts, step)
    first_top = col2[starts[0][0]].top if starts else (col2[cut].top if cut is not None else float("inf"))
    for ln in col2[: starts[0][0] if starts else (cut if cut is not None else len(col2))]:
        out.emit(ln.text, "competentie", no)  # more componenten of the last block
    for ln in col3:
        if ln.top < first_top - TOL:
            out.emit(ln.text, "indicator", no)  # the tail of the last indicator
    for n, (s, length, joined) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else (cut if cut is not None else len(col2))
        out.blank(no)
        name = " ".join(ln.text for ln in col2[s : s + length])
        out.emit(f"{' '.join(pending[0])} {name}" if joined and pending else name, "naam", no)
        for ln in col2[s + length : end]:
            out.emit(ln.text, "competentie", no)
        top = col2[s].top
        bottom = col2[end].top if end < len(col2) else float("inf")
        ind = [ln for ln in col3 if top - TOL <= ln.top < bottom - TOL]
        if joined and pending and pending[1]:
            out.blank(no)
            for text in pending[1]:  # the indicator's start, beside the name's start
                out.emit(text, "indicator", no)
        elif ind:
            out.blank(no)
        out.column(ind, "indicator", no, step)
    if cut is not None:
        top = col2[cut].top
        state.pending = ([ln.text for ln in col2[cut:]], [ln.text for ln in col3 if ln.top >= top - TOL])
        state.pending_page = no


def _cut_name(col2: list[Line], starts: list[tuple[int, int, bool]], step: float) -> int | None:
    """Index of the trailing column-2 lines that begin a competence name the page cuts off:
    set apart from the block above (as blocks are), at the left edge, the start of a name."""
    done = starts[-1][0] + starts[-1][1] if starts else 0
    if not col2:
        return None
    left = min(ln.x0 for ln in col2)
    for k in range(max(done, len(col2) - 3), len(col2)):
        if abs(col2[k].x0 - left) > TOL or col2[k].text.startswith(("•", "-", "–")):
            continue
        if k and col2[k].top - col2[k - 1].top < 1.3 * step:
            continue
        if reference.is_name_prefix(" ".join(ln.text for ln in col2[k:])):
            return k
    return None


def _name_starts(col2: list[Line], prefix: str = "") -> list[tuple[int, int, bool]]:
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
        found, joined = 0, False
        for start in ([prefix, ""] if prefix and k == 0 else [""]):
            if start == "" and (abs(col2[k].x0 - left) > TOL or col2[k].text.startswith(("•", "-", "–"))):
                continue
            text = start
            for m in range(k, len(col2)):
                text = (text + " " + col2[m].text).strip()
                if reference.letter_for_name(text) is not None:
                    found, joined = m - k + 1, bool(start)
                    break
                if not reference.is_name_prefix(text):
                    break
            if found:
                break
        if found:
            out.append((k, found, joined))
            k += found
        else:
            k += 1
    return out
