"""Dossier PDF layouts for the tests, each drawn from a written description of how a producer
lays out a kwalificatiedossier (see each module's docstring). Test-only: uses reportlab."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kwaldossier.read.text2012 import ALGEMEEN_LABELS

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts/TTF"))
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
# the labels of algemene informatie, in their order (the national template)
LABELS = tuple((label, key) for label, key in ALGEMEEN_LABELS if label != "Branchevereisten")
KOLOMMEN = ("Vakkennis en vaardigheden", "Competentie en component(en)", "Prestatie-indicator")
BOILERPLATE = (
    "Betekenis van de kerntaak voor deze kwalificatie",
    "In deze matrix is per kerntaak aangegeven welke competenties aangewend worden bij de uitvoering van de "
    "werkprocessen voor deze kwalificatie. Dit is zichtbaar",
    "door middel van een kruisje in de matrix.",
)


def font(name: str, file: str) -> str | None:
    """Register a system TrueType font under name; None when the system lacks it."""
    for d in FONT_DIRS:
        if (d / file).exists():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(d / file)))
            return name
    return None


def geldig(dossier) -> str | None:
    d = dossier.geldig_vanaf
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else None
