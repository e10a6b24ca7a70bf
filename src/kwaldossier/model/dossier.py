"""Typed model of a kwalificatiedossier. Every element keeps its source line numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from . import SCHEMA_VERSION


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class VakkennisItem(_Frozen):
    tekst: str
    taal: bool = Field(description="Language item: marked '(t)' in the dossier")
    regels: list[int] = Field(default_factory=list, description="Source lines")


class Competentie(_Frozen):
    letter: str | None = Field(description="A–Y from the national list; null if the name is unknown")
    naam: str
    componenten: list[str] = Field(default_factory=list)
    prestatie_indicator: str = ""
    regels: list[int] = Field(default_factory=list, description="Source lines of the whole block")
    componenten_regels: list[int] = Field(default_factory=list, description="First line of each component")
    prestatie_indicator_regels: list[int] = Field(default_factory=list)
    prestatie_indicator_offsets: list[int] = Field(
        default_factory=list, description="Where each source line starts in the indicator text"
    )


class WerkprocesBron(_Frozen):
    matrix: list[int] = Field(default_factory=list, description="Matrix label and row lines")
    kop: list[int] = Field(default_factory=list, description="Detail header lines (one per page)")
    omschrijving: list[int] = Field(default_factory=list)
    omschrijving_offsets: list[int] = Field(
        default_factory=list, description="Where each source line starts in the omschrijving text"
    )
    gewenst_resultaat: list[int] = Field(default_factory=list, description="First line of each item")


class Werkproces(_Frozen):
    code: str
    titel: str
    in_profiel: bool
    matrix: list[str] = Field(default_factory=list, description="Letters crossed in the matrix row")
    matrix_rij: bool = Field(True, description="False when the matrix names the werkproces without a row")
    detail_titel: str | None = Field(None, description="Title in the detail header; null without detail")
    omschrijving: str = ""
    gewenst_resultaat: list[str] = Field(default_factory=list)
    vakkennis_en_vaardigheden: list[VakkennisItem] = Field(default_factory=list)
    competenties: list[Competentie] = Field(default_factory=list)
    bron: WerkprocesBron = Field(default_factory=WerkprocesBron)

    @property
    def heeft_detail(self) -> bool:
        return self.detail_titel is not None


class Kerntaak(_Frozen):
    code: str
    titel: str
    werkprocessen: list[Werkproces] = Field(default_factory=list)
    regels: list[int] = Field(default_factory=list)


class AlgemeneInformatie(_Frozen):
    context: str = ""
    beroepshouding: str = ""
    niveau: str = ""
    rol_en_verantwoordelijkheden: str = ""
    complexiteit: str = ""
    wettelijke_beroepsvereisten: str = ""
    branchevereisten: str = ""
    nederlands_en_rekenen: str = ""
    moderne_vreemde_talen: str = ""
    bron: dict[str, list[int]] = Field(default_factory=dict, description="Source lines per field")


class Profiel(_Frozen):
    naam: str
    niveau: int | None = None
    algemene_informatie: AlgemeneInformatie = Field(default_factory=AlgemeneInformatie)
    kerntaken: list[Kerntaak] = Field(default_factory=list)
    regels: list[int] = Field(default_factory=list, description="First and last source line")

    def werkprocessen(self) -> Iterator[Werkproces]:
        for kt in self.kerntaken:
            yield from kt.werkprocessen

    def werkproces(self, code: str) -> Werkproces | None:
        return next((wp for wp in self.werkprocessen() if wp.code == code), None)


class OnverwerkteRegel(_Frozen):
    regel: int
    tekst: str
    pagina: int | None = Field(None, description="PDF page, for PDF input")


class Herstelling(_Frozen):
    """A repair the parser made to extraction damage, kept so it can be reported."""

    regel: int
    soort: str = Field(description="kolommen-gesplitst | label-verwijderd")
    tekst: str


class Regelverantwoording(_Frozen):
    """Where every input line went: the counts add up to the number of lines."""

    totaal: int = 0
    model: int = 0
    opmaak: int = Field(0, description="Page furniture: page numbers, footers, repeated headers")
    label: int = Field(0, description="Labels, headings and boilerplate")
    leeg: int = 0
    onverwerkt: int = 0


class Dossier(_Frozen):
    schema_version: int = SCHEMA_VERSION
    titel: str | None = None
    geldig_vanaf: date | None = None
    bron: str | None = Field(None, description="File the dossier was read from")
    profielen: list[Profiel] = Field(default_factory=list)
    onverwerkte_regels: list[OnverwerkteRegel] = Field(default_factory=list)
    herstellingen: list[Herstelling] = Field(default_factory=list)
    regel_paginas: list[int] = Field(
        default_factory=list, description="For PDF input: the page of each line (lines are numbered as the PDF front end yields them)"
    )
    regelverantwoording: Regelverantwoording = Field(default_factory=Regelverantwoording.model_construct)
