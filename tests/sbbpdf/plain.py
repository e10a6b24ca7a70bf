"""Layout "plain": a plainer 2015-model dossier, as a school or a tool might print it.

- A4 portrait, left margin 1.5 cm, right margin 3 cm, top 1.8 cm; DejaVu Serif 10 pt, labels
  and headings bold. No cover page, no table of contents, no leeswijzer, no running header; a
  footer at the bottom left: "Pagina N". The text flows on without page breaks.
- Title block: "Kwalificatiedossier <titel>", then label lines sharing their line with the value:
  "Crebonr.: <crebo>", "Geldig vanaf: <d maand jjjj>", the version when there is one,
  "Opleidingsdomein: <domein>", "Vastgesteld op: <d maand jjjj>", and one line per profile
  "• <naam> (Crebonr. <crebo>)".
- "Basisdeel", "Typering van de beroepengroep"; "Context: <text>" (the label in bold at the
  start of the text's first line), "Typerende beroepshouding: ...", "Resultaat van de
  beroepengroep: ...". Each line of a text (a line break of the source) is a paragraph of its
  own, 3 pt below the one before (fields are 4 pt apart).
- "Beroepsspecifieke onderdelen"; a kerntaak "B1-K1 <titel>" (no colon), "Complexiteit: ...",
  "Verantwoordelijkheid en zelfstandigheid: ...", then "Vakkennis en vaardigheden" on a line of
  its own and its items as "• <item>", the bullet in the text (wrapped lines start at the left
  margin, no hanging indent).
- A werkproces "B1-K1-W1 <titel>", "Omschrijving: ...", "Resultaat: ...", "Gedrag: <intro>" and
  its "• " bullets as above, then "De onderliggende competenties zijn: <names>".
- An addition: "Voor <profiel> geldt aanvullend: <text>" on one line with its text; before
  items or a gedrag the phrase stands on a line of its own; an addition to the competences is
  "Voor <profiel> geldt aanvullend: <names>".
- "Generieke onderdelen" (its headings bold), "Profieldeel", each profile
  "<code> <naam> (Crebonr. <crebo>)", "Mbo-niveau: <N>", "Typering van het beroep: ...",
  "Beroepsvereisten: ...", then its kerntaken.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from . import datum_voluit, font
from .inhoud import Gedrag, Kerntaak, read

SERIF = font("Plain-Serif", "DejaVuSerif.ttf") or "Times-Roman"
SERIF_BOLD = font("Plain-Serif-Bold", "DejaVuSerif-Bold.ttf") or "Times-Bold"
if SERIF == "Plain-Serif":  # <b> in a paragraph picks the family's bold face
    registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF, boldItalic=SERIF_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=SERIF, fontSize=10, leading=12.5, spaceBefore=4)
    bold = ParagraphStyle("bold", parent=body, fontName=SERIF_BOLD)
    return {
        "body": body,
        "item": ParagraphStyle("item", parent=body, spaceBefore=1),
        "line": ParagraphStyle("line", parent=body, spaceBefore=3),
        "label": ParagraphStyle("label", parent=bold, spaceBefore=6, keepWithNext=1),
        "title": ParagraphStyle("title", parent=bold, fontSize=16, leading=20, spaceAfter=6),
        "h1": ParagraphStyle("h1", parent=bold, fontSize=14, leading=18, spaceBefore=16, spaceAfter=4, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=bold, fontSize=12, leading=15, spaceBefore=12, spaceAfter=2, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=bold, fontSize=10.5, leading=13, spaceBefore=10, keepWithNext=1),
    }


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(SERIF, 8)
    canvas.drawString(1.5 * cm, 1 * cm, f"Pagina {doc.page}")
    canvas.restoreState()


def render(xml: Path, path: Path) -> Path:
    inh = read(xml)
    st = _styles()
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=1.5 * cm, rightMargin=3 * cm, topMargin=1.8 * cm, bottomMargin=2 * cm
    )
    s: list = [Paragraph(escape(f"Kwalificatiedossier {inh.titel}"), st["title"])]
    s += _labelled(st, "Crebonr.", [inh.crebo])
    s += _labelled(st, "Geldig vanaf", [datum_voluit(inh.geldig_vanaf)])
    if inh.versie:
        s.append(Paragraph(escape(inh.versie), st["body"]))
    s += _labelled(st, "Opleidingsdomein", [inh.sector])
    s += _labelled(st, "Vastgesteld op", [datum_voluit(inh.vastgesteld_op)])
    s += [Paragraph(escape(f"• {p.naam} (Crebonr. {p.crebo})"), st["item"]) for p in inh.profielen]
    s += [Paragraph("Basisdeel", st["h1"]), Paragraph("Typering van de beroepengroep", st["h2"])]
    s += _labelled(st, "Context", inh.context)
    s += _labelled(st, "Typerende beroepshouding", inh.beroepshouding)
    s += _labelled(st, "Resultaat van de beroepengroep", inh.resultaat)
    s.append(Paragraph("Beroepsspecifieke onderdelen", st["h2"]))
    for kt in inh.kerntaken:
        _kerntaak(s, st, kt)
    s.append(Paragraph("Generieke onderdelen", st["h1"]))
    s += [
        Paragraph(escape(b.tekst), st["h3"] if b.soort == "h2" else st["body"]) for b in inh.generiek if b.soort != "h1"
    ]
    s.append(Paragraph("Profieldeel", st["h1"]))
    for p in inh.profielen:
        s += [Spacer(1, 6), Paragraph(escape(f"{p.code} {p.naam} (Crebonr. {p.crebo})"), st["h2"])]
        s += _labelled(st, "Mbo-niveau", [p.niveau])
        s += _labelled(st, "Typering van het beroep", p.typering)
        s += _labelled(st, "Beroepsvereisten", p.beroepsvereisten)
        for kt in p.kerntaken:
            _kerntaak(s, st, kt)
    doc.build(s, onFirstPage=_footer, onLaterPages=_footer)
    return path


def _labelled(st, label: str, lines: list[str]) -> list[Paragraph]:
    """'Label: line 1', then the other lines: the label in bold at the start of the text."""
    first = Paragraph(f"<b>{escape(label)}:</b> " + (escape(lines[0]) if lines else ""), st["body"])
    return [first] + [Paragraph(escape(ln), st["line"]) for ln in lines[1:]]


def _plus(s: list, st, plus: list[tuple[str, list[str]]]) -> None:
    for naam, lines in plus:
        s += _labelled(st, f"Voor {naam} geldt aanvullend", lines)


def _items(s: list, st, items: list[str]) -> None:
    s += [Paragraph(escape(f"• {item}"), st["item"]) for item in items]


def _gedrag(s: list, st, g: Gedrag, label: str) -> None:
    s.append(Paragraph(f"<b>{escape(label)}</b> " + escape(" ".join(g.intro)), st["body"]))
    _items(s, st, g.bullets)


def _kerntaak(s: list, st, kt: Kerntaak) -> None:
    s.append(Paragraph(escape(f"{kt.code} {kt.titel}"), st["h2"]))
    s += _labelled(st, "Complexiteit", kt.complexiteit)
    _plus(s, st, kt.complexiteit_plus)
    s += _labelled(st, "Verantwoordelijkheid en zelfstandigheid", kt.verantwoordelijkheid)
    _plus(s, st, kt.verantwoordelijkheid_plus)
    s.append(Paragraph("Vakkennis en vaardigheden", st["label"]))
    _items(s, st, kt.vakkennis)
    for naam, items in kt.vakkennis_plus:
        s.append(Paragraph(escape(f"Voor {naam} geldt aanvullend:"), st["body"]))
        _items(s, st, items)
    for wp in kt.werkprocessen:
        s.append(Paragraph(escape(f"{wp.code} {wp.titel}"), st["h3"]))
        s += _labelled(st, "Omschrijving", wp.omschrijving)
        _plus(s, st, wp.omschrijving_plus)
        s += _labelled(st, "Resultaat", wp.resultaat)
        _plus(s, st, wp.resultaat_plus)
        _gedrag(s, st, wp.gedrag, "Gedrag:")
        for naam, g in wp.gedrag_plus:
            _gedrag(s, st, g, f"Voor {naam} geldt aanvullend:")
        s.append(Paragraph(escape("De onderliggende competenties zijn: " + ", ".join(wp.competenties)), st["body"]))
        for naam, names in wp.competenties_plus:
            s += _labelled(st, f"Voor {naam} geldt aanvullend", [", ".join(names)])
