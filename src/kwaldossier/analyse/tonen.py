"""`show`: a werkproces by code (2.5, B1-K1-W2) or by words of its title, a kerntaak by code
(2, B1-K1). A 2015 basisdeel werkproces is shown once per dossier, for every profile it holds
for, with each profile's additions (aanvullend) beside it; everything else once per profile."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..errors import LookupFailed
from ..model.codes import code_key
from ..model.competenties import fold
from ..model.contract import zonder_aanvullend
from ..taal import _
from .groepen import groepeer

if TYPE_CHECKING:  # TypedDicts: plain dicts at run time
    from ..model.vorm import KerntaakVorm, Werkproces2015Vorm, WerkprocesVorm
    from ..read.geladen import GeladenProfiel
    from .groepen import Groep
    from .results import Aanvulling, DossierNaam, GeldtVoor, ShowResult, ShowResultaat

_WERKPROCES = re.compile(r"^(\d+\.\d+|[BP]\d+-K\d+-W\d+)$", re.IGNORECASE)  # a code's shape (2.5, B1-K1-W2)
_KERNTAAK = re.compile(r"^(\d+|[BP]\d+-K\d+)$", re.IGNORECASE)  # 2, B1-K1


def find_werkproces(geladen: list[GeladenProfiel], query: str) -> ShowResult:
    """A werkproces by code or title words; a kerntaak by code."""
    q = query.strip()
    if _KERNTAAK.match(q):
        return find_kerntaak(geladen, q.upper())
    groepen = groepeer(geladen)
    alle = [(gr, g, wp) for gr in groepen for g in gr.geladen for wp in g.profiel.werkprocessen()]
    hits = _by_code(alle, q.upper()) if _WERKPROCES.match(q) else _by_title(alle, query)
    in_profiel = [h for h in hits if h[2].in_profiel]
    shown = in_profiel or hits
    return {"query": query, "code": shown[0][2].code, "resultaten": _resultaten(shown)}


Hit = tuple["Groep", "GeladenProfiel", "WerkprocesVorm"]


def _by_code(alle: list[Hit], code: str) -> list[Hit]:
    hits = [h for h in alle if h[2].code == code]
    if not hits:
        known = sorted({h[2].code for h in alle}, key=code_key)
        from difflib import get_close_matches  # lazy: look-ups start faster

        close = get_close_matches(code, known, n=4, cutoff=0.5)
        hint = _("; closest: {codes}").format(codes=", ".join(close)) if close else ""
        raise LookupFailed(_("no werkproces {code}").format(code=code) + hint)
    return hits


TITEL_MIN = 0.5  # a title query's best score below this finds nothing (the closest are named)
WOORD_BIJNA = 0.75  # a query word this similar to a title word counts by its similarity (typos)


def _by_title(alle: list[Hit], query: str) -> list[Hit]:
    # every (code, title): dossiers in one folder reuse a code for different werkprocessen
    scores = {(wp.code, wp.titel): _title_score(query, wp.titel) for _, _, wp in alle}
    best = max(scores.values(), default=0.0)
    if best < TITEL_MIN:
        ranked = sorted(scores, key=lambda k: -scores[k])[:3]
        options = "; ".join(f"{c} {t}" for c, t in ranked)
        raise LookupFailed(
            _("no werkproces matches {query}; closest: {options}").format(query=repr(query), options=options)
        )
    top = sorted({c for (c, _t), s in scores.items() if s >= best - 1e-9}, key=code_key)
    if len(top) > 1:
        titles = {c: t for (c, t), s in scores.items() if s >= best - 1e-9}
        options = "; ".join(f"{c} {titles[c]}" for c in top)
        raise LookupFailed(
            _("{query} matches several werkprocessen: {options}").format(query=repr(query), options=options)
        )
    return [h for h in alle if h[2].code == top[0] and scores[(h[2].code, h[2].titel)] >= best - 1e-9]


def _title_score(query: str, titel: str) -> float:
    words = fold(query).split()
    if not words:
        return 0.0
    title_words = fold(titel).split()
    hit = 0.0
    for w in words:
        if any(t == w for t in title_words):
            hit += 1
        elif any(t.startswith(w) or w in t for t in title_words):
            hit += 0.8
        else:
            from difflib import SequenceMatcher

            best = max((SequenceMatcher(None, w, t).ratio() for t in title_words), default=0)
            hit += best if best >= WOORD_BIJNA else 0
    return hit / len(words)


def geldt_voor(g: GeladenProfiel) -> GeldtVoor:
    return {"naam": g.naam, "niveau": g.profiel.niveau, "nlqf": g.profiel.nlqf}


def _dossier(gr: Groep) -> DossierNaam:
    return {"titel": gr.kop.titel, "crebo": gr.kop.crebo}


def _resultaten(shown: list[Hit]) -> list[ShowResultaat]:
    """One result per profile; a 2015 basisdeel werkproces once per dossier (group)."""
    out: list[ShowResultaat] = []
    basis: dict[tuple[int, str], ShowResultaat] = {}
    for gr, g, wp in shown:
        if wp.model == "2015" and wp.deel == "basis":
            key = (id(gr), wp.code)
            if key not in basis:
                entry: ShowResultaat = {
                    "profiel": g.naam,
                    "model": "2015",
                    "geldt_voor": [],
                    "dossier": _dossier(gr),
                    "werkproces": zonder_aanvullend(wp.als_json()),
                    "aanvullend": {},
                }
                basis[key] = entry
                out.append(entry)
            entry = basis[key]
            entry["geldt_voor"].append(geldt_voor(g))
            extra = aanvulling(wp)
            if extra:
                entry["aanvullend"][g.naam] = extra
            continue
        out.append(
            {
                "profiel": g.naam,
                "model": wp.model,
                "geldt_voor": [geldt_voor(g)],
                "dossier": _dossier(gr),
                "werkproces": wp.als_json(),
            }
        )
    return out


def aanvulling(wp: Werkproces2015Vorm) -> Aanvulling | None:
    """What one profile adds to a basisdeel werkproces (None: nothing)."""
    extra: Aanvulling = {
        "omschrijving": wp.omschrijving_aanvullend,
        "resultaat": wp.resultaat_aanvullend,
        "gedrag_inleiding": wp.gedrag_inleiding_aanvullend,
        "gedrag": [g.tekst for g in wp.gedrag if g.aanvullend],
        "competenties": [{"letter": c.letter, "naam": c.naam} for c in wp.competenties if c.aanvullend],
    }
    return extra if any(extra.values()) else None


# ---------------------------------------------------------------- kerntaak


def find_kerntaak(geladen: list[GeladenProfiel], code: str) -> ShowResult:
    """A kerntaak: 2015 with complexiteit, verantwoordelijkheid and vakkennis; 2012 with its
    werkprocessen, their matrix rows and their vakkennis. Per profile."""
    hits = [
        (gr, g, kt) for gr in groepeer(geladen) for g in gr.geladen for kt in g.profiel.kerntaken if kt.code == code
    ]
    if not hits:
        known = sorted({kt.code for g in geladen for kt in g.profiel.kerntaken}, key=code_key)
        from difflib import get_close_matches  # lazy: look-ups start faster

        close = get_close_matches(code, known, n=4, cutoff=0.5)
        hint = _("; closest: {codes}").format(codes=", ".join(close)) if close else ""
        raise LookupFailed(_("no kerntaak {code}").format(code=code) + hint)
    resultaten: list[ShowResultaat] = [
        {
            "profiel": g.naam,
            "model": kt.model,
            "geldt_voor": [geldt_voor(g)],
            "dossier": _dossier(gr),
            "kerntaak": kerntaak_json(kt),
        }
        for gr, g, kt in hits
    ]
    return {"query": code, "code": code, "resultaten": resultaten}


def kerntaak_json(kt: KerntaakVorm) -> dict[str, Any]:
    """The kerntaak as in parse, with `werkprocessen` as [{code, titel}] (2012: also in_profiel,
    the matrix row, and the vakkennis items of its werkprocessen, each once)."""
    data = {k: v for k, v in kt.als_json().items() if k != "werkprocessen"}
    if kt.model == "2015":
        data["werkprocessen"] = [{"code": wp.code, "titel": wp.titel} for wp in kt.werkprocessen]
        return data
    data["werkprocessen"] = [
        {"code": wp.code, "titel": wp.titel, "in_profiel": wp.in_profiel, "matrix": list(wp.matrix)}
        for wp in kt.werkprocessen
    ]
    seen: dict[str, dict[str, Any]] = {}
    for wp in kt.werkprocessen:
        for v in wp.vakkennis_en_vaardigheden:
            item = seen.setdefault(fold(v.tekst), {"tekst": v.tekst, "taal": v.taal, "werkprocessen": []})
            item["werkprocessen"].append(wp.code)
    data["vakkennis_en_vaardigheden"] = list(seen.values())
    return data
