"""The 2012 dossier model: per profile kerntaken with werkprocessen, the proces-competentie-
matrix (crosses per letter A–Y) and per werkproces a detail section: omschrijving, gewenst
resultaat, vakkennis en vaardigheden and one block per competence (componenten and a
prestatie-indicator). Every element keeps its source lines. Fields are declared in the order
of the parse JSON (model/contract.py writes them as they are)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Literal, final

from pydantic import Field

from . import SCHEMA_VERSION
from .afgeleid import AlgemeneInformatieAfgeleid, Contract, Model2012, ProfielAfgeleid, Werkproces2012Afgeleid
from .gedeeld import Bevroren, Herstelling, KerntaakCode, Letter, OnverwerkteRegel, Regelverantwoording, WerkprocesCode


@final
class VakkennisItem2012(Bevroren, Model2012):
    tekst: str
    taal: bool = Field(description="Language item: marked '(t)' in the dossier")
    regels: list[int] = Field(default_factory=list, description="Source lines")


@final
class Competentie2012(Bevroren, Model2012):
    letter: Letter | None = Field(description="A–Y from the national list; null if the name is unknown")
    naam: str
    componenten: list[str] = Field(default_factory=list)
    prestatie_indicator: str = ""
    regels: list[int] = Field(default_factory=list, description="Source lines of the whole block")
    componenten_regels: list[int] = Field(default_factory=list, description="First line of each component")
    prestatie_indicator_regels: list[int] = Field(default_factory=list)
    prestatie_indicator_offsets: list[int] = Field(
        default_factory=list, description="Where each source line starts in the indicator text"
    )


@final
class WerkprocesBron2012(Bevroren, Model2012):
    """Where a werkproces sits in the source."""

    matrix: list[int] = Field(default_factory=list, description="Matrix label and row lines")
    kop: list[int] = Field(default_factory=list, description="Detail header lines (one per page)")
    omschrijving: list[int] = Field(default_factory=list)
    omschrijving_offsets: list[int] = Field(
        default_factory=list, description="Where each source line starts in the omschrijving text"
    )
    gewenst_resultaat: list[int] = Field(default_factory=list, description="First line of each item")


@final
class Werkproces2012(Bevroren, Werkproces2012Afgeleid):
    code: WerkprocesCode
    titel: str
    in_profiel: bool
    matrix: list[Letter] = Field(default_factory=list, description="Letters crossed in the matrix row")
    matrix_rij: bool = Field(default=True, description="False when the matrix names the werkproces without a row")
    detail_titel: str | None = Field(default=None, description="Title in the detail header; null without detail")
    omschrijving: str = ""
    gewenst_resultaat: list[str] = Field(default_factory=list)
    vakkennis_en_vaardigheden: list[VakkennisItem2012] = Field(default_factory=list)
    competenties: list[Competentie2012] = Field(default_factory=list)
    bron: WerkprocesBron2012 = Field(default_factory=WerkprocesBron2012)


@final
class Kerntaak2012(Bevroren, Model2012):
    code: KerntaakCode
    titel: str
    werkprocessen: list[Werkproces2012] = Field(default_factory=list)
    regels: list[int] = Field(default_factory=list)


@final
class AlgemeneInformatie2012(Bevroren, AlgemeneInformatieAfgeleid, Model2012):
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


@final
class Profiel2012(Bevroren, ProfielAfgeleid, Model2012):
    naam: str
    niveau: int | None = None
    algemene_informatie: AlgemeneInformatie2012 = Field(default_factory=AlgemeneInformatie2012)
    kerntaken: list[Kerntaak2012] = Field(default_factory=list)
    regels: list[int] = Field(default_factory=list, description="First and last source line")


@final
class Dossier2012(Bevroren, Contract):
    """A 2012-model dossier as read from its text or PDF. Its JSON has no `model` key (the
    first parse JSON had none): a dossier without one is of the 2012 model."""

    model: Literal["2012"] = Field(default="2012", exclude=True)
    schema_version: int = SCHEMA_VERSION
    titel: str | None = None
    geldig_vanaf: date | None = None
    bron: str | None = Field(default=None, description="File the dossier was read from")
    profielen: list[Profiel2012] = Field(default_factory=list)
    onverwerkte_regels: list[OnverwerkteRegel] = Field(default_factory=list)
    herstellingen: list[Herstelling] = Field(default_factory=list)
    regel_paginas: list[int] = Field(
        default_factory=list,
        description="For PDF input: the page of each line (lines are numbered as the PDF front end yields them)",
    )
    regelverantwoording: Regelverantwoording = Field(default_factory=Regelverantwoording)

    def json_tekst(self, indent: int | None = 2) -> str:
        """Straight through pydantic's serializer: a 2012 dossier's fields are the contract."""
        return self.model_dump_json(indent=indent)

    def json_bytes(self, indent: int | None = 2) -> bytes:
        """model_dump_json's bytes without decoding them (a 100-profile dossier is 12 MB of JSON)."""
        return self.__pydantic_serializer__.to_json(self, indent=indent)

    def json_stukken(self) -> Iterator[bytes]:
        """json_bytes() in pieces: the dossier without its profiles around one profile at a time
        (100 profiles are 12 MB of JSON, one is 120 kB). The profile list is the 2-space JSON
        pydantic writes: each element on its own line, 4 spaces deeper than a profile alone."""
        if not self.profielen:
            yield self.json_bytes()
            return
        kop = self.__pydantic_serializer__.to_json(self.model_copy(update={"profielen": []}), indent=2)
        voor, sep, na = kop.partition(_LEGE_PROFIELEN)
        if not sep:  # (never: the field is written at the top level)
            yield self.json_bytes()
            return
        yield voor + b'\n  "profielen": ['
        laatste = len(self.profielen) - 1
        for i, p in enumerate(self.profielen):
            tekst = p.__pydantic_serializer__.to_json(p, indent=2)
            yield b"\n    " + tekst.replace(b"\n", b"\n    ") + (b"," if i < laatste else b"")
        yield b"\n  ]" + na


_LEGE_PROFIELEN = b'\n  "profielen": []'  # in the 2-space JSON of a dossier without profiles
