"""`list`: the kerntaken and werkprocessen of the given profiles, per dossier, marking which
profile has which."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..model.codes import code_key
from .groepen import groepeer

if TYPE_CHECKING:  # TypedDicts: plain dicts at run time
    from ..read.geladen import GeladenProfiel
    from .results import ListDossier, ListKerntaak, ListResult


def tree(geladen: list[GeladenProfiel]) -> ListResult:
    """`kerntaken` over every profile given (as always), and `dossiers`: the same per dossier,
    so codes that several dossiers reuse (every 2015 dossier has a B1-K1-W1) stay apart."""
    names = [g.naam for g in geladen]  # duplicates are already told apart: naam@file (read)
    dossiers: list[ListDossier] = []
    for gr in groepeer(geladen):
        entry = cast("ListDossier", {**gr.json(), "kerntaken": _kerntaken(gr.geladen)})
        dossiers.append(entry)
    return {"profielen": names, "kerntaken": _kerntaken(geladen), "dossiers": dossiers}


def _kerntaken(geladen: list[GeladenProfiel]) -> list[ListKerntaak]:
    # keyed by code and title: dossiers in one --data folder reuse codes for different
    # werkprocessen, which must not share a row
    names = [g.naam for g in geladen]
    kerntaken: dict[tuple[str, str], dict[str, Any]] = {}
    for g in geladen:
        for kt in g.profiel.kerntaken:
            entry = kerntaken.setdefault((kt.code, kt.titel), {"code": kt.code, "titel": kt.titel, "werkprocessen": {}})
            for wp in kt.werkprocessen:
                w = entry["werkprocessen"].setdefault(
                    (wp.code, wp.titel), {"code": wp.code, "titel": wp.titel, "profielen": dict.fromkeys(names, False)}
                )
                w["profielen"][g.naam] = wp.in_profiel
    out = []
    for key in sorted(kerntaken, key=lambda k: code_key(k[0])):  # stable: first seen first
        entry = kerntaken[key]
        wps = sorted(entry["werkprocessen"].values(), key=lambda w: code_key(w["code"]))
        out.append({**entry, "werkprocessen": wps})
    return cast("list[ListKerntaak]", out)
