"""Typed results of the commands: the shape of each command's --json output as TypedDicts.

At run time a TypedDict is a plain dict, so typing the look-ups costs nothing and their JSON is
unchanged; mypy checks the code that builds them, and `kwaldossier schema NAME` prints each one's
JSON Schema (built with pydantic, imported only there). The diff's JSON is written by
render/diff_json.py from the dataclass report in diff_report.py; a test validates real output
against these types."""

from __future__ import annotations

from typing import Any, Literal, NotRequired

from typing_extensions import TypedDict

Impact = Literal["redactioneel", "inhoudelijk", "structureel"]


# ---------------------------------------------------------------- list / show / search / matrix / competentie


class ListWerkproces(TypedDict):
    code: str
    titel: str
    profielen: dict[str, bool]


class ListKerntaak(TypedDict):
    code: str
    titel: str
    werkprocessen: list[ListWerkproces]


class DossierJson(TypedDict):
    """A dossier as the look-ups name it (analyse/groepen.py): one group of profiles."""

    titel: str | None
    crebo: str | None
    model: Literal["2012", "2015"]
    geldig_vanaf: str | None
    versie: str | None
    status: str | None
    bronnen: list[str]  # the files it was read from
    profielen: list[str]  # its profiles among those given, in order


class ListDossier(DossierJson):
    kerntaken: list[ListKerntaak]


class ListResult(TypedDict):
    profielen: list[str]
    kerntaken: list[ListKerntaak]  # over every profile given (codes of several dossiers apart by title)
    dossiers: list[ListDossier]


class GeldtVoor(TypedDict):
    naam: str
    niveau: int | None  # MBO niveau
    nlqf: int | None  # NLQF / EQF level (MBO niveau 1–4 = NLQF/EQF 1–4)


class DossierNaam(TypedDict):
    titel: str | None
    crebo: str | None


class CompetentieNaam(TypedDict):
    letter: str | None
    naam: str


class Aanvulling(TypedDict):
    """What one profile adds to a 2015 basisdeel werkproces."""

    omschrijving: str
    resultaat: str
    gedrag_inleiding: str
    gedrag: list[str]
    competenties: list[CompetentieNaam]


class ShowResultaat(TypedDict):
    profiel: str  # the (first) profile it is shown for
    model: Literal["2012", "2015"]
    geldt_voor: list[GeldtVoor]  # every profile it is shown for (a basisdeel werkproces: all of its dossier)
    dossier: DossierNaam
    werkproces: NotRequired[dict[str, Any]]  # a werkproces as in `parse` (the schema refers to it)
    aanvullend: NotRequired[
        dict[str, Aanvulling]
    ]  # 2015 basisdeel: per profile what it adds (werkproces is the basisdeel)
    kerntaak: NotRequired[dict[str, Any]]  # `show B1-K1` / `show 2`: a kerntaak with its texts


class ShowResult(TypedDict):
    query: str
    code: str
    resultaten: list[ShowResultaat]


class SearchHit(TypedDict):
    profiel: str
    werkproces: str | None
    werkproces_titel: str | None
    veld: str
    tekst: str
    spans: list[list[int]]
    regel: int | None
    bron: str | None
    profielen: list[str]  # every profile with this text (a 2015 basisdeel text: all of its dossier)
    dossier: DossierNaam
    in_profiel: bool  # false: a werkproces the profile does not have (a 2012 matrix row without crosses)


class SearchResult(TypedDict):
    terms: list[str]
    veld: str | None
    aantal: int
    hits: list[SearchHit]


class MatrixRij(TypedDict):
    code: str
    titel: str
    cellen: dict[str, list[str]]


class MatrixDossier(DossierJson):
    rijen: list[MatrixRij]


class MatrixResult(TypedDict):
    profielen: list[str]
    letters: dict[str, str]
    rijen: list[MatrixRij]  # over every profile given
    dossiers: list[MatrixDossier]  # one grid per dossier


class Gebruik(TypedDict):
    profiel: str
    werkproces: str
    titel: str
    in_matrix: bool
    componenten: list[str]
    prestatie_indicator: str
    regel: int | None
    aanvullend: NotRequired[bool]  # 2015 model: added to the basisdeel for this profile
    profielen: list[str]  # every profile this use holds for (a 2015 basisdeel werkproces: all of its dossier)
    dossier: NotRequired[DossierNaam]


class CompetentieResult(TypedDict):
    letter: str
    naam: str
    componenten: list[str]
    gebruik: list[Gebruik]


# ---------------------------------------------------------------- diff


class WoordOpJson(TypedDict):
    op: Literal["equal", "delete", "insert", "replace"]
    a: str
    b: str


class TekstWijziging(TypedDict):
    a: str | None
    b: str | None
    woorden: list[WoordOpJson]
    impact: Impact


class ItemWijziging(TypedDict):
    a: str | None
    b: str | None
    similarity: float | None
    woorden: list[WoordOpJson]
    impact: Impact


class Lijst(TypedDict):
    added: list[str]
    removed: list[str]
    changed: list[ItemWijziging]


class ComponentWijziging(TypedDict):
    a: str | None
    b: str | None
    woorden: list[WoordOpJson]
    impact: Impact


class Componenten(TypedDict):
    added: list[str]
    removed: list[str]
    changed: list[ComponentWijziging]


class CompetentieGewijzigd(TypedDict):
    naam: str | None
    componenten: Componenten
    prestatie_indicator: TekstWijziging | None


class Competenties(TypedDict):
    added: list[str]
    removed: list[str]
    namen: dict[str, str]
    gewijzigd: dict[str, CompetentieGewijzigd]


class Wijziging(TypedDict):
    """One change of one field, the flat form (a new field of the model needs no new type)."""

    veld: str
    soort: Literal["added", "removed", "changed"]
    oud: str | None
    nieuw: str | None
    impact: Impact
    competentie: NotRequired[str]
    similarity: NotRequired[float]
    woorden: NotRequired[list[WoordOpJson]]


class Telling(TypedDict):
    redactioneel: int
    inhoudelijk: int
    structureel: int


class WerkprocesDiff(TypedDict):
    code_a: str
    code_b: str
    titel: NotRequired[TekstWijziging | None]  # the detail keys are left out with --summary
    competenties: NotRequired[Competenties]
    vakkennis_en_vaardigheden: NotRequired[Lijst]
    gewenst_resultaat: NotRequired[Lijst]
    omschrijving: NotRequired[TekstWijziging | None]
    resultaat: NotRequired[TekstWijziging | None]  # the 2015 keys: only on werkprocessen of that model
    omschrijving_aanvullend: NotRequired[TekstWijziging | None]
    resultaat_aanvullend: NotRequired[TekstWijziging | None]
    gedrag: NotRequired[Lijst]
    similarity: float
    changed: bool
    kerntaak: str
    titel_a: str
    titel_b: str
    impact: Impact | None
    telling: Telling
    wijzigingen: NotRequired[list[Wijziging]]


class Hernummering(TypedDict):
    a: str
    b: str
    similarity: float
    impact: Impact


class EenzijdigCompetentie(TypedDict):
    letter: str | None
    naam: str
    componenten: list[str]
    prestatie_indicator: str


class Eenzijdig(TypedDict):
    code: str
    kant: Literal["a", "b"]
    kerntaak: str
    titel: str
    impact: Impact
    omschrijving: NotRequired[str]  # the content keys are left out with --summary
    gewenst_resultaat: NotRequired[list[str]]
    vakkennis_en_vaardigheden: NotRequired[list[str]]
    competenties: NotRequired[list[EenzijdigCompetentie]]
    resultaat: NotRequired[str]  # the 2015 keys: only for a werkproces of that model
    omschrijving_aanvullend: NotRequired[str]
    resultaat_aanvullend: NotRequired[str]
    gedrag: NotRequired[list[str]]


class AlgemeenSamenvatting(TypedDict):
    impact: Impact


class Filters(TypedDict):
    kerntaak: str | None
    werkproces: str | None
    only: Literal["competenties", "vakkennis", "teksten"] | None
    min_impact: Impact | None


class Normalisatie(TypedDict):
    rolnaam: list[str]
    vervangen_door: str


class Tellingen(TypedDict):
    profiel: Telling
    kerntaken: dict[str, Telling]


class Overlap(TypedDict):
    """2015 model: how two profiles share the basisdeel and what each adds."""

    basis_gedeeld: int
    basis_identiek: int
    basis_met_aanvullend_a: list[str]
    basis_met_aanvullend_b: list[str]
    profieldeel_a: int
    profieldeel_b: int
    profieldeel_gepaard: int


class DiffDossier(TypedDict):
    """The dossier a side of a diff comes from."""

    titel: str | None
    crebo: str | None


class DiffResult(TypedDict):
    a: str
    b: str
    bron_a: str | None
    bron_b: str | None
    filters: Filters
    normalisatie: Normalisatie | None
    only_a: list[str]
    only_b: list[str]
    shared: list[str]
    renumbered: list[Hernummering]
    identical: list[str]
    werkprocessen: dict[str, WerkprocesDiff]
    algemene_informatie: dict[str, TekstWijziging | AlgemeenSamenvatting | None]
    similarity: float
    changed: bool
    kerntaken: dict[str, Wijziging]
    kerntaak_velden: dict[str, list[Wijziging]]
    overlap: Overlap | None
    eenzijdig: list[Eenzijdig]
    telling: Tellingen
    zelfde_dossier: bool  # False: two dossiers, werkprocessen paired by content, not by code
    dossier_a: DiffDossier
    dossier_b: DiffDossier
    niveau_a: int | None  # MBO niveau of side A (null: the dossier gives none)
    niveau_b: int | None
    nlqf_a: int | None  # NLQF / EQF level (MBO niveau 1–4 = NLQF/EQF 1–4)
    nlqf_b: int | None


RESULTS: dict[str, Any] = {
    "diff": DiffResult,
    "list": ListResult,
    "show": ShowResult,
    "search": SearchResult,
    "matrix": MatrixResult,
    "competentie": CompetentieResult,
}


def adapter(name: str) -> Any:
    """A pydantic TypeAdapter for one command's result, rejecting unknown keys (used by the
    schema command and by the tests that check real output against the schema)."""
    from pydantic import ConfigDict, TypeAdapter

    for td in _typed_dicts():
        td.__pydantic_config__ = ConfigDict(extra="forbid")
    return TypeAdapter(RESULTS[name])


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one command's --json output ("parse": the Dossier)."""
    from ..model.contract import json_schema as dossier_schema

    parse = dossier_schema()
    if name == "parse":
        return parse
    schema: dict[str, Any] = adapter(name).json_schema()
    schema["title"] = RESULTS[name].__name__
    if name == "show":  # a werkproces exactly as `parse` writes it, of either model
        defs = schema.setdefault("$defs", {})
        defs.update(parse["$defs"])
        either = {"anyOf": [{"$ref": "#/$defs/Werkproces2012"}, {"$ref": "#/$defs/Werkproces2015"}]}
        defs["ShowResultaat"]["properties"]["werkproces"] = either
    return schema


def _typed_dicts() -> list[Any]:
    return [v for v in globals().values() if isinstance(v, type) and hasattr(v, "__required_keys__")]
