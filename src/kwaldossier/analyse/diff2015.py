"""The 2015 model's part of a werkproces diff: resultaat, gedrag bullets and the aanvullend additions.

Only werkprocessen read from SBB XML (with `deel`) get these keys, so 2012 diffs stay as documented."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .diff import list_diff, text_similarity, word_diff

if TYPE_CHECKING:
    from ..model.dossier import Werkproces
    from .diff import RoleNormaliser

KEYS = ("resultaat", "gedrag", "aanvullend")


def is_2015(wp: Werkproces) -> bool:
    return getattr(wp, "deel", None) is not None


def _text(a: str, b: str, na: str, nb: str) -> dict | None:
    return None if na == nb else {"a": a, "b": b, "woorden": word_diff(na, nb)}


def aanvullend_summary(wp: Werkproces) -> dict:
    """What the profile adds to a basisdeel werkproces (empty for profieldeel werkprocessen)."""
    return {
        "omschrijving": wp.omschrijving_aanvullend,
        "resultaat": wp.resultaat_aanvullend,
        "gedrag": [g.tekst for g in wp.gedrag if g.aanvullend],
        "competenties": [c.letter or c.naam for c in wp.competenties if c.aanvullend],
    }


def has_aanvullend(wp: Werkproces) -> bool:
    return any(aanvullend_summary(wp).values())


def diff_2015(a: Werkproces, b: Werkproces, norm: RoleNormaliser) -> tuple[dict, list[tuple[float, float]]]:
    """Extra keys of a werkproces entry and their (weight, similarity) parts."""
    ra = norm.a(a.resultaat)
    rb = norm.b(b.resultaat)
    # a bullet's closing ';' or '.' only says whether it is the last one: no difference
    gedrag, gedrag_sim = list_diff(
        [norm.a(g.tekst).rstrip(";. ") for g in a.gedrag], [norm.b(g.tekst).rstrip(";. ") for g in b.gedrag]
    )
    sa, sb = aanvullend_summary(a), aanvullend_summary(b)
    aanvullend: dict[str, Any] | None = None
    if any(sa.values()) or any(sb.values()):
        aanvullend = {
            "a": sa,
            "b": sb,
            "omschrijving": _text(
                sa["omschrijving"], sb["omschrijving"], norm.a(sa["omschrijving"]), norm.b(sb["omschrijving"])
            ),
            "resultaat": _text(sa["resultaat"], sb["resultaat"], norm.a(sa["resultaat"]), norm.b(sb["resultaat"])),
        }
        if aanvullend["omschrijving"] is None and aanvullend["resultaat"] is None and _same_lists(sa, sb, norm):
            aanvullend["gelijk"] = True
    extra = {
        "resultaat": _text(a.resultaat, b.resultaat, ra, rb),
        "gedrag": gedrag,
        "aanvullend": aanvullend,
    }
    full_a = norm.a(" ".join([a.omschrijving_aanvullend, a.resultaat_aanvullend]))
    full_b = norm.b(" ".join([b.omschrijving_aanvullend, b.resultaat_aanvullend]))
    parts = [(1.0, text_similarity(ra, rb)), (1.0, gedrag_sim), (0.5, text_similarity(full_a, full_b))]
    return extra, parts


def _same_lists(sa: dict, sb: dict, norm: RoleNormaliser) -> bool:
    return [norm.a(x) for x in sa["gedrag"]] == [norm.b(x) for x in sb["gedrag"]] and sa["competenties"] == sb[
        "competenties"
    ]


def changed_2015(d: dict) -> bool:
    if "gedrag" not in d:
        return False
    g = d["gedrag"]
    aanv = d.get("aanvullend")
    return bool(d.get("resultaat") or g["added"] or g["removed"] or g["changed"] or (aanv and not aanv.get("gelijk")))


def filter_only_2015(d: dict, keep_texts: bool) -> dict:
    if "gedrag" not in d or keep_texts:
        return d
    out = dict(d)
    out["resultaat"] = None
    out["gedrag"] = {"added": [], "removed": [], "changed": []}
    out["aanvullend"] = None
    return out


def overlap(wa: dict[str, Werkproces], wb: dict[str, Werkproces], result: dict) -> dict:
    """Overlap figures for two profiles of the 2015 model: the shared basisdeel and what each adds."""
    basis = [c for c in result["shared"] if wa[c].deel == "basis"]
    return {
        "basis_gedeeld": len(basis),
        "basis_identiek": sum(1 for c in basis if c in result["identical"]),
        "basis_met_aanvullend_a": sorted((c for c in wa if wa[c].deel == "basis" and has_aanvullend(wa[c])), key=_key),
        "basis_met_aanvullend_b": sorted((c for c in wb if wb[c].deel == "basis" and has_aanvullend(wb[c])), key=_key),
        "profieldeel_a": sum(1 for w in wa.values() if w.deel == "profiel"),
        "profieldeel_b": sum(1 for w in wb.values() if w.deel == "profiel"),
        "profieldeel_gepaard": sum(1 for r in result["renumbered"] if wa[r["a"]].deel == "profiel"),
    }


def _key(code: str) -> tuple[int, ...]:
    from ..model.competenties import code_key

    return code_key(code)


def diff_kerntaken(pa, pb, norm: RoleNormaliser, kerntaak: str | None = None) -> dict:
    """Kerntaak-level texts of the 2015 model, per kerntaak code both profiles have: complexiteit,
    verantwoordelijkheid (base and this profile's addition) and vakkennis en vaardigheden."""
    kb = {kt.code: kt for kt in pb.kerntaken}
    out = {}
    for a in pa.kerntaken:
        b = kb.get(a.code)
        if b is None or (kerntaak and a.code != kerntaak.upper()):
            continue
        entry: dict[str, Any] = {}
        for key in ("complexiteit", "complexiteit_aanvullend", "verantwoordelijkheid", "verantwoordelijkheid_aanvullend"):
            va, vb = getattr(a, key), getattr(b, key)
            entry[key] = _text(va, vb, norm.a(va), norm.b(vb))
        vk, _ = list_diff([v.tekst for v in a.vakkennis_en_vaardigheden], [v.tekst for v in b.vakkennis_en_vaardigheden])
        entry["vakkennis_en_vaardigheden"] = vk
        entry["changed"] = bool(any(entry[k] for k in entry if k != "vakkennis_en_vaardigheden") or any(vk.values()))
        out[a.code] = entry
    return out
