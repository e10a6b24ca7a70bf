"""diff, comparing: one pair of werkprocessen (or texts, lists) into changes with impact grades."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .diff_report import (
    AANVULLEND_FIELDS,
    INHOUDELIJK,
    LIST_FIELDS,
    REDACTIONEEL,
    STRUCTUREEL,
    TEXT_FIELDS,
    CompetentieTekst,
    Eenzijdig,
    WerkprocesDiff,
    Wijziging,
)
from .rolnaam import RoleNormaliser
from .worddiff import Folder, item_similarity, text_impact, text_similarity, word_diff

if TYPE_CHECKING:
    from ..model.vorm import WerkprocesVorm

PAIR_THRESHOLD = 0.75
WEIGHTS = {"titel": 0.5, "competenties": 2.0, "aanvullend": 0.5}  # every other field weighs 1


# ---------------------------------------------------------------- the fields of a werkproces


def teksten(wp: WerkprocesVorm) -> dict[str, str]:
    """Text fields (TEXT_FIELDS) of a werkproces, compared as a whole; the 2015 ones
    (resultaat and this profile's additions) only for a werkproces of that model."""
    out = {"titel": wp.titel, "omschrijving": wp.omschrijving}
    if wp.model == "2015":
        out |= {"resultaat": wp.resultaat, "omschrijving_aanvullend": wp.omschrijving_aanvullend}
        out["resultaat_aanvullend"] = wp.resultaat_aanvullend
    return out


def lijsten(wp: WerkprocesVorm) -> dict[str, list[str]]:
    """List fields (LIST_FIELDS) of a werkproces, compared item by item. A gedrag bullet's
    closing ';' or '.' only says whether it is the last one: no difference, so it is dropped.
    The 2015 model keeps vakkennis per kerntaak and has no gewenst resultaat: both empty."""
    if wp.model == "2015":
        return {
            "gewenst_resultaat": [],
            "vakkennis_en_vaardigheden": [],
            "gedrag": [g.tekst.rstrip(";. ") for g in wp.gedrag],
        }
    return {
        "gewenst_resultaat": list(wp.gewenst_resultaat),
        "vakkennis_en_vaardigheden": [v.tekst + (" (t)" if v.taal else "") for v in wp.vakkennis_en_vaardigheden],
    }


def competentie_rijen(wp: WerkprocesVorm) -> list[tuple[str | None, str, list[str], str]]:
    """(letter, naam, componenten, prestatie-indicator) per competence; the 2015 model has
    neither componenten nor indicators."""
    if wp.model == "2015":
        return [(c.letter, c.naam, [], "") for c in wp.competenties]
    return [(c.letter, c.naam, list(c.componenten), c.prestatie_indicator) for c in wp.competenties]


# ---------------------------------------------------------------- comparing pieces


class Vergelijker:
    """One diff run: the fold memo and the role normaliser."""

    def __init__(self, pa: Any, pb: Any) -> None:
        self.f = Folder()
        self.norm = RoleNormaliser(pa, pb, self.f)

    def tekst(  # noqa: PLR0913 - a field's two sides, each as shown and as compared
        self, veld: str, a: str, b: str, na: str, nb: str, *, structural: bool = False
    ) -> Wijziging | None:
        """a, b as shown; na, nb normalised (compared). A changed title is a rename (structural)
        unless the change is only redactioneel. Whitespace alone is no change: the same text
        laid out again (a PDF's line breaks, an XML export's double spaces) reads the same."""
        if na == nb or na.split() == nb.split():
            return None
        impact = text_impact(na, nb, self.f)
        if structural and impact != REDACTIONEEL:
            impact = STRUCTUREEL
        return Wijziging(veld, "changed", a, b, impact, word_diff(na, nb, self.f))

    def lijst(self, veld: str, a: list[str], b: list[str], **extra: Any) -> tuple[list[Wijziging], float]:
        """Items added, removed and changed; order alone is no change. Near-identical items pair up."""
        f = self.f
        rest_b: dict[str, list[int]] = {}
        for j, y in enumerate(b):
            rest_b.setdefault(f(y), []).append(j)
        left_a: list[int] = []
        used_b: set[int] = set()
        matched = 0.0
        for i, x in enumerate(a):
            hits = rest_b.get(f(x))
            if hits:
                used_b.add(hits.pop(0))
                matched += 1
            else:
                left_a.append(i)
        left_b = [j for j in range(len(b)) if j not in used_b]
        candidates = sorted(
            (
                (sim, i, j)
                for i in left_a
                for j in left_b
                if (sim := item_similarity(a[i], b[j], f, PAIR_THRESHOLD)) >= PAIR_THRESHOLD
            ),
            reverse=True,
        )
        paired_a: set[int] = set()
        paired_b: set[int] = set()
        changed = []
        for sim, i, j in candidates:
            if i in paired_a or j in paired_b:
                continue
            paired_a.add(i)
            paired_b.add(j)
            impact = text_impact(a[i], b[j], f)
            changed.append(
                Wijziging(veld, "changed", a[i], b[j], impact, word_diff(a[i], b[j], f), round(sim, 3), **extra)
            )
            matched += sim
        out = [Wijziging(veld, "added", None, b[j], INHOUDELIJK, **extra) for j in left_b if j not in paired_b]
        out += [Wijziging(veld, "removed", a[i], None, INHOUDELIJK, **extra) for i in left_a if i not in paired_a]
        total = len(a) + len(b)
        return out + changed, 1.0 if total == 0 else 2 * matched / total

    def competenties(self, wa: WerkprocesVorm, wb: WerkprocesVorm) -> tuple[list[Wijziging], float]:
        f, norm = self.f, self.norm
        by_a: dict[str, tuple[str | None, str, list[str], str]] = {}
        by_b: dict[str, tuple[str | None, str, list[str], str]] = {}
        for c in competentie_rijen(wa):
            by_a.setdefault(c[0] or f(c[1]), c)
        for c in competentie_rijen(wb):
            by_b.setdefault(c[0] or f(c[1]), c)
        out = [
            Wijziging("competentie", "added", None, c[1], STRUCTUREEL, competentie=k, competentie_naam=c[1])
            for k, c in by_b.items()
            if k not in by_a
        ]
        out += [
            Wijziging("competentie", "removed", c[1], None, STRUCTUREEL, competentie=k, competentie_naam=c[1])
            for k, c in by_a.items()
            if k not in by_b
        ]
        sims = []
        for k in [k for k in by_a if k in by_b]:
            (_, naam, comp_a, ind_a), (_, _, comp_b, ind_b) = by_a[k], by_b[k]
            comp, comp_sim = self.lijst("componenten", comp_a, comp_b, competentie=k, competentie_naam=naam)
            ia, ib = norm.a(ind_a), norm.b(ind_b)
            sims.append((comp_sim + text_similarity(ia, ib, f)) / 2)
            out += comp
            ind = self.tekst("prestatie_indicator", ind_a, ind_b, ia, ib)
            if ind is not None:
                ind.competentie, ind.competentie_naam = k, naam
                out.append(ind)
        union = len(set(by_a) | set(by_b))
        return out, 1.0 if union == 0 else sum(sims) / union

    def werkproces(self, wa: Any, wb: Any, kerntaak: str) -> WerkprocesDiff:
        f, norm = self.f, self.norm
        changes: list[Wijziging] = []
        parts: list[tuple[float, float]] = []
        if wa.code != wb.code:
            changes.append(Wijziging("code", "changed", wa.code, wb.code, STRUCTUREEL))
        ta, tb = teksten(wa), teksten(wb)
        text_changes = []
        for veld in TEXT_FIELDS:
            if veld not in ta and veld not in tb:  # a 2015 field of two 2012 werkprocessen
                continue
            xa, xb = ta.get(veld, ""), tb.get(veld, "")
            na, nb = (xa, xb) if veld == "titel" else (norm.a(xa), norm.b(xb))
            ch = self.tekst(veld, xa, xb, na, nb, structural=veld == "titel")
            if veld not in AANVULLEND_FIELDS:  # the additions weigh together, below
                parts.append((WEIGHTS.get(veld, 1.0), 1.0 if ch is None else text_similarity(na, nb, f)))
            if ch is not None:
                text_changes.append(ch)
        if any(v in ta or v in tb for v in AANVULLEND_FIELDS):
            xa = norm.a(" ".join(ta.get(v, "") for v in AANVULLEND_FIELDS))
            xb = norm.b(" ".join(tb.get(v, "") for v in AANVULLEND_FIELDS))
            parts.append((WEIGHTS["aanvullend"], text_similarity(xa, xb, f)))
        comps, comp_sim = self.competenties(wa, wb)
        parts.append((WEIGHTS["competenties"], comp_sim))
        la, lb = lijsten(wa), lijsten(wb)
        list_changes: list[Wijziging] = []
        for veld in LIST_FIELDS:
            if veld not in la and veld not in lb:
                continue
            xs, ys = la.get(veld, []), lb.get(veld, [])
            if veld != "vakkennis_en_vaardigheden":  # items that name the role
                xs, ys = [norm.a(x) for x in xs], [norm.b(y) for y in ys]
            items, sim = self.lijst(veld, xs, ys)
            parts.append((WEIGHTS.get(veld, 1.0), sim))
            list_changes += items
        similarity = sum(w * s for w, s in parts) / sum(w for w, _ in parts)
        titel = [c for c in text_changes if c.veld == "titel"]
        rest = [c for c in text_changes if c.veld != "titel"]
        # report order: code, titel, competences, list fields (vakkennis first), other texts
        list_changes.sort(key=lambda c: 0 if c.veld == "vakkennis_en_vaardigheden" else 1)
        changes += titel + comps + list_changes + rest
        model_2015 = wa.model == "2015" or wb.model == "2015"
        return WerkprocesDiff(wa.code, wb.code, kerntaak, wa.titel, wb.titel, round(similarity, 3), changes, model_2015)


def eenzijdig(wp: Any, kant: str, kerntaak: str) -> Eenzijdig:
    t = teksten(wp)
    comps = [CompetentieTekst(*c) for c in competentie_rijen(wp)]
    return Eenzijdig(wp.code, kant, kerntaak, t.pop("titel"), t, lijsten(wp), comps)
