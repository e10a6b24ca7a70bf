"""KD5xx: codes, numbering and profile facts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ...model.competenties import fold
from ...taal import N_, _
from ..registry import Context, Violation, rule
from ._common import NIVEAUS, detail, first, kort

_DELEN = 2  # a 2012 werkproces code: kerntaak.number
_MAX_CIJFERS = 10  # a number with more digits is no werkproces number (and no int() of it)


@dataclass(frozen=True, kw_only=True)
class CodeBuitenKerntaak(Violation):
    code: str
    kerntaak: str

    def message(self) -> str:
        return _("{code} listed under kerntaak {kerntaak}").format(code=self.code, kerntaak=self.kerntaak)


@dataclass(frozen=True, kw_only=True)
class NummeringGat(Violation):
    kerntaak: str
    nummers: tuple[int, ...]  # the werkproces numbers of the kerntaak's matrix, sorted

    def message(self) -> str:
        return _("kerntaak {kerntaak} numbers its werkprocessen {nummers}").format(
            kerntaak=self.kerntaak, nummers=list(self.nummers)
        )


@dataclass(frozen=True, kw_only=True)
class RijOntbreekt(Violation):
    code: str
    titel: str

    def message(self) -> str:
        return _("{code} {titel} has no matrix row; read as not in the profile").format(
            code=self.code, titel=self.titel
        )


@dataclass(frozen=True, kw_only=True)
class DubbeleVakkennis(Violation):
    tekst: str

    def message(self) -> str:
        return _("vakkennis item {tekst} listed twice").format(tekst=repr(kort(self.tekst)))


@dataclass(frozen=True, kw_only=True)
class NiveauOntbreekt(Violation):
    niveau: int | None

    def message(self) -> str:
        return _("niveau {niveau} is not 1–4").format(niveau=repr(self.niveau))


@rule("KD501", "code-buiten-kerntaak", "error", N_("A werkproces code does not fit its kerntaak or order"))
def code_buiten_kerntaak(ctx: Context) -> Iterator[CodeBuitenKerntaak | NummeringGat]:
    """Werkproces codes are kerntaak.number (2.5 under kerntaak 2), numbered 1, 2, 3, ...
    without gaps in the matrix.

    Example: parsed JSON where werkproces 1.3 is coded 2.3 under kerntaak 1; a matrix of
    kerntaak 1 (line 80) without the row of 1.4:

        KD501 error 2.3 line 104: 2.3 listed under kerntaak 1
        KD501 error line 80: kerntaak 1 numbers its werkprocessen [1, 2, 3, 5, 6]
    """
    for kt in ctx.profiel2012.kerntaken:
        numbers = []
        for wp in kt.werkprocessen:
            parts = wp.code.split(".")
            if parts[0] != kt.code:
                yield CodeBuitenKerntaak(
                    werkproces=wp.code, regel=first(wp.bron.matrix, wp.bron.kop), code=wp.code, kerntaak=kt.code
                )
            if wp.bron.matrix and len(parts) == _DELEN and parts[1].isdigit() and len(parts[1]) < _MAX_CIJFERS:
                numbers.append(int(parts[1]))
        expected = list(range(1, len(numbers) + 1))
        if sorted(numbers) != expected:
            yield NummeringGat(regel=first(kt.regels), kerntaak=kt.code, nummers=tuple(sorted(numbers)))


@rule("KD502", "rij-ontbreekt", "info", N_("A werkproces in the matrix without a row of cells"))
def rij_ontbreekt(ctx: Context) -> Iterator[RijOntbreekt]:
    """The matrix lists the werkproces label but no row of cells at all (not even empty ones);
    it is read as not part of the profile.

    Example: binnendienst 2.9, a matrix label without cells:

        KD502 info 2.9 line 308: 2.9 Bewaakt de voortgang van het verkooptraject bij de account
            has no matrix row; read as not in the profile
    """
    for wp in ctx.profiel2012.werkprocessen():
        if wp.bron.matrix and not wp.matrix_rij:
            yield RijOntbreekt(werkproces=wp.code, regel=first(wp.bron.matrix), code=wp.code, titel=wp.titel)


@rule("KD503", "dubbele-vakkennis", "warning", N_("A vakkennis item is listed twice in one werkproces"))
def dubbele_vakkennis(ctx: Context) -> Iterator[DubbeleVakkennis]:
    """The same vakkennis-en-vaardigheden item appears twice in one werkproces (compared without
    case, accents and spacing); reported once, at the first copy.

    Example: "• Doorvragen" twice in the vakkennis column of 1.1 (first at line 141):

        KD503 warning 1.1 line 141: vakkennis item 'Doorvragen' listed twice
    """
    for wp in detail(ctx):
        counts = Counter(fold(v.tekst) for v in wp.vakkennis_en_vaardigheden)
        for v in wp.vakkennis_en_vaardigheden:
            if counts[fold(v.tekst)] > 1:
                yield DubbeleVakkennis(werkproces=wp.code, regel=first(v.regels), tekst=v.tekst)
                counts[fold(v.tekst)] = 0


@rule("KD504", "niveau-ontbreekt", "warning", N_("The profile has no niveau"))
def niveau_ontbreekt(ctx: Context) -> Iterator[NiveauOntbreekt]:
    """Algemene informatie names the niveau van de beroepsuitoefening (1–4).

    Example: the niveau paragraph says "Niveau onbekend" (no digit; the profile starts at line 2):

        KD504 warning line 2: niveau None is not 1–4
    """
    p = ctx.profiel2012
    if p.niveau not in NIVEAUS:
        yield NiveauOntbreekt(regel=first(p.regels), niveau=p.niveau)
