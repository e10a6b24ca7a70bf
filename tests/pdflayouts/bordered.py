"""Layout "bordered": a dossier as a word processor exports it with every table ruled.

- A4 portrait pages; each proces-competentie-matrix on a landscape page (a wide media box).
- One serif TrueType font, nothing bold (labels and competence names are plain), body 9 pt.
- Running header 22 pt below the top edge: "Kerntaak N titel" on matrix and detail pages. Every
  detail page has a second header line 34 pt below the top edge, "N.N werkproces: titel" of the
  werkproces the page starts in or, on a fresh page, of the first one that begins on it (so on
  the first detail page it stands above the "Detaillering" heading).
- Footer 24 pt above the bottom edge on one baseline: "Kwalificatiedossier T, geldig vanaf D"
  at the left, "Pagina N" at the right.
- Profile page: "N.N naam" (14 pt), "Algemene informatie", then a two-column table ruled with
  lines (no rectangles): a narrow label cell in which long labels wrap, and a text cell.
- Matrix: the heading, then a grid of ruling lines: a label column and 25 letter columns. Row 1:
  "Kerntaak N titel" on one line in the label cell, "Competenties" over the letters. Row 2:
  "Werkprocessen" in the label cell with the letters A..Y centred in their cells on the same
  baseline. Then one row per werkproces, crosses as capital X centred in their cells; a
  werkproces without a matrix row gets one label cell as wide as the whole grid. The
  boilerplate below the grid.
- Detail: "Detaillering proces-competentie-matrix naam" at 14 pt, wrapping onto a second line.
  Werkprocessen follow each other on the page. Each: "N.N werkproces: titel" (11 pt), a ruled
  two-column table (Omschrijving | text, Gewenst resultaat | items, "- " before each item when
  there are several), then the three-column ruled table: a header row whose titles wrap in their
  cells ("Vakkennis en" / "vaardigheden", "Competentie en" / "component(en)"), the vakkennis
  column as one tall cell, the competence blocks in rows separated by rules across columns 2 and
  3. The table breaks across pages, anywhere (also inside a competence name), and repeats its
  header row.
- Variant (header_beside, kop_in_body=False): every werkproces starts a page and is named only
  in the running header, which holds "Kerntaak N titel" at the left and "N.N werkproces: titel"
  at the right of one baseline.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kwaldossier.model.competenties import LETTERS

from . import BOILERPLATE, LABELS, font, geldig

W, H = A4
FONT = font("KD-Serif", "DejaVuSerif.ttf") or "Times-Roman"
SIZE, LEAD, PAD = 9, 11.5, 4
X0, X1 = 48, W - 48
BOTTOM = 60


def wrap(text: str, width: float, size: float = SIZE) -> list[str]:
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}" if cur else word
        if cur and stringWidth(trial, FONT, size) > width:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    return [*lines, cur] if cur else lines


class Writer:
    def __init__(self, dossier, path: Path) -> None:
        self.c = Canvas(str(path), pagesize=A4)
        self.footer = f"Kwalificatiedossier {dossier.titel}, geldig vanaf {geldig(dossier)}" if dossier.titel else None
        self.n = 0
        self.w, self.h = W, H
        self.y = 0.0
        self.open = False
        self.mark = "X"
        self.header_beside = False
        self.kop_in_body = True
        self.fresh = False

    def page(self, header: list[str] | None = None, landscape: bool = False) -> None:
        if self.open:
            self.c.showPage()
        self.n += 1
        self.w, self.h = (H, W) if landscape else (W, H)
        self.c.setPageSize((self.w, self.h))
        self.c.setFont(FONT, 7.5)
        header = header or []
        if self.header_beside and len(header) == 2:  # both on one line: kerntaak left, werkproces right
            self.c.drawString(X0, self.h - 22, header[0])
            room = self.w - 48 - X0 - stringWidth(header[0], FONT, 7.5) - 24
            self.c.setFont(FONT, min(7.5, 7.5 * room / stringWidth(header[1], FONT, 7.5)))  # never overlapping
            self.c.drawRightString(self.w - 48, self.h - 22, header[1])
            header = []
        for k, text in enumerate(header):
            self.c.drawString(X0, self.h - 22 - 12 * k, text)
        if self.footer:
            self.c.drawString(X0, 24, self.footer)
        self.c.drawRightString(self.w - 48, 24, f"Pagina {self.n}")
        self.y = self.h - 70
        self.open = True

    def text(self, x: float, y: float, s: str, size: float = SIZE) -> None:
        self.c.setFont(FONT, size)
        self.c.drawString(x, y, s)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.c.setLineWidth(0.6)
        self.c.line(x0, y0, x1, y1)

    def row_top(self) -> float:
        """The top rule of a table row whose first baseline is at self.y."""
        return self.y + SIZE + 1.5

    def row_end(self, lines: int) -> float:
        """The bottom rule of a row of that many lines; the next row starts right below it."""
        bottom = self.y - (lines - 1) * LEAD - 4
        self.y = bottom - SIZE - 3
        return bottom

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


def render(dossier, path: Path, mark: str = "X", header_beside: bool = False, kop_in_body: bool = True) -> Path:
    """mark: the glyph of a cross, or "fill" to shade the whole cell instead. header_beside:
    the running header holds kerntaak and werkproces on one line (right-aligned werkproces).
    kop_in_body=False: each werkproces starts a page and is named only in the running header."""
    out = Writer(dossier, path)
    out.mark = mark
    out.header_beside = header_beside
    out.kop_in_body = kop_in_body
    for p in dossier.profielen:
        _profile(out, p)
        for kt in p.kerntaken:
            _matrix(out, p, kt)
            _detail(out, p, kt)
    out.save()
    return path


def _profile(out: Writer, p) -> None:
    out.page()
    out.text(X0, out.y, f"4.1 {p.naam}", 14)
    out.y -= 26
    out.text(X0, out.y, "Algemene informatie", 11)
    out.y -= 20
    split = X0 + 110
    ai = p.algemene_informatie
    for label, key in LABELS:
        value = getattr(ai, key)
        if not value:
            continue
        left = wrap(label, split - X0 - 2 * PAD)
        right: list[str | None] = []
        for k, para in enumerate(value.split("\n")):
            if k:
                right.append(None)  # a blank line between paragraphs
            right.extend(wrap(para, X1 - split - 2 * PAD))
        rows = max(len(left), len(right))
        if out.y - rows * LEAD < BOTTOM:  # a row does not break: start on a new page
            out.page()
        top = out.row_top()
        for k in range(rows):
            if k < len(left):
                out.text(X0 + PAD, out.y - k * LEAD, left[k])
            if k < len(right) and right[k]:
                out.text(split + PAD, out.y - k * LEAD, right[k] or "")
        bottom = out.row_end(rows)
        for x in (X0, split, X1):
            out.rule(x, top, x, bottom)
        out.rule(X0, top, X1, top)
        out.rule(X0, bottom, X1, bottom)


def _matrix(out: Writer, p, kt) -> None:
    out.page([f"Kerntaak {kt.code} {kt.titel}"], landscape=True)
    out.text(X0, out.y, f"Proces-competentie-matrix {p.naam}", 13)
    out.y -= 30
    label_w = 330
    cell = (out.w - 48 - X0 - label_w) / len(LETTERS)
    g0 = X0 + label_w
    right = g0 + cell * len(LETTERS)
    rules = [out.row_top()]
    out.text(X0 + PAD, out.y, f"Kerntaak {kt.code} {kt.titel}")
    out.text(g0 + PAD, out.y, "Competenties")
    rules.append(out.row_end(1))
    out.text(X0 + PAD, out.y, "Werkprocessen")
    for i, letter in enumerate(LETTERS):
        out.c.drawCentredString(g0 + (i + 0.5) * cell, out.y, letter)
    rules.append(out.row_end(1))
    for row_top, row_bottom in itertools.pairwise(rules):
        _cells(out, g0, cell, row_top, row_bottom, letters=row_top != rules[0])
    for wp in kt.werkprocessen:
        width = label_w if wp.matrix_rij else right - X0
        lines = wrap(f"{wp.code} {wp.titel}", width - 2 * PAD)
        row_top = out.row_top()
        for k, ln in enumerate(lines):
            out.text(X0 + PAD, out.y - k * LEAD, ln)
        marked = [i for i, letter in enumerate(LETTERS) if letter in wp.matrix]
        for i in marked:  # centred in the cell
            if out.mark != "fill":
                out.c.drawCentredString(g0 + (i + 0.5) * cell, out.y - (len(lines) - 1) * LEAD / 2, out.mark)
        row_bottom = out.row_end(len(lines))
        if out.mark == "fill":
            out.c.setFillGray(0.35)
            for i in marked:
                out.c.rect(g0 + i * cell + 1.5, row_bottom + 1.5, cell - 3, row_top - row_bottom - 3, stroke=0, fill=1)
            out.c.setFillGray(0)
        _cells(out, g0, cell, row_top, row_bottom, letters=wp.matrix_rij)
    out.y -= LEAD
    out.text(X0, out.y, BOILERPLATE[0])
    out.y -= LEAD
    out.text(X0, out.y, BOILERPLATE[1], 6.5)
    out.y -= LEAD
    out.text(X0, out.y, BOILERPLATE[2], 6.5)


def _cells(out: Writer, g0: float, cell: float, top: float, bottom: float, letters: bool) -> None:
    """One row of the grid as line segments: outline, and the letter cells when the row has them."""
    right = g0 + cell * len(LETTERS)
    out.rule(X0, top, right, top)
    out.rule(X0, bottom, right, bottom)
    out.rule(X0, top, X0, bottom)
    out.rule(right, top, right, bottom)
    if letters:
        for i in range(len(LETTERS)):
            out.rule(g0 + i * cell, top, g0 + i * cell, bottom)


# ---------------------------------------------------------------- detail pages

C1, C2, C3 = X0, X0 + 150, X0 + 330  # column starts


def _detail(out: Writer, p, kt) -> None:
    header = [f"Kerntaak {kt.code} {kt.titel}"]
    first = True
    for wp in kt.werkprocessen:
        if not wp.heeft_detail:
            continue
        kop = f"{wp.code} werkproces: {wp.detail_titel}"
        out.fresh = first
        if first:
            out.page([*header, kop])
            for ln in wrap(f"Detaillering proces-competentie-matrix {p.naam}", X1 - X0, 14):
                out.text(X0, out.y, ln, 14)
                out.y -= 18
            out.y -= 10
            first = False
        if not out.kop_in_body:
            if not first_page_fresh(out):
                out.page([*header, kop])  # each werkproces on its own pages, named only above
        elif out.y < BOTTOM + 8 * LEAD:
            out.page([*header, kop])
        if out.kop_in_body:
            for ln in wrap(kop, X1 - X0, 11):
                out.text(X0, out.y, ln, 11)
                out.y -= 14
            out.y -= 8
        items = wp.gewenst_resultaat
        _label_rows(
            out,
            [*header, kop],
            [
                ("Omschrijving", [wp.omschrijving]),
                ("Gewenst resultaat", [("- " if len(items) > 1 else "") + i for i in items]),
            ],
        )
        _table(out, [*header, kop], wp)
        out.y -= 2 * LEAD


def first_page_fresh(out: Writer) -> bool:
    """True right after the first detail page was opened (its header already names the werkproces)."""
    fresh, out.fresh = out.fresh, False
    return fresh


def _label_rows(out: Writer, header: list[str], rows: list[tuple[str, list[str]]]) -> None:
    split = X0 + 110
    for label, paras in rows:
        lines = [ln for para in paras for ln in wrap(para, X1 - split - 2 * PAD)]
        if out.y - len(lines) * LEAD < BOTTOM:  # a row does not break: continue on a new page
            out.page(header)
        top = out.row_top()
        out.text(X0 + PAD, out.y, label)
        for k, ln in enumerate(lines):
            out.text(split + PAD, out.y - k * LEAD, ln)
        bottom = out.row_end(len(lines))
        for x in (X0, split, X1):
            out.rule(x, top, x, bottom)
        out.rule(X0, top, X1, top)
        out.rule(X0, bottom, X1, bottom)


def _table(out: Writer, header: list[str], wp) -> None:
    col1: list[str] = []
    for v in wp.vakkennis_en_vaardigheden:
        col1.extend(wrap("• " + v.tekst + (" (t)" if v.taal else ""), C2 - C1 - 2 * PAD))
    slots: list[tuple[str | None, str | None, bool]] = []  # (col2, col3, rule below)
    for c in wp.competenties:
        left = wrap(c.naam, C3 - C2 - 2 * PAD)
        for comp in c.componenten:
            left.extend(wrap("• " + comp, C3 - C2 - 2 * PAD))
        right = wrap(c.prestatie_indicator, X1 - C3 - 2 * PAD)
        n = max(len(left), len(right))
        for k in range(n):
            slots.append((left[k] if k < len(left) else None, right[k] if k < len(right) else None, k == n - 1))
    n = max(len(col1), len(slots))
    top = _table_header(out)
    for k in range(n):
        if out.y < BOTTOM:
            _close(out, top)
            out.page(header)
            top = _table_header(out)
        if k < len(col1):
            out.text(C1 + PAD, out.y, col1[k])
        if k < len(slots):
            a, b, rule = slots[k]
            if a:
                out.text(C2 + PAD, out.y, a)
            if b:
                out.text(C3 + PAD, out.y, b)
            if rule and k < len(slots) - 1:
                out.rule(C2, out.y - PAD, X1, out.y - PAD)
                out.y -= 2 * PAD
        out.y -= LEAD
    _close(out, top)


def _table_header(out: Writer) -> float:
    out.y -= 6
    top = out.row_top()
    for x, title in (
        (C1, "Vakkennis en vaardigheden"),
        (C2, "Competentie en component(en)"),
        (C3, "Prestatie-indicator"),
    ):
        for k, ln in enumerate(wrap(title, 80)):
            out.text(x + PAD, out.y - k * LEAD, ln)
    rule = out.row_end(2)
    out.rule(X0, rule, X1, rule)
    return top


def _close(out: Writer, top: float) -> None:
    bottom = out.y + LEAD - 4
    for x in (C1, C2, C3, X1):
        out.rule(x, top, x, bottom)
    out.rule(X0, top, X1, top)
    out.rule(X0, bottom, X1, bottom)
