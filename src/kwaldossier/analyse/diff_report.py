"""The typed diff report. analyse.diff builds it; every format (terminal, Markdown, HTML, JSON,
spreadsheet rows) is written from it. A werkproces's changes are one flat list of field
changes (Wijziging), so a new text or list field of the model needs no new report type.

Light on purpose (dataclasses, no pydantic): `diff` on the bundled data stays fast."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

REDACTIONEEL = "redactioneel"
INHOUDELIJK = "inhoudelijk"
STRUCTUREEL = "structureel"
IMPACTS = (REDACTIONEEL, INHOUDELIJK, STRUCTUREEL)
RANK = {g: i for i, g in enumerate(IMPACTS)}

Impact = str  # one of IMPACTS
Soort = str  # added | removed | changed

# Werkproces fields the diff compares. A text field changes as a whole (word diff), a list
# field by items added, removed or changed. A new field (say `resultaat`, `gedrag`): add its
# name here, read it in diff.teksten() / diff.lijsten(), give it a label in LABELS if its name
# does not read well, and add its key to results.WerkprocesDiff and results.Eenzijdig (a test
# checks the JSON against them). Every format then shows it; nothing else changes.
# The 2015 model's fields (FIELDS_2015) are read only from werkprocessen of that model (`deel`
# set), and their JSON keys appear only on those, so a 2012 diff keeps its documented shape.
TEXT_FIELDS: tuple[str, ...] = ("titel", "omschrijving", "resultaat", "omschrijving_aanvullend", "resultaat_aanvullend")
LIST_FIELDS: tuple[str, ...] = ("gewenst_resultaat", "vakkennis_en_vaardigheden", "gedrag")
FIELDS_2015 = frozenset({"resultaat", "omschrijving_aanvullend", "resultaat_aanvullend", "gedrag"})
AANVULLEND_FIELDS = ("omschrijving_aanvullend", "resultaat_aanvullend")  # weighed together
COMPETENCE_FIELDS = ("competentie", "componenten", "prestatie_indicator")
# 2015 model: texts and list of a kerntaak, compared per kerntaak code both profiles have
KERNTAAK_TEXT_FIELDS = (
    "complexiteit",
    "complexiteit_aanvullend",
    "verantwoordelijkheid",
    "verantwoordelijkheid_aanvullend",
)
ONLY = {  # --only: which fields each choice keeps (a renumbering always shows)
    "competenties": set(COMPETENCE_FIELDS),
    "vakkennis": {"vakkennis_en_vaardigheden"},
    "teksten": (set(TEXT_FIELDS) | set(LIST_FIELDS) | set(KERNTAAK_TEXT_FIELDS)) - {"vakkennis_en_vaardigheden"},
}
LABELS = {
    "code": "code",
    "titel": "titel",
    "omschrijving": "omschrijving",
    "gewenst_resultaat": "gewenst resultaat",
    "vakkennis_en_vaardigheden": "vakkennis",
    "competentie": "competentie",
    "componenten": "component",
    "prestatie_indicator": "prestatie-indicator",
    "werkproces": "werkproces",
    "kerntaak": "kerntaak",
    "resultaat": "resultaat",
    "gedrag": "gedrag",
    "omschrijving_aanvullend": "omschrijving (aanvullend)",
    "resultaat_aanvullend": "resultaat (aanvullend)",
    "complexiteit": "complexiteit",
    "verantwoordelijkheid": "verantwoordelijkheid",
    "complexiteit_aanvullend": "complexiteit (aanvullend)",
    "verantwoordelijkheid_aanvullend": "verantwoordelijkheid (aanvullend)",
}


def label(veld: str) -> str:
    return LABELS.get(veld, veld.replace("_", " "))


@dataclass(frozen=True, slots=True)
class WoordOp:
    op: str  # equal | delete | insert | replace
    a: str
    b: str


@dataclass(slots=True)
class Wijziging:
    """One change of one field: an item added or removed, or a text changed (with a word diff)."""

    veld: str
    soort: Soort
    oud: str | None
    nieuw: str | None
    impact: Impact
    woorden: list[WoordOp] | None = None
    similarity: float | None = None
    competentie: str | None = None  # letter (or folded name) of the competence it belongs to
    competentie_naam: str | None = None


@dataclass(slots=True)
class WerkprocesDiff:
    code_a: str
    code_b: str
    kerntaak: str
    titel_a: str
    titel_b: str
    similarity: float
    wijzigingen: list[Wijziging] = field(default_factory=list)
    model_2015: bool = False  # either side is a werkproces of the 2015 model: FIELDS_2015 apply

    @property
    def changed(self) -> bool:
        return bool(self.wijzigingen)

    @property
    def label(self) -> str:
        return self.code_a if self.code_a == self.code_b else f"{self.code_a}→{self.code_b}"

    @property
    def impact(self) -> Impact | None:
        return max((w.impact for w in self.wijzigingen), key=RANK.__getitem__, default=None)

    def of(self, veld: str, soort: str | None = None) -> list[Wijziging]:
        return [w for w in self.wijzigingen if w.veld == veld and (soort is None or w.soort == soort)]


@dataclass(slots=True)
class CompetentieTekst:
    letter: str | None
    naam: str
    componenten: list[str]
    prestatie_indicator: str


@dataclass(slots=True)
class Eenzijdig:
    """A werkproces only one side has, with its full text (a structural change)."""

    code: str
    kant: str  # a | b
    kerntaak: str
    titel: str
    teksten: dict[str, str]  # text fields other than titel
    lijsten: dict[str, list[str]]
    competenties: list[CompetentieTekst]
    impact: Impact = STRUCTUREEL


@dataclass(frozen=True, slots=True)
class Hernummering:
    a: str
    b: str
    similarity: float
    impact: Impact = STRUCTUREEL


@dataclass(frozen=True, slots=True)
class DossierNaam:
    """The dossier a side comes from, as the report names it."""

    titel: str | None
    crebo: str | None

    @property
    def label(self) -> str:
        titel = self.titel or "?"
        return f"{titel} (crebo {self.crebo})" if self.crebo else titel


@dataclass(slots=True)
class DiffReport:
    a: str
    b: str
    bron_a: str | None
    bron_b: str | None
    filters: dict[str, Any]
    normalisatie: dict[str, Any] | None
    shared: list[str]
    only_a: list[str]
    only_b: list[str]
    renumbered: list[Hernummering]
    werkprocessen: list[WerkprocesDiff]
    algemene_informatie: dict[str, Wijziging | None]
    kerntaken: dict[str, Wijziging]
    eenzijdig: list[Eenzijdig]
    similarity: float
    summary: bool = False
    overlap: dict[str, Any] | None = None  # 2015 model: basisdeel / profieldeel figures (diff2015)
    kerntaak_velden: dict[str, list[Wijziging]] = field(default_factory=dict)  # 2015 model: kerntaak texts
    zelfde_dossier: bool = True  # False: two dossiers, werkprocessen paired by content only
    dossier_a: DossierNaam = DossierNaam(None, None)
    dossier_b: DossierNaam = DossierNaam(None, None)
    niveau_a: int | None = None  # MBO niveau of each side (NLQF/EQF level: nlqf_a / nlqf_b)
    niveau_b: int | None = None
    nlqf_a: int | None = None
    nlqf_b: int | None = None

    @property
    def identical(self) -> list[str]:
        return [w.code_a for w in self.werkprocessen if not w.changed]

    @property
    def changed(self) -> bool:
        return bool(
            self.only_a
            or self.only_b
            or self.renumbered
            or self.kerntaken
            or any(self.kerntaak_velden.values())
            or any(w.changed for w in self.werkprocessen)
            or any(self.algemene_informatie.values())
        )

    def changes(self) -> Iterator[tuple[str | None, str | None, str | None, Wijziging | Eenzijdig]]:
        """Every change once, in report order: (kerntaak, werkproces code, its title, change)."""
        for code, k in self.kerntaken.items():
            yield code, None, None, k
        for code, ks in self.kerntaak_velden.items():
            for k in ks:
                yield code, None, None, k
        for w in self.werkprocessen:
            for ch in w.wijzigingen:
                yield w.kerntaak, w.label, w.titel_b, ch
        for e in self.eenzijdig:
            yield e.kerntaak, e.code, e.titel, e
        for ai in self.algemene_informatie.values():
            if ai is not None:
                yield None, None, None, ai

    def telling(self) -> dict[str, Any]:
        """Counts per grade: for the profile and per kerntaak (algemene informatie: profile only)."""
        zero = dict.fromkeys(IMPACTS, 0)
        profiel = dict(zero)
        per_kt: dict[str, dict[str, int]] = {}
        for kt, _, _, ch in self.changes():
            profiel[ch.impact] += 1
            if kt is not None:
                per_kt.setdefault(kt, dict(zero))[ch.impact] += 1
        return {"profiel": profiel, "kerntaken": dict(sorted(per_kt.items(), key=lambda kv: _key(kv[0])))}


def _key(code: str) -> tuple[int, ...]:
    from ..model.codes import code_key  # 2.10 after 2.9, B1-K2 after B1-K1

    return code_key(code)


def counts(items: list[Wijziging]) -> dict[str, int]:
    out = dict.fromkeys(IMPACTS, 0)
    for w in items:
        out[w.impact] += 1
    return out


# ---------------------------------------------------------------- flat rows (spreadsheets)


def rows(report: DiffReport) -> list[dict[str, str | None]]:
    """One row per change: {kerntaak, werkproces, titel, veld, soort, competentie, oud, nieuw, impact}."""
    out = []
    for kt, code, titel, ch in report.changes():
        if isinstance(ch, Eenzijdig):
            tekst = f"{ch.code} {ch.titel}"
            oud, nieuw = (tekst, None) if ch.kant == "a" else (None, tekst)
            row = {"veld": "werkproces", "soort": "removed" if ch.kant == "a" else "added", "competentie": None}
        else:
            oud, nieuw = ch.oud, ch.nieuw
            veld = ch.veld if kt is not None else f"algemene_informatie.{ch.veld}"
            row = {"veld": veld, "soort": ch.soort, "competentie": ch.competentie}
        out.append(
            {"kerntaak": kt, "werkproces": code, "titel": titel, **row, "oud": oud, "nieuw": nieuw, "impact": ch.impact}
        )
    return out
