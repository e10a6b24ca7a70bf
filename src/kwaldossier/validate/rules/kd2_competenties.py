"""KD2xx: the competence blocks of a werkproces. KD202 holds for both dossier models."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import competenties as reference
from ...taal import N_, _, ngettext
from ..registry import Context, Violation, rule
from ._common import detail, first, kort, werkprocessen

if TYPE_CHECKING:
    from ...model.vorm import Competentie2012Vorm as Competentie
    from ...model.vorm import CompetentieVorm, WerkprocesVorm


def _onder(letter: str, n: int) -> str:
    return ngettext("under {letter} {n} time", "under {letter} {n} times", n).format(letter=letter, n=n)


@dataclass(frozen=True, kw_only=True)
class DubbeleCompetentie(Violation):
    letter: str
    naam: str
    identiek: bool  # the two blocks are the same
    eerste: int | None  # the line of the first block

    def message(self) -> str:
        if self.identiek:
            zin = _("{letter} {naam} occurs twice (identical blocks, first at line {eerste})")
        else:
            zin = _("{letter} {naam} occurs twice (different blocks, first at line {eerste})")
        return zin.format(letter=self.letter, naam=self.naam, eerste=self.eerste)


@dataclass(frozen=True, kw_only=True)
class OnbekendeCompetentie(Violation):
    naam: str
    suggestie: str | None = None  # the letter of the closest national competence
    model: str = "2012"  # 2012: judged by the name; 2015: by the code the XML gives it

    def message(self) -> str:
        if self.model == "2015":
            return _("competence {naam} has no national letter A–Y").format(naam=repr(self.naam))
        s = self.suggestie
        if s:
            return _("{naam} is not a competence of the national list; did you mean {letter} {suggestie}?").format(
                naam=repr(kort(self.naam)), letter=s, suggestie=repr(reference.COMPETENTIES[s])
            )
        return _("{naam} is not a competence of the national list").format(naam=repr(kort(self.naam)))


@dataclass(frozen=True, kw_only=True)
class LetterPastNiet(Violation):
    naam: str
    letter: str
    verwacht: str

    def message(self) -> str:
        return _("{naam} is competence {verwacht}, not {letter}").format(
            naam=repr(self.naam), verwacht=self.verwacht, letter=self.letter
        )


@dataclass(frozen=True, kw_only=True)
class VreemdeComponent(Violation):
    component: str
    letter: str
    elders: tuple[tuple[str, int], ...]  # (other letter, how often the dossier lists it there)
    eigen: int  # how often under this letter

    def message(self) -> str:
        return _("component {component} under {letter}: the dossier lists it {elders}, {hier}").format(
            component=repr(kort(self.component)),
            letter=self.letter,
            elders=", ".join(_onder(m, n) for m, n in self.elders),
            hier=_onder(self.letter, self.eigen),
        )


@dataclass(frozen=True, kw_only=True)
class SamengevoegdeComponent(Violation):
    component: str
    letter: str
    kop: str  # the component it starts with
    staart: str  # the words glued on

    def message(self) -> str:
        return _("component {component} of {letter} starts with the component {kop}; is {staart} merged text?").format(
            component=repr(kort(self.component)),
            letter=self.letter,
            kop=repr(kort(self.kop)),
            staart=repr(kort(self.staart)),
        )


@dataclass(frozen=True, kw_only=True)
class ZelfdeIndicator(Violation):
    letter: str | None
    ander: str | None  # the letter whose indicator it repeats
    ander_regel: int | None

    def message(self) -> str:
        return _("{letter} has the same prestatie-indicator as {ander} (line {regel})").format(
            letter=self.letter, ander=self.ander, regel=self.ander_regel
        )


@dataclass(frozen=True, kw_only=True)
class DubbeleComponent(Violation):
    component: str
    letter: str | None
    aantal: int

    def message(self) -> str:
        return _("component {component} of {letter} listed {aantal} times").format(
            component=repr(kort(self.component)), letter=self.letter, aantal=self.aantal
        )


@rule("KD201", "dubbele-competentie", "error", N_("A competence block occurs twice in one werkproces"))
def dubbele_competentie(ctx: Context) -> Iterator[DubbeleCompetentie]:
    """The same competence is described twice within one werkproces. Usually a copy left in by
    mistake; the two blocks may even differ.

    Example: 3.3 has the block "Formuleren en rapporteren" at line 1049 and again at 1059:

        KD201 error 3.3 line 1059: J Formuleren en rapporteren occurs twice (identical blocks,
            first at line 1049)
    """
    for wp in detail(ctx):
        seen: dict[str, Competentie] = {}
        for c in wp.competenties:
            if c.letter is None:
                continue
            if c.letter in seen:
                yield DubbeleCompetentie(
                    werkproces=wp.code,
                    regel=first(c.regels),
                    letter=c.letter,
                    naam=c.naam,
                    identiek=_same_block(seen[c.letter], c),
                    eerste=first(seen[c.letter].regels),
                )
            else:
                seen[c.letter] = c


def _same_block(a: Competentie, b: Competentie) -> bool:
    return a.componenten == b.componenten and a.prestatie_indicator == b.prestatie_indicator


_CUTOFF = 0.5  # how close a name must be to a national one to be suggested
_LONGEST_NAME = 2 * max(len(n) for n in reference.COMPETENTIES.values())


@rule(
    "KD202",
    "onbekende-competentie",
    "error",
    N_("A competence is not one of the national 25 (2012: by its name; 2015: by its code A–Y)"),
    modellen=("2012", "2015"),
)
def onbekende_competentie(ctx: Context) -> Iterator[OnbekendeCompetentie]:
    """Competences come from the fixed national list A–Y. In the 2012 model a block names its
    competence: a name that differs is a misspelling or an invented competence, and the message
    names the closest known one. In the 2015 model (SBB XML) the file's `<competenties>` table
    gives each competence a code: one that is not a national letter A–Y is kept with letter
    null (never guessed) and has no matrix column; each profile's resolved werkproces is
    checked. The 2015 model had its own rule for this, KD614 (onbekende-competentie-2015);
    `--select KD614` still selects this rule.

    Example: a block headed "Analyseeren":

        KD202 error 1.1 line 179: 'Analyseeren' is not a competence of the national list; did
            you mean M 'Analyseren'?

    In the 2015 model: `<competentie nr="3096" titel="Analyseren" code="Z" />` gives
    "competence 'Analyseren' has no national letter A–Y".
    """
    for wp in werkprocessen(ctx, basis_once=False):
        for c in wp.competenties:
            if v := _onbekend(wp, c):
                yield v


def _onbekend(wp: WerkprocesVorm, c: CompetentieVorm) -> OnbekendeCompetentie | None:
    if wp.model == "2015":
        if c.letter is None:
            return OnbekendeCompetentie(werkproces=wp.code, regel=first(c.regels), naam=c.naam, model="2015")
        return None
    if reference.letter_for_name(c.naam):
        return None
    # a text far longer than any competence name is no misspelling of one (and fuzzy matching
    # it would cost time quadratic in its length)
    close = reference.closest_competentie(c.naam, cutoff=_CUTOFF) if len(c.naam) <= _LONGEST_NAME else None
    return OnbekendeCompetentie(
        werkproces=wp.code, regel=first(c.regels), naam=c.naam, suggestie=close[0] if close else None
    )


@rule("KD203", "letter-past-niet", "error", N_("A competence's letter disagrees with its name"))
def letter_past_niet(ctx: Context) -> Iterator[LetterPastNiet]:
    """Each of the 25 competence names has a fixed letter. A block whose letter and name do not
    belong together (possible in edited JSON) is inconsistent.

    Example: parsed JSON with {"letter": "N", "naam": "Analyseren"}:

        KD203 error 1.1 line 179: 'Analyseren' is competence M, not N
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            expected = reference.letter_for_name(c.naam)
            if expected and c.letter and expected != c.letter:
                yield LetterPastNiet(
                    werkproces=wp.code, regel=first(c.regels), naam=c.naam, letter=c.letter, verwacht=expected
                )


def _componenten(ctx: Context) -> dict[str, dict[str, int]]:
    """Folded component -> {letter: how often} over every profile of the dossier (cached)."""
    index = ctx.cache.get("componenten")
    if index is None:
        index = {}
        for p in ctx.dossier2012.profielen:
            for wp in p.werkprocessen():
                for c in wp.competenties:
                    if c.letter:
                        for comp in c.componenten:
                            per_letter = index.setdefault(reference.fold(comp), {})
                            per_letter[c.letter] = per_letter.get(c.letter, 0) + 1
        ctx.cache["componenten"] = index
    return index


@rule("KD204", "vreemde-component", "warning", N_("A component the dossier lists under another competence"))
def vreemde_component(ctx: Context) -> Iterator[VreemdeComponent]:
    """A component of a competence block that the same dossier (every profile of the file)
    lists under another competence at least as often as under this one. Components belong to
    one competence, so it may have slid into the wrong block. The evidence is the dossier
    itself: there is no national table of components here. When both are listed equally
    often (once each), both places are reported: one of the two is wrong.

    Example: "• Afstemmen" under "Plannen en organiseren" (Q) while the dossier lists
    "Afstemmen" under "Samenwerken en overleggen" (E) in two other blocks:

        KD204 warning 1.3 line 255: component 'Afstemmen' under Q: the dossier lists it under E
            2 times, under Q 1 time
    """
    index = _componenten(ctx)
    for wp in detail(ctx):
        for c in wp.competenties:
            if not c.letter:
                continue
            for i, comp in enumerate(c.componenten):
                counts = index.get(reference.fold(comp), {})
                own = counts.get(c.letter, 0)
                others = sorted((m, n) for m, n in counts.items() if m != c.letter and n >= own)
                if others:
                    line = c.componenten_regels[i] if i < len(c.componenten_regels) else first(c.regels)
                    yield VreemdeComponent(
                        werkproces=wp.code, regel=line, component=comp, letter=c.letter, elders=tuple(others), eigen=own
                    )


@rule("KD208", "samengevoegde-component", "warning", N_("A component is another one with text glued on"))
def samengevoegde_component(ctx: Context) -> Iterator[SamengevoegdeComponent]:
    """A component that starts with another component the dossier lists under the same
    competence, followed by more words: usually the tail of the prestatie-indicator (or the
    next line) merged onto the component's line in extraction. The text parser splits the
    cases it recognises (see KD405); this finds the rest, e.g. in edited JSON.

    Example: parsed JSON with the component "Informatie genereren uit gegevens met veel zorg"
    under Analyseren, where the dossier lists "Informatie genereren uit gegevens" under M:

        KD208 warning 1.1 line 181: component 'Informatie genereren uit gegevens met veel zorg'
            of M starts with the component 'Informatie genereren uit gegevens'; is 'met veel zorg'
            merged text?
    """
    index = _componenten(ctx)
    for wp in detail(ctx):
        for c in wp.competenties:
            if not c.letter:
                continue
            own = [k for k, per_letter in index.items() if c.letter in per_letter]
            for i, comp in enumerate(c.componenten):
                key = reference.fold(comp)
                heads = [k for k in own if key.startswith(k + " ")]
                if not heads:
                    continue
                head = max(heads, key=len)
                tail = " ".join(comp.split()[len(head.split()) :])
                name = next((x for x in _originals(ctx, c.letter) if reference.fold(x) == head), head)
                line = c.componenten_regels[i] if i < len(c.componenten_regels) else first(c.regels)
                yield SamengevoegdeComponent(
                    werkproces=wp.code, regel=line, component=comp, letter=c.letter, kop=name, staart=tail
                )


def _originals(ctx: Context, letter: str) -> Iterator[str]:
    for p in ctx.dossier2012.profielen:
        for wp in p.werkprocessen():
            for c in wp.competenties:
                if c.letter == letter:
                    yield from c.componenten


@rule("KD206", "zelfde-indicator", "warning", N_("Two competences of a werkproces share one prestatie-indicator"))
def zelfde_indicator(ctx: Context) -> Iterator[ZelfdeIndicator]:
    """Each competence should have its own prestatie-indicator. The same text under two
    different competences is usually a copy-paste slip.

    Example: in buitendienst 3.1, M and R end with the same indicator paragraph ("De
    commercieel medewerker buitendienst stelt de juiste vragen aan de account ..."):

        KD206 warning 3.1 line 923: R has the same prestatie-indicator as M (line 912)
    """
    for wp in detail(ctx):
        seen: dict[str, Competentie] = {}
        for c in wp.competenties:
            key = reference.fold(c.prestatie_indicator)
            if not key:
                continue
            prev = seen.get(key)
            if prev is not None and prev.letter != c.letter:
                yield ZelfdeIndicator(
                    werkproces=wp.code,
                    regel=first(c.prestatie_indicator_regels, c.regels),
                    letter=c.letter,
                    ander=prev.letter,
                    ander_regel=first(prev.prestatie_indicator_regels),
                )
            seen.setdefault(key, c)


@rule("KD207", "dubbele-component", "warning", N_("A component is listed twice in one competence"))
def dubbele_component(ctx: Context) -> Iterator[DubbeleComponent]:
    """A component appears twice within the same competence block.

    Example: "• Informatie genereren uit gegevens" twice under Analyseren (block at line 179):

        KD207 warning 1.1 line 179: component 'Informatie genereren uit gegevens' of M listed 2 times
    """
    for wp in detail(ctx):
        for c in wp.competenties:
            for comp, n in Counter(c.componenten).items():
                if n > 1:
                    yield DubbeleComponent(
                        werkproces=wp.code, regel=first(c.regels), component=comp, letter=c.letter, aantal=n
                    )
