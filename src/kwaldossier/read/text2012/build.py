"""From what the rules recognised to the typed Dossier."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import InputError, kort
from ...model import codes
from ...model.codes import code_key
from ...model.gedeeld import OnverwerkteRegel, Regelverantwoording
from ...model.m2012 import (
    AlgemeneInformatie2012,
    Dossier2012,
    Kerntaak2012,
    Profiel2012,
    Werkproces2012,
)
from ...taal import _
from .. import vocab
from ..tekst import Hyphenator
from .records import ProfielB, WerkprocesB
from .state import Disp, State

if TYPE_CHECKING:
    from pydantic import BaseModel

_NIVEAU = re.compile(r"\d+")


def _niveau(pb: ProfielB, text: str, path: str) -> int | None:
    m = _NIVEAU.search(text)
    if not m:
        return None
    value = codes.klein_getal(m.group())
    if value is None:
        tb = pb.algemeen.get("niveau")
        line = tb.regels[0] if tb and tb.regels else None
        raise InputError(
            path, line, _("niveau is not a number 0..{maximum} in ASCII digits").format(maximum=codes.MAX_NUMMER)
        )
    return value


def _check_code(code: str, is_code: Callable[[str], bool], wat: str, lines: list[int], path: str) -> None:
    """A code the rules recognised by its shape, checked against the model's rule (numbers up
    to MAX_NUMMER): a bigger one is an input error at its line, never a model that fails."""
    if not is_code(code):
        raise InputError(
            path,
            lines[0] if lines else None,
            _("{wat} code {code}: numbers go up to {maximum}").format(
                wat=wat, code=repr(kort(code, 40)), maximum=codes.MAX_NUMMER
            ),
        )


def _werkproces(wb: WerkprocesB, h: Hyphenator, path: str) -> Werkproces2012:
    """The werkproces with its parts: the parts as the fields of their models (Competentie2012,
    VakkennisItem2012, WerkprocesBron2012), validated in the one call that makes the whole."""
    _check_code(wb.code, codes.is_werkproces_code, "werkproces", [*wb.kop_regels, *wb.matrix_regels], path)
    titel = h.join_all(wb.titel_lines) if wb.titel_lines else (wb.detail_titel or "")
    comps = []
    for cb in wb.competenties:
        indicator, indicator_offsets = cb.indicator.build_with_offsets(h)
        comps.append(
            {
                "letter": cb.letter,
                "naam": cb.naam,
                "componenten": [c.text(h) for c in cb.componenten],
                "prestatie_indicator": indicator,
                "regels": sorted(set(cb.regels)),
                "componenten_regels": [c.regels[0] for c in cb.componenten],
                "prestatie_indicator_regels": cb.indicator.regels,
                "prestatie_indicator_offsets": indicator_offsets,
            }
        )
    vakkennis = []
    for item in wb.vakkennis:
        tekst = item.text(h)
        taal = tekst.endswith(vocab.TAAL_MARK)
        if taal:
            tekst = tekst[: -len(vocab.TAAL_MARK)].rstrip()
        vakkennis.append({"tekst": tekst, "taal": taal, "regels": item.regels})
    # an empty row: whitespace in its place, or a gap after the label
    matrix = wb.matrix if wb.matrix is not None else ([] if wb.rij_plek else None)
    omschrijving, omschrijving_offsets = wb.omschrijving.build_with_offsets(h)
    wp = Werkproces2012.model_validate(
        {
            "code": wb.code,
            "titel": titel,
            "in_profiel": bool(matrix),
            "matrix": matrix or [],
            "matrix_rij": matrix is not None,
            "detail_titel": wb.detail_titel,
            "omschrijving": omschrijving,
            "gewenst_resultaat": [i.text(h) for i in wb.gewenst],
            "vakkennis_en_vaardigheden": vakkennis,
            "competenties": comps,
            "bron": {
                "matrix": wb.matrix_regels,
                "kop": wb.kop_regels,
                "omschrijving": wb.omschrijving.regels,
                "omschrijving_offsets": omschrijving_offsets,
                "gewenst_resultaat": [i.regels[0] for i in wb.gewenst],
            },
        }
    )
    for part in (wp, wp.bron, *wp.competenties, *wp.vakkennis_en_vaardigheden):
        _deel_gezet(part)
    return wp


_GEZET: dict[type[BaseModel], set[str]] = {}


def _deel_gezet(m: BaseModel) -> None:
    """Objects of one class that were given the same fields share one set of those names
    (pydantic keeps a set per object: 20,000 of them were 8 MB of a 100-profile dossier).
    Safe to share: the models are frozen, and a copy of one copies its set."""
    eigen = m.__pydantic_fields_set__
    gedeeld = _GEZET.setdefault(type(m), eigen)
    if gedeeld == eigen:
        object.__setattr__(m, "__pydantic_fields_set__", gedeeld)


def _profiel(pb: ProfielB, h: Hyphenator, path: str) -> Profiel2012:
    kerntaken = []
    for kb in sorted(pb.kerntaken.values(), key=lambda k: code_key(k.code)):
        _check_code(kb.code, codes.is_kerntaak_code, "kerntaak", kb.regels, path)
        wps = [
            _werkproces(wb, h, path)
            for _, wb in sorted(kb.werkprocessen.items(), key=lambda kv: (code_key(kv[0].split("#")[0]), kv[0]))
        ]
        titel = kb.titel or h.join_all(kb.matrix_titel)
        kerntaken.append(Kerntaak2012(code=kb.code, titel=titel, werkprocessen=wps, regels=kb.regels))
    fields = {key: tb.build(h) for key, tb in pb.algemeen.items()}
    bron = {key: tb.regels for key, tb in pb.algemeen.items()}
    return Profiel2012(
        naam=pb.naam,
        niveau=_niveau(pb, fields.get("niveau", ""), path),
        algemene_informatie=AlgemeneInformatie2012(**fields, bron=bron),
        kerntaken=kerntaken,
        regels=pb.regels,
    )


def build(st: State) -> Dossier2012:
    """The dossier of what the rules recognised. Uses the state up: the lines and each profile's
    records are let go as soon as they are read (the input's size several times over)."""
    onverwerkt = [
        OnverwerkteRegel(regel=no, tekst=st.lines[no - 1], pagina=st.paginas[no - 1] if st.paginas else None)
        for no in range(1, st.n + 1)
        if st.disp[no] is None
    ]
    counts = {d.value: st.disp.count(d) for d in Disp}  # passes in C, no enum hash per line
    st.loslaten()
    records = list(st.profielen.values())[::-1]
    st.profielen.clear()
    profielen = []
    while records:
        profielen.append(_profiel(records.pop(), st.h, st.path))  # its records freed after
    return Dossier2012(
        titel=st.titel,
        geldig_vanaf=st.geldig_vanaf,
        bron=Path(st.path).name if st.path else None,
        profielen=profielen,
        onverwerkte_regels=onverwerkt,
        herstellingen=sorted(st.herstellingen, key=lambda x: x.regel),
        regel_paginas=st.paginas,
        regelverantwoording=Regelverantwoording(totaal=st.n, onverwerkt=len(onverwerkt), **counts),
    )
