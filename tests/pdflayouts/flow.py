"""Layout "flow": a dossier typeset by a document engine (reportlab platypus), no ruling lines.

- A4 portrait; each matrix on a landscape page (a second page template).
- DejaVu Sans, body 8.5 pt; headings, labels, the kerntaak and the competence names in bold.
- Running header 40 pt below the top edge, right-aligned: "Kwalificatiedossier T, geldig vanaf D"
  (the profile name when the dossier has no title). Footer 30 pt above the bottom edge, centred:
  "blad N".
- Profile page: "4.1 naam" large enough to wrap onto a second line, "Algemene informatie", then each label in bold on its own line with
  its text below it (labels stacked, not beside the text); paragraphs set apart by space.
- Matrix: the heading, then a borderless table: the top-left cell holds "Kerntaak N" with the
  title under it, "Competenties" spans the letter columns; a row with the letters A..Y; a row
  "Werkprocessen"; one row per werkproces, crosses drawn as check marks (✓) in their cells. Rows
  that have cells get a light grey band behind their 25 cells; a werkproces without a matrix row
  has none. The boilerplate below.
- Detail: "Detaillering proces-competentie-matrix naam", then the werkprocessen one after the
  other on the page: bold heading "N.N werkproces: titel", the labels Omschrijving and Gewenst
  resultaat stacked above their text ("- " items when several), then a borderless three-column
  table whose header row repeats on each page it runs over, the column titles centred over
  their columns; "Competentie en component(en)" wraps in its narrow column. Row k holds vakkennis item k and competence block k (bold name,
  "•" components; its prestatie-indicator beside it); rows do not split across pages.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kwaldossier.model.competenties import LETTERS

from . import BOILERPLATE, LABELS, font, geldig

REGULAR = font("KD-Sans", "DejaVuSans.ttf")
BOLD = font("KD-Sans-Bold", "DejaVuSans-Bold.ttf")
AVAILABLE = REGULAR is not None and BOLD is not None  # the check mark needs DejaVu Sans

MARK = "✓"


def _styles() -> dict[str, ParagraphStyle]:
    # a word wider than its cell overruns the cell (as word processors do) instead of being cut
    body = ParagraphStyle("body", fontName=REGULAR or "Helvetica", fontSize=8.5, leading=11, splitLongWords=False)
    bold = ParagraphStyle("bold", parent=body, fontName=BOLD or "Helvetica-Bold")
    return {
        "body": body,
        "bold": bold,
        "title": ParagraphStyle("title", parent=bold, fontSize=24, leading=29, spaceAfter=14),
        "h1": ParagraphStyle("h1", parent=bold, fontSize=13, leading=17, spaceAfter=10),
        "h2": ParagraphStyle("h2", parent=bold, fontSize=10.5, leading=14, spaceBefore=10, spaceAfter=6),
        "label": ParagraphStyle("label", parent=bold, spaceBefore=7, spaceAfter=2),
        "para": ParagraphStyle("para", parent=body, spaceAfter=7),
        "small": ParagraphStyle("small", parent=body, fontSize=6.5, leading=9),
        "centre": ParagraphStyle("centre", parent=bold, alignment=1),
    }


def render(dossier, path: Path) -> Path:
    st = _styles()
    header = (
        f"Kwalificatiedossier {dossier.titel}, geldig vanaf {geldig(dossier)}"
        if dossier.titel
        else dossier.profielen[0].naam
    )

    def furniture(canvas, doc) -> None:
        w, h = canvas._pagesize
        canvas.setFont(REGULAR or "Helvetica", 7)
        canvas.drawRightString(w - 50, h - 40, header)
        canvas.drawCentredString(w / 2, 30, f"blad {doc.page}")

    doc = BaseDocTemplate(str(path), pagesize=A4)
    pw, ph = A4
    doc.addPageTemplates(
        [
            PageTemplate("staand", [Frame(50, 60, pw - 100, ph - 130)], onPage=furniture, pagesize=A4),
            PageTemplate("liggend", [Frame(45, 55, ph - 90, pw - 120)], onPage=furniture, pagesize=landscape(A4)),
        ]
    )
    story: list = []
    for p in dossier.profielen:
        if story:
            story.append(PageBreak())
        _profile(story, st, p)
        for kt in p.kerntaken:
            story += [NextPageTemplate("liggend"), PageBreak()]
            _matrix(story, st, p, kt)
            story += [NextPageTemplate("staand"), PageBreak()]
            _detail(story, st, p, kt)
    doc.build(story)
    return path


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _profile(story: list, st, p) -> None:
    story += [_p(f"4.1 {p.naam}", st["title"]), _p("Algemene informatie", st["h2"])]
    for label, key in LABELS:
        value = getattr(p.algemene_informatie, key)
        if value:
            story.append(_p(label, st["label"]))
            story += [_p(para, st["para"]) for para in value.split("\n")]


def _matrix(story: list, st, p, kt) -> None:
    story.append(_p(f"Proces-competentie-matrix {p.naam}", st["h1"]))
    head = Paragraph(f"<b>Kerntaak {kt.code}</b><br/>{escape(kt.titel)}", st["bold"])
    rows: list[list] = [
        [head, _p("Competenties", st["bold"])] + [""] * (len(LETTERS) - 1),
        [""] + [_p(letter, st["centre"]) for letter in LETTERS],
        [_p("Werkprocessen", st["bold"])] + [""] * len(LETTERS),
    ]
    style = [("SPAN", (1, 0), (-1, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 1), (-1, -1), "CENTER")]
    style += [("FONT", (1, 3), (-1, -1), REGULAR or "Helvetica", 9)]
    for wp in kt.werkprocessen:
        r = len(rows)
        rows.append(
            [_p(f"{wp.code} {wp.titel}", st["body"])] + [MARK if letter in wp.matrix else "" for letter in LETTERS]
        )
        if wp.matrix_rij:
            style.append(("BACKGROUND", (1, r), (-1, r), colors.Color(0.9, 0.9, 0.9)))
        else:
            style.append(("SPAN", (0, r), (-1, r)))
    letter_w = 17
    label_w = landscape(A4)[0] - 90 - letter_w * len(LETTERS)
    story.append(Table(rows, colWidths=[label_w] + [letter_w] * len(LETTERS), style=TableStyle(style), hAlign="LEFT"))
    story += [
        Spacer(1, 12),
        _p(BOILERPLATE[0], st["bold"]),
        _p(BOILERPLATE[1], st["small"]),
        _p(BOILERPLATE[2], st["small"]),
    ]


def _detail(story: list, st, p, kt) -> None:
    first = True
    for wp in kt.werkprocessen:
        if not wp.heeft_detail:
            continue
        if first:
            story.append(_p(f"Detaillering proces-competentie-matrix {p.naam}", st["h1"]))
            first = False
        story.append(_p(f"{wp.code} werkproces: {wp.detail_titel}", st["h2"]))
        story += [
            _p("Omschrijving", st["label"]),
            _p(wp.omschrijving, st["para"]),
            _p("Gewenst resultaat", st["label"]),
        ]
        items = wp.gewenst_resultaat
        story += [_p(("- " if len(items) > 1 else "") + item, st["body"]) for item in items]
        story.append(Spacer(1, 8))
        rows: list[list] = [
            [
                _p(t, st["centre"])
                for t in ("Vakkennis en vaardigheden", "Competentie en component(en)", "Prestatie-indicator")
            ]
        ]
        vak = wp.vakkennis_en_vaardigheden
        for k in range(max(len(vak), len(wp.competenties))):
            cells: list = ["", "", ""]
            if k < len(vak):
                cells[0] = _p("• " + vak[k].tekst + (" (t)" if vak[k].taal else ""), st["body"])
            if k < len(wp.competenties):
                c = wp.competenties[k]
                cells[1] = [_p(c.naam, st["bold"])] + [_p("• " + comp, st["body"]) for comp in c.componenten]
                cells[2] = _p(c.prestatie_indicator, st["body"])
            rows.append(cells)
        story.append(
            Table(
                rows,
                colWidths=[150, 125, 220],
                repeatRows=1,
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]),
                hAlign="LEFT",
            )
        )
