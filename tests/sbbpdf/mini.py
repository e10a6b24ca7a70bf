"""Layout "mini": a small 2015-model dossier written line by line onto A4 pages with
reportlab's canvas, for hostile and odd cases that a test builds by editing the lines.

- Each line is drawn where it is given: DejaVu Sans (Helvetica without it), 10 pt unless said,
  bold when said, at the left margin plus its indent; a line may ask for extra space above it;
  a line may start with a bold label, its text following in regular type after a space.
- Lines run 13 pt apart (the size plus 3); a page holds what fits between 60 pt from the top
  and 70 pt from the bottom, then the next page begins; a line "<<page>>" starts one.
- Footer (optional): "N van M" at the bottom right, 30 pt above the edge.

`DOSSIER` is a complete small dossier in the sbb wording (cover, basisdeel with one kerntaak of
two werkprocessen and additions for the second profile, generieke onderdelen, profieldeel with
two profiles, the first with a kerntaak of its own). Its content, written out by hand, is what
tests expect the reader to return.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import font

REGULAR = font("Mini-Sans", "DejaVuSans.ttf") or "Helvetica"
BOLD = font("Mini-Sans-Bold", "DejaVuSans-Bold.ttf") or "Helvetica-Bold"
PAGE = "<<page>>"


@dataclass(frozen=True)
class L:
    tekst: str
    vet: bool = False
    size: float = 10.0
    indent: float = 0.0
    gap: float = 0.0  # extra space above
    label: str = ""  # drawn bold before the text


def K(tekst: str, size: float = 12.0) -> L:
    """A heading: bold, larger, space above."""
    return L(tekst, vet=True, size=size, gap=8.0)


def P(tekst: str) -> L:
    """A paragraph's first line (space above)."""
    return L(tekst, gap=4.0)


DOSSIER: list[L | str] = [
    L("Kwalificatiedossier Proefdossier", vet=True, size=20),
    L("Crebonr. 29999", gap=6),
    L("» Eerste profiel (Crebonr. 29001)"),
    L("» Tweede profiel (Crebonr. 29002)"),
    L("Geldig vanaf 01-08-2016", gap=6),
    PAGE,
    K("Basisdeel", 16),
    K("Typering van de beroepengroep"),
    L("Context", vet=True, gap=4),
    L("De proefwerker werkt in proeftuinen."),
    L("Typerende beroepshouding", vet=True, gap=4),
    L("De proefwerker is nauwkeurig."),
    L("Resultaat van de beroepengroep", vet=True, gap=4),
    L("De proeven zijn gedaan."),
    K("Beroepsspecifieke onderdelen"),
    K("B1-K1: Voert proeven uit"),
    L("Complexiteit", vet=True, gap=4),
    L("De proefwerker werkt met vaste procedures."),
    L("Voor Tweede profiel geldt aanvullend:", vet=True, gap=4),
    L("Hij past de procedures aan."),
    L("Verantwoordelijkheid en zelfstandigheid", vet=True, gap=4),
    L("Hij werkt onder toezicht."),
    L("Vakkennis en vaardigheden", vet=True, gap=4),
    L("§ heeft kennis van proeven"),
    L("§ kan meetapparatuur gebruiken"),
    L("Voor Tweede profiel geldt aanvullend:", vet=True, gap=4),
    L("§ kan meetapparatuur ijken"),
    K("B1-K1-W1: Bereidt een proef voor", 11),
    L("Omschrijving", vet=True, gap=4),
    L("De proefwerker verzamelt de materialen."),
    L("Resultaat", vet=True, gap=4),
    L("De materialen liggen klaar."),
    L("Gedrag", vet=True, gap=4),
    L("De proefwerker:"),
    L("- werkt ordelijk;"),
    L("- controleert de voorraad."),
    L("De onderliggende competenties zijn: Plannen en organiseren, Materialen en middelen inzetten", gap=4),
    K("B1-K1-W2: Voert een proef uit", 11),
    L("Omschrijving", vet=True, gap=4),
    L("De proefwerker voert de proef uit volgens het protocol."),
    L("Resultaat", vet=True, gap=4),
    L("De proef is uitgevoerd."),
    L("Gedrag", vet=True, gap=4),
    L("De proefwerker:"),
    L("- volgt het protocol;"),
    L("- meldt afwijkingen."),
    L("Voor Tweede profiel geldt aanvullend:", vet=True, gap=4),
    L("- legt afwijkingen vast."),
    L("De onderliggende competenties zijn: Instructies en procedures opvolgen, Kwaliteit leveren", gap=4),
    L("Voor Tweede profiel geldt aanvullend:", vet=True, gap=4),
    L("De onderliggende competenties zijn: Analyseren"),
    PAGE,
    K("Generieke onderdelen", 16),
    L("Nederlandse taal", vet=True, gap=4),
    L("Het betreft referentieniveau 2F."),
    PAGE,
    K("Profieldeel", 16),
    K("Eerste profiel", 14),
    L("Mbo-niveau", vet=True, gap=4),
    L("Niveau 3"),
    L("Typering van het beroep", vet=True, gap=4),
    L("De eerste proefwerker werkt in het lab."),
    L("Beroepsvereisten", vet=True, gap=4),
    L("Nee"),
    K("P1-K1: Rapporteert over proeven"),
    L("Complexiteit", vet=True, gap=4),
    L("Het rapport volgt een vast sjabloon."),
    L("Verantwoordelijkheid en zelfstandigheid", vet=True, gap=4),
    L("Hij rapporteert aan de leider."),
    L("Vakkennis en vaardigheden", vet=True, gap=4),
    L("§ kan een rapport schrijven"),
    K("P1-K1-W1: Schrijft een rapport", 11),
    L("Omschrijving", vet=True, gap=4),
    L("De proefwerker schrijft het rapport."),
    L("Resultaat", vet=True, gap=4),
    L("Het rapport is af."),
    L("Gedrag", vet=True, gap=4),
    L("De proefwerker:"),
    L("- schrijft helder."),
    L("De onderliggende competenties zijn: Formuleren en rapporteren", gap=4),
    PAGE,
    K("Tweede profiel", 14),
    L("Mbo-niveau", vet=True, gap=4),
    L("Niveau 4"),
    L("Typering van het beroep", vet=True, gap=4),
    L("De tweede proefwerker leidt proeven."),
    L("Beroepsvereisten", vet=True, gap=4),
    L("Nee"),
]


def render(lines: list[L | str], path: Path, numbers: bool = True) -> Path:
    w, h = A4
    pages: list[list[tuple[L, float]]] = [[]]
    y = h - 60
    for ln in lines:
        if ln == PAGE or (isinstance(ln, L) and y - ln.gap - ln.size - 3 < 70):
            pages.append([])
            y = h - 60
            if ln == PAGE:
                continue
        assert isinstance(ln, L)
        y -= ln.gap + ln.size + 3
        pages[-1].append((ln, y))
    pages = [p for p in pages if p]
    c = Canvas(str(path), pagesize=A4)
    for n, page in enumerate(pages, start=1):
        for ln, y in page:
            x = 56 + ln.indent
            if ln.label:
                c.setFont(BOLD, ln.size)
                c.drawString(x, y, ln.label)
                x += stringWidth(ln.label + " ", BOLD, ln.size)
            c.setFont(BOLD if ln.vet else REGULAR, ln.size)
            c.drawString(x, y, ln.tekst)
        if numbers:
            c.setFont(REGULAR, 8)
            c.drawRightString(w - 56, 30, f"{n} van {len(pages)}")
        c.showPage()
    c.save()
    return path


def replace(lines: list[L | str], old: str, *new: L | str) -> list[L | str]:
    """The lines with the (first) line whose text is `old` replaced by `new` (none: removed)."""
    i = next(k for k, ln in enumerate(lines) if isinstance(ln, L) and ln.tekst == old)
    return [*lines[:i], *new, *lines[i + 1 :]]
