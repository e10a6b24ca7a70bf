"""The diff report as JSON: the README's contract (every key kept), plus `impact` on each change,
the flat `wijzigingen` list per werkproces, one-sided werkprocessen in full and counts per grade."""

from __future__ import annotations

from typing import Any

from ..analyse.diff_report import (
    FIELDS_2015,
    LIST_FIELDS,
    TEXT_FIELDS,
    DiffReport,
    Eenzijdig,
    WerkprocesDiff,
    Wijziging,
    WoordOp,
    counts,
)


def woorden(ops: list[WoordOp] | None) -> list[dict[str, str]]:
    return [{"op": o.op, "a": o.a, "b": o.b} for o in ops or []]


def _text(w: Wijziging) -> dict[str, Any]:
    return {"a": w.oud, "b": w.nieuw, "woorden": woorden(w.woorden), "impact": w.impact}


def wijziging(w: Wijziging) -> dict[str, Any]:
    out: dict[str, Any] = {"veld": w.veld, "soort": w.soort, "oud": w.oud, "nieuw": w.nieuw, "impact": w.impact}
    if w.competentie is not None:
        out["competentie"] = w.competentie
    if w.similarity is not None:
        out["similarity"] = w.similarity
    if w.woorden is not None:
        out["woorden"] = woorden(w.woorden)
    return out


def _list(wp: WerkprocesDiff, veld: str) -> dict[str, Any]:
    return {
        "added": [w.nieuw for w in wp.of(veld, "added")],
        "removed": [w.oud for w in wp.of(veld, "removed")],
        "changed": [
            {"a": w.oud, "b": w.nieuw, "similarity": w.similarity, "woorden": woorden(w.woorden), "impact": w.impact}
            for w in wp.of(veld, "changed")
        ],
    }


def _competenties(wp: WerkprocesDiff) -> dict[str, Any]:
    added = [w.competentie for w in wp.of("competentie", "added")]
    removed = [w.competentie for w in wp.of("competentie", "removed")]
    namen = {w.competentie: w.competentie_naam for w in wp.of("competentie")}
    gewijzigd: dict[str, Any] = {}
    for w in wp.wijzigingen:
        if w.veld not in ("componenten", "prestatie_indicator"):
            continue
        g = gewijzigd.setdefault(
            w.competentie or "",
            {
                "naam": w.competentie_naam,
                "componenten": {"added": [], "removed": [], "changed": []},
                "prestatie_indicator": None,
            },
        )
        if w.veld == "prestatie_indicator":
            g["prestatie_indicator"] = _text(w)
        elif w.soort == "changed":
            g["componenten"]["changed"].append(
                {"a": w.oud, "b": w.nieuw, "woorden": woorden(w.woorden), "impact": w.impact}
            )
        else:
            g["componenten"][w.soort].append(w.oud if w.soort == "removed" else w.nieuw)
    return {
        "added": added,
        "removed": removed,
        "namen": {k: namen[k] for k in sorted(added + removed)},  # type: ignore[type-var]
        "gewijzigd": gewijzigd,
    }


def werkproces(wp: WerkprocesDiff, summary: bool = False) -> dict[str, Any]:
    head: dict[str, Any] = {"code_a": wp.code_a, "code_b": wp.code_b}
    tail = {
        "similarity": wp.similarity,
        "changed": wp.changed,
        "kerntaak": wp.kerntaak,
        "titel_a": wp.titel_a,
        "titel_b": wp.titel_b,
        "impact": wp.impact,
        "telling": counts(wp.wijzigingen),
    }
    if summary:
        return {**head, **tail}
    body: dict[str, Any] = {}
    # the 2015 fields only on werkprocessen of that model: a 2012 entry keeps its documented keys
    for veld in (v for v in TEXT_FIELDS if wp.model_2015 or v not in FIELDS_2015):
        found = wp.of(veld)
        body[veld] = _text(found[0]) if found else None
    body["competenties"] = _competenties(wp)
    for veld in (v for v in LIST_FIELDS if wp.model_2015 or v not in FIELDS_2015):
        body[veld] = _list(wp, veld)
    order = ["titel", "competenties", "vakkennis_en_vaardigheden", "gewenst_resultaat", "omschrijving"]
    body = {k: body[k] for k in order + [k for k in body if k not in order]}
    return {**head, **body, **tail, "wijzigingen": [wijziging(w) for w in wp.wijzigingen]}


def eenzijdig(e: Eenzijdig, summary: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"code": e.code, "kant": e.kant, "kerntaak": e.kerntaak, "titel": e.titel, "impact": e.impact}
    if summary:
        return out
    return {
        **out,
        **e.teksten,
        **e.lijsten,
        "competenties": [
            {
                "letter": c.letter,
                "naam": c.naam,
                "componenten": c.componenten,
                "prestatie_indicator": c.prestatie_indicator,
            }
            for c in e.competenties
        ],
    }


def to_json(r: DiffReport) -> dict[str, Any]:
    s = r.summary
    return {
        "a": r.a,
        "b": r.b,
        "bron_a": r.bron_a,
        "bron_b": r.bron_b,
        "filters": r.filters,
        "normalisatie": r.normalisatie,
        "only_a": r.only_a,
        "only_b": r.only_b,
        "shared": r.shared,
        "renumbered": [{"a": h.a, "b": h.b, "similarity": h.similarity, "impact": h.impact} for h in r.renumbered],
        "identical": r.identical,
        "werkprocessen": {w.code_a: werkproces(w, s) for w in r.werkprocessen},
        "algemene_informatie": {
            k: (None if v is None else ({"impact": v.impact} if s else _text(v)))
            for k, v in r.algemene_informatie.items()
        },
        "similarity": r.similarity,
        "changed": r.changed,
        "kerntaken": {code: wijziging(k) for code, k in r.kerntaken.items()},
        "kerntaak_velden": {code: [wijziging(k) for k in ks] for code, ks in r.kerntaak_velden.items()},
        "overlap": r.overlap,
        "eenzijdig": [eenzijdig(e, s) for e in r.eenzijdig],
        "telling": r.telling(),
        "zelfde_dossier": r.zelfde_dossier,
        "dossier_a": {"titel": r.dossier_a.titel, "crebo": r.dossier_a.crebo},
        "dossier_b": {"titel": r.dossier_b.titel, "crebo": r.dossier_b.crebo},
        "niveau_a": r.niveau_a,
        "niveau_b": r.niveau_b,
        "nlqf_a": r.nlqf_a,
        "nlqf_b": r.nlqf_b,
    }
