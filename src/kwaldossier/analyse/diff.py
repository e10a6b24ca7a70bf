"""Compare two profiles (two exits of one programme) or two versions of one profile."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..model.competenties import code_key, fold
from ..model.dossier import Competentie, Profiel, Werkproces
from ..read import Bron

ONLY = ("competenties", "vakkennis", "teksten")
RENUMBER_THRESHOLD = 0.75
PAIR_THRESHOLD = 0.75
PLACEHOLDER = "‹profiel›"


# ---------------------------------------------------------------- text helpers


class RoleNormaliser:
    """The profile's own role name is noise in a profile diff: "De commercieel medewerker
    binnendienst ..." against "... buitendienst ..." is no difference. Each side loses only its
    own role name (replaced by the words both names share plus a placeholder), so a mention of
    the other role ("offertes van de commercieel medewerker buitendienst") still counts."""

    def __init__(self, a: Profiel, b: Profiel) -> None:
        self.names = [a.naam, b.naam] if fold(a.naam) != fold(b.naam) else []
        common = []
        for x, y in zip(a.naam.split(), b.naam.split(), strict=False):
            if fold(x) != fold(y):
                break
            common.append(x.lower())
        self.replacement = " ".join([*common, PLACEHOLDER])
        self.patterns = [re.compile(re.escape(n), re.IGNORECASE) for n in self.names]

    @property
    def active(self) -> bool:
        return bool(self.names)

    def a(self, text: str) -> str:
        return self.patterns[0].sub(self.replacement, text) if self.names else text

    def b(self, text: str) -> str:
        return self.patterns[1].sub(self.replacement, text) if self.names else text


def words(text: str) -> list[str]:
    return text.split()


def word_diff(a: str, b: str) -> list[dict]:
    """Word-level diff as ops: equal / delete / insert / replace."""
    wa, wb = words(a), words(b)
    ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        ops.append({"op": tag, "a": " ".join(wa[i1:i2]), "b": " ".join(wb[j1:j2])})
    return ops


def text_similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, words(fold(a)), words(fold(b)), autojunk=False).ratio()


def _item_similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def list_diff(a: list[str], b: list[str]) -> tuple[dict, float]:
    """Added, removed and changed items; order alone is no change. Near-identical items pair up."""
    rest_a = list(a)
    rest_b = list(b)
    matched = 0.0
    for item in list(rest_a):
        hit = next((x for x in rest_b if fold(x) == fold(item)), None)
        if hit is not None:
            rest_a.remove(item)
            rest_b.remove(hit)
            matched += 1
    candidates = sorted(
        ((_item_similarity(x, y), i, j) for i, x in enumerate(rest_a) for j, y in enumerate(rest_b)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    changed = []
    for sim, i, j in candidates:
        if sim < PAIR_THRESHOLD or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        changed.append({"a": rest_a[i], "b": rest_b[j], "similarity": round(sim, 3), "woorden": word_diff(rest_a[i], rest_b[j])})
        matched += sim
    added = [y for j, y in enumerate(rest_b) if j not in used_b]
    removed = [x for i, x in enumerate(rest_a) if i not in used_a]
    total = len(a) + len(b)
    similarity = 1.0 if total == 0 else 2 * matched / total
    return {"added": added, "removed": removed, "changed": changed}, similarity


# ---------------------------------------------------------------- werkproces


def _competenties(a: Werkproces, b: Werkproces, norm: RoleNormaliser) -> tuple[dict, float]:
    by_a: dict[str, Competentie] = {}
    by_b: dict[str, Competentie] = {}
    for c in a.competenties:
        by_a.setdefault(c.letter or fold(c.naam), c)
    for c in b.competenties:
        by_b.setdefault(c.letter or fold(c.naam), c)
    added = [k for k in by_b if k not in by_a]
    removed = [k for k in by_a if k not in by_b]
    gewijzigd = {}
    sims = []
    for k in [k for k in by_a if k in by_b]:
        ca, cb = by_a[k], by_b[k]
        comp, comp_sim = list_diff(ca.componenten, cb.componenten)
        ia, ib = norm.a(ca.prestatie_indicator), norm.b(cb.prestatie_indicator)
        ind = None if ia == ib else {"a": ca.prestatie_indicator, "b": cb.prestatie_indicator, "woorden": word_diff(ia, ib)}
        sims.append((comp_sim + text_similarity(ia, ib)) / 2)
        if comp["added"] or comp["removed"] or comp["changed"] or ind:
            gewijzigd[k] = {
                "naam": ca.naam,
                "componenten": {"added": comp["added"], "removed": comp["removed"]},
                "prestatie_indicator": ind,
            }
    union = len(set(by_a) | set(by_b))
    similarity = 1.0 if union == 0 else sum(sims) / union
    names = {k: (by_b.get(k) or by_a.get(k)).naam for k in set(by_a) | set(by_b)}  # type: ignore[union-attr]
    return (
        {
            "added": added,
            "removed": removed,
            "namen": {k: names[k] for k in sorted(added + removed)},
            "gewijzigd": gewijzigd,
        },
        similarity,
    )


def diff_werkproces(a: Werkproces, b: Werkproces, norm: RoleNormaliser, only: str | None = None) -> dict:
    titel = None if fold(a.titel) == fold(b.titel) else {"a": a.titel, "b": b.titel}
    oa, ob = norm.a(a.omschrijving), norm.b(b.omschrijving)
    omschrijving = None if oa == ob else {"a": a.omschrijving, "b": b.omschrijving, "woorden": word_diff(oa, ob)}
    gewenst, gewenst_sim = list_diff([norm.a(x) for x in a.gewenst_resultaat], [norm.b(x) for x in b.gewenst_resultaat])
    vk_a = [v.tekst + (" (t)" if v.taal else "") for v in a.vakkennis_en_vaardigheden]
    vk_b = [v.tekst + (" (t)" if v.taal else "") for v in b.vakkennis_en_vaardigheden]
    vakkennis, vk_sim = list_diff(vk_a, vk_b)
    comps, comp_sim = _competenties(a, b, norm)
    parts = [
        (0.5, 1.0 if titel is None else text_similarity(a.titel, b.titel)),
        (1.0, text_similarity(oa, ob)),
        (1.0, gewenst_sim),
        (1.0, vk_sim),
        (2.0, comp_sim),
    ]
    extra: dict = {}
    if getattr(a, "deel", None) or getattr(b, "deel", None):  # 2015 model: resultaat, gedrag, aanvullend
        from .diff2015 import diff_2015

        extra, extra_parts = diff_2015(a, b, norm)
        parts += extra_parts
    similarity = sum(w * s for w, s in parts) / sum(w for w, _ in parts)
    out = {
        "code_a": a.code,
        "code_b": b.code,
        "titel": titel,
        "competenties": comps,
        "vakkennis_en_vaardigheden": vakkennis,
        "gewenst_resultaat": gewenst,
        "omschrijving": omschrijving,
        **extra,
        "similarity": round(similarity, 3),
    }
    if only:
        out = _filter_only(out, only)
    out["changed"] = _wp_changed(out)
    return out


def _filter_only(d: dict, only: str) -> dict:
    empty_list: dict[str, list] = {"added": [], "removed": [], "changed": []}
    keep = {
        "competenties": {"competenties"},
        "vakkennis": {"vakkennis_en_vaardigheden"},
        "teksten": {"titel", "omschrijving", "gewenst_resultaat"},
    }[only]
    out = dict(d)
    if "titel" not in keep:
        out["titel"] = None
    if "omschrijving" not in keep:
        out["omschrijving"] = None
    if "gewenst_resultaat" not in keep:
        out["gewenst_resultaat"] = dict(empty_list)
    if "vakkennis_en_vaardigheden" not in keep:
        out["vakkennis_en_vaardigheden"] = dict(empty_list)
    if "competenties" not in keep:
        out["competenties"] = {"added": [], "removed": [], "namen": {}, "gewijzigd": {}}
    from .diff2015 import filter_only_2015

    return filter_only_2015(out, "titel" in keep)


def _wp_changed(d: dict) -> bool:
    c = d["competenties"]
    lists = (d["vakkennis_en_vaardigheden"], d["gewenst_resultaat"])
    return bool(
        d["titel"]
        or d["omschrijving"]
        or c["added"]
        or c["removed"]
        or c["gewijzigd"]
        or any(x["added"] or x["removed"] or x["changed"] for x in lists)
        or d["code_a"] != d["code_b"]
        or _changed_2015(d)
    )


def _changed_2015(d: dict) -> bool:
    from .diff2015 import changed_2015

    return changed_2015(d)


# ---------------------------------------------------------------- profile


def _content(wp: Werkproces, norm) -> str:
    parts = [wp.titel, norm(wp.omschrijving), *map(norm, wp.gewenst_resultaat)]
    parts += [v.tekst for v in wp.vakkennis_en_vaardigheden]
    parts += [c.naam + " " + norm(c.prestatie_indicator) for c in wp.competenties]
    parts += [norm(getattr(wp, "resultaat", ""))] + [norm(g.tekst) for g in getattr(wp, "gedrag", [])]
    return " ".join(parts)


def kerntaak_of(code: str) -> str:
    """The kerntaak code of a werkproces code: 2.5 -> 2, B1-K1-W2 -> B1-K1."""
    return code.rsplit("-W", 1)[0] if "-W" in code else code.split(".")[0]


def diff(a: Bron, b: Bron, kerntaak: str | None = None, werkproces: str | None = None, only: str | None = None) -> dict:
    pa, pb = a.profiel, b.profiel
    norm = RoleNormaliser(pa, pb)

    def selected(p: Profiel) -> dict[str, Werkproces]:
        out: dict[str, Werkproces] = {}
        for wp in p.werkprocessen():
            if not wp.in_profiel and not wp.heeft_detail:
                continue
            if kerntaak and kerntaak_of(wp.code) != kerntaak.upper():
                continue
            if werkproces and wp.code != werkproces.upper():
                continue
            out.setdefault(wp.code, wp)
        return out

    wa, wb = selected(pa), selected(pb)
    shared = sorted(set(wa) & set(wb), key=code_key)
    only_a = sorted(set(wa) - set(wb), key=code_key)
    only_b = sorted(set(wb) - set(wa), key=code_key)

    # renumbered or renamed: pair leftovers by title and content similarity
    renumbered: list[dict] = []
    candidates = sorted(
        (
            (max(text_similarity(_content(wa[x], norm.a), _content(wb[y], norm.b)), text_similarity(wa[x].titel, wb[y].titel)), x, y)
            for x in only_a
            for y in only_b
        ),
        reverse=True,
    )
    paired_a: set[str] = set()
    paired_b: set[str] = set()
    for sim, x, y in candidates:
        if sim >= RENUMBER_THRESHOLD and x not in paired_a and y not in paired_b:
            renumbered.append({"a": x, "b": y, "similarity": round(sim, 3)})
            paired_a.add(x)
            paired_b.add(y)
    only_a = [c for c in only_a if c not in paired_a]
    only_b = [c for c in only_b if c not in paired_b]

    werkprocessen = {}
    for code in shared:
        werkprocessen[code] = diff_werkproces(wa[code], wb[code], norm, only)
    for pair in renumbered:
        werkprocessen[pair["a"]] = diff_werkproces(wa[pair["a"]], wb[pair["b"]], norm, only)

    algemeen = {}
    if not (kerntaak or werkproces) and only in (None, "teksten"):
        da = pa.algemene_informatie.model_dump(exclude={"bron"})
        db = pb.algemene_informatie.model_dump(exclude={"bron"})
        for key in {**da, **db}:  # 2015 fields are left out of a dump while empty
            va, vb = da.get(key, ""), db.get(key, "")
            xa, xb = norm.a(va), norm.b(vb)
            algemeen[key] = None if xa == xb else {"a": va, "b": vb, "woorden": word_diff(xa, xb)}

    pair_sims = [w["similarity"] for w in werkprocessen.values()]
    union = len(pair_sims) + len(only_a) + len(only_b)
    overlap = 0.0 if union == 0 else sum(pair_sims) / union
    identical = [c for c, w in werkprocessen.items() if not w["changed"]]
    changed = bool(only_a or only_b or renumbered or any(w["changed"] for w in werkprocessen.values()))
    changed = changed or any(v for v in algemeen.values())
    extra: dict = {}
    if getattr(pa, "code", None) or getattr(pb, "code", None):  # 2015 model: overlap figures
        from .diff2015 import overlap as overlap_2015

        extra["overlap"] = overlap_2015(wa, wb, {"shared": shared, "identical": identical, "renumbered": renumbered})
        if not werkproces and only in (None, "vakkennis", "teksten"):
            from .diff2015 import diff_kerntaken

            extra["kerntaken"] = diff_kerntaken(pa, pb, norm, kerntaak)
            changed = changed or any(k["changed"] for k in extra["kerntaken"].values())
    return {
        "a": pa.naam,
        "b": pb.naam,
        "bron_a": str(a.pad) if a.pad else None,
        "bron_b": str(b.pad) if b.pad else None,
        "filters": {"kerntaak": kerntaak, "werkproces": werkproces, "only": only},
        "normalisatie": (
            {"rolnaam": norm.names, "vervangen_door": norm.replacement} if norm.active else None
        ),
        "only_a": only_a,
        "only_b": only_b,
        "shared": shared,
        "renumbered": renumbered,
        "identical": identical,
        "werkprocessen": werkprocessen,
        "algemene_informatie": algemeen,
        "similarity": round(overlap, 3),
        "changed": changed,
        **extra,
    }
