"""The diff report laid out once as a list of blocks (headings, tables, change lines, content);
the terminal, Markdown and HTML emitters only decide how each block looks, so the three formats
carry the same content. Labels are in the language of the run (taal.py); the domain's own words
(werkproces, kerntaak, the impact grades, field names) are Dutch in both."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..analyse.diff_report import (
    IMPACTS,
    DiffReport,
    Eenzijdig,
    WerkprocesDiff,
    Wijziging,
    WoordOp,
    label,
)
from ..taal import _, in_taal
from .console import pct


@dataclass
class Kop:
    niveau: int
    tekst: str  # a werkproces code, or the name of a section
    anker: str
    impact: str | None = None
    sub: str = ""
    titel: str = ""  # the werkproces title

    @property
    def volledig(self) -> str:
        return f"{self.tekst}  {self.titel}" if self.titel else self.tekst


@dataclass
class Tabel:
    titel: str | None
    kolommen: list[str]
    rijen: list[list[str]]
    rechts: set[int] = field(default_factory=set)  # right-aligned columns
    anker: str = ""


@dataclass
class Noot:
    tekst: str
    sterk: bool = False


@dataclass
class Regel:
    """One change: sign + (added) − (removed) ~ (changed), the field, the text or a word diff."""

    teken: str
    veld: str
    soort: str
    tekst: str
    impact: str
    competentie: str | None = None
    woorden: list[WoordOp] | None = None
    a: str | None = None
    b: str | None = None
    werkproces: str | None = None


@dataclass
class Inhoud:
    """Content of a werkproces only one side has: a labelled text or list."""

    label: str
    tekst: str = ""
    items: list[str] = field(default_factory=list)
    sub: list[Inhoud] = field(default_factory=list)


@dataclass
class Sectie:
    kop: Kop
    blokken: list[Regel | Inhoud] = field(default_factory=list)
    soort: str = "profiel"  # wp (changed werkproces), eenzijdig, profiel


@dataclass
class Doc:
    a: str
    b: str
    samenvatting: list[Tabel | Noot]
    secties: list[Sectie]
    taal: str
    kruis: Kruis | None = None  # two dossiers: each side's dossier and the line that says so
    niveau_a: str = ""  # "niveau 3, NLQF/EQF 3" ("" when the dossier gives none)
    niveau_b: str = ""

    def zijden(self, bron_a: str | None, bron_b: str | None) -> list[tuple[str, str, str]]:
        """(A or B, profile name, its file and level) for the header: "file; niveau 3, NLQF/EQF 3"
        (the file first: two versions of one profile differ there, not in their level)."""
        return [
            (k, naam, "; ".join(x for x in (bron or "", niveau) if x))
            for k, naam, niveau, bron in (("A", self.a, self.niveau_a, bron_a), ("B", self.b, self.niveau_b, bron_b))
        ]


@dataclass
class Kruis:
    """Two profiles of two dossiers: the header lines that name them and say how they pair."""

    dossier_a: str  # "Dossier A: titel (crebo N)"
    dossier_b: str
    noot: str
    titel_a: str = ""  # "titel (crebo N)"
    titel_b: str = ""


SIGN = {"added": "+", "removed": "−", "changed": "~"}


def bron_label(pad: str | None) -> str | None:
    """The file a side came from, for the reports; none for the bundled data (a path inside
    the installation says nothing to the colleague a report is sent to)."""
    from pathlib import Path

    from ..read import bundled_dir

    if pad is None or Path(pad).resolve().parent == bundled_dir().resolve():
        return None
    return pad


def build(r: DiffReport, taal: str | None = None) -> Doc:
    """The report's blocks in `taal` (None: the language of the run)."""
    with in_taal(taal):
        return _build(r)


def _build(r: DiffReport) -> Doc:
    summary: list[Tabel | Noot] = [
        _sets(r),
        _overlap(r),
        Noot(_("Profile overlap: {pct}").format(pct=pct(r.similarity)), sterk=True),
    ]
    if r.overlap:  # 2015 model
        o = r.overlap
        basis = _(
            "Basisdeel: {gedeeld} werkprocessen shared, {identiek} identical; aanvullend in A: {aa}; in B: {ab}. "
            "Profieldeel: {pa} (A) and {pb} (B) werkprocessen, {gepaard} alike."
        )
        summary.append(
            Noot(
                basis.format(
                    gedeeld=o["basis_gedeeld"],
                    identiek=o["basis_identiek"],
                    aa=" ".join(o["basis_met_aanvullend_a"]) or "—",
                    ab=" ".join(o["basis_met_aanvullend_b"]) or "—",
                    pa=o["profieldeel_a"],
                    pb=o["profieldeel_b"],
                    gepaard=o["profieldeel_gepaard"],
                ),
                sterk=True,
            )
        )
    summary.append(_impacts(r))
    if r.normalisatie:
        names = " / ".join(r.normalisatie["rolnaam"])
        normalised = _("Role names normalised ({names} → {to}): not counted as differences.")
        summary.append(Noot(normalised.format(names=names, to=r.normalisatie["vervangen_door"])))
    secties: list[Sectie] = []
    if not r.summary:
        if r.kerntaken:
            s = Sectie(Kop(2, "Kerntaken", "kerntaken", _max(c.impact for c in r.kerntaken.values())))
            s.blokken = [_regel(c, prefix=f"{code} ") for code, c in r.kerntaken.items()]
            secties.append(s)
        for code, cs in r.kerntaak_velden.items():  # 2015 model: texts of a kerntaak
            kop = Kop(2, f"Kerntaak {code}", f"kt-{code}", _max(c.impact for c in cs))
            secties.append(Sectie(kop, [_regel(c) for c in cs], "kerntaak"))
        secties += [_werkproces(wp) for wp in r.werkprocessen if wp.changed]
        secties += [_eenzijdig(e, r) for e in r.eenzijdig]
        changed_ai = {k: v for k, v in r.algemene_informatie.items() if v}
        if changed_ai:
            s = Sectie(
                Kop(2, "Algemene informatie", "algemene-informatie", _max(c.impact for c in changed_ai.values()))
            )
            s.blokken = [_regel(c) for c in changed_ai.values()]
            secties.append(s)
    from ..taal import huidige

    doc = Doc(r.a, r.b, summary, secties, huidige(), kruis(r))
    doc.niveau_a, doc.niveau_b = niveau_label(r.niveau_a, r.nlqf_a), niveau_label(r.niveau_b, r.nlqf_b)
    return doc


def niveau_label(niveau: int | None, nlqf: int | None) -> str:
    """A profile's MBO niveau and NLQF/EQF level as the report headers say it."""
    if niveau is None:
        return ""
    if nlqf is None:
        return _("niveau {niveau}").format(niveau=niveau)
    return _("niveau {niveau}, NLQF/EQF {nlqf}").format(niveau=niveau, nlqf=nlqf)


def kruis(r: DiffReport) -> Kruis | None:
    """The lines that name both dossiers of a diff across two (None: one dossier)."""
    if r.zelfde_dossier:
        return None
    regel = _("Dossier {side}: {dossier}")
    return Kruis(
        regel.format(side="A", dossier=r.dossier_a.label),
        regel.format(side="B", dossier=r.dossier_b.label),
        _("A and B come from different dossiers: werkprocessen paired by content, not by code"),
        r.dossier_a.label,
        r.dossier_b.label,
    )


def _max(grades: Iterable[str]) -> str | None:
    gs = list(grades)
    return max(gs, key=IMPACTS.index) if gs else None


def _sets(r: DiffReport) -> Tabel:
    rows = [
        [_("shared"), " ".join(r.shared) or "—", str(len(r.shared))],
        [_("only A"), " ".join(r.only_a) or "—", str(len(r.only_a))],
        [_("only B"), " ".join(r.only_b) or "—", str(len(r.only_b))],
    ]
    if r.renumbered:
        rows.append([_("renumbered"), " ".join(f"{h.a}→{h.b}" for h in r.renumbered), str(len(r.renumbered))])
    grade = r.filters.get("min_impact")
    # with --min-impact a werkproces whose changes are all hidden is not identical: say what is true
    same = _("no change at or above {grade}").format(grade=grade) if grade else _("identical")
    rows.append([same, " ".join(r.identical) or "—", str(len(r.identical))])
    return Tabel(None, ["", "werkprocessen", _("count")], rows, {2}, "summary")


def _overlap(r: DiffReport) -> Tabel:
    """Per werkproces: similarity, competences added/removed, vakkennis +added −removed ~changed
    (not for the 2015 model, which keeps vakkennis per kerntaak), impact. A column that --only
    hides says so rather than showing no change."""
    only = r.filters.get("only")
    hidden = _("hidden")
    with_vk = r.overlap is None  # 2012 model: vakkennis per werkproces
    rows = []
    for wp in sorted(r.werkprocessen, key=lambda x: -x.similarity):
        if only in (None, "competenties"):
            added = [f"+{c.competentie}" for c in wp.of("competentie", "added")]
            cs = " ".join(added + [f"−{c.competentie}" for c in wp.of("competentie", "removed")]) or "="
        else:
            cs = hidden
        row = [wp.label, pct(wp.similarity), cs]
        if with_vk:
            n = {s: len(wp.of("vakkennis_en_vaardigheden", s)) for s in ("added", "removed", "changed")}
            vk = f"+{n['added']} −{n['removed']} ~{n['changed']}" if only in (None, "vakkennis") else hidden
            row.append(vk)
        rows.append([*row, wp.impact or "—"])
    kolommen = ["werkproces", _("similarity"), "competenties", *(["vakkennis"] if with_vk else []), "impact"]
    return Tabel(
        _("Overlap per werkproces (sorted by similarity)"), kolommen, rows, {1, 3} if with_vk else {1}, "overlap"
    )


def _impacts(r: DiffReport) -> Tabel:
    t = r.telling()
    rows = [[f"kerntaak {kt}", *(str(c[g]) for g in IMPACTS)] for kt, c in t["kerntaken"].items()]
    rows.append([_("profile (total)"), *(str(t["profiel"][g]) for g in IMPACTS)])
    return Tabel(_("Changes per impact grade"), ["", *IMPACTS], rows, {1, 2, 3}, "impact")


def _regel(c: Wijziging, prefix: str = "", werkproces: str | None = None) -> Regel:
    if c.veld == "competentie":
        tekst = f"{c.competentie} {c.competentie_naam}"
    elif c.soort == "added":
        tekst = prefix + (c.nieuw or "")
    elif c.soort == "removed":
        tekst = prefix + (c.oud or "")
    elif c.woorden is None:
        tekst = f"{prefix}{c.oud} → {c.nieuw}"
    else:
        tekst = prefix
    return Regel(SIGN[c.soort], c.veld, c.soort, tekst, c.impact, c.competentie, c.woorden, c.oud, c.nieuw, werkproces)


def _werkproces(wp: WerkprocesDiff) -> Sectie:
    titel = wp.titel_b if wp.titel_a == wp.titel_b else f"{wp.titel_a} → {wp.titel_b}"
    kop = Kop(2, wp.label, "wp-" + wp.code_a, wp.impact, _("{pct} similar").format(pct=pct(wp.similarity)), titel)
    return Sectie(kop, [_regel(c, werkproces=wp.code_a) for c in wp.wijzigingen], "wp")


def _eenzijdig(e: Eenzijdig, r: DiffReport) -> Sectie:
    naam = r.a if e.kant == "a" else r.b
    waar = _("only in {side} ({naam})").format(side=e.kant.upper(), naam=naam)
    kop = Kop(2, e.code, f"wp-{e.kant}-{e.code}", e.impact, waar, e.titel)
    blokken: list[Regel | Inhoud] = [
        Regel(
            "−" if e.kant == "a" else "+",
            "werkproces",
            "removed" if e.kant == "a" else "added",
            f"{e.code} {e.titel}",
            e.impact,
            werkproces=e.code,
        )
    ]
    m2015 = "gedrag" in e.lijsten  # the 2015 model leaves fields empty that it does not have: not shown
    for veld, tekst in e.teksten.items():
        if tekst or not m2015:
            blokken.append(Inhoud(label(veld), tekst=tekst or "—"))
    for veld, items in e.lijsten.items():
        if items or not m2015:
            blokken.append(Inhoud(label(veld), items=items))
    for c in e.competenties:
        sub = (
            [Inhoud("prestatie-indicator", tekst=c.prestatie_indicator or "—")]
            if c.prestatie_indicator or not m2015
            else []
        )
        blokken.append(Inhoud(f"{c.letter or '?'} {c.naam}", items=c.componenten, sub=sub))
    return Sectie(kop, blokken, "eenzijdig")


def change_label(g: Regel) -> str:
    """'component (H)', 'prestatie-indicator (H)', 'vakkennis', ..."""
    base = label(g.veld)
    return f"{base} ({g.competentie})" if g.competentie and g.veld != "competentie" else base
