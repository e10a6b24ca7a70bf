"""Walks shared by the rules (per model, and for the rules of both models), and the violation
of an empty part that both models use."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...taal import _
from ..registry import Violation

NIVEAUS = range(1, 5)  # the niveaus of the beroepsuitoefening: 1–4

if TYPE_CHECKING:
    from ...model.vorm import Kerntaak2015Vorm, Werkproces2012Vorm, Werkproces2015Vorm, WerkprocesVorm
    from ..registry import Context


@dataclass(frozen=True, kw_only=True)
class LeegVeld(Violation):
    """A part of a werkproces or kerntaak that is empty (both models)."""

    label: str  # the part, as the message names it

    def message(self) -> str:
        return _("{label} is empty").format(label=_(self.label))


def first(*lists: Sequence[int]) -> int | None:
    """The first line of the first non-empty list."""
    for lst in lists:
        if lst:
            return lst[0]
    return None


def detail(ctx: Context) -> Iterator[Werkproces2012Vorm]:
    """The werkprocessen of a 2012 profile that have a detail section."""
    for wp in ctx.profiel2012.werkprocessen():
        if wp.heeft_detail:
            yield wp


def kerntaken2015(ctx: Context, basis_once: bool = True) -> Iterator[Kerntaak2015Vorm]:
    """The kerntaken of a 2015 profile. Every profile holds the whole basisdeel: with basis_once
    its kerntaken come only on the dossier's first profile, so a finding on them is made once."""
    d = ctx.dossier
    eerste = not d.profielen or ctx.profiel2015 is d.profielen[0]
    for kt in ctx.profiel2015.kerntaken:
        if eerste or not basis_once or kt.deel != "basis":
            yield kt


def werkprocessen2015(ctx: Context, basis_once: bool = True) -> Iterator[Werkproces2015Vorm]:
    for kt in kerntaken2015(ctx, basis_once):
        yield from kt.werkprocessen


def werkprocessen(ctx: Context, basis_once: bool = True) -> Iterator[WerkprocesVorm]:
    """The werkprocessen a rule of both models checks: 2012 those with a detail section, 2015
    the resolved ones (basis_once as in kerntaken2015)."""
    if ctx.model == "2015":
        yield from werkprocessen2015(ctx, basis_once)
    else:
        yield from detail(ctx)


def all_texts(ctx: Context) -> Iterator[tuple[str | None, str, str, list[int], list[int]]]:
    """(werkproces, field, text, source lines, line offsets) for every text of the profile."""
    from ...analyse.query import field_texts

    yield from field_texts(ctx.bron)


def wp_at(ctx: Context, line: int) -> str | None:
    """The werkproces of a 2012 profile whose detail section spans `line`."""
    for wp in ctx.profiel2012.werkprocessen():
        lines = [*wp.bron.kop, *(r for c in wp.competenties for r in c.regels)]
        if lines and min(lines) <= line <= max(lines):
            return wp.code
    return None


def competentie_naam(letter: str) -> str:
    from ...model.competenties import COMPETENTIES

    return COMPETENTIES.get(letter) or _("(not a competence of the national list)")


def kort(text: str, n: int = 80) -> str:
    """Text quoted in a message: at most n characters (a huge line stays readable)."""
    return text if len(text) <= n else text[: n - 1] + "…"
