"""Look-ups over loaded profiles. Each function returns a typed result (results.py): a JSON-ready
dict, the --json schema."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher, get_close_matches
from typing import cast

from ..errors import LookupFailed
from ..model import competenties as reference
from ..model.competenties import code_key, fold, fold_with_map
from ..read import Bron
from ..read.tekst import line_at
from .results import (
    CompetentieResult,
    Gebruik,
    ListKerntaak,
    ListResult,
    MatrixResult,
    MatrixRij,
    SearchHit,
    SearchResult,
    ShowResult,
)

_CODE = re.compile(r"^\d+\.\d+$")


# ---------------------------------------------------------------- list


def tree(bronnen: list[Bron]) -> ListResult:
    """Kerntaken and werkprocessen of all given profiles, marking which profile has which."""
    names = [b.profiel.naam for b in bronnen]
    kerntaken: dict[str, dict] = {}
    for b in bronnen:
        for kt in b.profiel.kerntaken:
            entry = kerntaken.setdefault(kt.code, {"code": kt.code, "titel": kt.titel, "werkprocessen": {}})
            for wp in kt.werkprocessen:
                w = entry["werkprocessen"].setdefault(
                    wp.code, {"code": wp.code, "titel": wp.titel, "profielen": {n: False for n in names}}
                )
                w["profielen"][b.profiel.naam] = wp.in_profiel
    out = []
    for code in sorted(kerntaken, key=int):
        entry = kerntaken[code]
        wps = sorted(entry["werkprocessen"].values(), key=lambda w: code_key(w["code"]))
        out.append({**entry, "werkprocessen": wps})
    return {"profielen": names, "kerntaken": cast(list[ListKerntaak], out)}


# ---------------------------------------------------------------- show


def find_werkproces(bronnen: list[Bron], query: str) -> ShowResult:
    """A werkproces by code (2.5) or by words of its title (offertes)."""
    alle = [(b, wp) for b in bronnen for wp in b.profiel.werkprocessen()]
    if _CODE.match(query.strip()):
        code = query.strip()
        hits = [(b, wp) for b, wp in alle if wp.code == code]
        if not hits:
            codes = sorted({wp.code for _, wp in alle}, key=code_key)
            close = get_close_matches(code, codes, n=4, cutoff=0.5)
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise LookupFailed(f"no werkproces {code}{hint}")
    else:
        titles = {wp.code: wp.titel for _, wp in alle}
        scores = {code: _title_score(query, titel) for code, titel in titles.items()}
        best = max(scores.values(), default=0.0)
        if best < 0.5:
            ranked = sorted(scores, key=lambda c: -scores[c])[:3]
            options = "; ".join(f"{c} {titles[c]}" for c in ranked)
            raise LookupFailed(f"no werkproces matches {query!r}; closest: {options}")
        top = sorted(c for c, s in scores.items() if s >= best - 1e-9)
        if len(top) > 1:
            options = "; ".join(f"{c} {titles[c]}" for c in sorted(top, key=code_key))
            raise LookupFailed(f"{query!r} matches several werkprocessen: {options}")
        hits = [(b, wp) for b, wp in alle if wp.code == top[0]]
    in_profiel = [(b, wp) for b, wp in hits if wp.in_profiel]
    shown = in_profiel or hits
    return {
        "query": query,
        "code": shown[0][1].code,
        "resultaten": [{"profiel": b.profiel.naam, "werkproces": _wp_json(wp)} for b, wp in shown],
    }


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
            best = max((SequenceMatcher(None, w, t).ratio() for t in title_words), default=0)
            hit += best if best >= 0.75 else 0
    return hit / len(words)


def _wp_json(wp) -> dict:
    return wp.model_dump(mode="json")


# ---------------------------------------------------------------- search

FIELDS = (
    "titel",
    "omschrijving",
    "gewenst_resultaat",
    "vakkennis_en_vaardigheden",
    "competentie",
    "componenten",
    "prestatie_indicator",
    "algemene_informatie",
)


def field_texts(b: Bron) -> Iterator[tuple[str | None, str, str, list[int], list[int]]]:
    """(werkproces code, field, text, source lines, line offsets) for every text of a profile."""
    ai = b.profiel.algemene_informatie
    for key, value in ai.model_dump(exclude={"bron"}).items():
        if value:
            yield None, f"algemene_informatie.{key}", value, ai.bron.get(key, []), []
    for wp in b.profiel.werkprocessen():
        kop = (wp.bron.kop or wp.bron.matrix)[:1]
        yield wp.code, "titel", wp.titel, kop, []
        if wp.omschrijving:
            yield wp.code, "omschrijving", wp.omschrijving, wp.bron.omschrijving, wp.bron.omschrijving_offsets
        for i, g in enumerate(wp.gewenst_resultaat):
            yield wp.code, "gewenst_resultaat", g, wp.bron.gewenst_resultaat[i : i + 1] or kop, []
        for v in wp.vakkennis_en_vaardigheden:
            yield wp.code, "vakkennis_en_vaardigheden", v.tekst, v.regels or kop, []
        for c in wp.competenties:
            first = c.regels[:1] or kop
            yield wp.code, "competentie", c.naam, first, []
            for i, comp in enumerate(c.componenten):
                yield wp.code, "componenten", comp, c.componenten_regels[i : i + 1] or first, []
            if c.prestatie_indicator:
                yield (
                    wp.code,
                    "prestatie_indicator",
                    c.prestatie_indicator,
                    c.prestatie_indicator_regels or first,
                    c.prestatie_indicator_offsets,
                )


def search(bronnen: list[Bron], terms: list[str], veld: str | None = None) -> SearchResult:
    """Every text containing all terms (accent- and case-insensitive), with match spans."""
    words = [fold(t) for t in terms if fold(t)]
    if not words:
        raise LookupFailed("give one or more search terms")
    if veld and not any(f == veld or f.startswith(veld) for f in FIELDS):
        raise LookupFailed(f"unknown field {veld!r}; fields: {', '.join(FIELDS)}")
    hits: list[SearchHit] = []
    for b in bronnen:
        titels = {wp.code: wp.titel for wp in b.profiel.werkprocessen()}
        for code, field, text, lines, offsets in field_texts(b):
            if veld and not (field == veld or field.startswith(veld)):
                continue
            spans = match_spans(text, words)
            if spans is None:
                continue
            line = line_at(lines, offsets, spans[0][0])
            hits.append(
                {
                    "profiel": b.profiel.naam,
                    "werkproces": code,
                    "werkproces_titel": titels.get(code) if code else None,
                    "veld": field,
                    "tekst": text,
                    "spans": spans,
                    "regel": line,
                    "bron": str(b.pad.name) if b.pad else None,
                }
            )
    return {"terms": terms, "veld": veld, "aantal": len(hits), "hits": hits}


def match_spans(text: str, words: list[str]) -> list[list[int]] | None:
    folded, index = fold_with_map(text)
    spans = []
    for w in words:
        starts = [m.start() for m in re.finditer(re.escape(w), folded)]
        if not starts:
            return None
        for s in starts:
            end = s + len(w) - 1
            spans.append([index[s], index[end] + 1])
    return sorted(spans)


# ---------------------------------------------------------------- matrix


def matrix(bronnen: list[Bron]) -> MatrixResult:
    names = [b.profiel.naam for b in bronnen]
    rows: dict[str, dict] = {}
    for b in bronnen:
        for wp in b.profiel.werkprocessen():
            row = rows.setdefault(
                wp.code, {"code": wp.code, "titel": wp.titel, "cellen": {l: [] for l in reference.LETTERS}}
            )
            for letter in wp.matrix:
                row["cellen"][letter].append(b.profiel.naam)
    ordered = [rows[c] for c in sorted(rows, key=code_key)]
    return {"profielen": names, "letters": dict(reference.COMPETENTIES), "rijen": cast(list[MatrixRij], ordered)}


# ---------------------------------------------------------------- competentie


def resolve_letter(spec: str) -> str:
    s = spec.strip()
    if len(s) == 1 and s.upper() in reference.COMPETENTIES:
        return s.upper()
    key = fold(s)
    hits = [l for l, n in reference.COMPETENTIES.items() if key in fold(n)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        options = "; ".join(f"{l} {reference.COMPETENTIES[l]}" for l in hits)
        raise LookupFailed(f"{spec!r} matches several competenties: {options}")
    close = reference.closest_competentie(s, cutoff=0.5)
    if close:
        raise LookupFailed(
            f"no competentie {spec!r}; did you mean {close[0]} {reference.COMPETENTIES[close[0]]}?"
        )
    raise LookupFailed(f"no competentie {spec!r}; use a letter A–Y or part of a name")


def competentie(bronnen: list[Bron], spec: str) -> CompetentieResult:
    letter = resolve_letter(spec)
    gebruik: list[Gebruik] = []
    for b in bronnen:
        for wp in b.profiel.werkprocessen():
            for c in wp.competenties:
                if c.letter == letter:
                    gebruik.append(
                        {
                            "profiel": b.profiel.naam,
                            "werkproces": wp.code,
                            "titel": wp.titel,
                            "in_matrix": letter in wp.matrix,
                            "componenten": c.componenten,
                            "prestatie_indicator": c.prestatie_indicator,
                            "regel": c.regels[0] if c.regels else None,
                        }
                    )
            if letter in wp.matrix and not any(c.letter == letter for c in wp.competenties):
                gebruik.append(
                    {
                        "profiel": b.profiel.naam,
                        "werkproces": wp.code,
                        "titel": wp.titel,
                        "in_matrix": True,
                        "componenten": [],
                        "prestatie_indicator": "",
                        "regel": wp.bron.matrix[0] if wp.bron.matrix else None,
                    }
                )
    return {
        "letter": letter,
        "naam": reference.COMPETENTIES[letter],
        "componenten": list(reference.COMPONENTEN.get(letter, ())),
        "gebruik": gebruik,
    }
