"""Typed model of a kwalificatiedossier. Every element keeps its source line numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from . import SCHEMA_VERSION


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Uitbreidbaar(_Frozen):
    """A model that grew fields for the 2015 model (SBB XML). Those fields are left out of the
    dump while they hold their default, so 2012 output stays byte-identical."""

    NIEUW_2015: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _zonder_lege_nieuwe(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in self.NIEUW_2015:
                if name in data and getattr(self, name) == type(self).model_fields[name].get_default(call_default_factory=True):
                    del data[name]
        return data


class VakkennisItem(_Uitbreidbaar):
    NIEUW_2015: ClassVar[frozenset[str]] = frozenset({"aanvullend"})

    tekst: str
    taal: bool = Field(description="Language item: marked '(t)' in the dossier")
    regels: list[int] = Field(default_factory=list, description="Source lines")
    aanvullend: bool = Field(default=False, description="2015: added to the basisdeel for this profile (aanvullend)")


class Competentie(_Uitbreidbaar):
    NIEUW_2015: ClassVar[frozenset[str]] = frozenset({"aanvullend"})

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
    aanvullend: bool = Field(default=False, description="2015: added to the basisdeel for this profile (aanvullend)")


class GedragRegel(_Frozen):
    """2015: one bullet of the gedrag (behaviour) list of a werkproces."""

    tekst: str
    aanvullend: bool = Field(default=False, description="Added to the basisdeel for this profile (aanvullend)")
    regel: int | None = Field(default=None, description="Source line")


class WerkprocesBron(_Uitbreidbaar):
    NIEUW_2015: ClassVar[frozenset[str]] = frozenset({"resultaat", "gedrag", "competenties", "aanvullend"})

    matrix: list[int] = Field(default_factory=list, description="Matrix label and row lines")
    kop: list[int] = Field(default_factory=list, description="Detail header lines (one per page)")
    omschrijving: list[int] = Field(default_factory=list)
    omschrijving_offsets: list[int] = Field(
        default_factory=list, description="Where each source line starts in the omschrijving text"
    )
    gewenst_resultaat: list[int] = Field(default_factory=list, description="First line of each item")
    resultaat: list[int] = Field(default_factory=list, description="2015: line of the resultaat text")
    gedrag: list[int] = Field(default_factory=list, description="2015: line of the gedrag text")
    competenties: list[int] = Field(default_factory=list, description="2015: line of the competence list")
    aanvullend: list[int] = Field(default_factory=list, description="2015: lines of this profile's aanvullend blocks")


Deel = Literal["basis", "profiel"]


class Werkproces(_Uitbreidbaar):
    NIEUW_2015: ClassVar[frozenset[str]] = frozenset(
        {
            "deel",
            "titel_bron",
            "omschrijving_aanvullend",
            "resultaat",
            "resultaat_aanvullend",
            "gedrag_inleiding",
            "gedrag_inleiding_aanvullend",
            "gedrag",
        }
    )

    code: str
    titel: str
    in_profiel: bool
    matrix: list[str] = Field(default_factory=list, description="Letters crossed in the matrix row")
    matrix_rij: bool = Field(default=True, description="False when the matrix names the werkproces without a row")
    detail_titel: str | None = Field(default=None, description="Title in the detail header; null without detail")
    omschrijving: str = ""
    gewenst_resultaat: list[str] = Field(default_factory=list)
    vakkennis_en_vaardigheden: list[VakkennisItem] = Field(default_factory=list)
    competenties: list[Competentie] = Field(default_factory=list)
    bron: WerkprocesBron = Field(default_factory=WerkprocesBron)
    # 2015 model (SBB XML)
    deel: Deel | None = Field(default=None, description="2015: basis (basisdeel) or profiel (profieldeel)")
    titel_bron: str | None = Field(default=None, description="2015: the title as written, when it has stray whitespace")
    omschrijving_aanvullend: str = Field(default="", description="2015: this profile's addition to the omschrijving")
    resultaat: str = Field(default="", description="2015: the resultaat paragraph")
    resultaat_aanvullend: str = Field(default="", description="2015: this profile's addition to the resultaat")
    gedrag_inleiding: str = Field(default="", description="2015: intro line of the gedrag list ('De sociaal werker:')")
    gedrag_inleiding_aanvullend: str = Field(default="", description="2015: intro line of this profile's gedrag addition")
    gedrag: list[GedragRegel] = Field(default_factory=list, description="2015: gedrag bullets, aanvullend ones last")

    @property
    def heeft_detail(self) -> bool:
        return self.detail_titel is not None


class Kerntaak(_Uitbreidbaar):
    NIEUW_2015: ClassVar[frozenset[str]] = frozenset(
        {
            "deel",
            "titel_bron",
            "complexiteit",
            "complexiteit_aanvullend",
            "verantwoordelijkheid",
            "verantwoordelijkheid_aanvullend",
            "vakkennis_en_vaardigheden",
        }
    )

    code: str
    titel: str
    werkprocessen: list[Werkproces] = Field(default_factory=list)
    regels: list[int] = Field(default_factory=list)
    # 2015 model (SBB XML)
    deel: Deel | None = Field(default=None, description="2015: basis (basisdeel) or profiel (profieldeel)")
    titel_bron: str | None = Field(default=None, description="2015: the title as written, when it has stray whitespace")
    complexiteit: str = ""
    complexiteit_aanvullend: str = Field(default="", description="2015: this profile's addition")
    verantwoordelijkheid: str = Field(default="", description="2015: verantwoordelijkheid en zelfstandigheid")
    verantwoordelijkheid_aanvullend: str = Field(default="", description="2015: this profile's addition")
    vakkennis_en_vaardigheden: list[VakkennisItem] = Field(
        default_factory=list, description="2015: vakkennis en vaardigheden of the kerntaak (aanvullend ones marked)"
    )


class AlgemeneInformatie(_Uitbreidbaar):
    NIEUW_2015: ClassVar[frozenset[str]] = frozenset(
        {"resultaat_van_het_beroep", "typering_van_het_beroep", "generieke_onderdelen"}
    )

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
    resultaat_van_het_beroep: str = Field(default="", description="2015: typering beroepengroep, resultaat van het beroep")
    typering_van_het_beroep: str = Field(default="", description="2015: the profile's typering van het beroep")
    generieke_onderdelen: str = Field(
        default="", description="2015: generieke onderdelen (Nederlandse taal, rekenen, loopbaan en burgerschap, Engels) as text"
    )


class Profiel(_Uitbreidbaar):
    NIEUW_2015: ClassVar[frozenset[str]] = frozenset({"code", "crebo", "titel_bron", "sbb_nr"})

    naam: str
    niveau: int | None = None
    code: str | None = Field(default=None, description="2015: P1, P2, ... from profiel@hoofdstuk")
    crebo: str | None = Field(default=None, description="2015: the kwalificatie crebo")
    titel_bron: str | None = Field(default=None, description="2015: the title as written, when it has stray whitespace")
    sbb_nr: str | None = Field(default=None, description="2015: SBB's database id (profiel@nr), target of aanvullend references")
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
    pagina: int | None = Field(default=None, description="PDF page, for PDF input")


class Herstelling(_Frozen):
    """A repair the parser made to extraction damage, kept so it can be reported."""

    regel: int
    soort: str = Field(description="kolommen-gesplitst | label-verwijderd")
    tekst: str


class Regelverantwoording(_Frozen):
    """Where every input line went: the counts add up to the number of lines."""

    totaal: int = 0
    model: int = 0
    opmaak: int = Field(default=0, description="Page furniture: page numbers, footers, repeated headers")
    label: int = Field(default=0, description="Labels, headings and boilerplate")
    leeg: int = 0
    onverwerkt: int = 0


class Dossier(_Uitbreidbaar):
    NIEUW_2015: ClassVar[frozenset[str]] = frozenset({"model", "formaat", "crebo", "sector", "versie", "vastgesteld_op"})

    schema_version: int = SCHEMA_VERSION
    titel: str | None = None
    geldig_vanaf: date | None = None
    model: Literal["2012", "2015"] = Field(default="2012", description="Dossier model: 2012 (matrix) or 2015 (basis + profiel)")
    formaat: str | None = Field(default=None, description="Input format when not 2012 text/PDF: sbb-xml")
    crebo: str | None = Field(default=None, description="2015: the dossier crebo")
    sector: str | None = Field(default=None, description="2015: opleidingsdomein (referentiedomein)")
    versie: str | None = Field(default=None, description="2015: dossier@versie when not empty")
    vastgesteld_op: date | None = Field(default=None, description="2015: date of vaststelling")
    bron: str | None = Field(default=None, description="File the dossier was read from")
    profielen: list[Profiel] = Field(default_factory=list)
    onverwerkte_regels: list[OnverwerkteRegel] = Field(default_factory=list)
    herstellingen: list[Herstelling] = Field(default_factory=list)
    regel_paginas: list[int] = Field(
        default_factory=list, description="For PDF input: the page of each line (lines are numbered as the PDF front end yields them)"
    )
    regelverantwoording: Regelverantwoording = Field(default_factory=Regelverantwoording.model_construct)
