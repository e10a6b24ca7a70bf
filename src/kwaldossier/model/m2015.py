"""The 2015 dossier model (every dossier since 2015; SBB XML or PDF): a basisdeel shared by all
profiles and a profieldeel per profile, codes B1-K1-W1 / P2-K1-W3. Each Profiel is resolved:
the basisdeel kerntaken with that profile's additions (aanvullend) merged in and marked, then
its own profieldeel. Werkprocessen have omschrijving, resultaat, gedrag (an intro line and
bullets) and the competences they call on; vakkennis en vaardigheden, complexiteit and
verantwoordelijkheid sit on the kerntaak. There is no matrix, no componenten and no
prestatie-indicator in this model. Fields are declared in the order of the parse JSON;
model/contract.py adds the JSON's compatibility keys (see there)."""

from __future__ import annotations

from datetime import date
from typing import Literal, final

from pydantic import Field

from . import SCHEMA_VERSION
from .afgeleid import AlgemeneInformatieAfgeleid, Contract, Model2015, ProfielAfgeleid, Werkproces2015Afgeleid
from .gedeeld import Bevroren, Herstelling, KerntaakCode, Letter, OnverwerkteRegel, Regelverantwoording, WerkprocesCode

Deel = Literal["basis", "profiel"]


@final
class VakkennisItem2015(Bevroren, Model2015):
    tekst: str
    regels: list[int] = Field(default_factory=list, description="Source lines")
    aanvullend: bool = Field(default=False, description="Added to the basisdeel for this profile (aanvullend)")


@final
class Competentie2015(Bevroren, Model2015):
    letter: Letter | None = Field(description="A–Y from the national list; null if the dossier's code is not one")
    naam: str
    regels: list[int] = Field(default_factory=list, description="Source line of the reference")
    aanvullend: bool = Field(default=False, description="Added to the basisdeel for this profile (aanvullend)")


@final
class GedragRegel(Bevroren, Model2015):
    """One bullet of the gedrag (behaviour) list of a werkproces."""

    tekst: str
    aanvullend: bool = Field(default=False, description="Added to the basisdeel for this profile (aanvullend)")
    regel: int | None = Field(default=None, description="Source line")


@final
class WerkprocesBron2015(Bevroren, Model2015):
    """Where a werkproces sits in the source."""

    kop: list[int] = Field(default_factory=list, description="Line of the werkproces (its heading or element)")
    omschrijving: list[int] = Field(default_factory=list)
    omschrijving_offsets: list[int] = Field(
        default_factory=list, description="Where each source line starts in the omschrijving text"
    )
    resultaat: list[int] = Field(default_factory=list, description="Line of the resultaat text")
    gedrag: list[int] = Field(default_factory=list, description="Line of the gedrag text")
    competenties: list[int] = Field(default_factory=list, description="Line of the competence list")
    aanvullend: list[int] = Field(default_factory=list, description="Lines of this profile's aanvullend blocks")


@final
class Werkproces2015(Bevroren, Werkproces2015Afgeleid):
    code: WerkprocesCode
    titel: str
    omschrijving: str = ""
    competenties: list[Competentie2015] = Field(default_factory=list)
    bron: WerkprocesBron2015 = Field(default_factory=WerkprocesBron2015)
    deel: Deel = Field(description="basis (basisdeel) or profiel (profieldeel)")
    titel_bron: str | None = Field(default=None, description="The title as written, when it has stray whitespace")
    omschrijving_aanvullend: str = Field(default="", description="This profile's addition to the omschrijving")
    resultaat: str = Field(default="", description="The resultaat paragraph")
    resultaat_aanvullend: str = Field(default="", description="This profile's addition to the resultaat")
    gedrag_inleiding: str = Field(default="", description="Intro line of the gedrag list ('De sociaal werker:')")
    gedrag_inleiding_aanvullend: str = Field(default="", description="Intro line of this profile's gedrag addition")
    gedrag: list[GedragRegel] = Field(default_factory=list, description="Gedrag bullets, aanvullend ones last")


@final
class Kerntaak2015(Bevroren, Model2015):
    code: KerntaakCode
    titel: str
    werkprocessen: list[Werkproces2015] = Field(default_factory=list)
    regels: list[int] = Field(default_factory=list)
    deel: Deel = Field(description="basis (basisdeel) or profiel (profieldeel)")
    titel_bron: str | None = Field(default=None, description="The title as written, when it has stray whitespace")
    complexiteit: str = ""
    complexiteit_aanvullend: str = Field(default="", description="This profile's addition")
    verantwoordelijkheid: str = Field(default="", description="Verantwoordelijkheid en zelfstandigheid")
    verantwoordelijkheid_aanvullend: str = Field(default="", description="This profile's addition")
    vakkennis_en_vaardigheden: list[VakkennisItem2015] = Field(
        default_factory=list, description="Vakkennis en vaardigheden of the kerntaak (aanvullend ones marked)"
    )


@final
class AlgemeneInformatie2015(Bevroren, AlgemeneInformatieAfgeleid, Model2015):
    context: str = Field(default="", description="Typering beroepengroep: context")
    beroepshouding: str = Field(default="", description="Typering beroepengroep: typerende beroepshouding")
    wettelijke_beroepsvereisten: str = ""
    moderne_vreemde_talen: str = Field(
        default="", description="'Engels: Luisteren B1, ...' from the taalbeheersingseis"
    )
    bron: dict[str, list[int]] = Field(default_factory=dict, description="Source lines per field")
    resultaat_van_het_beroep: str = Field(default="", description="Typering beroepengroep: resultaat van het beroep")
    typering_van_het_beroep: str = Field(default="", description="The profile's typering van het beroep")
    generieke_onderdelen: str = Field(
        default="",
        description="Generieke onderdelen (Nederlandse taal, rekenen, loopbaan en burgerschap, Engels) as text",
    )


@final
class Profiel2015(Bevroren, ProfielAfgeleid, Model2015):
    naam: str
    niveau: int | None = None
    code: str = Field(description="P1, P2, ... (profiel@hoofdstuk)")
    crebo: str | None = Field(default=None, description="The kwalificatie crebo")
    titel_bron: str | None = Field(default=None, description="The title as written, when it has stray whitespace")
    sbb_nr: str | None = Field(
        default=None, description="SBB's database id (profiel@nr), target of aanvullend references"
    )
    algemene_informatie: AlgemeneInformatie2015 = Field(default_factory=AlgemeneInformatie2015)
    kerntaken: list[Kerntaak2015] = Field(default_factory=list)
    regels: list[int] = Field(default_factory=list, description="First and last source line")


@final
class Verwijzing(Bevroren, Model2015):
    """A reference in the source that resolves to nothing (SBB XML: a vakkennis item's referentie)."""

    regel: int
    tekst: str


@final
class NietGelezen(Bevroren, Model2015):
    """Elements of one name that the reader does not know, counted (the outermost ones)."""

    element: str
    aantal: int
    regel: int | None = Field(default=None, description="Line of the first one")


@final
class Dossier2015(Bevroren, Contract):
    schema_version: int = SCHEMA_VERSION
    titel: str | None = None
    geldig_vanaf: date | None = None
    model: Literal["2015"] = Field(default="2015", description="Dossier model: 2012 (matrix) or 2015 (basis + profiel)")
    formaat: str | None = Field(default=None, description="Input format: sbb-xml or sbb-pdf")
    crebo: str | None = Field(default=None, description="The dossier crebo")
    sector: str | None = Field(default=None, description="Opleidingsdomein (referentiedomein)")
    versie: str | None = Field(default=None, description="dossier@versie when not empty ('Gewijzigd 2016')")
    status: str | None = Field(default=None, description="dossier@status ('Vastgesteld')")
    vastgesteld_op: date | None = Field(default=None, description="Date of vaststelling")
    bron: str | None = Field(default=None, description="File the dossier was read from")
    profielen: list[Profiel2015] = Field(default_factory=list)
    onverwerkte_regels: list[OnverwerkteRegel] = Field(
        default_factory=list, description="Input lines not placed (PDF input; XML elements are read or refused)"
    )
    herstellingen: list[Herstelling] = Field(default_factory=list)
    regel_paginas: list[int] = Field(default_factory=list, description="For PDF input: the page of each line")
    regelverantwoording: Regelverantwoording = Field(default_factory=Regelverantwoording)
    onopgeloste_verwijzingen: list[Verwijzing] = Field(
        default_factory=list, description="References that resolve to nothing (validate KD601)"
    )
    niet_gelezen: list[NietGelezen] = Field(
        default_factory=list,
        description="Elements of the file the reader does not know (keuzedelen ...): counted, not read",
    )
