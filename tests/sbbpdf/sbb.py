"""Layout "sbb": close to SBB's own publication of a 2015-model kwalificatiedossier.

- A4 portrait, margins 2 cm, DejaVu Sans 9 pt body (bold for labels and headings).
- Page 1, the cover, without header or footer: "Kwalificatiedossier <titel>" (large, bold),
  "Crebonr. <dossier crebo>", the label "Profielen:" and one line per profile
  "» <naam> (Crebonr. <crebo>)", "Opleidingsdomein: <domein>", "Geldig vanaf DD-MM-JJJJ" and,
  when the dossier has a version, that version ("Gewijzigd 2016").
- Page 2, the colofon: "Penvoerder: ...", "Vastgesteld door: ...", "Vastgesteld op: DD-MM-JJJJ",
  "Vastgesteld te: ...".
- "Inhoudsopgave": one entry per heading (sections, kerntaken, werkprocessen, profiles), the
  title, dot leaders and the page number.
- "Leeswijzer" (the dossier's inleiding: headings, paragraphs, "•" list items), then
  "Overzicht van het kwalificatiedossier": a table Profiel | Crebonr. | Mbo-niveau.
- "Basisdeel", "Typering van de beroepengroep" with the labels Context, Typerende
  beroepshouding and Resultaat van de beroepengroep, each on its own line above its text.
- "Beroepsspecifieke onderdelen"; each kerntaak on a new page: "B1-K1: <titel>", the labels
  Complexiteit, Verantwoordelijkheid en zelfstandigheid and Vakkennis en vaardigheden above
  their text or their "§" items (hanging indent). Each werkproces: "B1-K1-W1: <titel>", the
  labels Omschrijving, Resultaat and Gedrag above their text; the gedrag is the intro line and
  "- " bullets (hanging indent); then the paragraph "De onderliggende competenties zijn: <names,
  comma separated>". A text's lines (line breaks of the source) are paragraphs, set apart by a
  small space.
- Additions for one profile follow the part they add to: "Voor <profiel> geldt aanvullend:"
  (bold) above the text, the items, the gedrag or "De onderliggende competenties zijn: ...".
- "Generieke onderdelen" (headings and paragraphs of the generic part), then "Profieldeel";
  each profile on a new page: its name (large, bold), the labels Mbo-niveau ("Niveau N"),
  Typering van het beroep and Beroepsvereisten above their text, then its kerntaken as above.
- Running header at the top of every page after the cover: "Kwalificatiedossier <titel>" at the
  left and, on a second line at the right, "<code>: <titel>" of the kerntaak the page is in (the
  first kerntaak heading on the page, or the one running on from the page before). Footer at
  the bottom right: "N van M".
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from . import font
from .inhoud import Gedrag, Inhoud, Kerntaak, read

REGULAR = font("SBB-Sans", "DejaVuSans.ttf") or "Helvetica"
BOLD = font("SBB-Sans-Bold", "DejaVuSans-Bold.ttf") or "Helvetica-Bold"
PW, PH = A4
MARGIN = 2 * cm


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5, spaceBefore=3)
    bold = ParagraphStyle("bold", parent=body, fontName=BOLD)
    return {
        "body": body,
        "label": ParagraphStyle("label", parent=bold, spaceBefore=9, spaceAfter=1, keepWithNext=1),
        "plus": ParagraphStyle("plus", parent=bold, spaceBefore=6, keepWithNext=1),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2, spaceBefore=1.5),
        "cover": ParagraphStyle("cover", parent=bold, fontSize=24, leading=30, spaceAfter=18),
        "coverline": ParagraphStyle("coverline", parent=body, fontSize=12, leading=16, spaceBefore=4),
        "h1": ParagraphStyle("h1", parent=bold, fontSize=18, leading=23, spaceAfter=10, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=bold, fontSize=13, leading=17, spaceBefore=12, spaceAfter=6, keepWithNext=1),
        "h3": ParagraphStyle(
            "h3", parent=bold, fontSize=10.5, leading=13.5, spaceBefore=14, spaceAfter=2, keepWithNext=1
        ),
        "toc0": ParagraphStyle("toc0", parent=body, fontName=BOLD, leftIndent=0, spaceBefore=5),
        "toc1": ParagraphStyle("toc1", parent=body, leftIndent=14, spaceBefore=1),
        "toc2": ParagraphStyle("toc2", parent=body, leftIndent=28, spaceBefore=0),
    }


class _Kop(Paragraph):
    """A heading: an entry in the table of contents; a kerntaak heading also sets the running header."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, kerntaak: bool | None = None) -> None:
        super().__init__(escape(text), style)
        self.toc = (level, text)
        self.kerntaak = kerntaak  # True: sets the running header; False: clears it


class _Doc(BaseDocTemplate):
    def __init__(self, path: str, titel: str) -> None:
        super().__init__(
            path, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN
        )
        self.titel = titel
        self.kop: str | None = None  # running kerntaak
        self.kop_begin: str | None = None
        self.kop_eerste: str | None = None
        frame = Frame(MARGIN, MARGIN, PW - 2 * MARGIN, PH - 2 * MARGIN - 0.6 * cm, id="f")
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame]),
                PageTemplate("body", [frame], onPage=self._begin, onPageEnd=self._header),
            ]
        )

    def beforeDocument(self) -> None:
        self.kop = self.kop_begin = self.kop_eerste = None  # multiBuild runs the story more than once

    def _begin(self, _canvas, _doc) -> None:  # reportlab's onPage(canvas, doc)
        self.kop_begin, self.kop_eerste = self.kop, None

    def _header(self, canvas, _doc) -> None:  # reportlab's onPageEnd(canvas, doc)
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.drawString(MARGIN, PH - 1.1 * cm, f"Kwalificatiedossier {self.titel}")
        kop = self.kop_eerste or self.kop_begin
        if kop:
            canvas.drawRightString(PW - MARGIN, PH - 1.45 * cm, kop)
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, _Kop):
            level, text = flowable.toc
            self.notify("TOCEntry", (level, text, self.page))
            if flowable.kerntaak is True:
                self.kop = text
                self.kop_eerste = self.kop_eerste or text
            elif flowable.kerntaak is False:
                self.kop = None


def _numbered(*args, **kwargs) -> Canvas:
    """A canvas that writes "N van M" on each page but the first once M is known."""

    class C(Canvas):
        def __init__(self, *a, **k) -> None:
            super().__init__(*a, **k)
            self._states: list[dict] = []

        def showPage(self) -> None:
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._states)
            for state in self._states:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    self.setFont(REGULAR, 7.5)
                    self.drawRightString(PW - MARGIN, 1.1 * cm, f"{self._pageNumber} van {total}")
                super().showPage()
            super().save()

    return C(*args, **kwargs)


def render(xml: Path, path: Path) -> Path:
    inh = read(xml)
    st = _styles()
    doc = _Doc(str(path), inh.titel)
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [st["toc0"], st["toc1"], st["toc2"]]
    story: list = []
    _cover(story, st, inh)
    story += [NextPageTemplate("body"), PageBreak()]
    _colofon(story, st, inh)
    story += [PageBreak(), Paragraph("Inhoudsopgave", st["h1"]), toc, PageBreak()]
    _leeswijzer(story, st, inh)
    story.append(PageBreak())
    story.append(_Kop("Basisdeel", st["h1"], 0, kerntaak=False))
    story.append(_Kop("Typering van de beroepengroep", st["h2"], 1))
    for label, text in (
        ("Context", inh.context),
        ("Typerende beroepshouding", inh.beroepshouding),
        ("Resultaat van de beroepengroep", inh.resultaat),
    ):
        _text(story, st, label, text)
    story += [PageBreak(), _Kop("Beroepsspecifieke onderdelen", st["h2"], 1)]
    for i, kt in enumerate(inh.kerntaken):
        if i:
            story.append(PageBreak())
        _kerntaak(story, st, kt)
    story += [PageBreak(), _Kop("Generieke onderdelen", st["h1"], 0, kerntaak=False)]
    for b in inh.generiek:
        if b.soort == "h1":
            continue  # the section heading itself
        story.append(Paragraph(escape(b.tekst), st["h3"] if b.soort == "h2" else st["body"]))
    story += [PageBreak(), _Kop("Profieldeel", st["h1"], 0, kerntaak=False)]
    for p in inh.profielen:
        story += [PageBreak(), _Kop(p.naam, st["h1"], 1, kerntaak=False)]
        _text(story, st, "Mbo-niveau", [f"Niveau {p.niveau}"])
        _text(story, st, "Typering van het beroep", p.typering)
        _text(story, st, "Beroepsvereisten", p.beroepsvereisten)
        for kt in p.kerntaken:
            story.append(PageBreak())
            _kerntaak(story, st, kt)
    doc.multiBuild(story, canvasmaker=_numbered)
    return path


def _cover(story: list, st, inh: Inhoud) -> None:
    story += [Spacer(1, 4 * cm), Paragraph(escape(f"Kwalificatiedossier {inh.titel}"), st["cover"])]
    story.append(Paragraph(f"Crebonr. {inh.crebo}", st["coverline"]))
    story.append(Paragraph("Profielen:", st["coverline"]))
    for p in inh.profielen:
        story.append(Paragraph(escape(f"» {p.naam} (Crebonr. {p.crebo})"), st["coverline"]))
    story += [Spacer(1, 1 * cm), Paragraph(escape(f"Opleidingsdomein: {inh.sector}"), st["coverline"])]
    story.append(Paragraph(f"Geldig vanaf {inh.geldig_vanaf}", st["coverline"]))
    if inh.versie:
        story.append(Paragraph(escape(inh.versie), st["coverline"]))


def _colofon(story: list, st, inh: Inhoud) -> None:
    for label, value in (
        ("Penvoerder", inh.penvoerder),
        ("Vastgesteld door", inh.vastgesteld_door),
        ("Vastgesteld op", inh.vastgesteld_op),
        ("Vastgesteld te", inh.vastgesteld_te),
    ):
        if value:
            story.append(Paragraph(escape(f"{label}: {value}"), st["body"]))


def _leeswijzer(story: list, st, inh: Inhoud) -> None:
    story.append(_Kop("Leeswijzer", st["h1"], 0))
    for b in inh.leeswijzer:
        if b.soort == "h1":
            continue
        if b.soort == "li":
            story.append(Paragraph(escape(b.tekst), st["bullet"], bulletText="•"))
        else:
            story.append(Paragraph(escape(b.tekst), st["h3"] if b.soort == "h2" else st["body"]))
    story += [Spacer(1, 12), _Kop("Overzicht van het kwalificatiedossier", st["h1"], 0)]
    rows = [[Paragraph(h, st["label"]) for h in ("Profiel", "Crebonr.", "Mbo-niveau")]]
    rows += [[Paragraph(escape(p.naam), st["body"]), p.crebo, p.niveau] for p in inh.profielen]
    table = Table(rows, colWidths=[9 * cm, 3 * cm, 3 * cm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("GRID", (0, 0), (-1, -1), 0.5, "#777777"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)


def _paras(story: list, st, lines: list[str]) -> None:
    story += [Paragraph(escape(ln), st["body"]) for ln in lines]


def _text(story: list, st, label: str, lines: list[str], plus: list[tuple[str, list[str]]] = ()) -> None:
    story.append(Paragraph(escape(label), st["label"]))
    _paras(story, st, lines)
    for naam, extra in plus:
        story.append(Paragraph(escape(f"Voor {naam} geldt aanvullend:"), st["plus"]))
        _paras(story, st, extra)


def _items(story: list, st, items: list[str], bullet: str) -> None:
    story += [Paragraph(escape(item), st["bullet"], bulletText=bullet) for item in items]


def _gedrag(story: list, st, g: Gedrag) -> None:
    _paras(story, st, [" ".join(g.intro)] if g.intro else [])
    _items(story, st, g.bullets, "-")


def _competenties(names: list[str]) -> str:
    return "De onderliggende competenties zijn: " + ", ".join(names)


def _kerntaak(story: list, st, kt: Kerntaak) -> None:
    story.append(_Kop(f"{kt.code}: {kt.titel}", st["h2"], 1, kerntaak=True))
    _text(story, st, "Complexiteit", kt.complexiteit, kt.complexiteit_plus)
    _text(story, st, "Verantwoordelijkheid en zelfstandigheid", kt.verantwoordelijkheid, kt.verantwoordelijkheid_plus)
    story.append(Paragraph("Vakkennis en vaardigheden", st["label"]))
    _items(story, st, kt.vakkennis, "§")
    for naam, items in kt.vakkennis_plus:
        story.append(Paragraph(escape(f"Voor {naam} geldt aanvullend:"), st["plus"]))
        _items(story, st, items, "§")
    for wp in kt.werkprocessen:
        story += [CondPageBreak(4 * cm), _Kop(f"{wp.code}: {wp.titel}", st["h3"], 2)]
        _text(story, st, "Omschrijving", wp.omschrijving, wp.omschrijving_plus)
        _text(story, st, "Resultaat", wp.resultaat, wp.resultaat_plus)
        story.append(Paragraph("Gedrag", st["label"]))
        _gedrag(story, st, wp.gedrag)
        for naam, g in wp.gedrag_plus:
            story.append(Paragraph(escape(f"Voor {naam} geldt aanvullend:"), st["plus"]))
            _gedrag(story, st, g)
        story.append(Paragraph(escape(_competenties(wp.competenties)), st["body"]))
        for naam, names in wp.competenties_plus:
            story.append(Paragraph(escape(f"Voor {naam} geldt aanvullend:"), st["plus"]))
            story.append(Paragraph(escape(_competenties(names)), st["body"]))
