"""The 2015 model's parts of a diff that are not werkproces fields: the overlap figures of two
profiles (shared basisdeel, what each adds, the profieldelen) and the kerntaak-level texts.
The werkproces fields (resultaat, gedrag, the aanvullend texts) are ordinary fields of the
typed report (diff_report.TEXT_FIELDS / LIST_FIELDS)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .diff_report import KERNTAAK_TEXT_FIELDS, Wijziging

if TYPE_CHECKING:
    from .diff import Vergelijker


def is_2015(profiel: Any) -> bool:
    """A profile of the 2015 model (read from SBB XML): it has a profile code (P1, P2, ...)."""
    return bool(getattr(profiel, "code", None))


def has_aanvullend(wp: Any) -> bool:
    """What the profile adds to a basisdeel werkproces (empty for profieldeel werkprocessen)."""
    return bool(
        wp.omschrijving_aanvullend
        or wp.resultaat_aanvullend
        or any(g.aanvullend for g in wp.gedrag)
        or any(c.aanvullend for c in wp.competenties)
    )


def overlap(wa: dict[str, Any], wb: dict[str, Any], shared: list[str], identical: list[str], renumbered: list) -> dict:
    """Overlap figures for two profiles of the 2015 model: the shared basisdeel and what each adds."""
    from ..model.competenties import code_key

    basis = [c for c in shared if wa[c].deel == "basis"]
    return {
        "basis_gedeeld": len(basis),
        "basis_identiek": sum(1 for c in basis if c in identical),
        "basis_met_aanvullend_a": sorted((c for c in wa if wa[c].deel == "basis" and has_aanvullend(wa[c])), key=code_key),
        "basis_met_aanvullend_b": sorted((c for c in wb if wb[c].deel == "basis" and has_aanvullend(wb[c])), key=code_key),
        "profieldeel_a": sum(1 for w in wa.values() if w.deel == "profiel"),
        "profieldeel_b": sum(1 for w in wb.values() if w.deel == "profiel"),
        "profieldeel_gepaard": sum(1 for r in renumbered if wa[r.a].deel == "profiel"),
    }


def kerntaak_velden(v: Vergelijker, pa: Any, pb: Any, only_code: str | None) -> dict[str, list[Wijziging]]:
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
        for veld in KERNTAAK_TEXT_FIELDS:
            xa, xb = getattr(a, veld, ""), getattr(b, veld, "")
            ch = v.tekst(veld, xa, xb, v.norm.a(xa), v.norm.b(xb))
            if ch is not None:
                changes.append(ch)
        vk, _ = v.lijst(
            "vakkennis_en_vaardigheden",
            [x.tekst for x in getattr(a, "vakkennis_en_vaardigheden", [])],
            [x.tekst for x in getattr(b, "vakkennis_en_vaardigheden", [])],
        )
        changes = vk + changes  # vakkennis first, as in a werkproces
        if changes:
            out[a.code] = changes
    return out
