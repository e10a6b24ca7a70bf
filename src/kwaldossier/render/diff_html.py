"""The diff report as one self-contained HTML page a designer can send: profile names, a table
of contents, werkproces titles, side-by-side word diffs, the full text of one-sided
werkprocessen, algemene informatie per field, impact grades with a CSS-only filter, print CSS.
Everything is built with html.el(), which escapes every text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analyse.diff_report import IMPACTS, DiffReport, WoordOp
from ..taal import _, in_taal
from .diff_doc import Doc, Inhoud, Noot, Regel, Sectie, Tabel, bron_label, build, change_label
from .html import Markup, el, esc, join, void

if TYPE_CHECKING:
    from ..read.geladen import GeladenProfiel

_CSS = Markup("""
:root{--a:#a00;--b:#080}
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222;line-height:1.4}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;vertical-align:top;text-align:left}
td.r{text-align:right}.nw{white-space:nowrap}.heatmap svg{max-width:100%;height:auto}caption{text-align:left;font-weight:bold;padding:.3rem 0}
.profielen{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}.profielen dt{font-weight:bold}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.side>div{border:1px solid #ddd;padding:.5rem 1rem;border-radius:6px}
.who{font-size:.8rem;color:#666;margin-bottom:.3rem}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
.added{color:var(--b)}.removed{color:var(--a)}.muted{color:#777;font-weight:normal}
h2{border-bottom:2px solid #eee;padding-top:1rem}h3{margin:.8rem 0 .3rem;font-size:1rem}
ul.changes{list-style:none;padding-left:0}ul.changes li{margin:.2rem 0}
.imp{display:inline-block;font-size:.75rem;border-radius:3px;padding:0 .4rem;margin-left:.4rem;border:1px solid #999;font-weight:normal}
.imp-redactioneel{background:#eee}.imp-inhoudelijk{background:#fff3c4}.imp-structureel{background:#f3d1f3}
.filter{display:inline-block;margin:1rem .5rem 1rem 0;font-weight:bold}.flt{margin-left:.8rem}label{cursor:pointer}
.chg.removed{color:var(--a)}.chg.added{color:var(--b)}.chg .side{color:#222}
#f-redactioneel:not(:checked)~main .chg.grade-redactioneel,
#f-inhoudelijk:not(:checked)~main .chg.grade-inhoudelijk,
#f-structureel:not(:checked)~main .chg.grade-structureel,
#f-structureel:not(:checked)~main section.eenzijdig,
#f-redactioneel:not(:checked)~main section[data-impact=redactioneel],
#f-redactioneel:not(:checked)~#f-inhoudelijk:not(:checked)~main section[data-impact=inhoudelijk],
#f-redactioneel:not(:checked)~#f-inhoudelijk:not(:checked)~#f-structureel:not(:checked)~main section[data-impact]{display:none}
dl.inhoud dt{font-weight:bold;margin-top:.5rem}dl.inhoud dd{margin-left:1rem}
@media print{body{margin:0;max-width:none}.filterbar,.flt,.filter{display:none}
 h2{break-after:avoid}.chg,.side,tr{break-inside:avoid}a{color:inherit;text-decoration:none}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
""")


def _words(ops: list[WoordOp], side: str) -> Markup:
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(esc(op.a))
        elif side == "a" and op.a:
            out.append(el("del", op.a))
        elif side == "b" and op.b:
            out.append(el("ins", op.b))
    return join(out, " ")


def _tabel(t: Tabel) -> Markup:
    rows = [el("tr", *(el("th", k) for k in t.kolommen))]
    for row in t.rijen:
        rows.append(el("tr", *(el("td", _cel(c), class_="r" if i in t.rechts else None) for i, c in enumerate(row))))
    caption = el("caption", t.titel) if t.titel else None
    return el("table", caption, *rows, id=t.anker or None)


def _cel(tekst: str) -> Markup | str:
    """A cell of codes ("B1-K1-W1 P1-K1-W3→B1-K1-W2"): each code kept on one line (a browser
    breaks after a hyphen, "P1-K1-" / "W1")."""
    if "-" not in tekst:
        return tekst
    return join([el("span", w, class_="nw") if "-" in w else Markup(esc(w)) for w in tekst.split(" ")], " ")


def _badge(impact: str | None) -> Markup | None:
    return el("span", impact, class_=f"imp imp-{impact}") if impact else None


def _regel(g: Regel, doc: Doc) -> Markup:
    lab = change_label(g)
    data = {"data_veld": g.veld, "data_werkproces": g.werkproces, "data_impact": g.impact}
    cls = {"+": "added", "−": "removed", "~": "changed"}[g.teken]
    if g.woorden is not None:
        left = el("div", el("div", f"A · {doc.a}", class_="who"), _words(g.woorden, "a"))
        right = el("div", el("div", f"B · {doc.b}", class_="who"), _words(g.woorden, "b"))
        head = el("h3", f"{g.teken} {lab}", " " + g.tekst if g.tekst else None, _badge(g.impact))
        return el("li", head, el("div", left, right, class_="side"), class_=f"chg {cls} grade-{g.impact}", **data)
    sep = " " if g.veld == "competentie" else ": "
    return el("li", f"{g.teken} {lab}{sep}{g.tekst}", _badge(g.impact), class_=f"chg {cls} grade-{g.impact}", **data)


def _inhoud(b: Inhoud) -> Markup:
    body: list[Markup] = []
    if b.tekst:
        body.append(el("p", b.tekst))
    if b.items:
        body.append(el("ul", *(el("li", i) for i in b.items)))
    if b.sub:
        body.append(el("dl", *(_inhoud(s) for s in b.sub), class_="inhoud"))
    return Markup(el("dt", b.label) + el("dd", *body))


def _sectie(s: Sectie, doc: Doc) -> Markup:
    sub = el("span", s.kop.sub, class_="muted") if s.kop.sub else None
    parts: list[Markup] = [el("h2", s.kop.volledig, " ", sub, _badge(s.kop.impact))]
    changes = [_regel(b, doc) for b in s.blokken if isinstance(b, Regel)]
    if changes:
        parts.append(el("ul", *changes, class_="changes"))
    content = [_inhoud(b) for b in s.blokken if isinstance(b, Inhoud)]
    if content:
        parts.append(el("dl", *content, class_="inhoud"))
    return el("section", *parts, class_=s.soort, id=s.kop.anker, data_impact=s.kop.impact)


def diff_html(report: DiffReport, geladen: list[GeladenProfiel] | None = None, taal: str | None = None) -> str:
    """The page, in `taal` (None: the language of the run); with the two profiles compared
    (geladen), their competence heat-map too."""
    with in_taal(taal):
        return _page(report, geladen)


def _kruis(doc: Doc) -> list[Markup]:
    """Two dossiers: each side's dossier and the line that says how the werkprocessen pair."""
    if doc.kruis is None:
        return []
    k = doc.kruis
    return [
        el("p", k.dossier_a, void("br"), k.dossier_b, class_="dossiers"),
        el("p", el("strong", k.noot), class_="kruis"),
    ]


def _page(report: DiffReport, geladen: list[GeladenProfiel] | None) -> str:
    doc = build(report)
    profielen = el(
        "dl",
        *(
            Markup(el("dt", k) + el("dd", naam, " ", el("span", f"({extra})", class_="muted") if extra else None))
            for k, naam, extra in doc.zijden(bron_label(report.bron_a), bron_label(report.bron_b))
        ),
        class_="profielen",
    )
    summary: list[Markup] = []
    for block in doc.samenvatting:
        if isinstance(block, Tabel):
            summary.append(_tabel(block))
        elif isinstance(block, Noot):
            summary.append(
                el(
                    "p",
                    el("strong", block.tekst) if block.sterk else block.tekst,
                    class_=None if block.sterk else "muted",
                )
            )
    main: list[Markup] = [el("section", el("h2", _("Summary")), *summary, id="samenvatting")]
    if geladen:
        from .svg import heatmap_svg

        kaart = Markup(heatmap_svg(geladen, id_prefix="kd-heatmap", inline=True))  # escaped by svg.py itself
        main.append(
            el("section", el("h2", _("Competences per profile")), el("div", kaart, class_="heatmap"), id="heatmap")
        )
    if doc.secties:
        toc = [
            el(
                "li",
                el("a", s.kop.volledig, href=f"#{s.kop.anker}"),
                " ",
                el("span", s.kop.sub, class_="muted") if s.soort == "eenzijdig" else None,
                _badge(s.kop.impact),
            )
            for s in doc.secties
        ]
        main.append(el("nav", el("h2", _("Contents")), el("ol", *toc), id="toc"))
        main += [_sectie(s, doc) for s in doc.secties]
    filt: list[Markup] = []
    if doc.secties:
        for g in IMPACTS:
            filt.append(void("input", type="checkbox", id=f"f-{g}", class_="flt", checked=True))
            filt.append(el("label", el("span", g, class_=f"imp imp-{g}"), for_=f"f-{g}"))
    title = _("Differences: {a} ↔ {b}").format(a=doc.a, b=doc.b)
    body = el(
        "body",
        el("header", el("h1", title), profielen, *_kruis(doc)),
        el(
            "div",
            el("span", _("Show changes with impact:"), class_="filter") if filt else None,
            *filt,
            el("main", *main),
            class_="filterbar-wrap",
        ),
    )
    head = el(
        "head",
        void("meta", charset="utf-8"),
        void("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("title", title),
        el("style", _CSS),
    )
    return "<!DOCTYPE html>\n" + el("html", head, body, lang=doc.taal) + "\n"
