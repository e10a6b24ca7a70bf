"""The format's own wording that the PDF reader steers by (anchors), taken from the one
vocabulary module (read/vocab.py) where it has the words; page-layout specifics stay here."""

from __future__ import annotations

import re

from .. import vocab

ALGEMEEN = vocab.ALGEMENE_INFORMATIE
DOSSIER = "Kwalificatiedossier "  # the footer that names the dossier and its date
MATRIX_KOP_TEKST = vocab.MATRIX_KOP_START  # a matrix heading starts with it (vocab.MATRIX_KOP: the whole heading)
DETAIL_KOP_TEKST = "Detaillering proces-competentie-matrix"  # the detail heading starts with it
COMPETENTIES = vocab.MATRIX_COMPETENTIES
WERKPROCESSEN = vocab.MATRIX_WERKPROCESSEN
DETAIL_LABELS = (vocab.OMSCHRIJVING, vocab.GEWENST_RESULTAAT)
KOLOM_TITELS = vocab.KOLOM_KOPPEN  # the detail table's three column titles
KOLOM_WOORDEN = {w for k in KOLOM_TITELS for w in k.split()} | {
    "Prestatie-",
    "indicator",
    "componenten",
    "component(en)",
}
ALGEMEEN_WOORDEN = tuple(label for label, _ in vocab.ALGEMEEN_LABELS)


_SHORTEST_PART = 12  # characters: a shorter line is not taken for part of a boilerplate sentence


def is_boilerplate(text: str) -> bool:
    """A line that is part of one of the format's boilerplate sentences, wherever it wraps."""
    t = " ".join(text.split())
    return len(t) >= _SHORTEST_PART and any(t in sentence for sentence in vocab.BOILERPLATE)


CODE = re.compile(r"^\d+\.\d+$")
# "N.N werkproces:" begins a werkproces heading, its title maybe on the next line (vocab.WP_KOP: the
# whole heading with its title)
WP_KOP_BEGIN = re.compile(r"^(\d+\.\d+)\s+werkproces:")
KERNTAAK = re.compile(r"^Kerntaak\s+(\d+)\b")
KERNTAAK_ALLEEN = re.compile(r"^Kerntaak\s+\d+$")
MARKS = frozenset("xX✓✔✗✘●•×■▪◼⬤*+")


def is_vocabulary(text: str) -> bool:
    """A line that is (or starts with) a label of the format: never page furniture."""
    return bool(
        WP_KOP_BEGIN.match(text)
        or text.startswith((ALGEMEEN, MATRIX_KOP_TEKST, DETAIL_KOP_TEKST, COMPETENTIES, WERKPROCESSEN, KOLOM_TITELS[0]))
        or text.startswith(DETAIL_LABELS)
        or text.startswith(ALGEMEEN_WOORDEN)
        or KERNTAAK_ALLEEN.match(text)
        or ("Vakkennis" in text and "Competentie" in text)  # the table header, wrapped or not
        or all(w in KOLOM_WOORDEN for w in text.split())  # a wrapped part of it
    )
