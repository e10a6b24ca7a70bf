"""KD3xx: fields that are empty or cut short. KD301 and KD304 hold for both dossier models."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...taal import N_, _
from ..registry import Context, Violation, rule
from ._common import LeegVeld, detail, first, werkprocessen


@dataclass(frozen=True, kw_only=True)
class GeenCompetenties(Violation):
    model: str  # the dossier model: the 2012 detail has a competence column, a 2015 werkproces a list

    def message(self) -> str:
        return _("no competences") if self.model == "2015" else _("competence column is empty")


@dataclass(frozen=True, kw_only=True)
class LegeIndicator(Violation):
    letter: str | None
    naam: str

    def message(self) -> str:
        return _("{letter} {naam} has no prestatie-indicator").format(letter=self.letter, naam=self.naam)


@dataclass(frozen=True, kw_only=True)
class GeenComponenten(Violation):
    letter: str | None
    naam: str

    def message(self) -> str:
        return _("{letter} {naam} has no componenten").format(letter=self.letter, naam=self.naam)


@dataclass(frozen=True, kw_only=True)
class LegeAlgemeneInformatie(Violation):
    veld: str

    def message(self) -> str:
        return _("algemene informatie: {veld} is empty").format(veld=self.veld)


@dataclass(frozen=True, kw_only=True)
class OnvolledigeTekst(Violation):
    label: str
    slot: str  # the text's last characters

    def message(self) -> str:
        return _("{label} stops mid-sentence: …{slot}").format(label=self.label, slot=repr(self.slot))


_SLOT = 40  # characters of the text a KD308 message quotes


@rule("KD302", "leeg-gewenst-resultaat", "error", N_("Empty gewenst resultaat"))
def leeg_gewenst_resultaat(ctx: Context) -> Iterator[LeegVeld]:
    """Every werkproces of the profile has a gewenst resultaat; this one has none (its label is missing, or the text under it was lost).

    Example: the bullets after "Gewenst resultaat" in 1.1 are gone.

        KD302 error 1.1 line 124: gewenst resultaat is empty
    """
    for wp in detail(ctx):
        if not wp.gewenst_resultaat:
            yield LeegVeld(werkproces=wp.code, regel=first(wp.bron.kop), label="gewenst resultaat")


@rule("KD303", "lege-vakkennis", "error", N_("Empty vakkennis en vaardigheden"))
def lege_vakkennis(ctx: Context) -> Iterator[LeegVeld]:
    """Every werkproces of the profile has a vakkennis en vaardigheden list; this one has none (its label is missing, or the text under it was lost).

    Example: the bullets of the vakkennis column of 1.1 are gone.

        KD303 error 1.1 line 124: vakkennis en vaardigheden list is empty
    """
    for wp in detail(ctx):
        if not wp.vakkennis_en_vaardigheden:
            yield LeegVeld(werkproces=wp.code, regel=first(wp.bron.kop), label=N_("vakkennis en vaardigheden list"))


@rule(
    "KD301",
    "lege-omschrijving",
    "error",
    N_("Empty omschrijving"),
    modellen=("2012", "2015"),
)
def lege_omschrijving(ctx: Context) -> Iterator[LeegVeld]:
    """Every werkproces has an omschrijving; this one has none (its label is missing, or the
    text under it was lost). Both dossier models: in the 2015 model (SBB XML) the
    `werkprocesomschrijving` is empty, the finding is on the werkproces's line, and every
    profile's copy of a basisdeel werkproces is reported once (on the dossier's first profile).
    The 2015 model had its own rule for this, KD605 (lege-omschrijving-2015); `--select KD605`
    still selects this rule.

    Example: the lines after "Omschrijving" in 1.1 are gone, up to "Gewenst resultaat".

        KD301 error 1.1 line 124: omschrijving is empty

    In the 2015 model: `<werkprocesomschrijving><![CDATA[  ]]></werkprocesomschrijving>`.
    """
    for wp in werkprocessen(ctx):
        if not wp.omschrijving.strip():
            yield LeegVeld(werkproces=wp.code, regel=first(wp.bron.omschrijving, wp.bron.kop), label="omschrijving")


@rule(
    "KD304",
    "geen-competenties",
    "error",
    N_("A werkproces without competences (2012: a detail without competence blocks)"),
    modellen=("2012", "2015"),
)
def geen_competenties(ctx: Context) -> Iterator[GeenCompetenties]:
    """Every werkproces calls on competences: in the 2012 model its detail has a column of
    competence blocks, in the 2015 model (SBB XML) `werkprocescompetenties` names them (A–Y).
    This one has none, so it has no column in the matrix either. In the 2015 model each
    profile's resolved werkproces is checked; the former 2015 code KD608 still selects this
    rule.

    Example: 1.1 has no competence blocks (parsed JSON with "competenties": []).

        KD304 error 1.1 line 124: competence column is empty

    In the 2015 model: `<werkprocescompetenties />` gives "no competences".
    """
    for wp in werkprocessen(ctx, basis_once=False):
        if not wp.competenties:
            regel = first(wp.bron.competenties, wp.bron.kop) if wp.model == "2015" else first(wp.bron.kop)
            yield GeenCompetenties(werkproces=wp.code, regel=regel, model=wp.model)


@rule("KD305", "lege-indicator", "error", N_("A competence without prestatie-indicator"))
def lege_indicator(ctx: Context) -> Iterator[LegeIndicator]:
    """Every competence block ends with a prestatie-indicator paragraph; this one has none.

    Example: the indicator lines under "Analyseren" in 1.1 are gone:

        KD305 error 1.1 line 179: M Analyseren has no prestatie-indicator
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            if not c.prestatie_indicator.strip():
                yield LegeIndicator(werkproces=wp.code, regel=first(c.regels), letter=c.letter, naam=c.naam)


@rule("KD306", "geen-componenten", "error", N_("A competence without componenten"))
def geen_componenten(ctx: Context) -> Iterator[GeenComponenten]:
    """Every competence block lists at least one component (bullet).

    Example: the bullets under "Analyseren" in 1.1 are gone:

        KD306 error 1.1 line 179: M Analyseren has no componenten
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            if not c.componenten:
                yield GeenComponenten(werkproces=wp.code, regel=first(c.regels), letter=c.letter, naam=c.naam)


@rule("KD307", "lege-algemene-informatie", "warning", N_("A field of algemene informatie is empty"))
def lege_algemene_informatie(ctx: Context) -> Iterator[LegeAlgemeneInformatie]:
    """The algemene informatie of a profile has nine fields (context, beroepshouding, niveau,
    ...). A missing one usually means its label was not found.

    Example: the label "Beroepshouding" and its paragraph are gone:

        KD307 warning line 2: algemene informatie: beroepshouding is empty
    """
    ai = ctx.profiel2012.algemene_informatie
    for key, value in ai.teksten().items():
        if not str(value or "").strip():
            yield LegeAlgemeneInformatie(regel=first(ctx.profiel2012.regels), veld=key)


@rule("KD308", "onvolledige-tekst", "warning", N_("A text stops mid-sentence (a lost line or page?)"))
def onvolledige_tekst(ctx: Context) -> Iterator[OnvolledigeTekst]:
    """An omschrijving or prestatie-indicator that does not end with a full stop (or ! ? ) …)
    usually lost its last line, or a whole page, in extraction.

    Example: the continuation page of 2.3 is missing, so the indicator of R ends "..., zodat":

        KD308 warning 2.3 line 587: prestatie-indicator R stops mid-sentence: …'endelijkheid en
            organisatiebelang, zodat'
    """
    for wp in detail(ctx):
        texts = [("omschrijving", wp.omschrijving, wp.bron.omschrijving)]
        texts += [
            (f"prestatie-indicator {c.letter}", c.prestatie_indicator, c.prestatie_indicator_regels or c.regels)
            for c in wp.competenties
        ]
        for label, text, lines in texts:
            if text.strip() and text.rstrip()[-1] not in ".!?)…\"'’":
                yield OnvolledigeTekst(
                    werkproces=wp.code, regel=lines[-1] if lines else None, label=label, slot=text[-_SLOT:]
                )
