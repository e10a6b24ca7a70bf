"""The diff dict flattened into rows, one per change: {kerntaak, werkproces, titel, veld, oud, nieuw, impact}.

One small function so the typed diff report's own flattening can replace it. `impact` is taken
from a change when the diff carries one (the impact grades), else left empty."""

from __future__ import annotations

import re

from ..model.competenties import COMPETENTIES


def _plaats(*bronnen) -> tuple[dict[str, str], dict[str, str]]:
    """Werkproces code -> kerntaak code and -> titel, from the profiles (generic model walk)."""
    kt_van: dict[str, str] = {}
    titel: dict[str, str] = {}
    for b in bronnen:
        if b is None:
            continue
        for kt in b.profiel.kerntaken:
            for wp in kt.werkprocessen:
                kt_van.setdefault(wp.code, kt.code)
                titel.setdefault(wp.code, wp.titel)
    return kt_van, titel


def diff_rijen(result: dict, bron_a=None, bron_b=None) -> list[dict]:
    """Every change of a `diff --json` dict as one row, in report order."""
    kt_a, titel_a = _plaats(bron_a)
    kt_b, titel_b = _plaats(bron_b)
    rows: list[dict] = []

    def add(code: str | None, veld: str, oud, nieuw, impact=None, titel: str | None = None, side: str = "a") -> None:
        kt = (kt_a if side == "a" else kt_b).get(code or "") or kt_b.get(code or "") or ""
        if titel is None and code:
            titel = (titel_a if side == "a" else titel_b).get(code) or titel_b.get(code) or ""
        rows.append(
            {"kerntaak": kt, "werkproces": code or "", "titel": titel or "", "veld": veld,
             "oud": oud or "", "nieuw": nieuw or "", "impact": impact or ""}
        )

    for code in result.get("only_a", []):
        add(code, "werkproces", titel_a.get(code, code), "", titel=titel_a.get(code))
    for code in result.get("only_b", []):
        add(code, "werkproces", "", titel_b.get(code, code), titel=titel_b.get(code), side="b")
    for r in result.get("renumbered", []):
        add(r["a"], "code", r["a"], r["b"], r.get("impact"))
    for code, w in result.get("werkprocessen", {}).items():
        _werkproces(code, w, add)
    rows.sort(key=lambda r: _code_key(r["werkproces"]))  # stable: the diff's order within a werkproces
    for veld, d in (result.get("algemene_informatie") or {}).items():
        if d:
            add(None, f"algemene informatie: {veld}", d.get("a"), d.get("b"), d.get("impact"))
    return rows


def _code_key(code: str) -> tuple:
    """2.10 after 2.9, B1-K1-W2 after B1-K1-W1, for either model's codes."""
    return tuple(int(p) if p.isdigit() else p for p in re.findall(r"\d+|\D+", code))


def _werkproces(code: str, w: dict, add) -> None:
    if w.get("titel"):
        add(code, "titel", w["titel"].get("a"), w["titel"].get("b"), w["titel"].get("impact"))
    comp = w.get("competenties") or {}
    namen = {**COMPETENTIES, **comp.get("namen", {})}
    for l in comp.get("added", []):
        add(code, "competentie", "", f"{l} {namen.get(l, '')}".strip(), _impact(comp, "added", l))
    for l in comp.get("removed", []):
        add(code, "competentie", f"{l} {namen.get(l, '')}".strip(), "", _impact(comp, "removed", l))
    for l, g in (comp.get("gewijzigd") or {}).items():
        for c in g.get("componenten", {}).get("added", []):
            add(code, f"competentie {l}: component", "", c)
        for c in g.get("componenten", {}).get("removed", []):
            add(code, f"competentie {l}: component", c, "")
        pi = g.get("prestatie_indicator")
        if pi:
            add(code, f"competentie {l}: prestatie-indicator", pi.get("a"), pi.get("b"), pi.get("impact"))
    for veld, label in (("vakkennis_en_vaardigheden", "vakkennis en vaardigheden"), ("gewenst_resultaat", "gewenst resultaat")):
        d = w.get(veld) or {}
        for item in d.get("added", []):
            add(code, label, "", _tekst(item), _item_impact(item))
        for item in d.get("removed", []):
            add(code, label, _tekst(item), "", _item_impact(item))
        for ch in d.get("changed", []):
            add(code, label, ch.get("a"), ch.get("b"), ch.get("impact"))
    if w.get("omschrijving"):
        o = w["omschrijving"]
        add(code, "omschrijving", o.get("a"), o.get("b"), o.get("impact"))


def _tekst(item) -> str:
    return item.get("tekst", "") if isinstance(item, dict) else str(item)


def _item_impact(item) -> str | None:
    return item.get("impact") if isinstance(item, dict) else None


def _impact(comp: dict, kind: str, letter: str) -> str | None:
    """Impact of an added/removed competence when the diff grades it ({"impact": {"added": {L: grade}}})."""
    graded = comp.get("impact")
    if isinstance(graded, dict):
        v = graded.get(kind)
        if isinstance(v, dict):
            return v.get(letter)
        if isinstance(v, str):
            return v
    return None
