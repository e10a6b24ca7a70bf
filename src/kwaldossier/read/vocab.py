"""The wording of the 2012 dossier format: labels, headings, boilerplate and page furniture.

One place for every word the readers look for (the text parser and the PDF reader). Labels
and boilerplate are whole sentences: match them on text joined over lines (see `join_words`
and text2012.state.State.joined), never on where a line happens to wrap.
"""

from __future__ import annotations

import re

from .datum import MAANDEN as MAANDEN  # the one list of month names

BULLET = "•"
GEWENST_BULLETS = ("-", BULLET, "–")  # a gewenst-resultaat item starts with one of these

# ---------------------------------------------------------------- page furniture
PAGINA_START, FOOTER_START = "Pagina", "Kwalificatiedossier"
PAGINA = re.compile(r"^Pagina \d+ van \d+$")
FOOTER = re.compile(r"^Kwalificatiedossier\s+(?P<titel>.+?)\s*,\s*geldig vanaf\s+(?P<datum>.+)$")
MAX_FURNITURE = 300  # furniture is one short line; longer lines are not tried (the footer regex backtracks)
# the footer's date: day, Dutch month name, year
DATUM = re.compile(r"(\d{1,2})\s+(\w+)\s+(\d{4})")

# ---------------------------------------------------------------- headings
MATRIX_KOP_START, DETAIL_KOP_START, KERNTAAK_START = "Proces-competentie-matrix", "Detaillering", "Kerntaak"
DIGITS = "0123456789"  # what a code starts with (a non-ASCII first character is tried by every rule)
SECTIE = re.compile(r"^\d+\.\d+\s+(?P<naam>\S.*)$")  # "4.1 <profile name>"
ALGEMENE_INFORMATIE = "Algemene informatie"
MATRIX_KOP = re.compile(r"^Proces-competentie-matrix\s+(?P<naam>\S.*)$")
DETAIL_KOP = re.compile(r"^Detaillering proces-competentie-matrix\s+(?P<naam>\S.*)$")
KERNTAAK_KOP = re.compile(r"^Kerntaak\s+(?P<code>\d+)\s+(?P<titel>\S.*)$")
KERNTAAK_MATRIX = re.compile(r"^Kerntaak\s+(?P<code>\d+)$")
WP_KOP = re.compile(r"^(?P<code>\d+\.\d+)\s+werkproces:\s*(?P<titel>\S.*)$")

# ---------------------------------------------------------------- the matrix
MATRIX_COMPETENTIES = "Competenties"  # above the letter row
MATRIX_WERKPROCESSEN = "Werkprocessen"  # above the werkproces rows
WP_RIJ = re.compile(r"^(?P<code>\d+\.\d+)\s+(?P<rest>\S.*)$")
WP_CODE = re.compile(r"^(?P<code>\d+\.\d+)$")  # a matrix row label that is only a code (no title)
ROW_ONLY = re.compile(r"^[ x]+$")  # a row of cells: a cell is "x " or " "


def split_inline_row(text: str) -> tuple[str, str] | None:
    """A werkproces label with its row at the end of the line: (title, cells), splitting at the
    first space after which only cells follow; None without such a split. Linear (a regex for
    this backtracks on long runs of cells)."""
    j = len(text)
    while j > 0 and text[j - 1] in " x":
        j -= 1
    for p in range(max(j - 1, 1), len(text)):
        if text[p] == " " and not text[p - 1].isspace():
            return text[:p], text[p + 1 :]
    return None


# ---------------------------------------------------------------- boilerplate (whole sentences)
BOILERPLATE: tuple[str, ...] = (
    "Betekenis van de kerntaak voor deze kwalificatie",
    "In deze matrix is per kerntaak aangegeven welke competenties aangewend worden bij de uitvoering "
    "van de werkprocessen voor deze kwalificatie. Dit is zichtbaar door middel van een kruisje in de matrix.",
)

# ---------------------------------------------------------------- the detail pages
OMSCHRIJVING = "Omschrijving"
GEWENST_RESULTAAT = "Gewenst resultaat"
KOLOMMEN = "Vakkennis en vaardigheden"  # the detail table's header starts with it
# the detail table's column headers (for a layout-aware reader)
KOLOM_KOPPEN = ("Vakkennis en vaardigheden", "Competentie en component(en)", "Prestatie-indicator")
LEAKED_LABEL = re.compile(r"^Prestatie-?\s?indicator:?\s+", re.IGNORECASE)
TAAL_MARK = "(t)"  # a vakkennis item about language skills

# ---------------------------------------------------------------- algemene informatie
ALGEMEEN_LABELS: tuple[tuple[str, str], ...] = (
    ("Context van de kwalificatie", "context"),
    ("Typerende beroepshouding", "beroepshouding"),
    ("Niveau van de beroepsuitoefening", "niveau"),
    ("Rol en verantwoordelijkheden", "rol_en_verantwoordelijkheden"),
    ("Complexiteit", "complexiteit"),
    ("Wettelijke beroepsvereisten", "wettelijke_beroepsvereisten"),
    ("Branche vereisten", "branchevereisten"),
    ("Branchevereisten", "branchevereisten"),
    ("Nederlands en rekenen", "nederlands_en_rekenen"),
    ("Moderne vreemde talen", "moderne_vreemde_talen"),
)


def join_words(text: str) -> str:
    """Whitespace-normalised text: how a sentence reads, whatever its line breaks."""
    return " ".join(text.split())
