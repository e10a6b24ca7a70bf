"""What the rules recognised, before it becomes the model: plain records with their lines.

A field of the PDF (a text, a list of items, the gedrag, the competence line) is collected as
a Blok of lines; whether the lines form paragraphs or items is decided while reading (it needs
the layout), what they mean is decided by the builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BlokRegel:
    no: int  # line number (the reader numbers the lines of the PDF 1, 2, ... in reading order)
    tekst: str  # the line, a label that shared it taken off
    alinea: bool  # starts a paragraph
    item: bool = False  # starts a bullet item (list fields); the bullet taken off
    ingesprongen: bool = False  # set in from the field's label


@dataclass
class Blok:
    """One field's lines: the base text (profiel None) or one profile's addition."""

    veld: str
    regel: int  # the label's (or the addition phrase's) line
    pagina: int
    profiel: str | None = None  # the name as printed in "Voor <naam> geldt aanvullend"
    regels: list[BlokRegel] = field(default_factory=list)
    x0: float = 0.0  # where the label (or the addition phrase) starts
    zonder_bullets: bool | None = None  # a list set in without bullet characters (None: not seen yet)

    def add(self, no: int, tekst: str, alinea: bool, item: bool = False, ingesprongen: bool = False) -> None:
        self.regels.append(BlokRegel(no, tekst, alinea, item, ingesprongen))


@dataclass
class WerkprocesR:
    code: str
    titel: list[str]
    regel: int
    pagina: int
    blokken: list[Blok] = field(default_factory=list)


@dataclass
class KerntaakR:
    code: str
    titel: list[str]
    regel: int
    pagina: int
    blokken: list[Blok] = field(default_factory=list)
    werkprocessen: list[WerkprocesR] = field(default_factory=list)


@dataclass
class ProfielR:
    naam: str
    regel: int
    pagina: int
    code: str | None = None  # "P2" when the heading prints it
    crebo: str | None = None
    blokken: list[Blok] = field(default_factory=list)
    kerntaken: list[KerntaakR] = field(default_factory=list)
    laatste: int = 0  # last line of its part


@dataclass
class CoverProfiel:
    naam: str
    crebo: str
    regel: int


@dataclass
class Waarde:
    """A value read from one line (the cover's title, crebo, dates)."""

    tekst: str
    regel: int
    pagina: int


@dataclass
class DossierR:
    titel: Waarde | None = None
    crebo: Waarde | None = None
    geldig_vanaf: Waarde | None = None
    versie: Waarde | None = None
    sector: Waarde | None = None
    vastgesteld_op: Waarde | None = None
    cover: list[CoverProfiel] = field(default_factory=list)
    typering: list[Blok] = field(default_factory=list)
    generiek: Blok | None = None
    kerntaken: list[KerntaakR] = field(default_factory=list)  # the basisdeel
    profielen: list[ProfielR] = field(default_factory=list)
    toc_codes: dict[str, int] = field(default_factory=dict)  # code -> line of its entry
