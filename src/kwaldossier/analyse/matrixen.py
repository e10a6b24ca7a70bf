"""`matrix` and `competentie`: the competences A–Y per werkproces, per dossier."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..errors import LookupFailed
from ..model import competenties as reference
from ..model.codes import code_key
from ..model.competenties import fold
from ..taal import _
from .groepen import groepeer

if TYPE_CHECKING:  # TypedDicts: plain dicts at run time
    from ..model.vorm import Werkproces2012Vorm, WerkprocesVorm
    from ..read.geladen import GeladenProfiel
    from .groepen import Groep
    from .results import CompetentieResult, Gebruik, MatrixDossier, MatrixResult, MatrixRij


def matrix(geladen: list[GeladenProfiel]) -> MatrixResult:
    """The proces-competentie-matrix (2015: the competences each werkproces names): `rijen` over
    every profile given, and `dossiers`: one grid per dossier."""
    dossiers: list[MatrixDossier] = [
        cast("MatrixDossier", {**gr.json(), "rijen": _rijen(gr.geladen)}) for gr in groepeer(geladen)
    ]
    return {
        "profielen": [g.naam for g in geladen],
        "letters": dict(reference.COMPETENTIES),
        "rijen": _rijen(geladen),
        "dossiers": dossiers,
    }


def _rijen(geladen: list[GeladenProfiel]) -> list[MatrixRij]:
    names = [b.naam for b in geladen]
    rows: dict[tuple[str, str], dict[str, Any]] = {}  # by code and title, as in tree()
    for b, naam in zip(geladen, names, strict=True):
        for wp in b.profiel.werkprocessen():
            row = rows.setdefault(
                (wp.code, wp.titel),
                {"code": wp.code, "titel": wp.titel, "cellen": {l: [] for l in reference.LETTERS}},
            )
            for letter in wp.letters:
                row["cellen"][letter].append(naam)
    ordered = [rows[k] for k in sorted(rows, key=lambda k: code_key(k[0]))]
    return cast("list[MatrixRij]", ordered)


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
        raise LookupFailed(_("{spec} matches several competenties: {options}").format(spec=repr(spec), options=options))
    close = reference.closest_competentie(s, cutoff=0.5)
    if close:
        raise LookupFailed(
            _("no competentie {spec}; did you mean {letter} {naam}?").format(
                spec=repr(spec), letter=close[0], naam=reference.COMPETENTIES[close[0]]
            )
        )
    raise LookupFailed(_("no competentie {spec}; use a letter A–Y or part of a name").format(spec=repr(spec)))


def competentie(geladen: list[GeladenProfiel], spec: str) -> CompetentieResult:
    """Where a competence is used: per werkproces its block (2012) or reference (2015); a 2015
    basisdeel werkproces once per dossier, naming its profiles."""
    letter = resolve_letter(spec)
    gebruik: list[Gebruik] = []
    for gr in groepeer(geladen):
        gezien: dict[str, Gebruik] = {}
        for b in gr.geladen:
            for wp in b.profiel.werkprocessen():
                for g in _gebruik(b.naam, wp, letter):
                    shared = wp.model == "2015" and wp.deel == "basis" and not g.get("aanvullend")
                    if shared and wp.code in gezien:
                        gezien[wp.code]["profielen"].append(b.naam)
                        continue
                    g["dossier"] = {"titel": gr.kop.titel, "crebo": gr.kop.crebo}
                    gebruik.append(g)
                    if shared:
                        gezien[wp.code] = g
                if wp.model == "2012" and letter in wp.matrix and not any(c.letter == letter for c in wp.competenties):
                    gebruik.append(_alleen_kruis(b.naam, wp, gr))
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


def _alleen_kruis(naam: str, wp: Werkproces2012Vorm, gr: Groep) -> Gebruik:
    """A 2012 matrix cross with no block for the competence in the detail."""
    return {
        "profiel": naam,
        "werkproces": wp.code,
        "titel": wp.titel,
        "in_matrix": True,
        "componenten": [],
        "prestatie_indicator": "",
        "regel": wp.bron.matrix[0] if wp.bron.matrix else None,
        "profielen": [naam],
        "dossier": {"titel": gr.kop.titel, "crebo": gr.kop.crebo},
    }


def _gebruik(naam: str, wp: WerkprocesVorm, letter: str) -> list[Gebruik]:
    """The blocks (2012) or references (2015) of a competence in one werkproces."""
    out: list[Gebruik] = []
    if wp.model == "2015":
        for c15 in wp.competenties:
            if c15.letter == letter:
                regel = c15.regels[0] if c15.regels else None
                out.append(
                    {
                        "profiel": naam,
                        "werkproces": wp.code,
                        "titel": wp.titel,
                        "in_matrix": True,
                        "componenten": [],
                        "prestatie_indicator": "",
                        "regel": regel,
                        "aanvullend": c15.aanvullend,
                        "profielen": [naam],
                    }
                )
        return out
    for c in wp.competenties:
        if c.letter == letter:
            out.append(
                {
                    "profiel": naam,
                    "werkproces": wp.code,
                    "titel": wp.titel,
                    "in_matrix": letter in wp.matrix,
                    "componenten": list(c.componenten),
                    "prestatie_indicator": c.prestatie_indicator,
                    "regel": c.regels[0] if c.regels else None,
                    "profielen": [naam],
                }
            )
    return out
