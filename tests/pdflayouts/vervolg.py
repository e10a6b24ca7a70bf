"""Layout "vervolg": a borderless dossier whose text and tables run on over page breaks.

- A4 portrait throughout, Bitstream Vera Sans 9 pt (the bold cut for headings, labels and
  competence names); no ruling lines anywhere.
- Running header 30 pt below the top edge, right-aligned: "Kwalificatiedossier T, geldig vanaf D"
  (the profile name without a title); footer 28 pt above the bottom edge, centred: "- N -".
- Profile page: "4.1 naam", "Algemene informatie", each label in bold at the left with its text
  beside it; text runs on over the page break, on the next page without its label.
- Matrix, portrait: the heading, "Kerntaak N" with the title under it at the left and
  "Competenties" over the letters on the first line, the letters A..Y on their own line,
  "Werkprocessen", then one row per werkproces with a light grey band behind its 25 cells and
  "x" in a crossed cell; a werkproces without a matrix row has no band. The boilerplate below.
- Detail: "Detaillering proces-competentie-matrix naam", then per werkproces its bold heading
  "N.N werkproces: titel" (a werkproces starts a page when less than a quarter page is left),
  "Omschrijving" and "Gewenst resultaat" as labels at the left with their text beside them,
  both running on over a page break mid-paragraph. Then the three-column table: a bold header
  row with the three titles, then the rows; the table breaks anywhere, also inside a vakkennis
  item, a component or a prestatie-indicator, whose lines go on at the top of the next page.
  A continued page repeats the header row of the first two columns only ("Vakkennis en
  vaardigheden", "Competentie en component(en)", bold), above the rest of the table; the
  werkproces heading is not repeated.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from kwaldossier.model.competenties import LETTERS

from . import BOILERPLATE, LABELS, geldig

W, H = A4
FONT, BOLD = "KD-Regular", "KD-Bold"  # Vera, registered by tests/pdfgen.py
SIZE, LEAD = 9, 11.5
X0, X1 = 56, W - 56
TOP, BOTTOM = H - 72, 64
C1, C2, C3 = X0, X0 + 165, X0 + 330  # detail columns
LABEL_W = 105
CELL0, CELL_W = X0 + 250, 9.2


def _wrap(text: str, width: float, font: str = FONT) -> list[str]:
    import pdfgen

    return pdfgen.wrap(text, width, font, SIZE)


class Pages:
    def __init__(self, dossier, path: Path) -> None:
        import pdfgen  # registers the fonts

        del pdfgen
        self.c = Canvas(str(path), pagesize=A4)
        self.header = (
            f"Kwalificatiedossier {dossier.titel}, geldig vanaf {geldig(dossier)}"
            if dossier.titel
            else dossier.profielen[0].naam
        )
        self.n = 0
        self.y = TOP
        self.on_break = None  # called on a new page of a running table: draws what repeats

    def page(self) -> None:
        if self.n:
            self.c.showPage()
        self.n += 1
        self.c.setFont(FONT, 7)
        self.c.drawRightString(X1, H - 30, self.header)
        self.c.drawCentredString(W / 2, 28, f"- {self.n} -")
        self.y = TOP

    def text(self, x: float, s: str, font: str = FONT, size: float = SIZE, y: float | None = None) -> None:
        self.c.setFont(font, size)
        self.c.drawString(x, self.y if y is None else y, s)

    def room(self, lines: int = 1) -> None:
        """A new page when the next lines do not fit."""
        if self.y - (lines - 1) * LEAD < BOTTOM:
            self.page()
            if self.on_break is not None:
                self.on_break()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


def render(dossier, path: Path) -> Path:
    out = Pages(dossier, path)
    for p in dossier.profielen:
        _profile(out, p)
        for kt in p.kerntaken:
            _matrix(out, p, kt)
            _detail(out, p, kt)
    out.save()
    return path


def _labelled(out: Pages, label: str, paras: list[str], gap_between: bool = True) -> None:
    """A bold label at the left, its text beside it; the text runs on over page breaks."""
    out.room()
    for k, ln in enumerate(_wrap(label, LABEL_W - 6, BOLD)):
        out.text(X0, ln, BOLD, y=out.y - k * LEAD)
    for k, para in enumerate(paras):
        if k and gap_between:
            out.y -= LEAD
        for ln in _wrap(para, X1 - X0 - LABEL_W):
            out.room()
            out.text(X0 + LABEL_W, ln)
            out.y -= LEAD
    out.y -= 0.8 * LEAD


def _profile(out: Pages, p) -> None:
    out.page()
    out.text(X0, f"4.1 {p.naam}", BOLD, 13)
    out.y -= 24
    out.text(X0, "Algemene informatie", BOLD, 10.5)
    out.y -= 20
    for label, key in LABELS:
        value = getattr(p.algemene_informatie, key)
        if value:
            _labelled(out, label, value.split("\n"))


def _matrix(out: Pages, p, kt) -> None:
    out.page()
    out.text(X0, f"Proces-competentie-matrix {p.naam}", BOLD, 11)
    out.y -= 2 * LEAD
    out.text(X0, f"Kerntaak {kt.code}", BOLD)
    out.text(CELL0, "Competenties", BOLD)
    for ln in _wrap(kt.titel, CELL0 - X0 - 10, BOLD):
        out.y -= LEAD
        out.text(X0, ln, BOLD)
    out.y -= 1.5 * LEAD
    for i, letter in enumerate(LETTERS):
        out.c.setFont(BOLD, SIZE)
        out.c.drawCentredString(CELL0 + (i + 0.5) * CELL_W, out.y, letter)
    out.y -= 1.5 * LEAD
    out.text(X0, "Werkprocessen", BOLD)
    out.y -= 1.5 * LEAD
    for wp in kt.werkprocessen:
        width = CELL0 - X0 - 10 if wp.matrix_rij else X1 - X0
        label = _wrap(f"{wp.code} {wp.titel}", width)
        if wp.matrix_rij:
            out.c.setFillGray(0.88)
            out.c.rect(
                CELL0, out.y - (len(label) - 1) * LEAD - 3, CELL_W * len(LETTERS), len(label) * LEAD, stroke=0, fill=1
            )
            out.c.setFillGray(0)
        for k, ln in enumerate(label):
            out.text(X0, ln, y=out.y - k * LEAD)
        for i, letter in enumerate(LETTERS):
            if letter in wp.matrix:
                out.c.setFont(FONT, SIZE)
                out.c.drawCentredString(CELL0 + (i + 0.5) * CELL_W, out.y, "x")
        out.y -= len(label) * LEAD + 5
    out.y -= LEAD
    out.text(X0, BOILERPLATE[0], BOLD)
    out.y -= LEAD
    out.text(X0, BOILERPLATE[1], FONT, 5.5)
    out.y -= LEAD
    out.text(X0, BOILERPLATE[2], FONT, 5.5)


def _detail(out: Pages, p, kt) -> None:
    out.page()
    out.text(X0, f"Detaillering proces-competentie-matrix {p.naam}", BOLD, 11)
    out.y -= 2 * LEAD
    for wp in kt.werkprocessen:
        if not wp.heeft_detail:
            continue
        if out.y < BOTTOM + (TOP - BOTTOM) / 4:
            out.page()
        for ln in _wrap(f"{wp.code} werkproces: {wp.detail_titel}", X1 - X0, BOLD):
            out.room()
            out.text(X0, ln, BOLD, 10)
            out.y -= 1.3 * LEAD
        out.y -= 0.5 * LEAD
        items = wp.gewenst_resultaat
        _labelled(out, "Omschrijving", [wp.omschrijving])
        _labelled(out, "Gewenst resultaat", [("- " if len(items) > 1 else "") + i for i in items], gap_between=False)
        _table(out, wp)
        out.y -= LEAD


def _table(out: Pages, wp) -> None:
    col1 = [
        ln for v in wp.vakkennis_en_vaardigheden for ln in _bullet(v.tekst + (" (t)" if v.taal else ""), C2 - C1 - 10)
    ]
    col2: list[tuple[str, str, float] | None] = []  # (text, font, indent), None: the gap between blocks
    col3: list[str | None] = []
    for c in wp.competenties:
        left = [(ln, BOLD, 0.0) for ln in _wrap(c.naam, C3 - C2 - 10, BOLD)]
        left += [(ln, FONT, indent) for comp in c.componenten for ln, indent in _bullet(comp, C3 - C2 - 10)]
        right: list[str | None] = list(_wrap(c.prestatie_indicator, X1 - C3))
        n = max(len(left), len(right))
        col2 += [*left, *([None] * (n - len(left))), None]
        col3 += [*right, *([None] * (n - len(right))), None]
    out.room(3)
    for x, title in (
        (C1, "Vakkennis en vaardigheden"),
        (C2, "Competentie en component(en)"),
        (C3, "Prestatie-indicator"),
    ):
        out.text(x, title, BOLD)
    out.y -= 1.6 * LEAD

    def repeat() -> None:
        for x, title in ((C1, "Vakkennis en vaardigheden"), (C2, "Competentie en component(en)")):
            out.text(x, title, BOLD)
        out.y -= 1.6 * LEAD

    out.on_break = repeat
    for k in range(max(len(col1), len(col2))):
        out.room()
        if k < len(col1):
            out.text(C1 + col1[k][1], col1[k][0])
        cell = col2[k] if k < len(col2) else None
        if cell is not None:
            out.text(C2 + cell[2], cell[0], cell[1])
        right = col3[k] if k < len(col3) else None
        if right:
            out.text(C3, right)
        out.y -= LEAD
    out.on_break = None


def _bullet(text: str, width: float) -> list[tuple[str, float]]:
    """'• ' before the first line; the next lines indented under the text."""
    return [(ln, 0.0 if k == 0 else 8.0) for k, ln in enumerate(_wrap("• " + text, width - 8))]
