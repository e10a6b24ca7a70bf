"""The 2015 model's parts of a diff that are not werkproces fields: the overlap figures of two
profiles (shared basisdeel, what each adds, the profieldelen) and the kerntaak-level texts.
The werkproces fields (resultaat, gedrag, the aanvullend texts) are ordinary fields of the
typed report (diff_report.TEXT_FIELDS / LIST_FIELDS)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .diff_report import KERNTAAK_TEXT_FIELDS, Hernummering, Wijziging

if TYPE_CHECKING:
    from ..model.vorm import KerntaakVorm, ProfielVorm, WerkprocesVorm
    from .diff_vergelijk import Vergelijker


def has_aanvullend(wp: WerkprocesVorm) -> bool:
    """What the profile adds to a basisdeel werkproces (empty for profieldeel werkprocessen)."""
    if wp.model != "2015":
        return False
    return bool(
        wp.omschrijving_aanvullend
        or wp.resultaat_aanvullend
        or any(g.aanvullend for g in wp.gedrag)
        or any(c.aanvullend for c in wp.competenties)
    )


def _deel(wp: WerkprocesVorm) -> str | None:
    return wp.deel if wp.model == "2015" else None


def overlap(
    wa: dict[str, WerkprocesVorm],
    wb: dict[str, WerkprocesVorm],
    shared: list[str],
    identical: list[str],
    renumbered: list[Hernummering],
) -> dict[str, Any]:
    """Overlap figures for two profiles of the 2015 model: the shared basisdeel and what each adds."""
    from ..model.codes import code_key

    basis = [c for c in shared if _deel(wa[c]) == "basis"]
    return {
        "basis_gedeeld": len(basis),
        "basis_identiek": sum(1 for c in basis if c in identical),
        "basis_met_aanvullend_a": sorted(
            (c for c in wa if _deel(wa[c]) == "basis" and has_aanvullend(wa[c])), key=code_key
        ),
        "basis_met_aanvullend_b": sorted(
            (c for c in wb if _deel(wb[c]) == "basis" and has_aanvullend(wb[c])), key=code_key
        ),
        "profieldeel_a": sum(1 for w in wa.values() if _deel(w) == "profiel"),
        "profieldeel_b": sum(1 for w in wb.values() if _deel(w) == "profiel"),
        "profieldeel_gepaard": sum(1 for r in renumbered if _deel(wa[r.a]) == "profiel"),
    }


def _kerntaak_teksten(kt: KerntaakVorm) -> tuple[dict[str, str], list[str]]:
    """A kerntaak's texts (KERNTAAK_TEXT_FIELDS) and vakkennis items; empty for the 2012 model."""
    if kt.model != "2015":
        return dict.fromkeys(KERNTAAK_TEXT_FIELDS, ""), []
    teksten = {
        "complexiteit": kt.complexiteit,
        "complexiteit_aanvullend": kt.complexiteit_aanvullend,
        "verantwoordelijkheid": kt.verantwoordelijkheid,
        "verantwoordelijkheid_aanvullend": kt.verantwoordelijkheid_aanvullend,
    }
    return teksten, [x.tekst for x in kt.vakkennis_en_vaardigheden]


def kerntaak_velden(
    v: Vergelijker, pa: ProfielVorm, pb: ProfielVorm, only_code: str | None
) -> dict[str, list[Wijziging]]:
    """Kerntaak-level texts, per kerntaak code both profiles have: complexiteit and
    verantwoordelijkheid (base and this profile's addition), and vakkennis en vaardigheden.
    Only kerntaken with changes are listed."""
    kb = {kt.code: kt for kt in pb.kerntaken}
    out: dict[str, list[Wijziging]] = {}
    for a in pa.kerntaken:
        b = kb.get(a.code)
        if b is None or (only_code and a.code != only_code):
            continue
        changes: list[Wijziging] = []
        (ta, vka), (tb, vkb) = _kerntaak_teksten(a), _kerntaak_teksten(b)
        for veld in KERNTAAK_TEXT_FIELDS:
            xa, xb = ta[veld], tb[veld]
            ch = v.tekst(veld, xa, xb, v.norm.a(xa), v.norm.b(xb))
            if ch is not None:
                changes.append(ch)
        vk, _ = v.lijst("vakkennis_en_vaardigheden", vka, vkb)
        changes = vk + changes  # vakkennis first, as in a werkproces
        if changes:
            out[a.code] = changes
    return out
