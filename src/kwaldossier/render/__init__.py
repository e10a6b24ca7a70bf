"""Human output. Each function takes a result dict (the --json schema) and prints it with rich:
coloured in a terminal, plain when piped or when NO_COLOR is set."""

from __future__ import annotations

import os
import sys

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model.competenties import COMPETENTIES, LETTERS


def console() -> Console:
    """Colour only in a terminal and when NO_COLOR is unset or empty. Piped output is plain and
    never wrapped or cut: text lines soft-wrap (one line each), tables get a wide canvas."""
    if sys.stdout.isatty():
        return Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False, emoji=False, soft_wrap=False)
    return _PipeConsole(no_color=True, highlight=False, emoji=False, soft_wrap=True, width=PIPE_WIDTH)


PIPE_WIDTH = 1000  # tables when piped: wide enough that no cell is wrapped or cut


class _PipeConsole(Console):
    """Piped output: a rule is its title between short dashes, not a line as wide as the canvas."""

    def rule(self, title="", *args, **kwargs) -> None:
        head = Text("── ") + (Text(title) if isinstance(title, str) else title) + Text(" ")
        self.print(head + Text("─" * max(3, 80 - head.cell_len)))


def pct(fraction: float) -> str:
    """A share as a whole percentage, rounded down: 99.8% is 99%, only 1.0 is 100%."""
    import math

    return f"{math.floor(fraction * 100 + 1e-9)}%"


def _plain(c: Console) -> bool:
    return c.no_color or not c.is_terminal


def _table(c: Console, **kw) -> Table:
    return Table(box=box.SIMPLE if _plain(c) else box.ROUNDED, **kw)


def _initials(names: list[str]) -> dict[str, str]:
    """Short column labels for profiles: the last word of each name (binnendienst)."""
    last = [n.split()[-1] if n.split() else n for n in names]
    if len(set(last)) == len(last):
        return dict(zip(names, last, strict=False))
    return {n: f"{i + 1}" for i, n in enumerate(names)}


# ---------------------------------------------------------------- list


def render_tree(result: dict) -> None:
    from rich.tree import Tree

    c = console()
    names = result["profielen"]
    short = _initials(names)
    root = Tree(Text("Kerntaken en werkprocessen", style="bold"))
    for kt in result["kerntaken"]:
        node = root.add(Text(f"Kerntaak {kt['code']}  {kt['titel']}", style="bold cyan"))
        for wp in kt["werkprocessen"]:
            marks = []
            for n in names:
                has = wp["profielen"].get(n, False)
                marks.append(("✓ " if has else "· ") + short[n])
            line = Text(f"{wp['code']:<5}" if len(wp["code"]) < 5 else f"{wp['code']}  ", style="bold")
            line.append(f"{wp['titel']}")
            line.append("   " + "  ".join(marks), style="green" if any(wp["profielen"].values()) else "dim")
            node.add(line)
    c.print(root)
    c.print(Text("✓ in the profile   · not in the profile", style="dim"))


# ---------------------------------------------------------------- show


def render_show(result: dict) -> None:
    c = console()
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


def render_search(result: dict) -> None:
    c = console()
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


def render_matrix(result: dict) -> None:
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
        t.add_column(letter, justify="center", no_wrap=True, width=2)
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
        legend = "   ".join(f"{mark[n]} = only {n}" for n in names)
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


def render_competentie(result: dict) -> None:
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


# ---------------------------------------------------------------- diff


def _word_text(ops: list[dict], plain: bool) -> Text:
    t = Text()
    for op in ops:
        if op["op"] == "equal":
            t.append(op["a"] + " ")
            continue
        if op["a"]:
            t.append(("[-" + op["a"] + "-]" if plain else op["a"]), style="red strike")
            t.append(" ")
        if op["b"]:
            t.append(("{+" + op["b"] + "+}" if plain else op["b"]), style="green")
            t.append(" ")
    return t


def render_diff(result: dict, summary_only: bool = False) -> None:
    c = console()
    plain = _plain(c)
    a, b = result["a"], result["b"]
    c.print(Text("A = ", style="bold") + Text(a, style="red") + Text("   B = ", style="bold") + Text(b, style="green"))
    t = _table(c)
    t.add_column("")
    t.add_column("werkprocessen")
    t.add_column("count", justify="right")
    t.add_row("shared", " ".join(result["shared"]) or "—", str(len(result["shared"])))
    t.add_row(Text("only A", style="red"), " ".join(result["only_a"]) or "—", str(len(result["only_a"])))
    t.add_row(Text("only B", style="green"), " ".join(result["only_b"]) or "—", str(len(result["only_b"])))
    if result["renumbered"]:
        ren = " ".join(f"{r['a']}→{r['b']}" for r in result["renumbered"])
        t.add_row("renumbered", ren, str(len(result["renumbered"])))
    t.add_row("identical", " ".join(result["identical"]) or "—", str(len(result["identical"])))
    c.print(t)
    st = _table(c, title="Overlap per werkproces (sorted by similarity)", title_justify="left")
    st.add_column("werkproces", no_wrap=True)
    st.add_column("similarity", justify="right")
    st.add_column("competenties")
    st.add_column("vakkennis", justify="right")
    for code, w in sorted(result["werkprocessen"].items(), key=lambda kv: -kv[1]["similarity"]):
        comp = w["competenties"]
        cs = " ".join([f"+{x}" for x in comp["added"]] + [f"−{x}" for x in comp["removed"]]) or "="
        vk = w["vakkennis_en_vaardigheden"]
        vs = f"+{len(vk['added'])} −{len(vk['removed'])} ~{len(vk['changed'])}"
        label = code if w["code_a"] == w["code_b"] else f"{w['code_a']}→{w['code_b']}"
        st.add_row(label, f"{pct(w['similarity'])}", cs, vs)
    c.print(st)
    c.print(Text(f"Profile overlap: {pct(result['similarity'])}", style="bold"))
    if result.get("overlap"):  # 2015 model
        from .sbb2015 import render_overlap_2015

        render_overlap_2015(c, result["overlap"])
    if result["normalisatie"]:
        names = " / ".join(result["normalisatie"]["rolnaam"])
        c.print(Text(f"Role names normalised ({names} → {result['normalisatie']['vervangen_door']}): not counted as differences.", style="dim"))
    if summary_only:
        return
    for code, w in result["werkprocessen"].items():
        if not w["changed"]:
            continue
        label = code if w["code_a"] == w["code_b"] else f"{w['code_a']} → {w['code_b']}"
        c.rule(Text(f"{label}  ({pct(w['similarity'])} similar)", style="bold"))
        if w["titel"]:
            c.print(Text("Titel: ", style="bold") + Text(w["titel"]["a"], style="red") + Text(" → ") + Text(w["titel"]["b"], style="green"))
        comp = w["competenties"]
        for x in comp["added"]:
            c.print(Text(f"+ competentie {x} {comp['namen'][x]}", style="green"))
        for x in comp["removed"]:
            c.print(Text(f"− competentie {x} {comp['namen'][x]}", style="red"))
        for letter, g in comp["gewijzigd"].items():
            c.print(Text(f"~ competentie {letter} {g['naam']}", style="yellow"))
            for k in g["componenten"]["added"]:
                c.print(Text(f"    + component {k}", style="green"))
            for k in g["componenten"]["removed"]:
                c.print(Text(f"    − component {k}", style="red"))
            if g["prestatie_indicator"]:
                c.print(Text("    indicator: ") + _word_text(g["prestatie_indicator"]["woorden"], plain))
        for key, label in (("vakkennis_en_vaardigheden", "vakkennis"), ("gewenst_resultaat", "gewenst resultaat")):
            d = w[key]
            for x in d["added"]:
                c.print(Text(f"+ {label}: {x}", style="green"))
            for x in d["removed"]:
                c.print(Text(f"− {label}: {x}", style="red"))
            for ch in d["changed"]:
                c.print(Text(f"~ {label}: ", style="yellow") + _word_text(ch["woorden"], plain))
        if w["omschrijving"]:
            c.print(Text("Omschrijving: ", style="bold") + _word_text(w["omschrijving"]["woorden"], plain))
        if "gedrag" in w:  # 2015 model
            from .sbb2015 import render_wp_diff_2015

            render_wp_diff_2015(c, w, lambda ops: _word_text(ops, plain))
    if result.get("kerntaken"):  # 2015 model
        from .sbb2015 import render_kerntaken_2015

        render_kerntaken_2015(c, result["kerntaken"], lambda ops: _word_text(ops, plain))
    changed_ai = {k: v for k, v in result["algemene_informatie"].items() if v}
    if changed_ai:
        c.rule(Text("Algemene informatie", style="bold"))
        for key, v in changed_ai.items():
            c.print(Text(key.replace("_", " ") + ": ", style="bold") + _word_text(v["woorden"], plain))


def _md_words(ops: list[dict]) -> str:
    out = []
    for op in ops:
        if op["op"] == "equal":
            out.append(op["a"])
        else:
            if op["a"]:
                out.append(f"~~{op['a']}~~")
            if op["b"]:
                out.append(f"**{op['b']}**")
    return " ".join(out)


def diff_markdown(result: dict) -> str:
    a, b = result["a"], result["b"]
    lines = [f"# Verschillen: {a} (A) ↔ {b} (B)", ""]
    if result["normalisatie"]:
        lines += [f"_Rolnamen genormaliseerd: {' / '.join(result['normalisatie']['rolnaam'])}._", ""]
    lines += [
        "| | werkprocessen | aantal |",
        "|---|---|---:|",
        f"| gedeeld | {' '.join(result['shared']) or '—'} | {len(result['shared'])} |",
        f"| alleen A | {' '.join(result['only_a']) or '—'} | {len(result['only_a'])} |",
        f"| alleen B | {' '.join(result['only_b']) or '—'} | {len(result['only_b'])} |",
    ]
    if result["renumbered"]:
        ren = " ".join(f"{r['a']}→{r['b']}" for r in result["renumbered"])
        lines.append(f"| hernummerd | {ren} | {len(result['renumbered'])} |")
    lines += ["", f"Overlap van het profiel: **{pct(result['similarity'])}**", ""]
    lines += ["| werkproces | overlap | competenties |", "|---|---:|---|"]
    for code, w in sorted(result["werkprocessen"].items(), key=lambda kv: -kv[1]["similarity"]):
        comp = w["competenties"]
        cs = " ".join([f"+{x}" for x in comp["added"]] + [f"−{x}" for x in comp["removed"]]) or "="
        lines.append(f"| {code} | {pct(w['similarity'])} | {cs} |")
    for code, w in result["werkprocessen"].items():
        if not w["changed"]:
            continue
        lines += ["", f"## {code}" + (f" → {w['code_b']}" if w["code_a"] != w["code_b"] else ""), ""]
        if w["titel"]:
            lines.append(f"- Titel: ~~{w['titel']['a']}~~ **{w['titel']['b']}**")
        comp = w["competenties"]
        lines += [f"- Competentie erbij: {x} {comp['namen'][x]}" for x in comp["added"]]
        lines += [f"- Competentie eraf: {x} {comp['namen'][x]}" for x in comp["removed"]]
        for letter, g in comp["gewijzigd"].items():
            lines += [f"- Component erbij ({letter}): {k}" for k in g["componenten"]["added"]]
            lines += [f"- Component eraf ({letter}): {k}" for k in g["componenten"]["removed"]]
            if g["prestatie_indicator"]:
                lines.append(f"- Prestatie-indicator {letter}: {_md_words(g['prestatie_indicator']['woorden'])}")
        for key, label in (("vakkennis_en_vaardigheden", "Vakkennis"), ("gewenst_resultaat", "Gewenst resultaat")):
            d = w[key]
            lines += [f"- {label} erbij: {x}" for x in d["added"]]
            lines += [f"- {label} eraf: {x}" for x in d["removed"]]
            lines += [f"- {label} gewijzigd: {_md_words(ch['woorden'])}" for ch in d["changed"]]
        if w["omschrijving"]:
            lines.append(f"- Omschrijving: {_md_words(w['omschrijving']['woorden'])}")
        if "gedrag" in w:  # 2015 model
            from .sbb2015 import md_lines_2015

            lines += md_lines_2015(w, _md_words)
    if result.get("kerntaken"):  # 2015 model
        from .sbb2015 import md_kerntaken_2015

        lines += md_kerntaken_2015(result["kerntaken"], _md_words)
    changed_ai = {k: v for k, v in result["algemene_informatie"].items() if v}
    if changed_ai:
        lines += ["", "## Algemene informatie", ""]
        lines += [f"- {k.replace('_', ' ')}: {_md_words(v['woorden'])}" for k, v in changed_ai.items()]
    return "\n".join(lines) + "\n"


def _html_words(ops: list[dict], side: str) -> str:
    import html

    out = []
    for op in ops:
        if op["op"] == "equal":
            out.append(html.escape(op["a"]))
        elif side == "a" and op["a"]:
            out.append(f"<del>{html.escape(op['a'])}</del>")
        elif side == "b" and op["b"]:
            out.append(f"<ins>{html.escape(op['b'])}</ins>")
    return " ".join(out)


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;vertical-align:top}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.side>div{border:1px solid #ddd;padding:.5rem 1rem;border-radius:6px}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
.added{color:#080}.removed{color:#a00}h2{border-bottom:2px solid #eee;padding-top:1rem}.muted{color:#777}
"""


def diff_html(result: dict) -> str:
    import html

    e = html.escape
    a, b = result["a"], result["b"]
    parts = [
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>",
        f"<title>Verschillen {e(a)} ↔ {e(b)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(a)} <span class='muted'>(A)</span> ↔ {e(b)} <span class='muted'>(B)</span></h1>",
        "<table id='summary'><tr><th></th><th>werkprocessen</th><th>aantal</th></tr>",
        f"<tr><td>gedeeld</td><td>{' '.join(result['shared'])}</td><td>{len(result['shared'])}</td></tr>",
        f"<tr><td class='removed'>alleen A</td><td>{' '.join(result['only_a'])}</td><td>{len(result['only_a'])}</td></tr>",
        f"<tr><td class='added'>alleen B</td><td>{' '.join(result['only_b'])}</td><td>{len(result['only_b'])}</td></tr>",
        *(
            [f"<tr><td>hernummerd</td><td>{' '.join(r['a'] + '→' + r['b'] for r in result['renumbered'])}</td><td>{len(result['renumbered'])}</td></tr>"]
            if result["renumbered"]
            else []
        ),
        "</table>",
        f"<p>Overlap van het profiel: <strong>{pct(result['similarity'])}</strong></p>",
    ]
    if result["normalisatie"]:
        parts.append(f"<p class='muted'>Rolnamen genormaliseerd: {e(' / '.join(result['normalisatie']['rolnaam']))}.</p>")
    for code, w in result["werkprocessen"].items():
        if not w["changed"]:
            continue
        parts.append(f"<section class='wp' id='wp-{e(code)}'><h2>{e(code)} <span class='muted'>{pct(w['similarity'])}</span></h2>")
        comp = w["competenties"]
        items = [f"<li class='added'>+ {e(x)} {e(comp['namen'][x])}</li>" for x in comp["added"]]
        items += [f"<li class='removed'>− {e(x)} {e(comp['namen'][x])}</li>" for x in comp["removed"]]
        for letter, g in comp["gewijzigd"].items():
            items += [f"<li class='added'>+ component ({e(letter)}): {e(k)}</li>" for k in g["componenten"]["added"]]
            items += [f"<li class='removed'>− component ({e(letter)}): {e(k)}</li>" for k in g["componenten"]["removed"]]
        for key, label in (("vakkennis_en_vaardigheden", "vakkennis"), ("gewenst_resultaat", "gewenst resultaat")):
            d = w[key]
            items += [f"<li class='added'>+ {label}: {e(x)}</li>" for x in d["added"]]
            items += [f"<li class='removed'>− {label}: {e(x)}</li>" for x in d["removed"]]
        if "gedrag" in w:  # 2015 model
            from .sbb2015 import html_items_2015

            items += html_items_2015(w, e)
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
        pairs = []
        if w["titel"]:
            pairs.append(("Titel", e(w["titel"]["a"]), e(w["titel"]["b"])))
        if w["omschrijving"]:
            ops = w["omschrijving"]["woorden"]
            pairs.append(("Omschrijving", _html_words(ops, "a"), _html_words(ops, "b")))
        for letter, g in comp["gewijzigd"].items():
            if g["prestatie_indicator"]:
                ops = g["prestatie_indicator"]["woorden"]
                pairs.append((f"Prestatie-indicator {letter}", _html_words(ops, "a"), _html_words(ops, "b")))
        for ch in w["vakkennis_en_vaardigheden"]["changed"] + w["gewenst_resultaat"]["changed"]:
            pairs.append(("Gewijzigd item", _html_words(ch["woorden"], "a"), _html_words(ch["woorden"], "b")))
        if "gedrag" in w:  # 2015 model
            from .sbb2015 import html_pairs_2015

            pairs += html_pairs_2015(w, _html_words)
        for label, left, right in pairs:
            parts.append(f"<h3>{label}</h3><div class='side'><div>{left}</div><div>{right}</div></div>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
