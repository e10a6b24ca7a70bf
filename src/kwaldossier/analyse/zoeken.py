"""`search`: full text over every field of the given profiles, accent- and case-insensitive.
`field_texts` is also what validate reads (every text of a profile, with its source lines)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import LookupFailed
from ..model.competenties import fold, fold_with_map
from ..taal import _
from .groepen import groepeer

if TYPE_CHECKING:  # TypedDicts: plain dicts at run time
    from ..model.vorm import Werkproces2012Vorm, Werkproces2015Vorm
    from ..read.geladen import GeladenProfiel
    from .results import DossierNaam, SearchHit, SearchResult

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


_KERNTAAK_TEKSTEN = (
    "complexiteit",
    "complexiteit_aanvullend",
    "verantwoordelijkheid",
    "verantwoordelijkheid_aanvullend",
)


def _kerntaak_texts(b: GeladenProfiel) -> Iterator[Tekst]:
    for kt in b.profiel.kerntaken:
        if kt.model != "2015":
            continue  # a 2012 kerntaak has only its title (searched through its werkprocessen)
        first = list(kt.regels[:1])
        teksten = (
            kt.complexiteit,
            kt.complexiteit_aanvullend,
            kt.verantwoordelijkheid,
            kt.verantwoordelijkheid_aanvullend,
        )
        for key, value in zip(_KERNTAAK_TEKSTEN, teksten, strict=True):
            if value:
                yield kt.code, f"kerntaak.{key}", value, first, []
        for v in kt.vakkennis_en_vaardigheden:
            yield kt.code, "kerntaak.vakkennis_en_vaardigheden", v.tekst, list(v.regels) or first, []


def search(geladen: list[GeladenProfiel], terms: list[str], veld: str | None = None) -> SearchResult:
    """Every text containing all terms (accent- and case-insensitive), with match spans. A text of
    a 2015 basisdeel (shared by the dossier's profiles) is one hit, naming every profile."""
    words = [fold(t) for t in terms if fold(t)]
    if not words:
        raise LookupFailed(_("give one or more search terms"))
    if veld and not any(f == veld or f.startswith(veld) for f in FIELDS):
        raise LookupFailed(
            _("unknown field {veld}; fields: {fields}").format(veld=repr(veld), fields=", ".join(FIELDS))
        )
    from ..read.regels import line_at  # not read.tekst: that builds the hyphenation tables

    hits: list[SearchHit] = []
    gedeeld: dict[tuple[int, str | None, str, str], SearchHit] = {}
    for gr in groepeer(geladen):
        dossier: DossierNaam = {"titel": gr.kop.titel, "crebo": gr.kop.crebo}
        for g in gr.geladen:
            wps: dict[str, Any] = {}
            titels: dict[str, str] = {}
            for wp in g.profiel.werkprocessen():  # one pass: the first of a code, the last one's title
                wps.setdefault(wp.code, wp)  # as profiel.werkproces(code)
                titels[wp.code] = wp.titel
            titels.update({kt.code: kt.titel for kt in g.profiel.kerntaken if kt.model == "2015"})
            for code, field, text, lines, offsets in [*field_texts(g), *_kerntaak_texts(g)]:
                if veld and not (field == veld or field.startswith(veld)):
                    continue
                key = (id(gr), code, field, text)
                if key in gedeeld:
                    gedeeld[key]["profielen"].append(g.naam)
                    continue
                spans = match_spans(text, words)
                if spans is None:
                    continue
                hit: SearchHit = {
                    "profiel": g.naam,
                    "werkproces": code,
                    "werkproces_titel": titels.get(code) if code else None,
                    "veld": field,
                    "tekst": text,
                    "spans": spans,
                    "regel": line_at(lines, offsets, spans[0][0]),
                    "bron": str(g.pad.name) if g.pad else None,
                    "profielen": [g.naam],
                    "dossier": dossier,
                    "in_profiel": _in_profiel(wps, code),
                }
                hits.append(hit)
                if _uit_basisdeel(g, wps, code, field, text):
                    gedeeld[key] = hit
    return {"terms": terms, "veld": veld, "aantal": len(hits), "hits": hits}


def _in_profiel(wps: dict[str, Any], code: str | None) -> bool:
    """False for a text of a werkproces the profile does not have (a 2012 matrix row without crosses)."""
    wp = wps.get(code) if code else None
    return wp.in_profiel if wp is not None else True


_BASIS_ALGEMEEN = frozenset({"context", "beroepshouding", "resultaat_van_het_beroep", "generieke_onderdelen"})


def _uit_basisdeel(g: GeladenProfiel, wps: dict[str, Any], code: str | None, field: str, text: str) -> bool:
    """The text is the 2015 basisdeel's own (every profile of the dossier has it), not an addition."""
    p = g.profiel
    if p.model != "2015" or field.endswith(("aanvullend", ".aanvullend")):
        return False
    if code is None:
        return field.removeprefix("algemene_informatie.") in _BASIS_ALGEMEEN
    wp = wps.get(code)
    if wp is not None:
        if field == "competentie":
            return wp.deel == "basis" and not any(c.aanvullend for c in wp.competenties if c.naam == text)
        return wp.deel == "basis" and not any(b.aanvullend for b in wp.gedrag if b.tekst == text)
    kt = next((k for k in p.kerntaken if k.code == code), None)
    if kt is None or kt.deel != "basis":
        return False
    return not any(v.aanvullend for v in kt.vakkennis_en_vaardigheden if v.tekst == text)


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
    if text.isascii():
        quick = text.lower()  # what the line below gives for ASCII text, without three passes
    else:
        quick = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return all(w in quick for w in words if w.isascii() and '"' not in w and "'" not in w)
