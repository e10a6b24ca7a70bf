"""The wording of SBB's 2015-model dossier PDF: headings, labels, codes, cover lines and page
furniture. Every word the reader looks for is here; the rules import it, never spell it.

Labels and headings are compared on the line's text with its spaces collapsed; a label may
end in a colon and may share its line with its text (see rules_common.label_rest).
"""

from __future__ import annotations

import re

from ..datum import MAANDEN as MAANDEN  # the one list of month names

# ---------------------------------------------------------------- sections (whole lines)
INHOUDSOPGAVE = "Inhoudsopgave"
LEESWIJZER = "Leeswijzer"
OVERZICHT = "Overzicht van het kwalificatiedossier"
BASISDEEL = "Basisdeel"
TYPERING_BEROEPENGROEP = "Typering van de beroepengroep"
BEROEPSSPECIFIEK = "Beroepsspecifieke onderdelen"
GENERIEK = "Generieke onderdelen"
PROFIELDEEL = "Profieldeel"
SECTIES = (
    INHOUDSOPGAVE,
    LEESWIJZER,
    OVERZICHT,
    BASISDEEL,
    TYPERING_BEROEPENGROEP,
    BEROEPSSPECIFIEK,
    GENERIEK,
    PROFIELDEEL,
)
# a section heading may carry a number: "3 Basisdeel", "3.2 Beroepsspecifieke onderdelen"
SECTIE_NUMMER = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?P<kop>\S.*?)\s*$")

# ---------------------------------------------------------------- labels, per part: (label, field)
TYPERING_LABELS = (
    ("Context", "context"),
    ("Typerende beroepshouding", "beroepshouding"),
    ("Resultaat van de beroepengroep", "resultaat_van_het_beroep"),
    ("Resultaat van het beroep", "resultaat_van_het_beroep"),
)
KERNTAAK_LABELS = (
    ("Complexiteit", "complexiteit"),
    ("Verantwoordelijkheid en zelfstandigheid", "verantwoordelijkheid"),
    ("Vakkennis en vaardigheden", "vakkennis"),
)
WERKPROCES_LABELS = (
    ("Omschrijving", "omschrijving"),
    ("Resultaat", "resultaat"),
    ("Gedrag", "gedrag"),
)
PROFIEL_LABELS = (
    ("Mbo-niveau", "niveau"),
    ("Typering van het beroep", "typering_van_het_beroep"),
    ("Wettelijke beroepsvereisten", "wettelijke_beroepsvereisten"),
    ("Beroepsvereisten", "wettelijke_beroepsvereisten"),
)
COMPETENTIES = "De onderliggende competenties zijn:"  # then the names, comma separated
LIJST_VELDEN = frozenset({"vakkennis", "gedrag"})  # fields of bullet items

# "Voor <profielnaam> geldt aanvullend:" (the text may follow on the same line)
AANVULLEND = re.compile(r"^Voor\s+(?P<naam>\S.*?)\s+geldt\s+aanvullend\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
AANVULLEND_START = "Voor "
AANVULLEND_WOORDEN = "geldt aanvullend"
AANVULLEND_REGELS = 3  # the phrase with a long profile name wraps over at most this many lines
LIDWOORDEN = ("de ", "het ")  # "Voor de thuisbegeleider geldt aanvullend"

# ---------------------------------------------------------------- codes
KERNTAAK_KOP = re.compile(r"^(?P<code>[BP]\d{1,3}-K\d{1,3})(?P<colon>:)?(?:\s+(?P<titel>\S.*))?$")
WERKPROCES_KOP = re.compile(r"^(?P<code>[BP]\d{1,3}-K\d{1,3}-W\d{1,3})(?P<colon>:)?(?:\s+(?P<titel>\S.*))?$")
CODE_2015 = re.compile(r"\b[BP]\d{1,3}-K\d{1,3}(?:-W\d{1,3})?\b")
KOP_REGELS = 3  # a heading's title wraps over at most this many lines

# ---------------------------------------------------------------- cover and colofon
KWALIFICATIEDOSSIER = "Kwalificatiedossier"
CREBO = r"Crebo(?:nr\.?|nummer)"
DOSSIER_CREBO = re.compile(rf"^{CREBO}\s*:?\s*(?P<crebo>\d{{5}})$", re.IGNORECASE)
PROFIEL_CREBO = re.compile(rf"^(?P<naam>\S.*?)\s*\(\s*{CREBO}\s*:?\s*(?P<crebo>\d{{5}})\s*\)$", re.IGNORECASE)
COVER_BULLETS = "»•-–·▪"  # before a profile on the cover: "» <naam> (Crebonr. 25xxx)"
PROFIELEN_LABEL = re.compile(r"^(?:Profielen|Profiel|Kwalificaties|Kwalificatie)\s*:?$", re.IGNORECASE)
GELDIG_VANAF = re.compile(r"^Geldig\s+vanaf\s*:?\s*(?P<datum>\S.*)$", re.IGNORECASE)
GEWIJZIGD = re.compile(r"^Gewijzigd\s+\d{4}$", re.IGNORECASE)
OPLEIDINGSDOMEIN = re.compile(r"^Opleidingsdomein\s*:?\s*(?P<domein>\S.*)$", re.IGNORECASE)
VASTGESTELD_OP = re.compile(r"^Vastgesteld\s+op\s*:?\s*(?P<datum>\S.*)$", re.IGNORECASE)
# colofon lines that name who made and who settled the dossier: not in the model
COLOFON = re.compile(
    r"^(?:(?:Penvoerder|Ontwikkeld\s+door|Gelegitimeerd\s+door|Vastgesteld\s+door|Vastgesteld\s+te)\s*:?|Op\s*:)\s*\S",
    re.IGNORECASE,
)
DATUM_CIJFERS = re.compile(r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<j>\d{4})$")
DATUM_VOLUIT = re.compile(r"^(?P<d>\d{1,2})\s+(?P<maand>[a-z]+)\s+(?P<j>\d{4})$", re.IGNORECASE)

# ---------------------------------------------------------------- profile part
PROFIEL_CODE = re.compile(r"^(?:Profiel\s+)?(?P<code>P\d{1,3})\s*:?\s+(?P<rest>\S.*)$")
NIVEAU = re.compile(r"\b(?P<n>[1-4])\b")

# ---------------------------------------------------------------- table of contents and furniture
# an entry: title, dot leaders (".....", ". . . .") and the page number
TOC_ENTRY = re.compile(r"^(?P<titel>\S.*?)\s*(?:\.\s*){3,}(?P<pagina>\d{1,4})$")
TOC_PLAIN = re.compile(r"^(?P<titel>\S.*?)\s+(?P<pagina>\d{1,4})$")  # inside Inhoudsopgave: no leaders
PAGINA_VAN = re.compile(r"(?:^|\s)(?:Pagina\s+|Blad\s+)?(?P<n>\d{1,4})\s+(?:van|/)\s+(?P<m>\d{1,4})$", re.IGNORECASE)
PAGINA_NUMMER = re.compile(r"^(?:Pagina\s+|Blad\s+|-\s*)?(?P<n>\d{1,4})(?:\s*-)?$", re.IGNORECASE)

# words after which a lone dash starts an elided compound ("en -methodieken")
WEGLATING = frozenset({"en", "of", "en/of", "tot", "t/m", "noch"})

# ---------------------------------------------------------------- bullets
GLYPH_BULLETS = frozenset("•§·▪■◦●»")  # always start an item
DASH_BULLETS = frozenset("-–")  # start an item when the layout shows it (see rules_common)
