"""The diff report as Markdown (to paste into curriculum documents): the blocks of diff_doc, in
the language of the run. Every text from a dossier goes through md(), which escapes Markdown and HTML."""

from __future__ import annotations

import re

from ..analyse.diff_report import DiffReport, WoordOp
from ..taal import N_, _, in_taal
from .diff_doc import Inhoud, Noot, Regel, Tabel, bron_label, build, change_label

_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")
SOORT = {"added": N_("{label} added"), "removed": N_("{label} removed"), "changed": N_("{label} changed")}


def md(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_words(ops: list[WoordOp]) -> str:
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(md(op.a))
            continue
        if op.a:
            out.append(f"~~{md(op.a)}~~")
        if op.b:
            out.append(f"**{md(op.b)}**")
    return " ".join(out)


def slug(text: str) -> str:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", " ".join(text.lower().split())).replace(" ", "-")


def _tabel(t: Tabel) -> list[str]:
    out = [f"**{md(t.titel)}**", ""] if t.titel else []
    out.append("| " + " | ".join(md(k) for k in t.kolommen) + " |")
    out.append("|" + "|".join("---:" if i in t.rechts else "---" for i in range(len(t.kolommen))) + "|")
    out += ["| " + " | ".join(md(c) for c in row) + " |" for row in t.rijen]
    return [*out, ""]


def regel(g: Regel) -> str:
    lab = change_label(g)
    lab = lab[:1].upper() + lab[1:]
    if g.veld == "competentie":
        lab = _(SOORT[g.soort]).format(label=lab)
    else:
        parts = lab.split(" (", 1)
        lab = _(SOORT[g.soort]).format(label=parts[0]) + (f" ({parts[1]}" if len(parts) > 1 else "")
    body = " ".join(x for x in (md(g.tekst), md_words(g.woorden) if g.woorden is not None else "") if x)
    return f"- {lab}: {body} _({g.impact})_"


def _inhoud(b: Inhoud, indent: str = "") -> list[str]:
    out = [f"{indent}- **{md(b.label)}**" + (f": {md(b.tekst)}" if b.tekst else "")]
    out += [f"{indent}  - {md(i)}" for i in b.items]
    for s in b.sub:
        out += _inhoud(s, indent + "  ")
    return out


def diff_markdown(report: DiffReport, taal: str | None = None) -> str:
    """The report as Markdown, in `taal` (None: the language of the run)."""
    with in_taal(taal):
        return _markdown(report)


def _markdown(report: DiffReport) -> str:
    doc = build(report)
    lines = ["# " + _("Differences: {a} (A) ↔ {b} (B)").format(a=md(doc.a), b=md(doc.b)), ""]
    zijden = doc.zijden(bron_label(report.bron_a), bron_label(report.bron_b))
    if any(extra for _, _, extra in zijden):  # as the HTML: each side's level and file (versions share a name)
        lines += [f"- **{k}**: {md(naam)}" + (f" ({md(extra)})" if extra else "") for k, naam, extra in zijden] + [""]
    if doc.kruis:
        lines += [f"- {md(doc.kruis.dossier_a)}", f"- {md(doc.kruis.dossier_b)}", "", f"**{md(doc.kruis.noot)}**", ""]
    for block in doc.samenvatting:
        if isinstance(block, Tabel):
            lines += _tabel(block)
        elif isinstance(block, Noot):
            lines += [f"**{md(block.tekst)}**" if block.sterk else f"_{md(block.tekst)}_", ""]
    if doc.secties:
        lines += ["## " + _("Contents"), ""]
        for s in doc.secties:
            heading = f"{s.kop.volledig}"
            lines.append(f"- [{md(heading)}](#{slug(heading)}) _({s.kop.impact})_")
        lines.append("")
    for s in doc.secties:
        sub = ", ".join(x for x in (s.kop.sub, s.kop.impact) if x)
        lines += [f"## {md(s.kop.volledig)}", ""]
        if sub:
            lines += [f"_{md(sub)}_", ""]
        for b in s.blokken:
            if isinstance(b, Regel):
                lines.append(regel(b))
            elif isinstance(b, Inhoud):
                lines += _inhoud(b)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
