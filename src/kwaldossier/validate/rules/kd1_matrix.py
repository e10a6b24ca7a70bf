"""KD1xx: the proces-competentie-matrix against the werkproces detail sections."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model.competenties import fold
from ...taal import N_, _
from ..registry import Context, Violation, rule
from ._common import competentie_naam, detail, first, kort


@dataclass(frozen=True, kw_only=True)
class CrossZonderCompetentie(Violation):
    letter: str

    def message(self) -> str:
        return _("matrix crosses {letter} {naam} but the detail has no such block").format(
            letter=self.letter, naam=competentie_naam(self.letter)
        )


@dataclass(frozen=True, kw_only=True)
class CompetentieZonderCross(Violation):
    letter: str
    naam: str

    def message(self) -> str:
        return _("block {letter} {naam} has no cross in the matrix row").format(letter=self.letter, naam=self.naam)


@dataclass(frozen=True, kw_only=True)
class WerkprocesZonderDetail(Violation):
    code: str
    titel: str

    def message(self) -> str:
        return _("{code} {titel} has crosses in the matrix but no detail section").format(
            code=self.code, titel=self.titel
        )


@dataclass(frozen=True, kw_only=True)
class DetailZonderMatrix(Violation):
    code: str
    rij: bool  # the matrix has a row for the code (an empty one); False: no row at all

    def message(self) -> str:
        if self.rij:
            return _("detail section {code} but its matrix row is empty").format(code=self.code)
        return _("detail section {code} has no row in the matrix").format(code=self.code)


@dataclass(frozen=True, kw_only=True)
class TitelVerschilt(Violation):
    matrix: str
    detail: str

    def message(self) -> str:
        return _("matrix says {matrix}, detail says {detail}").format(
            matrix=repr(kort(self.matrix)), detail=repr(kort(self.detail))
        )


@dataclass(frozen=True, kw_only=True)
class DubbeleDetailsectie(Violation):
    code: str

    def message(self) -> str:
        return _("second detail section for {code}").format(code=self.code)


@rule("KD101", "cross-zonder-competentie", "error", N_("A matrix cross has no competence block in the detail"))
def cross_zonder_competentie(ctx: Context) -> Iterator[CrossZonderCompetentie]:
    """The proces-competentie-matrix crosses a competence for a werkproces, but the werkproces's
    detail section has no block for that competence. Either the cross or the block is missing.

    Example: the matrix row `1.3 Stelt een activiteitenplan op  x     x x` crosses A, but the
    detail of 1.3 has no block "Beslissen en activiteiten initiëren":

        KD101 error 1.3 line 104: matrix crosses A Beslissen en activiteiten initiëren but the
            detail has no such block
    """
    for wp in detail(ctx):
        have = {c.letter for c in wp.competenties}
        for letter in wp.matrix:
            if letter not in have:
                yield CrossZonderCompetentie(werkproces=wp.code, regel=first(wp.bron.matrix), letter=letter)


@rule("KD102", "competentie-zonder-cross", "error", N_("A competence block has no cross in the matrix"))
def competentie_zonder_cross(ctx: Context) -> Iterator[CompetentieZonderCross]:
    """The detail section describes a competence that the matrix row of the werkproces does not
    cross. Either the matrix misses a cross or the block does not belong here.

    Example: the detail of 1.1 has a block "Onderzoeken" (N) but the matrix row of 1.1 has no
    cross in column N:

        KD102 error 1.1 line 189: block N Onderzoeken has no cross in the matrix row
    """
    for wp in detail(ctx):
        if not wp.in_profiel:
            continue  # reported by KD104
        for c in wp.competenties:
            if c.letter and c.letter not in wp.matrix:
                yield CompetentieZonderCross(werkproces=wp.code, regel=first(c.regels), letter=c.letter, naam=c.naam)


@rule("KD103", "werkproces-zonder-detail", "error", N_("A werkproces of the profile has no detail section"))
def werkproces_zonder_detail(ctx: Context) -> Iterator[WerkprocesZonderDetail]:
    """The matrix row has crosses, so the werkproces belongs to the profile, but no
    'N.N werkproces:' detail section describes it.

    Example: the matrix row of 2.6 has crosses but the pages of "2.6 werkproces: ..." are
    missing:

        KD103 error 2.6 line 337: 2.6 Onderhandelt met de klant/account has crosses in the
            matrix but no detail section
    """
    for wp in ctx.profiel2012.werkprocessen():
        if wp.in_profiel and not wp.heeft_detail:
            yield WerkprocesZonderDetail(werkproces=wp.code, regel=first(wp.bron.matrix), code=wp.code, titel=wp.titel)


@rule(
    "KD104",
    "detail-zonder-matrix",
    "error",
    N_("A detail section for a werkproces whose matrix row is empty or absent"),
)
def detail_zonder_matrix(ctx: Context) -> Iterator[DetailZonderMatrix]:
    """A detail section describes a werkproces that the profile's matrix does not cross (empty
    row) or does not list at all.

    Example: the matrix row of 1.6 is blank, yet "1.6 werkproces: ..." follows in the detail:

        KD104 error 1.6 line 272: detail section 1.6 but its matrix row is empty
    """
    for wp in detail(ctx):
        if not wp.bron.matrix or not wp.in_profiel:
            yield DetailZonderMatrix(
                werkproces=wp.code, regel=first(wp.bron.kop), code=wp.code, rij=bool(wp.bron.matrix)
            )


@rule("KD105", "titel-verschilt", "warning", N_("The werkproces title differs between matrix and detail"))
def titel_verschilt(ctx: Context) -> Iterator[TitelVerschilt]:
    """The title in the matrix row and in the detail header should be the same text (compared
    without case, accents and spacing).

    Example: the matrix says "3.1 Signaleert en behandelt klachten", the detail header says
    "3.1 werkproces: Signaleert en behandelt klachten en wensen":

        KD105 warning 3.1 line 852: matrix says 'Signaleert en behandelt klachten', detail says
            'Signaleert en behandelt klachten en wensen'
    """
    for wp in detail(ctx):
        if wp.bron.matrix and fold(wp.titel) != fold(wp.detail_titel or ""):
            yield TitelVerschilt(
                werkproces=wp.code, regel=first(wp.bron.kop), matrix=wp.titel, detail=wp.detail_titel or ""
            )


@rule("KD106", "dubbele-detailsectie", "error", N_("A werkproces has two detail sections"))
def dubbele_detailsectie(ctx: Context) -> Iterator[DubbeleDetailsectie]:
    """Two 'N.N werkproces:' sections with the same code that are not one section continued
    over a page break (or, in edited JSON, one werkproces code listed twice).

    Example: parsed JSON whose kerntaak 1 lists werkproces 1.1 twice:

        KD106 error 1.1 line 124: second detail section for 1.1
    """
    seen: set[str] = set()
    for wp in ctx.profiel2012.werkprocessen():
        if wp.code in seen:
            yield DubbeleDetailsectie(werkproces=wp.code, regel=first(wp.bron.kop), code=wp.code)
        seen.add(wp.code)
