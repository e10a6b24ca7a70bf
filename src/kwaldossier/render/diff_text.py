"""The diff report in the terminal (rich): the blocks of diff_doc, coloured, or plain with
[-removed-] {+added+} marks when piped or NO_COLOR is set. Data is passed as Text, never markup."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ..analyse.diff_report import DiffReport, WoordOp
from .console import _table, console
from .diff_doc import Doc, Inhoud, Noot, Regel, Tabel, bron_label, build, change_label
from .printer import is_plain
from .zetwerk import breedte, hangend, kop

_STYLE = {"+": "green", "−": "red", "~": "yellow"}
_IMPACT_STYLE = {"redactioneel": "dim", "inhoudelijk": "yellow", "structureel": "bold magenta"}


def word_text(ops: list[WoordOp], plain: bool) -> Text:
    t = Text()
    for op in ops:
        if op.op == "equal":
            t.append(op.a + " ")
            continue
        if op.a:
            t.append(("[-" + op.a + "-]" if plain else op.a), style="red strike")
            t.append(" ")
        if op.b:
            t.append(("{+" + op.b + "+}" if plain else op.b), style="green")
            t.append(" ")
    t.rstrip()
    return t


def _tabel(c: Console, t: Tabel) -> None:
    kw = {"title": t.titel, "title_justify": "left"} if t.titel else {}
    table = _table(c, **kw)
    for i, k in enumerate(t.kolommen):
        table.add_column(k, justify="right" if i in t.rechts else "left", no_wrap=i == 0)
    for row in t.rijen:
        table.add_row(*(Text(cell) for cell in row))
    c.print(table)


def _regel(g: Regel, plain: bool) -> Text:
    head = Text(f"{g.teken} {change_label(g)}", style=_STYLE[g.teken])
    if g.veld == "competentie":
        line = head + Text(" " + g.tekst, style=_STYLE[g.teken])
    elif g.woorden is not None:
        line = head + Text(": " + g.tekst) + word_text(g.woorden, plain)
    else:
        line = head + Text(": " + g.tekst, style=_STYLE[g.teken])
    return line + Text(f"  ({g.impact})", style=_IMPACT_STYLE[g.impact])


def _inhoud(c: Console, b: Inhoud, indent: str = "") -> None:
    c.print(hangend(c, Text(indent), Text(b.label, style="bold")))
    if b.tekst:
        c.print(hangend(c, Text(indent + "  "), Text(b.tekst)))
    for item in b.items:
        c.print(hangend(c, Text(indent + "  • "), Text(item)))
    for s in b.sub:
        _inhoud(c, s, indent + "  ")


def _kruis(c: Console, doc: Doc) -> None:
    """Two dossiers: each side's dossier and the line that says how the werkprocessen pair."""
    if doc.kruis is None:
        return
    for tekst in (doc.kruis.dossier_a, doc.kruis.dossier_b):
        c.print(hangend(c, "", Text(tekst)))
    c.print(hangend(c, "", Text(doc.kruis.noot, style="bold")))


def render_diff(report: DiffReport) -> None:
    c = console()
    plain = is_plain(c)
    doc = build(report)
    # each side's level; its file too when both have one name (two versions of one profile)
    versies = doc.a == doc.b
    bron_a, bron_b = (bron_label(report.bron_a), bron_label(report.bron_b)) if versies else (None, None)
    (_a, a, extra_a), (_b, b, extra_b) = doc.zijden(bron_a, bron_b)
    a, b = (f"{a} ({extra_a})" if extra_a else a), (f"{b} ({extra_b})" if extra_b else b)
    side_a = Text("A = ", style="bold") + Text(a, style="red")
    side_b = Text("B = ", style="bold") + Text(b, style="green")
    width = breedte(c)
    if width is None or side_a.cell_len + 3 + side_b.cell_len <= width:
        c.print(side_a + Text("   ") + side_b)
    else:  # one side a line, a long name hanging under itself
        c.print(hangend(c, side_a[:4], side_a[4:]))
        c.print(hangend(c, side_b[:4], side_b[4:]))
    _kruis(c, doc)
    for block in doc.samenvatting:
        if isinstance(block, Tabel):
            _tabel(c, block)
        elif isinstance(block, Noot):
            c.print(hangend(c, "", Text(block.tekst, style="bold" if block.sterk else "dim")))
    for s in doc.secties:
        head = Text(s.kop.tekst, style="bold")
        extra = ", ".join(x for x in (s.kop.sub, s.kop.impact) if x)
        kop(c, head + Text(f"  ({extra})" if extra else ""))
        if s.kop.titel:
            c.print(hangend(c, "", Text(s.kop.titel, style="bold")))
        for blok in s.blokken:
            if isinstance(blok, Regel):
                line = _regel(blok, plain)
                c.print(hangend(c, line[:2], line[2:]))  # after the sign: a change hangs under its text
            elif isinstance(blok, Inhoud):
                _inhoud(c, blok)
