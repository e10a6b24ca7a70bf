"""Look-ups over loaded profiles. Each function returns a typed result (results.py): a JSON-ready
dict, the --json schema."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from ..errors import LookupFailed
from ..model import competenties as reference
from ..model.codes import code_key
from ..model.competenties import fold, fold_with_map
from ..read.geladen import GeladenProfiel

if TYPE_CHECKING:  # TypedDicts: plain dicts at run time, and results.py costs ~4 ms to import
    from ..model.vorm import Werkproces2012Vorm, Werkproces2015Vorm, WerkprocesVorm
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

_KERNTAAK = re.compile(r"^[BP]\d+-K\d+$", re.IGNORECASE)  # 2015: B1-K1
_CODE = re.compile(r"^(\d+\.\d+|[BP]\d+-K\d+-W\d+)$", re.IGNORECASE)  # 2012: 2.5; 2015: B1-K1-W2


# ---------------------------------------------------------------- list


def tree(geladen: list[GeladenProfiel]) -> ListResult:
    """Kerntaken and werkprocessen of all given profiles, marking which profile has which."""
    names = [b.naam for b in geladen]  # duplicates are already told apart: naam@file (read)
    # keyed by code and title: dossiers in one --data folder reuse codes (every 2015 dossier has
    # a B1-K1-W1) for different werkprocessen, which must not share a row
    kerntaken: dict[tuple[str, str], dict] = {}
    for b, naam in zip(geladen, names, strict=True):
        for kt in b.profiel.kerntaken:
            entry = kerntaken.setdefault(
                (kt.code, kt.titel), {"code": kt.code, "titel": kt.titel, "werkprocessen": {}}
            )
            for wp in kt.werkprocessen:
                w = entry["werkprocessen"].setdefault(
                    (wp.code, wp.titel), {"code": wp.code, "titel": wp.titel, "profielen": {n: False for n in names}}
                )
                w["profielen"][naam] = wp.in_profiel
    out = []
    for key in sorted(kerntaken, key=lambda k: code_key(k[0])):  # stable: first seen first
        entry = kerntaken[key]
        wps = sorted(entry["werkprocessen"].values(), key=lambda w: code_key(w["code"]))
        out.append({**entry, "werkprocessen": wps})
    return {"profielen": names, "kerntaken": cast("list[ListKerntaak]", out)}


# ---------------------------------------------------------------- show


def find_werkproces(geladen: list[GeladenProfiel], query: str) -> ShowResult:
    """A werkproces by code (2.5) or by words of its title (offertes); a 2015 kerntaak by code (B1-K1)."""
    if _KERNTAAK.match(query.strip()):
        return cast("ShowResult", find_kerntaak(geladen, query.strip().upper()))
    alle = [(b, wp) for b in geladen for wp in b.profiel.werkprocessen()]
    if _CODE.match(query.strip()):
        code = query.strip().upper()
        hits = [(b, wp) for b, wp in alle if wp.code == code]
        if not hits:
            codes = sorted({wp.code for _, wp in alle}, key=code_key)
            from difflib import get_close_matches  # lazy: look-ups start faster

            close = get_close_matches(code, codes, n=4, cutoff=0.5)
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise LookupFailed(f"no werkproces {code}{hint}")
    else:
        # every (code, title): dossiers in one folder reuse a code for different werkprocessen
        scores = {(wp.code, wp.titel): 0.0 for _, wp in alle}
        for key in scores:
            scores[key] = _title_score(query, key[1])
        best = max(scores.values(), default=0.0)
        if best < 0.5:
            ranked = sorted(scores, key=lambda k: -scores[k])[:3]
            options = "; ".join(f"{c} {t}" for c, t in ranked)
            raise LookupFailed(f"no werkproces matches {query!r}; closest: {options}")
        top = sorted({c for (c, _), s in scores.items() if s >= best - 1e-9}, key=code_key)
        if len(top) > 1:
            titles = {c: t for (c, t), s in scores.items() if s >= best - 1e-9}
            options = "; ".join(f"{c} {titles[c]}" for c in top)
            raise LookupFailed(f"{query!r} matches several werkprocessen: {options}")
        hits = [(b, wp) for b, wp in alle if wp.code == top[0] and scores[(wp.code, wp.titel)] >= best - 1e-9]
    in_profiel = [(b, wp) for b, wp in hits if wp.in_profiel]
    shown = in_profiel or hits
    return {
        "query": query,
        "code": shown[0][1].code,
        "resultaten": [{"profiel": b.naam, "werkproces": wp.als_json()} for b, wp in shown],
    }


def find_kerntaak(geladen: list[GeladenProfiel], code: str) -> dict:
    """A kerntaak of the 2015 model with complexiteit, verantwoordelijkheid and vakkennis, per profile."""
    hits = [(b, kt) for b in geladen for kt in b.profiel.kerntaken if kt.code == code]
    if not hits:
        codes = sorted({kt.code for b in geladen for kt in b.profiel.kerntaken}, key=code_key)
        from difflib import get_close_matches  # lazy: look-ups start faster

        close = get_close_matches(code, codes, n=4, cutoff=0.5)
        raise LookupFailed(f"no kerntaak {code}" + (f"; closest: {', '.join(close)}" if close else ""))
    resultaten = []
    for b, kt in hits:
        data = {k: v for k, v in kt.als_json().items() if k != "werkprocessen"}
        data["werkprocessen"] = [{"code": wp.code, "titel": wp.titel} for wp in kt.werkprocessen]
        resultaten.append({"profiel": b.naam, "kerntaak": data})
    return {"query": code, "code": code, "resultaten": resultaten}


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
            hit += best if best >= 0.75 else 0
    return hit / len(words)


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
    "resultaat",
    "gedrag",
    "kerntaak",
)


Tekst = tuple[str | None, str, str, list[int], list[int]]


def field_texts(b: GeladenProfiel) -> Iterator[Tekst]:
    """(werkproces code, field, text, source lines, line offsets) for every text of a profile."""
    ai = b.profiel.algemene_informatie
    for key, value in ai.teksten().items():
        if value:
            yield None, f"algemene_informatie.{key}", value, list(ai.bron.get(key, [])), []
    for wp in b.profiel.werkprocessen():
        if wp.model == "2015":
            yield from _texts_2015(wp)
        else:
            yield from _texts_2012(wp)


def _texts_2012(wp: Werkproces2012Vorm) -> Iterator[Tekst]:
    kop = list((wp.bron.kop or wp.bron.matrix)[:1])
    yield wp.code, "titel", wp.titel, kop, []
    if wp.omschrijving:
        yield wp.code, "omschrijving", wp.omschrijving, list(wp.bron.omschrijving), list(wp.bron.omschrijving_offsets)
    for i, g in enumerate(wp.gewenst_resultaat):
        yield wp.code, "gewenst_resultaat", g, list(wp.bron.gewenst_resultaat[i : i + 1]) or kop, []
    for v in wp.vakkennis_en_vaardigheden:
        yield wp.code, "vakkennis_en_vaardigheden", v.tekst, list(v.regels) or kop, []
    for c in wp.competenties:
        first = list(c.regels[:1]) or kop
        yield wp.code, "competentie", c.naam, first, []
        for i, comp in enumerate(c.componenten):
            yield wp.code, "componenten", comp, list(c.componenten_regels[i : i + 1]) or first, []
        if c.prestatie_indicator:
            lines = list(c.prestatie_indicator_regels) or first
            yield wp.code, "prestatie_indicator", c.prestatie_indicator, lines, list(c.prestatie_indicator_offsets)


def _texts_2015(wp: Werkproces2015Vorm) -> Iterator[Tekst]:
    bron = wp.bron
    kop = list(bron.kop[:1])
    aanvullend = list(bron.aanvullend[:1]) or kop
    yield wp.code, "titel", wp.titel, kop, []
    if wp.omschrijving:
        yield wp.code, "omschrijving", wp.omschrijving, list(bron.omschrijving), list(bron.omschrijving_offsets)
    if wp.omschrijving_aanvullend:
        yield wp.code, "omschrijving.aanvullend", wp.omschrijving_aanvullend, aanvullend, []
    if wp.resultaat:
        yield wp.code, "resultaat", wp.resultaat, list(bron.resultaat) or kop, []
    if wp.resultaat_aanvullend:
        yield wp.code, "resultaat.aanvullend", wp.resultaat_aanvullend, aanvullend, []
    for g in wp.gedrag:
        line = [g.regel] if g.regel else list(bron.gedrag) or kop
        yield wp.code, "gedrag.aanvullend" if g.aanvullend else "gedrag", g.tekst, line, []
    for c in wp.competenties:
        yield wp.code, "competentie", c.naam, list(c.regels[:1]) or kop, []


_KERNTAAK_TEKSTEN = ("complexiteit", "complexiteit_aanvullend", "verantwoordelijkheid", "verantwoordelijkheid_aanvullend")


def _kerntaak_texts(b: GeladenProfiel) -> Iterator[Tekst]:
    for kt in b.profiel.kerntaken:
        if kt.model != "2015":
            continue  # a 2012 kerntaak has only its title (searched through its werkprocessen)
        first = list(kt.regels[:1])
        teksten = (kt.complexiteit, kt.complexiteit_aanvullend, kt.verantwoordelijkheid, kt.verantwoordelijkheid_aanvullend)
        for key, value in zip(_KERNTAAK_TEKSTEN, teksten, strict=True):
            if value:
                yield kt.code, f"kerntaak.{key}", value, first, []
        for v in kt.vakkennis_en_vaardigheden:
            yield kt.code, "kerntaak.vakkennis_en_vaardigheden", v.tekst, list(v.regels) or first, []


def search(geladen: list[GeladenProfiel], terms: list[str], veld: str | None = None) -> SearchResult:
    """Every text containing all terms (accent- and case-insensitive), with match spans."""
    words = [fold(t) for t in terms if fold(t)]
    if not words:
        raise LookupFailed("give one or more search terms")
    if veld and not any(f == veld or f.startswith(veld) for f in FIELDS):
        raise LookupFailed(f"unknown field {veld!r}; fields: {', '.join(FIELDS)}")
    from ..read.regels import line_at  # not read.tekst: that builds the hyphenation tables

    hits: list[SearchHit] = []
    for b in geladen:
        titels = {wp.code: wp.titel for wp in b.profiel.werkprocessen()}
        titels.update({kt.code: kt.titel for kt in b.profiel.kerntaken if kt.model == "2015"})
        for code, field, text, lines, offsets in [*field_texts(b), *_kerntaak_texts(b)]:
            if veld and not (field == veld or field.startswith(veld)):
                continue
            spans = match_spans(text, words)
            if spans is None:
                continue
            line = line_at(lines, offsets, spans[0][0])
            hits.append(
                {
                    "profiel": b.naam,
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
    if not _may_contain(text, words):
        return None
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


def _may_contain(text: str, words: list[str]) -> bool:
    """Cheap pre-check in C before the per-character fold: an ASCII word that the folded text
    holds is also in the text folded as a whole with the non-ASCII characters dropped. (Words
    with quotes are left to the full fold, which also maps curly quotes.)"""
    quick = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return all(w in quick for w in words if w.isascii() and '"' not in w and "'" not in w)


# ---------------------------------------------------------------- matrix


def matrix(geladen: list[GeladenProfiel]) -> MatrixResult:
    names = [b.naam for b in geladen]
    rows: dict[tuple[str, str], dict] = {}  # by code and title, as in tree()
    for b, naam in zip(geladen, names, strict=True):
        for wp in b.profiel.werkprocessen():
            row = rows.setdefault(
                (wp.code, wp.titel),
                {"code": wp.code, "titel": wp.titel, "cellen": {l: [] for l in reference.LETTERS}},
            )
            for letter in wp.letters:
                row["cellen"][letter].append(naam)
    ordered = [rows[k] for k in sorted(rows, key=lambda k: code_key(k[0]))]
    return {"profielen": names, "letters": dict(reference.COMPETENTIES), "rijen": cast("list[MatrixRij]", ordered)}


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


def competentie(geladen: list[GeladenProfiel], spec: str) -> CompetentieResult:
    letter = resolve_letter(spec)
    gebruik: list[Gebruik] = []
    for b in geladen:
        for wp in b.profiel.werkprocessen():
            gebruik += _gebruik(b.naam, wp, letter)
            if wp.model == "2012" and letter in wp.matrix and not any(c.letter == letter for c in wp.competenties):
                gebruik.append(
                    {
                        "profiel": b.naam,
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
        # no national table of components: the ones these profiles list under the competence
        "componenten": list(
            dict.fromkeys(
                k
                for b in geladen
                for wp in b.profiel.werkprocessen()
                if wp.model == "2012"
                for c in wp.competenties
                if c.letter == letter
                for k in c.componenten
            )
        ),
        "gebruik": gebruik,
    }


def _gebruik(naam: str, wp: WerkprocesVorm, letter: str) -> list[Gebruik]:
    """The blocks (2012) or references (2015) of a competence in one werkproces."""
    out: list[Gebruik] = []
    if wp.model == "2015":
        for c15 in wp.competenties:
            if c15.letter == letter:
                regel = c15.regels[0] if c15.regels else None
                out.append({"profiel": naam, "werkproces": wp.code, "titel": wp.titel, "in_matrix": True, "componenten": [],
                            "prestatie_indicator": "", "regel": regel, "aanvullend": c15.aanvullend})
        return out
    for c in wp.competenties:
        if c.letter == letter:
            out.append({"profiel": naam, "werkproces": wp.code, "titel": wp.titel, "in_matrix": letter in wp.matrix,
                        "componenten": list(c.componenten), "prestatie_indicator": c.prestatie_indicator,
                        "regel": c.regels[0] if c.regels else None})
    return out
