"""Rules for the 2015 model (SBB XML, basisdeel + profieldeel): codes KD6xx.

They run only on dossiers with model "2015"; the 2012 rules (matrix, componenten,
prestatie-indicatoren, PDF damage) run only on 2012 dossiers. What holds for both models is one
rule of its family with modellen 2012 and 2015: KD301 (omschrijving, once KD605), KD304
(competences, once KD608), KD202 (a competence outside A–Y, once KD614). Every profile holds the whole
basisdeel, so a finding on the basisdeel itself (a title, an empty resultaat) is reported once, on
the dossier's first profile; findings on what a profile resolves to (its additions) on each."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ...model.competenties import fold
from ...taal import N_, _
from ..registry import Context, Violation, rule
from ._common import NIVEAUS, LeegVeld, first, kerntaken2015, werkprocessen2015

if TYPE_CHECKING:
    from ...model.vorm import Kerntaak2015Vorm

_NUM = re.compile(r"-[KW](\d+)$")
_REFERENTIE = re.compile(r"vakkennisenvaardigheden referentie=(.*) resolves to no kennisofvaardigheid", re.S)


@dataclass(frozen=True, kw_only=True)
class OnopgelosteVerwijzing(Violation):
    tekst: str  # what the reader says of the reference

    def message(self) -> str:
        # the reader words it (in English); the one sentence it writes today is reworded here
        m = _REFERENTIE.fullmatch(self.tekst)
        if m is None:
            return self.tekst
        return _("vakkennisenvaardigheden referentie={nr} resolves to no kennisofvaardigheid").format(nr=m[1])


@dataclass(frozen=True, kw_only=True)
class DubbeleCode(Violation):
    soort: str  # "kerntaak" | "werkproces"
    code: str
    aantal: int

    def message(self) -> str:
        return _("{soort} code {code} occurs {aantal} times").format(
            soort=self.soort, code=self.code, aantal=self.aantal
        )


@dataclass(frozen=True, kw_only=True)
class CodeGat(Violation):
    soort: str  # "kerntaak" | "werkproces"
    ontbreekt: str  # the code that is missing
    nummers: tuple[int, ...]  # the numbers there are, sorted

    def message(self) -> str:
        return _("{soort} {ontbreekt} is missing (numbers {nummers})").format(
            soort=self.soort, ontbreekt=self.ontbreekt, nummers=list(self.nummers)
        )


@dataclass(frozen=True, kw_only=True)
class GedragZonderBullets(Violation):
    def message(self) -> str:
        return _("gedrag has no bullets")


@dataclass(frozen=True, kw_only=True)
class TitelWitruimte(Violation):
    soort: str  # "profiel" | "kerntaak" | "werkproces"
    titel: str  # as written

    def message(self) -> str:
        return _("{soort} title {titel} has stray whitespace").format(soort=self.soort, titel=repr(self.titel))


@dataclass(frozen=True, kw_only=True)
class GedragZonderInleiding(Violation):
    def message(self) -> str:
        return _("gedrag starts without an intro line")


@dataclass(frozen=True, kw_only=True)
class DubbeleGedragregel(Violation):
    tekst: str

    def message(self) -> str:
        return _("gedrag bullet {tekst} occurs twice").format(tekst=repr(self.tekst))


@dataclass(frozen=True, kw_only=True)
class GeenCrebo(Violation):
    def message(self) -> str:
        return _("profile has no kwalificatie crebo")


@dataclass(frozen=True, kw_only=True)
class GeenNiveau(Violation):
    niveau: int | None

    def message(self) -> str:
        if self.niveau is None:
            return _("profile has no niveau")
        return _("profile has no valid niveau ({niveau})").format(niveau=self.niveau)


@dataclass(frozen=True, kw_only=True)
class LegeKerntaak(Violation):
    def message(self) -> str:
        return _("kerntaak has no werkprocessen")


_rule = partial(rule, modellen=("2015",))  # the registry dedents the docs


@_rule("KD601", "onopgeloste-verwijzing", "error", N_("A reference in the XML resolves to nothing"))
def _unresolved(ctx: Context) -> Iterator[OnopgelosteVerwijzing]:
    """A `vakkennisenvaardigheden@referentie` names no `kennisofvaardigheid@nr` of the dossier, so an
    item of vakkennis en vaardigheden is lost. Reported once per file (on its first profile).

    Example: `<vakkennisenvaardigheden referentie="999" />` with no `<kennisofvaardigheid nr="999">`.
    (An unresolvable competence reference or an aanvullend block for an unknown profile stops the
    reader instead: exit 2 with file and line.)"""
    d = ctx.dossier
    if d.model == "2015" and d.profielen and ctx.profiel2015 is d.profielen[0]:
        for u in d.onopgeloste_verwijzingen:
            yield OnopgelosteVerwijzing(regel=u.regel, tekst=u.tekst)


@_rule("KD602", "dubbele-code", "error", N_("Two kerntaken or werkprocessen of a profile share one code"))
def _double_code(ctx: Context) -> Iterator[DubbeleCode]:
    """Codes follow from `hoofdstuk`; two siblings with the same hoofdstuk get the same code
    (B1-K1-W3 twice), so look-ups and diffs cannot tell them apart.

    Example: two `<werkproces hoofdstuk="3">` in one kerntaak."""
    kt_codes = Counter(kt.code for kt in ctx.profiel2015.kerntaken)
    for kt in kerntaken2015(ctx):
        if kt_codes[kt.code] > 1:
            yield DubbeleCode(
                werkproces=kt.code, regel=first(kt.regels), soort="kerntaak", code=kt.code, aantal=kt_codes[kt.code]
            )
        wp_codes = Counter(wp.code for wp in kt.werkprocessen)
        for wp in kt.werkprocessen:
            if wp_codes[wp.code] > 1:
                yield DubbeleCode(
                    werkproces=wp.code,
                    regel=first(wp.bron.kop),
                    soort="werkproces",
                    code=wp.code,
                    aantal=wp_codes[wp.code],
                )


def _gaps(numbers: list[int]) -> list[int]:
    have = set(numbers)
    return [n for n in range(1, max(numbers, default=0) + 1) if n not in have]


@_rule("KD603", "code-gat", "warning", N_("Kerntaak or werkproces numbers skip a number"))
def _code_gap(ctx: Context) -> Iterator[CodeGat]:
    """Within the basisdeel, a profieldeel and each kerntaak, the `hoofdstuk` numbers run 1..n. A gap
    (W1, W2, W4) means a werkproces is missing or was renumbered.

    Example: `hoofdstuk="4"` after `hoofdstuk="2"` in one kerntaak."""
    delen: dict[str, list[Kerntaak2015Vorm]] = defaultdict(list)
    for kt in kerntaken2015(ctx):
        delen[kt.code.split("-")[0]].append(kt)
    for prefix, kts in delen.items():
        nums = [int(m.group(1)) for kt in kts if (m := _NUM.search(kt.code))]
        for n in _gaps(nums):
            yield CodeGat(
                werkproces=kts[0].code,
                regel=first(kts[0].regels),
                soort="kerntaak",
                ontbreekt=f"{prefix}-K{n}",
                nummers=tuple(sorted(nums)),
            )
        for kt in kts:
            wnums = [int(m.group(1)) for wp in kt.werkprocessen if (m := _NUM.search(wp.code))]
            for n in _gaps(wnums):
                yield CodeGat(
                    werkproces=kt.code,
                    regel=first(kt.regels),
                    soort="werkproces",
                    ontbreekt=f"{kt.code}-W{n}",
                    nummers=tuple(sorted(wnums)),
                )


@_rule("KD604", "leeg-resultaat", "error", N_("A werkproces without resultaat"))
def _empty_result(ctx: Context) -> Iterator[LeegVeld]:
    """Every werkproces states its resultaat (`werkprocesresultaat`); this one is empty.

    Example: `<werkprocesresultaat><![CDATA[]]></werkprocesresultaat>`."""
    for wp in werkprocessen2015(ctx):
        if not wp.resultaat.strip():
            yield LeegVeld(werkproces=wp.code, regel=first(wp.bron.resultaat, wp.bron.kop), label="resultaat")


@_rule("KD606", "gedrag-zonder-bullets", "error", N_("A werkproces whose gedrag has no bullets"))
def _no_bullets(ctx: Context) -> Iterator[GedragZonderBullets]:
    """The gedrag of a werkproces is an intro line and `- ...;` bullets, one per line. Without a
    single bullet the behaviour the werkproces asks for is missing (or not written as a list).

    Example: `<werkprocesgedrag><![CDATA[De sociaal werker werkt nauwkeurig.]]>`."""
    for wp in werkprocessen2015(ctx):
        if not any(not g.aanvullend for g in wp.gedrag):
            yield GedragZonderBullets(werkproces=wp.code, regel=first(wp.bron.gedrag, wp.bron.kop))


@_rule("KD607", "titel-witruimte", "info", N_("A title with stray whitespace (leading, trailing or double spaces)"))
def _title_space(ctx: Context) -> Iterator[TitelWitruimte]:
    """A `titel` attribute has spaces at its ends or two in a row. The reader strips them (the title as
    written is kept in `titel_bron`); the source is worth a clean-up, since other tools may not.

    Example: `titel="Inventariseert de vraag naar sociaal werk "`."""
    p = ctx.profiel2015
    if p.titel_bron is not None:
        yield TitelWitruimte(regel=first(p.regels), soort="profiel", titel=p.titel_bron)
    for kt in kerntaken2015(ctx):
        if kt.titel_bron is not None:
            yield TitelWitruimte(werkproces=kt.code, regel=first(kt.regels), soort="kerntaak", titel=kt.titel_bron)
        for wp in kt.werkprocessen:
            if wp.titel_bron is not None:
                yield TitelWitruimte(
                    werkproces=wp.code, regel=first(wp.bron.kop), soort="werkproces", titel=wp.titel_bron
                )


@_rule("KD609", "gedrag-zonder-inleiding", "info", N_("A gedrag list without its intro line"))
def _no_intro(ctx: Context) -> Iterator[GedragZonderInleiding]:
    """The gedrag list opens with an intro line naming the professional (`De sociaal werker:`); this
    one starts with a bullet. Harmless for reading, but unlike its siblings.

    Example: `<werkprocesgedrag><![CDATA[- werkt nauwkeurig;`."""
    for wp in werkprocessen2015(ctx):
        if wp.gedrag and not wp.gedrag_inleiding:
            yield GedragZonderInleiding(werkproces=wp.code, regel=first(wp.bron.gedrag))


@_rule("KD610", "dubbele-gedragregel", "warning", N_("A gedrag bullet occurs twice in one werkproces"))
def _double_bullet(ctx: Context) -> Iterator[DubbeleGedragregel]:
    """The same gedrag bullet twice in one resolved werkproces, e.g. an aanvullend bullet that repeats
    one of the basisdeel.

    Example: `- werkt nauwkeurig;` in the base text and again in the profile's addition.
    Twice in the basisdeel's own text: reported once, on the dossier's first profile."""
    d = ctx.dossier
    eerste = not d.profielen or ctx.profiel2015 is d.profielen[0]
    for wp in werkprocessen2015(ctx, basis_once=False):
        seen: set[str] = set()
        for g in wp.gedrag:
            key = fold(g.tekst).rstrip(";.")
            if key in seen and (eerste or wp.deel != "basis" or g.aanvullend):
                yield DubbeleGedragregel(werkproces=wp.code, regel=g.regel, tekst=g.tekst)
            seen.add(key)


@_rule("KD611", "profiel-zonder-crebo-of-niveau", "warning", N_("A profile without kwalificatie crebo or niveau"))
def _no_crebo(ctx: Context) -> Iterator[GeenCrebo | GeenNiveau]:
    """Every profile (kwalificatie) has a crebo number (`creboinformatie/crebo`) and a niveau 1–4
    (`profiel@niveau`).

    Example: `<profiel ... niveau="">` or `<crebo ...></crebo>`."""
    p = ctx.profiel2015
    if not p.crebo:
        yield GeenCrebo(regel=first(p.regels))
    if p.niveau not in NIVEAUS:
        yield GeenNiveau(regel=first(p.regels), niveau=p.niveau)


@_rule("KD612", "lege-kerntaak", "error", N_("A kerntaak without werkprocessen"))
def _empty_core_task(ctx: Context) -> Iterator[LegeKerntaak]:
    """A kerntaak consists of werkprocessen; this one has none.

    Example: `<kerntaak ...><complexiteit>...</complexiteit></kerntaak>` without `<werkproces>`."""
    for kt in kerntaken2015(ctx):
        if not kt.werkprocessen:
            yield LegeKerntaak(werkproces=kt.code, regel=first(kt.regels))


@_rule(
    "KD613", "kerntaak-onvolledig", "warning", N_("A kerntaak without complexiteit, verantwoordelijkheid or vakkennis")
)
def _incomplete_core_task(ctx: Context) -> Iterator[LeegVeld]:
    """Each kerntaak describes its complexiteit, its verantwoordelijkheid en zelfstandigheid, and lists
    vakkennis en vaardigheden; one of them is empty here.

    Example: `<complexiteit><![CDATA[]]><complexiteitperprofiel /></complexiteit>`."""
    for kt in kerntaken2015(ctx):
        for label, value in (
            ("complexiteit", kt.complexiteit),
            ("verantwoordelijkheid", kt.verantwoordelijkheid),
            ("vakkennis en vaardigheden", kt.vakkennis_en_vaardigheden),
        ):
            if not value:
                yield LeegVeld(werkproces=kt.code, regel=first(kt.regels), label=label)
