"""diff, pairing: which werkprocessen of A and B correspond (same code, or renumbered/renamed by
title and content), and the filters --kerntaak / --werkproces that choose what is paired."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import LookupFailed
from ..model.codes import code_key
from ..read.geladen import GeladenProfiel
from .diff_report import Hernummering
from .diff_vergelijk import Vergelijker, competentie_rijen, lijsten
from .worddiff import text_similarity

if TYPE_CHECKING:
    from ..model.vorm import WerkprocesVorm

RENUMBER_THRESHOLD = 0.75


def _content(wp: WerkprocesVorm, norm: Callable[[str], str]) -> str:
    parts = [wp.titel, norm(wp.omschrijving), *map(norm, lijsten(wp)["gewenst_resultaat"])]
    if wp.model == "2012":
        parts += [v.tekst for v in wp.vakkennis_en_vaardigheden]
    parts += [naam + " " + norm(indicator) for _, naam, _, indicator in competentie_rijen(wp)]
    if wp.model == "2015":
        parts += [norm(wp.resultaat), *(norm(g.tekst) for g in wp.gedrag)]
    return " ".join(parts)


def _renumber_similarity(v: Vergelijker, x: Any, y: Any) -> float:
    """How alike two werkprocessen under different codes are: by title, or by all their text.
    The text comparison is skipped when a cheap upper bound says it cannot reach the threshold."""
    titel = text_similarity(x.titel, y.titel, v.f)
    ca, cb = _content(x, v.norm.a), _content(y, v.norm.b)
    if v.f.word_bound(ca, cb) < RENUMBER_THRESHOLD:
        return titel
    return max(text_similarity(ca, cb, v.f), titel)


def _alike(v: Vergelijker, x: Any, y: Any) -> bool:
    """_renumber_similarity >= RENUMBER_THRESHOLD, the cheap way first: one code with the same
    title on both sides (the usual case) needs no look at the texts."""
    if x.titel == y.titel or text_similarity(x.titel, y.titel, v.f) >= RENUMBER_THRESHOLD:
        return True
    return _renumber_similarity(v, x, y) >= RENUMBER_THRESHOLD


# ---------------------------------------------------------------- profile


def kerntaak_of(code: str) -> str:
    """The kerntaak code of a werkproces code: 2.5 -> 2, B1-K1-W2 -> B1-K1."""
    return code.rsplit("-W", 1)[0] if "-W" in code else code.split(".")[0]


def check_filters(pa: Any, pb: Any, kerntaak: str | None, werkproces: str | None) -> tuple[str | None, str | None]:
    """A filter value neither profile has is a usage error naming what is allowed. Returns the
    values as the profiles write them (b1-k1 is B1-K1)."""
    kts = sorted({kt.code for p in (pa, pb) for kt in p.kerntaken}, key=sort_key)
    if kerntaak is not None and kerntaak not in kts and kerntaak.upper() in kts:
        kerntaak = kerntaak.upper()
    if kerntaak is not None and kerntaak not in kts:
        from ..taal import _

        raise LookupFailed(
            _("--kerntaak {value}: no such kerntaak in either profile; allowed: {allowed}").format(
                value=repr(kerntaak), allowed=", ".join(kts)
            )
        )
    wps = sorted(
        {wp.code for p in (pa, pb) for wp in p.werkprocessen() if not kerntaak or kerntaak_of(wp.code) == kerntaak},
        key=sort_key,
    )
    if werkproces is not None and werkproces not in wps and werkproces.upper() in wps:
        werkproces = werkproces.upper()
    if werkproces is not None and werkproces not in wps:
        from ..taal import _

        message = (
            _("--werkproces {value}: no such werkproces in kerntaak {kerntaak}; allowed: {allowed}")
            if kerntaak
            else _("--werkproces {value}: no such werkproces in either profile; allowed: {allowed}")
        )
        raise LookupFailed(message.format(value=repr(werkproces), kerntaak=kerntaak, allowed=", ".join(wps)))
    return kerntaak, werkproces


def sort_key(code: str) -> tuple[int, Any]:
    try:
        return (0, code_key(code))
    except ValueError:
        return (1, code)


def _dubbel(bron: GeladenProfiel, wp: Any) -> Exception:
    """Two werkprocessen under one code: a diff would silently drop one."""
    from ..errors import InputError
    from ..taal import _

    p = bron.profiel
    lines = [*wp.bron.kop, *(wp.bron.matrix if wp.model == "2012" else ())]
    return InputError(
        str(bron.pad) if bron.pad else p.naam,
        lines[0] if lines else None,
        _(
            "profiel {naam} has werkproces {code} twice; a diff cannot pair them (`kwaldossier validate` reports both)"
        ).format(naam=repr(p.naam), code=wp.code),
    )


def selecteer(bron: GeladenProfiel, kerntaak: str | None, werkproces: str | None) -> dict[str, Any]:
    """The werkprocessen of one side that the diff compares, by code."""
    out: dict[str, Any] = {}
    for wp in bron.profiel.werkprocessen():
        if not wp.in_profiel and not wp.heeft_detail:
            continue
        if kerntaak and kerntaak_of(wp.code) != kerntaak:
            continue
        if werkproces and wp.code != werkproces:
            continue
        if wp.code in out:
            raise _dubbel(bron, wp)
        out[wp.code] = wp
    return out


class Koppeling:
    """The pairing of two sides: shared codes, renumbered pairs, and what is on one side only."""

    def __init__(self, shared: list[str], only_a: list[str], only_b: list[str], renumbered: list[Hernummering]) -> None:
        self.shared, self.only_a, self.only_b, self.renumbered = shared, only_a, only_b, renumbered

    @property
    def paren(self) -> list[tuple[str, str]]:
        return [(code, code) for code in self.shared] + [(h.a, h.b) for h in self.renumbered]


def _hernummerd(
    v: Vergelijker, wa: dict[str, Any], wb: dict[str, Any], *, ook_gelijk: bool = False
) -> list[Hernummering]:
    """Pairs of different codes (ook_gelijk: of any codes) of wa and wb alike enough, best first, each code
    at most once (the order of wa and wb does not matter: ties sort by code)."""
    candidates = sorted(
        (
            (sim, x, y)
            for x in wa
            for y in wb
            if (ook_gelijk or x != y) and (sim := _renumber_similarity(v, wa[x], wb[y])) >= RENUMBER_THRESHOLD
        ),
        reverse=True,
    )
    out: list[Hernummering] = []
    paired_a: set[str] = set()
    paired_b: set[str] = set()
    for sim, x, y in candidates:
        if x not in paired_a and y not in paired_b:
            out.append(Hernummering(x, y, round(sim, 3)))
            paired_a.add(x)
            paired_b.add(y)
    out.sort(key=lambda h: sort_key(h.a))
    return out


def koppel(v: Vergelijker, wa: dict[str, Any], wb: dict[str, Any], op_code: bool = True) -> Koppeling:
    """Pair by code, then the leftovers and the shared codes whose two sides do not match
    (codes swapped: B1-K1-W1 <-> B1-K1-W2) by title and content similarity. Without op_code
    (two dossiers: a code means nothing across them) by title and content only."""
    if not op_code:
        return _op_inhoud(v, wa, wb)
    shared = sorted(set(wa) & set(wb), key=sort_key)
    only_a = sorted(set(wa) - set(wb), key=sort_key)
    only_b = sorted(set(wb) - set(wa), key=sort_key)
    loose = [c for c in shared if not _alike(v, wa[c], wb[c])]
    renumbered = _hernummerd(v, {c: wa[c] for c in [*only_a, *loose]}, {c: wb[c] for c in [*only_b, *loose]})
    paired_a = {h.a for h in renumbered}
    paired_b = {h.b for h in renumbered}
    # a shared code whose A side went elsewhere leaves its B side alone (and the other way round)
    only_a = sorted(
        {*(c for c in only_a if c not in paired_a), *(c for c in loose if c in paired_b and c not in paired_a)},
        key=sort_key,
    )
    only_b = sorted(
        {*(c for c in only_b if c not in paired_b), *(c for c in loose if c in paired_a and c not in paired_b)},
        key=sort_key,
    )
    shared = [c for c in shared if c not in paired_a and c not in paired_b]
    return Koppeling(shared, only_a, only_b, renumbered)


def _op_inhoud(v: Vergelijker, wa: dict[str, Any], wb: dict[str, Any]) -> Koppeling:
    """Every werkproces of A against every one of B by title and content (RENUMBER_THRESHOLD):
    a pair under one code is `shared` only because its content pairs, never by the code."""
    paren = _hernummerd(v, wa, wb, ook_gelijk=True)
    paired_a, paired_b = {h.a for h in paren}, {h.b for h in paren}
    return Koppeling(
        [h.a for h in paren if h.a == h.b],
        [c for c in sorted(wa, key=sort_key) if c not in paired_a],
        [c for c in sorted(wb, key=sort_key) if c not in paired_b],
        [h for h in paren if h.a != h.b],
    )
