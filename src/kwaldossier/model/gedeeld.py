"""What both dossier models share: the frozen base, the constrained scalar types, and the
records of how the source was read (lines not placed, repairs, the line accounting)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from . import codes
from .competenties import COMPETENTIES


class Controle:
    """Metadata on a constrained type: names the light check (read/jsoncheck.py) that the
    derived field table (model/velden.py) gives the same type. One rule, two users."""

    __slots__ = ("naam",)

    def __init__(self, naam: str) -> None:
        self.naam = naam

    def __repr__(self) -> str:
        return f"Controle({self.naam!r})"


def _letter(v: str) -> str:
    if v not in COMPETENTIES:
        raise ValueError(f"{v!r} is not a competence letter A–Y")
    return v


def _kerntaak_code(v: str) -> str:
    if not codes.is_kerntaak_code(v):
        raise ValueError(f"{v!r} is not a kerntaak code (1 or B1-K1)")
    return v


def _werkproces_code(v: str) -> str:
    if not codes.is_werkproces_code(v):
        raise ValueError(f"{v!r} is not a werkproces code (1.1 or B1-K1-W1)")
    return v


Letter = Annotated[
    str, AfterValidator(_letter), Controle("letter"), WithJsonSchema({"type": "string", "pattern": "^[A-Y]$"})
]
KerntaakCode = Annotated[str, AfterValidator(_kerntaak_code), Controle("kerntaak_code")]
WerkprocesCode = Annotated[str, AfterValidator(_werkproces_code), Controle("werkproces_code")]


class Bevroren(BaseModel):
    """Every model object: immutable, and no keys but its own."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class OnverwerkteRegel(Bevroren):
    """An input line the reader could not place in the model (reported, never dropped)."""

    regel: int
    tekst: str
    pagina: int | None = Field(default=None, description="PDF page, for PDF input")


class Herstelling(Bevroren):
    """A repair the reader made to extraction damage, kept so it can be reported."""

    regel: int
    soort: str = Field(description="kolommen-gesplitst | label-verwijderd")
    tekst: str


class Regelverantwoording(Bevroren):
    """Where every input line went: the counts add up to the number of lines."""

    totaal: int = 0
    model: int = 0
    opmaak: int = Field(default=0, description="Page furniture: page numbers, footers, repeated headers")
    label: int = Field(default=0, description="Labels, headings and boilerplate")
    leeg: int = 0
    onverwerkt: int = 0
