"""Compare two profiles (two exits of one programme) or two versions of one profile into the
typed report of diff_report.py; impact grades per change (README, diff).

The parts: diff_paren (which werkprocessen correspond), diff_vergelijk (one pair),
diff_filter (--only, --min-impact); this module assembles the report."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..read.geladen import GeladenProfiel
from . import diff2015
from .diff_filter import DiffFilters, Filter
from .diff_paren import RENUMBER_THRESHOLD, Koppeling, check_filters, kerntaak_of, koppel, selecteer, sort_key
from .diff_report import STRUCTUREEL, DiffReport, DossierNaam, Eenzijdig, WerkprocesDiff, Wijziging
from .diff_vergelijk import PAIR_THRESHOLD, WEIGHTS, Vergelijker, eenzijdig, lijsten, teksten

if TYPE_CHECKING:
    from ..model.vorm import ProfielVorm

__all__ = [
    "PAIR_THRESHOLD",
    "RENUMBER_THRESHOLD",
    "WEIGHTS",
    "DiffFilters",
    "Vergelijker",
    "diff",
    "lijsten",
    "teksten",
]


def _eenzijdige(k: Koppeling, wa: dict[str, Any], wb: dict[str, Any]) -> list[Eenzijdig]:
    out = [eenzijdig(wa[c], "a", kerntaak_of(c)) for c in k.only_a]
    out += [eenzijdig(wb[c], "b", kerntaak_of(c)) for c in k.only_b]
    out.sort(key=lambda e: sort_key(e.code))
    return out


def _overlap(werkprocessen: list[WerkprocesDiff], k: Koppeling) -> float:
    pair_sims = [w.similarity for w in werkprocessen]
    union = len(pair_sims) + len(k.only_a) + len(k.only_b)
    return 0.0 if union == 0 else sum(pair_sims) / union


def _profiel_teksten(
    v: Vergelijker, pa: Any, pb: Any, filters: DiffFilters
) -> tuple[dict[str, Wijziging | None], dict[str, Wijziging]]:
    """Algemene informatie and kerntaak titles: only without --werkproces, for --only teksten."""
    algemeen: dict[str, Wijziging | None] = {}
    kerntaak = filters.kerntaak
    if filters.werkproces or filters.only not in (None, "teksten"):
        return algemeen, {}
    if not kerntaak:
        da, db = _algemeen(pa), _algemeen(pb)
        for key in {**da, **db}:
            xa, xb = da.get(key, ""), db.get(key, "")
            algemeen[key] = v.tekst(key, xa, xb, v.norm.a(xa), v.norm.b(xb))
    return algemeen, _kerntaken(v, pa, pb, kerntaak)


def diff(a: GeladenProfiel, b: GeladenProfiel, filters: DiffFilters | None = None) -> DiffReport:
    pa, pb = a.profiel, b.profiel
    filters = filters or DiffFilters()
    kerntaak, werkproces = check_filters(pa, pb, filters.kerntaak, filters.werkproces)
    filters = replace(filters, kerntaak=kerntaak, werkproces=werkproces)
    only, min_impact = filters.only, filters.min_impact
    v = Vergelijker(pa, pb)
    norm = v.norm
    wa, wb = selecteer(a, kerntaak, werkproces), selecteer(b, kerntaak, werkproces)
    een = _een_dossier(a, b)
    k = koppel(v, wa, wb, op_code=een)
    werkprocessen = [v.werkproces(wa[x], wb[y], kerntaak_of(x)) for x, y in k.paren]
    algemeen, kerntaken = _profiel_teksten(v, pa, pb, filters)
    model_2015 = pa.model == "2015" or pb.model == "2015"
    kt_velden = diff2015.kerntaak_velden(v, pa, pb, kerntaak) if model_2015 and not werkproces else {}
    overlap = _overlap(werkprocessen, k)
    f = Filter(only, min_impact)
    f.werkprocessen(werkprocessen)
    identical = [w.code_a for w in werkprocessen if not w.changed]
    return DiffReport(
        a=a.naam,
        b=b.naam,
        bron_a=str(a.pad) if a.pad else None,
        bron_b=str(b.pad) if b.pad else None,
        filters={"kerntaak": kerntaak, "werkproces": werkproces, "only": only, "min_impact": min_impact},
        normalisatie={"rolnaam": norm.names, "vervangen_door": norm.replacement} if norm.active else None,
        shared=k.shared,
        only_a=k.only_a,
        only_b=k.only_b,
        renumbered=k.renumbered,
        werkprocessen=werkprocessen,
        algemene_informatie=f.algemeen(algemeen),
        kerntaken=f.kerntaken(kerntaken),
        eenzijdig=_eenzijdige(k, wa, wb),
        similarity=round(overlap, 3),
        overlap=diff2015.overlap(wa, wb, k.shared, identical, k.renumbered) if model_2015 else None,
        kerntaak_velden=f.kerntaak_velden(kt_velden),
        zelfde_dossier=een,
        dossier_a=_naam(a),
        dossier_b=_naam(b),
        niveau_a=pa.niveau,
        niveau_b=pb.niveau,
        nlqf_a=pa.nlqf,
        nlqf_b=pb.nlqf,
    )


def _een_dossier(a: GeladenProfiel, b: GeladenProfiel) -> bool:
    """Codes pair only within one dossier. A side whose dossier names itself neither by crebo
    nor by title (a 2012 text without its footer) is not called another dossier."""
    from .groepen import sleutel, zelfde_dossier

    if sleutel(a.dossier) is None or sleutel(b.dossier) is None:
        return True
    return zelfde_dossier(a.dossier, b.dossier)


def _naam(g: GeladenProfiel) -> DossierNaam:
    from ..model.afgeleid import dossier_kop

    kop = dossier_kop(g.dossier)
    return DossierNaam(kop.titel, kop.crebo)


def _algemeen(p: ProfielVorm) -> dict[str, str]:
    """The fields of algemene informatie as the parse JSON has them (for a 2015 profile its
    compatibility keys too, and its own keys only when not empty: model/contract.py), so a
    diff's `algemene_informatie` keeps the keys it always had."""
    return {k: v for k, v in p.algemene_informatie.als_json().items() if k != "bron"}


def _kerntaken(v: Vergelijker, pa: Any, pb: Any, only_code: str | None) -> dict[str, Wijziging]:
    """Kerntaken added, removed or retitled: structural (a spelling fix in a title: redactioneel)."""
    ka = {kt.code: kt.titel for kt in pa.kerntaken if not only_code or kt.code == only_code}
    kb = {kt.code: kt.titel for kt in pb.kerntaken if not only_code or kt.code == only_code}
    out: dict[str, Wijziging] = {}
    for code in sorted(set(ka) | set(kb), key=sort_key):
        if code not in kb:
            out[code] = Wijziging("kerntaak", "removed", ka[code], None, STRUCTUREEL)
        elif code not in ka:
            out[code] = Wijziging("kerntaak", "added", None, kb[code], STRUCTUREEL)
        else:
            ch = v.tekst("kerntaak", ka[code], kb[code], ka[code], kb[code], structural=True)
            if ch is not None:
                out[code] = ch
    return out
