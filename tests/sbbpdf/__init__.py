"""2015-model dossier PDFs for the tests, typeset by reportlab from the content of an SBB XML
export (inhoud.py reads it with ElementTree alone). Each layout module describes in its
docstring how it prints a dossier; the descriptions, not our reader, steer the drawing."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts/TTF"))
MAANDEN = (
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


def font(name: str, file: str) -> str | None:
    """Register a system TrueType font under name; None when the system lacks it."""
    for d in FONT_DIRS:
        if (d / file).exists():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(d / file)))
            return name
    return None


def datum_voluit(ddmmjjjj: str) -> str:
    """'01-08-2015' -> '1 augustus 2015'."""
    d, m, j = (int(x) for x in ddmmjjjj.split("-"))
    return f"{d} {MAANDEN[m - 1]} {j}"
