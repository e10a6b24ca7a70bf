"""Terminal output of the look-ups (list, show, matrix, competentie; search: render/zoekresultaat.py).
list, show and search print through printer() (rich in a terminal, the PlainPrinter on a pipe: the same bytes
without rich.console); matrix and competentie draw tables and always use the rich console."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text

from ..model.competenties import COMPETENTIES, LETTERS
from ..taal import _
from .printer import initials as _initials
from .printer import is_plain as _plain
from .printer import printer
from .zetwerk import breedte, hangend, kop

if TYPE_CHECKING:
    from ..analyse.results import (
        CompetentieResult,
        ListKerntaak,
        ListResult,
        MatrixResult,
        MatrixRij,
        ShowResult,
        ShowResultaat,
    )

# ---------------------------------------------------------------- list

_MIN_TITEL = 24  # a title column narrower than this: the marks go on a line of their own


def dossier_kop(d: Mapping[str, Any]) -> Text:
    """A dossier as the look-ups head it: titel, crebo, model, geldig vanaf, versie, status."""
    delen = [d["titel"] or _("(dossier without title)")]
    if d["crebo"]:
        delen.append(f"crebo {d['crebo']}")
    delen.append(_("{model} model").format(model=d["model"]))
    if d["geldig_vanaf"]:
        y, m, dd = d["geldig_vanaf"].split("-")
        delen.append(_("geldig vanaf {datum}").format(datum=f"{dd}-{m}-{y}"))
    delen += [x for x in (d["versie"], d["status"]) if x]
    return Text(", ".join(delen), style="bold magenta")


def render_tree(result: ListResult) -> None:
    """Per dossier, the tree of its kerntaken and werkprocessen with a column per profile."""
    c = printer()
    for i, d in enumerate(result["dossiers"]):
        if i:
            c.print()
        c.print(hangend(c, "", dossier_kop(d)))
        _tree(c, d["profielen"], d["kerntaken"])


def _tree(c: Any, names: list[str], kerntaken: list[ListKerntaak]) -> None:
    """The tree of kerntaken and werkprocessen with a column per profile (✓ or ·), headed by the
    profile's short name, or by a number with a key underneath when the names do not fit. A
    title wraps inside its column (in a terminal); a mark is never split from its column."""
    width = breedte(c)
    labels = _initials(names)
    numbered = any(labels[n] != (n.split() or [n])[-1] for n in names)
    wps = [wp for kt in kerntaken for wp in kt["werkprocessen"]]
    code_w = max([5, *(len(wp["code"]) + 2 for wp in wps)])
    g = _guides()
    lead = len(g["fork"]) * 2 + code_w  # guides of a werkproces line, then its code
    if width is not None and not numbered and width - lead - _marks_width(labels, names) < _MIN_TITEL:
        labels, numbered = {n: str(i + 1) for i, n in enumerate(names)}, True
    col_w = [max(cell_len(labels[n]), 1) for n in names]
    marks_w = sum(w + 2 for w in col_w)
    own_line = width is not None and width - lead - marks_w < _MIN_TITEL
    if width is None:
        titel_w = max([cell_len(wp["titel"]) for wp in wps] or [0])
    else:
        titel_w = width - lead - (0 if own_line else marks_w)

    def marks(wp: Any) -> Text:
        t = Text()
        for n, w in zip(names, col_w, strict=True):
            has = wp["profielen"].get(n, False)
            t.append("  " + ("✓" if has else "·").center(w), style="green" if has else "dim")
        return t

    head = Text("Kerntaken en werkprocessen", style="bold")
    kolommen = Text("".join("  " + labels[n].center(w) for n, w in zip(names, col_w, strict=True)), style="bold")
    if own_line:
        c.print(head)
        c.print(_rstripped(Text(" " * lead) + kolommen))
    else:
        c.print(_rstripped(head + Text(" " * max(1, lead + titel_w - head.cell_len)) + kolommen))
    for k, kt in enumerate(kerntaken):
        last = k == len(kerntaken) - 1
        branch, under = (g["end"], g["space"]) if last else (g["fork"], g["cont"])
        kop_tekst = Text(f"Kerntaak {kt['code']}  {kt['titel']}", style="bold cyan")
        c.print(_guided(c, branch, under, kop_tekst, len(f"Kerntaak {kt['code']}  ")))
        for j, wp in enumerate(kt["werkprocessen"]):
            leaf_last = j == len(kt["werkprocessen"]) - 1
            first = under + (g["end"] if leaf_last else g["fork"])
            rest = under + (g["space"] if leaf_last else g["cont"])
            code = Text(wp["code"].ljust(code_w), style="bold")
            titel = Text(wp["titel"])
            lines = [titel] if width is None else _wrap_lines(titel, titel_w)
            for i, line in enumerate(lines):
                row = Text(first if i == 0 else rest) + (code if i == 0 else Text(" " * code_w)) + line
                if i == 0 and not own_line:
                    row += Text(" " * (titel_w - line.cell_len)) + marks(wp)
                row.rstrip()
                row.no_wrap = True
                c.print(row)
            if own_line:
                row = Text(rest + " " * code_w) + marks(wp)
                row.rstrip()
                c.print(row)
    _tree_key(c, names, labels if numbered else None)


def _tree_key(c: Any, names: list[str], numbers: dict[str, str] | None) -> None:
    """The marks explained; with numbers heading the columns, which profile each one is."""
    c.print(Text(_("✓ in the profile   · not in the profile"), style="dim"))
    if numbers:  # say which is which, one profile a line
        for naam in names:
            c.print(hangend(c, Text(f"{numbers[naam]} = ", style="dim"), Text(naam, style="dim")))


def _rstripped(t: Text) -> Text:
    t.rstrip()
    return t


def _marks_width(labels: dict[str, str], names: list[str]) -> int:
    return sum(max(cell_len(labels[n]), 1) + 2 for n in names)


def _guides() -> dict[str, str]:
    """The tree's guides, as rich draws them: box characters, ASCII on a terminal that has none."""
    import sys

    encoding = (getattr(sys.stdout, "encoding", "utf-8") or "utf-8").lower()
    if encoding.startswith("utf"):
        return {"space": "    ", "cont": "│   ", "fork": "├── ", "end": "└── "}
    return {"space": "    ", "cont": "|   ", "fork": "+-- ", "end": "`-- "}


def _wrap_lines(text: Text, width: int) -> list[Text]:
    from .zetwerk import _wrap

    return _wrap(text, width)


def _guided(c: Any, first: str, rest: str, text: Text, hang: int) -> Text:
    """A line behind tree guides whose further lines keep the guides and hang under the text."""
    width = breedte(c) or 10**6
    lines = _wrap_lines(text, width - len(first))
    if len(lines) > 1:
        tail = text[len(lines[0].plain) :]
        tail = tail[len(tail.plain) - len(tail.plain.lstrip()) :]
        lines = [lines[0], *_wrap_lines(tail, width - len(rest) - hang)]
    out = Text(first) + lines[0]
    for line in lines[1:]:
        out += Text("\n" + rest + " " * hang) + line
    out.no_wrap = True
    return out


# ---------------------------------------------------------------- show


def _kerntaak_2012(c: Any, kt: Mapping[str, Any]) -> None:
    """A 2012 kerntaak: its werkprocessen with their matrix row, then the vakkennis of them all."""
    c.print(Text("Werkprocessen", style="bold underline"))
    for wp in kt["werkprocessen"]:
        row = " ".join(wp["matrix"]) if wp["in_profiel"] else _("not in the profile")
        c.print(
            hangend(
                c,
                f"{wp['code']}  ",
                Text(wp["titel"]) + Text(f"   {row}", style="green" if wp["in_profiel"] else "dim"),
            )
        )
    c.print()
    c.print(Text("Vakkennis en vaardigheden", style="bold underline") + Text("   " + _("(t) = taal"), style="dim"))
    for v in kt["vakkennis_en_vaardigheden"]:
        t = Text(v["tekst"])
        if v["taal"]:
            t.append(" (t)", style="magenta")
        t.append("   " + " ".join(v["werkprocessen"]), style="dim")
        c.print(hangend(c, "• ", t))
    c.print()


def _geldt_voor(r: ShowResultaat) -> str:
    """The profiles a result holds for, each with its MBO niveau and NLQF/EQF level, and its dossier."""
    delen = []
    for p in r["geldt_voor"]:
        niveau = _(", niveau {niveau}, NLQF/EQF {nlqf}").format(niveau=p["niveau"], nlqf=p["nlqf"]) if p["nlqf"] else ""
        delen.append(f"{p['naam']}{niveau}")
    dossier = r["dossier"]
    naam = dossier["titel"] or ""
    if dossier["crebo"]:
        naam += f" (crebo {dossier['crebo']})"
    return "; ".join(delen) + (f" — {naam}" if naam else "")


def render_show(result: ShowResult) -> None:
    c = printer()
    multi = len(result["resultaten"]) > 1
    for r in result["resultaten"]:
        item = r["kerntaak"] if "kerntaak" in r else r["werkproces"]
        head = Text(f"{item['code']} {item['titel']}", style="bold")
        voor = _geldt_voor(r)
        if multi:
            kop(c, head, Text(voor, style="cyan"))
        else:
            kop(c, head)
            c.print(hangend(c, "", Text(voor, style="cyan")))
        if "kerntaak" in r:  # show B1-K1, show 2
            if r["model"] == "2015":
                from .sbb2015 import render_kerntaak_2015

                render_kerntaak_2015(c, r)
            else:
                _kerntaak_2012(c, r["kerntaak"])
            continue
        wp = r["werkproces"]
        if r["model"] == "2015":
            from .sbb2015 import render_werkproces_2015

            render_werkproces_2015(c, wp, r.get("aanvullend"), len(r["geldt_voor"]))
        else:
            _werkproces_2012(c, wp)


def _werkproces_2012(c: Any, wp: Mapping[str, Any]) -> None:
    """A 2012 werkproces: omschrijving, gewenst resultaat, vakkennis, its competences."""
    if not wp["in_profiel"]:
        c.print(hangend(c, "", Text(_("Not in this profile: its matrix row has no crosses."), style="yellow")))
        if not wp["detail_titel"]:
            return
    c.print(Text("Omschrijving", style="bold underline"))
    c.print(hangend(c, "", wp["omschrijving"] or "—"))
    c.print()
    c.print(Text("Gewenst resultaat", style="bold underline"))
    for g in wp["gewenst_resultaat"]:
        c.print(hangend(c, "• ", g))
    c.print()
    c.print(Text("Vakkennis en vaardigheden", style="bold underline") + Text("   " + _("(t) = taal"), style="dim"))
    for v in wp["vakkennis_en_vaardigheden"]:
        t = Text(v["tekst"])
        if v["taal"]:
            t.append(" (t)", style="magenta")
        c.print(hangend(c, "• ", t))
    c.print()
    for comp in wp["competenties"]:
        letter = f"{comp['letter'] or '?'}  "
        c.print(hangend(c, Text(letter, style="bold green"), Text(comp["naam"], style="bold green")))
        for k in comp["componenten"]:
            c.print(hangend(c, "   • ", k))
        c.print(hangend(c, Text("   Prestatie-indicator: ", style="dim"), comp["prestatie_indicator"]))
        c.print()


# ---------------------------------------------------------------- matrix


def render_matrix(result: MatrixResult) -> None:
    """Per dossier its grid (profiles numbered within it), then the A–Y legend and the titles."""
    from .console import _table, console

    c = console()
    for i, d in enumerate(result["dossiers"]):
        if i:
            c.print()
        c.print(hangend(c, "", dossier_kop(d)))
        _grid(c, d["profielen"], d["rijen"])
    lt = _table(c, title="Competenties", show_header=False)
    for _k in range(2):  # letter, name, letter, name: a long name wraps under itself
        lt.add_column(no_wrap=True, style="bold")
        lt.add_column()
    half = (len(LETTERS) + 1) // 2
    for i in range(half):
        j = i + half
        right = [LETTERS[j], COMPETENTIES[LETTERS[j]]] if j < len(LETTERS) else ["", ""]
        lt.add_row(LETTERS[i], COMPETENTIES[LETTERS[i]], *right)
    c.print(lt)
    for d in result["dossiers"]:
        titles = _table(c, title="Werkprocessen", show_header=False)
        titles.add_column(no_wrap=True)
        titles.add_column()
        for row in d["rijen"]:
            titles.add_row(row["code"], row["titel"])
        c.print(titles)


_PAAR = 2  # two profiles in a matrix: "x" reads "both", each number "only" that one


def _grid(c: Any, names: list[str], rijen: list[MatrixRij]) -> None:
    """One dossier's matrix: a werkproces a row, A–Y; x = all its profiles cross it, else their numbers."""
    from rich import box
    from rich.table import Table

    multi = len(names) > 1
    mark = {n: str(i + 1) for i, n in enumerate(names)}
    t = Table(
        title="Proces-competentie-matrix",
        box=box.SIMPLE if _plain(c) else box.SIMPLE_HEAD,
        padding=(0, 0),
        pad_edge=False,
        collapse_padding=True,
    )
    t.add_column("wp ", no_wrap=True)
    for letter in LETTERS:
        t.add_column(letter, justify="center", no_wrap=True, min_width=2)  # "1,3" is never cut
    for row in rijen:
        cells = []
        for letter in LETTERS:
            who = row["cellen"][letter]
            if not who:
                cells.append(Text("·", style="dim"))
            elif not multi or len(who) == len(names):
                cells.append(Text("x", style="bold green"))
            else:
                cells.append(Text(",".join(mark[w] for w in who), style="bold yellow"))
        t.add_row(Text(row["code"] + " "), *cells)
    c.print(t)
    if multi:
        both = _("x = both profielen") if len(names) == _PAAR else _("x = all profielen")
        # with more than two, a cell lists every profile crossing it
        keys = [
            _("{n} = only {naam}").format(n=mark[n], naam=n) if len(names) == _PAAR else f"{mark[n]} = {n}"
            for n in names
        ]
        _key_lines(c, [both, *keys])


def _key_lines(c: Any, keys: list[str]) -> None:
    """A key: on one line when it fits (always on a pipe), else one entry a line, each hanging."""
    width = breedte(c)
    line = "   ".join(keys)
    if width is None or cell_len(line) <= width:
        c.print(Text(line, style="dim"))
        return
    for k in keys:
        label, sep, rest = k.partition(" = ")
        c.print(hangend(c, Text(label + sep, style="dim"), Text(rest, style="dim")))


# ---------------------------------------------------------------- competentie


def render_competentie(result: CompetentieResult) -> None:
    from .console import console

    c = console()
    kop(c, Text(f"{result['letter']}  {result['naam']}", style="bold"))
    if not result["gebruik"]:
        c.print(_("Not used in these profielen."))
        return
    for g in result["gebruik"]:
        c.print(hangend(c, "", Text(f"{', '.join(g['profielen'])} › {g['werkproces']} {g['titel']}", style="cyan"), 2))
        if "aanvullend" in g:  # 2015 model: a competence reference, no componenten exist
            what = _("aanvullend: added for this profile") if g["aanvullend"] else _("named by the werkproces")
            c.print(hangend(c, "   ", Text(what, style="dim")))
        elif not g["componenten"] and not g["prestatie_indicator"]:
            c.print(hangend(c, "   ", Text(_("crossed in the matrix, but no block in the detail"), style="yellow")))
        for k in g["componenten"]:
            c.print(hangend(c, "   • ", k))
        if g["prestatie_indicator"]:
            c.print(hangend(c, Text("   Prestatie-indicator: ", style="dim"), g["prestatie_indicator"]))
        c.print()
