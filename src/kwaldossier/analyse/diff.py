"""Compare two profiles (two exits of one programme) or two versions of one profile into the
typed report of diff_report.py; impact grades per change (README, diff)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import LookupFailed
from ..model.codes import code_key
from ..read.geladen import GeladenProfiel
from . import diff2015
from .diff_report import (
    AANVULLEND_FIELDS,
    INHOUDELIJK,
    LIST_FIELDS,
    ONLY,
    RANK,
    REDACTIONEEL,
    STRUCTUREEL,
    TEXT_FIELDS,
    CompetentieTekst,
    DiffReport,
    Eenzijdig,
    Hernummering,
    WerkprocesDiff,
    Wijziging,
)
from .rolnaam import RoleNormaliser
from .worddiff import Folder, item_similarity, text_impact, text_similarity, word_diff

if TYPE_CHECKING:
    from ..model.vorm import ProfielVorm, WerkprocesVorm

RENUMBER_THRESHOLD = 0.75
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
        return {"gewenst_resultaat": [], "vakkennis_en_vaardigheden": [], "gedrag": [g.tekst.rstrip(";. ") for g in wp.gedrag]}
    return {
        "gewenst_resultaat": list(wp.gewenst_resultaat),
        "vakkennis_en_vaardigheden": [v.tekst + (" (t)" if v.taal else "") for v in wp.vakkennis_en_vaardigheden],
    }


def _competenties(wp: WerkprocesVorm) -> list[tuple[str | None, str, list[str], str]]:
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

    def tekst(self, veld: str, a: str, b: str, na: str, nb: str, structural: bool = False) -> Wijziging | None:
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
            changed.append(Wijziging(veld, "changed", a[i], b[j], impact, word_diff(a[i], b[j], f), round(sim, 3), **extra))
            matched += sim
        out = [Wijziging(veld, "added", None, b[j], INHOUDELIJK, **extra) for j in left_b if j not in paired_b]
        out += [Wijziging(veld, "removed", a[i], None, INHOUDELIJK, **extra) for i in left_a if i not in paired_a]
        total = len(a) + len(b)
        return out + changed, 1.0 if total == 0 else 2 * matched / total

    def competenties(self, wa: WerkprocesVorm, wb: WerkprocesVorm) -> tuple[list[Wijziging], float]:
        f, norm = self.f, self.norm
        by_a: dict[str, tuple[str | None, str, list[str], str]] = {}
        by_b: dict[str, tuple[str | None, str, list[str], str]] = {}
        for c in _competenties(wa):
            by_a.setdefault(c[0] or f(c[1]), c)
        for c in _competenties(wb):
            by_b.setdefault(c[0] or f(c[1]), c)
        out = [Wijziging("competentie", "added", None, c[1], STRUCTUREEL, competentie=k, competentie_naam=c[1]) for k, c in by_b.items() if k not in by_a]
        out += [Wijziging("competentie", "removed", c[1], None, STRUCTUREEL, competentie=k, competentie_naam=c[1]) for k, c in by_a.items() if k not in by_b]
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


def _content(wp: WerkprocesVorm, norm: Callable[[str], str]) -> str:
    parts = [wp.titel, norm(wp.omschrijving), *map(norm, lijsten(wp)["gewenst_resultaat"])]
    if wp.model == "2012":
        parts += [v.tekst for v in wp.vakkennis_en_vaardigheden]
    parts += [naam + " " + norm(indicator) for _, naam, _, indicator in _competenties(wp)]
    if wp.model == "2015":
        parts += [norm(wp.resultaat), *(norm(g.tekst) for g in wp.gedrag)]
    return " ".join(parts)


def _renumber_similarity(v: Vergelijker, x: Any, y: Any) -> float:
    """How alike two werkprocessen under different codes are: by title, or by all their text.
    The text comparison is skipped when a cheap upper bound says it cannot reach the threshold."""
    titel = text_similarity(x.titel, y.titel, v.f)
    ca, cb = _content(x, v.norm.a), _content(y, v.norm.b)
    if v.f.word_bound(ca, cb) < RENUMBER_THRESHOLD:
        return titel
    return max(text_similarity(ca, cb, v.f), titel)


def _alike(v: Vergelijker, x: Any, y: Any) -> bool:
    """_renumber_similarity >= RENUMBER_THRESHOLD, the cheap way first: one code with the same
    title on both sides (the usual case) needs no look at the texts."""
    if x.titel == y.titel or text_similarity(x.titel, y.titel, v.f) >= RENUMBER_THRESHOLD:
        return True
    return _renumber_similarity(v, x, y) >= RENUMBER_THRESHOLD


def _eenzijdig(wp: Any, kant: str, kerntaak: str) -> Eenzijdig:
    t = teksten(wp)
    comps = [CompetentieTekst(*c) for c in _competenties(wp)]
    return Eenzijdig(wp.code, kant, kerntaak, t.pop("titel"), t, lijsten(wp), comps)


# ---------------------------------------------------------------- profile


def _kerntaak_of(code: str) -> str:
    """The kerntaak code of a werkproces code: 2.5 -> 2, B1-K1-W2 -> B1-K1."""
    return code.rsplit("-W", 1)[0] if "-W" in code else code.split(".")[0]


def _check_filters(pa: Any, pb: Any, kerntaak: str | None, werkproces: str | None) -> tuple[str | None, str | None]:
    """A filter value neither profile has is a usage error naming what is allowed. Returns the
    values as the profiles write them (b1-k1 is B1-K1)."""
    kts = sorted({kt.code for p in (pa, pb) for kt in p.kerntaken}, key=_sort_key)
    if kerntaak is not None and kerntaak not in kts and kerntaak.upper() in kts:
        kerntaak = kerntaak.upper()
    if kerntaak is not None and kerntaak not in kts:
        raise LookupFailed(f"--kerntaak {kerntaak!r}: no such kerntaak in either profile; allowed: {', '.join(kts)}")
    wps = sorted(
        {wp.code for p in (pa, pb) for wp in p.werkprocessen() if not kerntaak or _kerntaak_of(wp.code) == kerntaak},
        key=_sort_key,
    )
    if werkproces is not None and werkproces not in wps and werkproces.upper() in wps:
        werkproces = werkproces.upper()
    if werkproces is not None and werkproces not in wps:
        where = f" in kerntaak {kerntaak}" if kerntaak else " in either profile"
        raise LookupFailed(f"--werkproces {werkproces!r}: no such werkproces{where}; allowed: {', '.join(wps)}")
    return kerntaak, werkproces


def _sort_key(code: str) -> tuple:
    try:
        return (0, code_key(code))
    except ValueError:
        return (1, code)


def diff(
    a: GeladenProfiel,
    b: GeladenProfiel,
    kerntaak: str | None = None,
    werkproces: str | None = None,
    only: str | None = None,
    min_impact: str | None = None,
) -> DiffReport:
    pa, pb = a.profiel, b.profiel
    kerntaak, werkproces = _check_filters(pa, pb, kerntaak, werkproces)
    v = Vergelijker(pa, pb)
    norm = v.norm

    def selected(bron: GeladenProfiel) -> dict[str, Any]:
        p = bron.profiel
        out: dict[str, Any] = {}
        for wp in p.werkprocessen():
            if not wp.in_profiel and not wp.heeft_detail:
                continue
            if kerntaak and _kerntaak_of(wp.code) != kerntaak:
                continue
            if werkproces and wp.code != werkproces:
                continue
            if wp.code in out:  # two werkprocessen under one code: a diff would silently drop one
                from ..errors import InputError

                lines = [*wp.bron.kop, *(wp.bron.matrix if wp.model == "2012" else ())]
                raise InputError(
                    str(bron.pad) if bron.pad else p.naam,
                    lines[0] if lines else None,
                    f"profiel {p.naam!r} has werkproces {wp.code} twice; a diff cannot pair them "
                    "(`kwaldossier validate` reports both)",
                )
            out[wp.code] = wp
        return out

    wa, wb = selected(a), selected(b)
    shared = sorted(set(wa) & set(wb), key=_sort_key)
    only_a = sorted(set(wa) - set(wb), key=_sort_key)
    only_b = sorted(set(wb) - set(wa), key=_sort_key)

    # renumbered or renamed: pair by title and content similarity the leftovers, and the shared
    # codes whose two sides do not match (codes swapped: B1-K1-W1 <-> B1-K1-W2)
    loose = [c for c in shared if not _alike(v, wa[c], wb[c])]
    renumbered: list[Hernummering] = []
    candidates = sorted(
        (
            (sim, x, y)
            for x in [*only_a, *loose]
            for y in [*only_b, *loose]
            if x != y and (sim := _renumber_similarity(v, wa[x], wb[y])) >= RENUMBER_THRESHOLD
        ),
        reverse=True,
    )
    paired_a: set[str] = set()
    paired_b: set[str] = set()
    for sim, x, y in candidates:
        if x not in paired_a and y not in paired_b:
            renumbered.append(Hernummering(x, y, round(sim, 3)))
            paired_a.add(x)
            paired_b.add(y)
    renumbered.sort(key=lambda h: _sort_key(h.a))
    # a shared code whose A side went elsewhere leaves its B side alone (and the other way round)
    only_a = sorted({*(c for c in only_a if c not in paired_a), *(c for c in loose if c in paired_b and c not in paired_a)}, key=_sort_key)
    only_b = sorted({*(c for c in only_b if c not in paired_b), *(c for c in loose if c in paired_a and c not in paired_b)}, key=_sort_key)
    shared = [c for c in shared if c not in paired_a and c not in paired_b]

    pairs = [(code, code) for code in shared] + [(h.a, h.b) for h in renumbered]
    werkprocessen = [v.werkproces(wa[x], wb[y], _kerntaak_of(x)) for x, y in pairs]
    eenzijdig = [_eenzijdig(wa[c], "a", _kerntaak_of(c)) for c in only_a]
    eenzijdig += [_eenzijdig(wb[c], "b", _kerntaak_of(c)) for c in only_b]
    eenzijdig.sort(key=lambda e: _sort_key(e.code))

    algemeen: dict[str, Wijziging | None] = {}
    kerntaken: dict[str, Wijziging] = {}
    if not werkproces and only in (None, "teksten"):
        if not kerntaak:
            da, db = _algemeen(pa), _algemeen(pb)
            for key in {**da, **db}:
                xa, xb = da.get(key, ""), db.get(key, "")
                algemeen[key] = v.tekst(key, xa, xb, norm.a(xa), norm.b(xb))
        kerntaken = _kerntaken(v, pa, pb, kerntaak)
    model_2015 = pa.model == "2015" or pb.model == "2015"
    kt_velden: dict[str, list[Wijziging]] = {}
    if model_2015 and not werkproces:
        kt_velden = diff2015.kerntaak_velden(v, pa, pb, kerntaak)

    pair_sims = [w.similarity for w in werkprocessen]
    union = len(pair_sims) + len(only_a) + len(only_b)
    overlap = 0.0 if union == 0 else sum(pair_sims) / union

    # filters on what is shown: fields (--only) and grade (--min-impact)
    keep = (ONLY[only] | {"code"}) if only else None
    floor = RANK[min_impact] if min_impact else 0
    for w in werkprocessen:
        w.wijzigingen = [c for c in w.wijzigingen if (keep is None or c.veld in keep) and RANK[c.impact] >= floor]
    algemeen = {k: (c if c is not None and RANK[c.impact] >= floor else None) for k, c in algemeen.items()}
    kerntaken = {k: c for k, c in kerntaken.items() if RANK[c.impact] >= floor}
    kt_velden = {
        k: kept for k, cs in kt_velden.items() if (kept := [c for c in cs if (keep is None or c.veld in keep) and RANK[c.impact] >= floor])
    }
    identical = [w.code_a for w in werkprocessen if not w.changed]

    return DiffReport(
        a=a.naam,
        b=b.naam,
        bron_a=str(a.pad) if a.pad else None,
        bron_b=str(b.pad) if b.pad else None,
        filters={"kerntaak": kerntaak, "werkproces": werkproces, "only": only, "min_impact": min_impact},
        normalisatie={"rolnaam": norm.names, "vervangen_door": norm.replacement} if norm.active else None,
        shared=shared,
        only_a=only_a,
        only_b=only_b,
        renumbered=renumbered,
        werkprocessen=werkprocessen,
        algemene_informatie=algemeen,
        kerntaken=kerntaken,
        eenzijdig=eenzijdig,
        similarity=round(overlap, 3),
        overlap=diff2015.overlap(wa, wb, shared, identical, renumbered) if model_2015 else None,
        kerntaak_velden=kt_velden,
    )


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
    for code in sorted(set(ka) | set(kb), key=_sort_key):
        if code not in kb:
            out[code] = Wijziging("kerntaak", "removed", ka[code], None, STRUCTUREEL)
        elif code not in ka:
            out[code] = Wijziging("kerntaak", "added", None, kb[code], STRUCTUREEL)
        else:
            ch = v.tekst("kerntaak", ka[code], kb[code], ka[code], kb[code], structural=True)
            if ch is not None:
                out[code] = ch
    return out
