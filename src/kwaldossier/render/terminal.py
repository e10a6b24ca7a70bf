"""Terminal output of the look-ups (list, show, search, matrix, competentie). list, show and
search print through printer() (rich in a terminal, the PlainPrinter on a pipe: the same bytes
without rich.console); matrix and competentie draw tables and always use the rich console."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ..model.competenties import COMPETENTIES, LETTERS
from .printer import initials as _initials
from .printer import is_plain as _plain
from .printer import print_tree, printer

if TYPE_CHECKING:
    from ..analyse.results import CompetentieResult, ListResult, MatrixResult, SearchResult, ShowResult

# ---------------------------------------------------------------- list


def render_tree(result: ListResult) -> None:
    c = printer()
    names = result["profielen"]
    short = _initials(names)
    branches: list[tuple[Text, list[Text]]] = []
    for kt in result["kerntaken"]:
        leaves: list[Text] = []
        branches.append((Text(f"Kerntaak {kt['code']}  {kt['titel']}", style="bold cyan"), leaves))
        for wp in kt["werkprocessen"]:
            marks = []
            for n in names:
                has = wp["profielen"].get(n, False)
                marks.append(("✓ " if has else "· ") + short[n])
            code = wp["code"]  # 2015 codes (B1-K1-W1) are longer than the column
            line = Text(f"{code:<5}" if len(code) < 5 else f"{code}  ", style="bold")
            line.append(f"{wp['titel']}")
            line.append("   " + "  ".join(marks), style="green" if any(wp["profielen"].values()) else "dim")
            leaves.append(line)
    print_tree(c, Text("Kerntaken en werkprocessen", style="bold"), branches)
    c.print(Text("✓ in the profile   · not in the profile", style="dim"))
    if any(short[n] != n.split()[-1] for n in names if n.split()):  # numbered: say which is which
        c.print(Text("   ".join(f"{short[n]} = {n}" for n in names), style="dim"))


# ---------------------------------------------------------------- show


def render_show(result: ShowResult) -> None:
    c = printer()
    multi = len(result["resultaten"]) > 1
    for r in result["resultaten"]:
        if "kerntaak" in r:  # 2015 model: show B1-K1
            from .sbb2015 import render_kerntaak_2015

            render_kerntaak_2015(c, r, multi)
            continue
        wp = r["werkproces"]
        head = Text(f"{wp['code']} {wp['titel']}", style="bold")
        c.rule(head if not multi else Text.assemble(head, Text(f"  — {r['profiel']}", style="cyan")))
        if not multi:
            c.print(Text(r["profiel"], style="cyan"))
        if wp.get("deel"):  # the 2015 model (SBB XML)
            from .sbb2015 import render_werkproces_2015

            render_werkproces_2015(c, wp)
            continue
        if not wp["in_profiel"]:
            c.print(Text("Not in this profile: its matrix row has no crosses.", style="yellow"))
            if not wp["detail_titel"]:
                continue
        c.print(Text("Omschrijving", style="bold underline"))
        c.print(wp["omschrijving"] or "—")
        c.print()
        c.print(Text("Gewenst resultaat", style="bold underline"))
        for g in wp["gewenst_resultaat"]:
            c.print(Text("• ") + Text(g))
        c.print()
        c.print(Text("Vakkennis en vaardigheden", style="bold underline") + Text("   (t) = taal", style="dim"))
        for v in wp["vakkennis_en_vaardigheden"]:
            t = Text("• ") + Text(v["tekst"])
            if v["taal"]:
                t.append(" (t)", style="magenta")
            c.print(t)
        c.print()
        for comp in wp["competenties"]:
            c.print(Text(f"{comp['letter'] or '?'}  {comp['naam']}", style="bold green"))
            for k in comp["componenten"]:
                c.print(Text("   • ") + Text(k))
            c.print(Text("   Prestatie-indicator: ", style="dim") + Text(comp["prestatie_indicator"]))
            c.print()


# ---------------------------------------------------------------- search


def render_search(result: SearchResult) -> None:
    c = printer()
    if not result["hits"]:
        c.print(f"No hits for {' '.join(result['terms'])!r}.")
        return
    for h in result["hits"]:
        place = h["profiel"]
        if h["werkproces"]:
            place += f" › {h['werkproces']} {h['werkproces_titel']}"
        place += f" › {h['veld']}"
        c.print(Text(place, style="cyan") + Text(f"  (line {h['regel']})", style="dim"))
        text = Text("  ") + _snippet(h["tekst"], h["spans"], _plain(c))
        c.print(text)
    c.print(Text(f"{result['aantal']} hits", style="bold"))


def _snippet(text: str, spans: list[list[int]], plain: bool, context: int = 90) -> Text:
    start = max(0, spans[0][0] - context) if spans else 0
    end = min(len(text), (spans[-1][1] if spans else 0) + context)
    if start > 0:
        start = text.rfind(" ", 0, start) + 1
    piece = text[start:end]
    t = Text(("…" if start > 0 else "") + piece + ("…" if end < len(text) else ""))
    offset = 1 if start > 0 else 0
    for s, e in spans:
        if s >= start and e <= end:
            t.stylize("bold yellow reverse", s - start + offset, e - start + offset)
    if plain:
        # no colour: mark the hits with brackets so they still stand out
        out = Text()
        pos = 0
        raw = t.plain
        for s, e in sorted((s - start + offset, e - start + offset) for s, e in spans if s >= start and e <= end):
            if s < pos:
                continue
            out.append(raw[pos:s])
            out.append("[" + raw[s:e] + "]")
            pos = e
        out.append(raw[pos:])
        return out
    return t


# ---------------------------------------------------------------- matrix


def render_matrix(result: MatrixResult) -> None:
    from rich import box
    from rich.table import Table

    from .console import _table, console

    c = console()
    names = result["profielen"]
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
    for row in result["rijen"]:
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
        only = "only " if len(names) == 2 else ""  # with more, a cell lists every profile crossing it
        legend = "   ".join(f"{mark[n]} = {only}{n}" for n in names)
        c.print(Text(f"x = {'both' if len(names) == 2 else 'all'} profielen   {legend}", style="dim"))
    lt = _table(c, title="Competenties", show_header=False)
    lt.add_column()
    lt.add_column()
    half = (len(LETTERS) + 1) // 2
    for i in range(half):
        left = f"{LETTERS[i]}  {COMPETENTIES[LETTERS[i]]}"
        j = i + half
        right = f"{LETTERS[j]}  {COMPETENTIES[LETTERS[j]]}" if j < len(LETTERS) else ""
        lt.add_row(left, right)
    c.print(lt)
    titles = _table(c, title="Werkprocessen", show_header=False)
    titles.add_column(no_wrap=True)
    titles.add_column()
    for row in result["rijen"]:
        titles.add_row(row["code"], row["titel"])
    c.print(titles)


# ---------------------------------------------------------------- competentie


def render_competentie(result: CompetentieResult) -> None:
    from .console import console

    c = console()
    c.rule(Text(f"{result['letter']}  {result['naam']}", style="bold"))
    if not result["gebruik"]:
        c.print("Not used in these profielen.")
        return
    for g in result["gebruik"]:
        c.print(Text(f"{g['profiel']} › {g['werkproces']} {g['titel']}", style="cyan"))
        if "aanvullend" in g:  # 2015 model: a competence reference, no componenten exist
            c.print(Text("   aanvullend: added for this profile" if g["aanvullend"] else "   named by the werkproces", style="dim"))
        elif not g["componenten"] and not g["prestatie_indicator"]:
            c.print(Text("   crossed in the matrix, but no block in the detail", style="yellow"))
        for k in g["componenten"]:
            c.print(Text("   • ") + Text(k))
        if g["prestatie_indicator"]:
            c.print(Text("   Prestatie-indicator: ", style="dim") + Text(g["prestatie_indicator"]))
        c.print()
