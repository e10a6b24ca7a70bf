"""The format's own wording that the PDF reader steers by (anchors). Until a shared vocabulary
module exists, label lists come from the text parser."""

from __future__ import annotations

import re

from ..text2012 import ALGEMEEN_LABELS

ALGEMEEN = "Algemene informatie"
DOSSIER = "Kwalificatiedossier "  # the footer that names the dossier and its date
MATRIX_KOP = "Proces-competentie-matrix"
DETAIL_KOP = "Detaillering proces-competentie-matrix"
COMPETENTIES = "Competenties"
WERKPROCESSEN = "Werkprocessen"
DETAIL_LABELS = ("Omschrijving", "Gewenst resultaat")
KOLOMMEN = ("Vakkennis en vaardigheden", "Competentie en component(en)", "Prestatie-indicator")
KOLOM_WOORDEN = {w for k in KOLOMMEN for w in k.split()} | {"Prestatie-", "indicator", "componenten", "component(en)"}
BOILERPLATE = (
    "Betekenis van de kerntaak voor deze kwalificatie",
    "In deze matrix is per kerntaak aangegeven welke competenties aangewend worden",
    "door middel van een kruisje in de matrix.",
)
ALGEMEEN_WOORDEN = tuple(label for label, _ in ALGEMEEN_LABELS)

SECTIE = re.compile(r"^\d+\.\d+\s+\S")
CODE = re.compile(r"^\d+\.\d+$")
WP_KOP = re.compile(r"^(\d+\.\d+)\s+werkproces:")
KERNTAAK = re.compile(r"^Kerntaak\s+(\d+)\b")
KERNTAAK_ALLEEN = re.compile(r"^Kerntaak\s+\d+$")
MARKS = frozenset("xX✓✔✗✘●•×■▪◼⬤*+")


def is_vocabulary(text: str) -> bool:
    """A line that is (or starts with) a label of the format: never page furniture."""
    return bool(
        WP_KOP.match(text)
        or text.startswith((ALGEMEEN, MATRIX_KOP, DETAIL_KOP, COMPETENTIES, WERKPROCESSEN, KOLOMMEN[0]))
        or text.startswith(DETAIL_LABELS)
        or text.startswith(ALGEMEEN_WOORDEN)
        or KERNTAAK_ALLEEN.match(text)
        or ("Vakkennis" in text and "Competentie" in text)  # the table header, wrapped or not
        or all(w in KOLOM_WOORDEN for w in text.split())  # a wrapped part of it
    )
