"""The format's own wording that the PDF reader steers by (anchors), taken from the one
vocabulary module (read/vocab.py) where it has the words; page-layout specifics stay here."""

from __future__ import annotations

import re

from .. import vocab

ALGEMEEN = vocab.ALGEMENE_INFORMATIE
DOSSIER = "Kwalificatiedossier "  # the footer that names the dossier and its date
MATRIX_KOP = "Proces-competentie-matrix"
DETAIL_KOP = "Detaillering proces-competentie-matrix"
COMPETENTIES = vocab.MATRIX_COMPETENTIES
WERKPROCESSEN = vocab.MATRIX_WERKPROCESSEN
DETAIL_LABELS = (vocab.OMSCHRIJVING, vocab.GEWENST_RESULTAAT)
KOLOMMEN = vocab.KOLOM_KOPPEN
KOLOM_WOORDEN = {w for k in KOLOMMEN for w in k.split()} | {"Prestatie-", "indicator", "componenten", "component(en)"}
ALGEMEEN_WOORDEN = tuple(label for label, _ in vocab.ALGEMEEN_LABELS)


def is_boilerplate(text: str) -> bool:
    """A line that is part of one of the format's boilerplate sentences, wherever it wraps."""
    t = " ".join(text.split())
    return len(t) >= 12 and any(t in sentence for sentence in vocab.BOILERPLATE)

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
