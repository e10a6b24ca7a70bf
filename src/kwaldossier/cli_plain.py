"""`show`, `search` and `list` printed plain when piped, without importing rich.console (alone
~1.1x the start-up floor of a look-up). Byte for byte what render/terminal.py's render_show,
render_search and render_tree print on the pipe console of render/console.py (tests/
test_cli_plain.py compares them): every print is one rich Text cut at its newlines, tabs
expanded, nothing wrapped or cut (soft wrap), no styles (not a terminal); the tree's labels are
cut at the canvas width as rich cuts them. Where rich would see a terminal, or for a 2015 `show`,
the caller uses the rich renderer."""

from __future__ import annotations

import builtins
import itertools
import os
import sys
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.text import Text  # rich.text and rich.cells, not rich.console: part of the stack's floor

_PIPE_WIDTH = 1000  # render/console.PIPE_WIDTH: the pipe console's canvas


def usable() -> bool:
    """Only where console() builds the pipe console and rich sees no terminal: stdout is not a
    tty and nothing (FORCE_COLOR, TTY_COMPATIBLE, Jupyter, IDLE) says otherwise."""
    if os.environ.get("FORCE_COLOR") or "TTY_COMPATIBLE" in os.environ:
        return False
    if hasattr(builtins, "get_ipython") or getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return isatty is not None and not isatty()


def _write(text: str) -> None:
    """One print, as rich writes it: written and flushed; a closed pipe ends the program as
    rich's Console.on_broken_pipe does."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


def _print(obj: Text | str | None = None) -> None:
    """Console.print(obj) on the pipe console: no argument prints an empty line."""
    if obj is None:
        _write("\n")
        return
    text = Text(" ", end="\n").join([obj if isinstance(obj, Text) else Text(obj)])
    lines = text.wrap(None, _PIPE_WIDTH, justify="default", overflow="ignore", tab_size=8, no_wrap=True)  # type: ignore[arg-type]
    _write("\n".join(line.plain for line in lines) + "\n")


def _rule(title: Text) -> None:
    """The pipe console's rule: its title between short dashes."""
    head = Text("── ") + title + Text(" ")
    _print(head + Text("─" * max(3, 80 - head.cell_len)))


def show(result: Any) -> bool:
    """Print a `show` result of the 2012 model as render_show would; False (nothing printed)
    when it holds a 2015 kerntaak or werkproces."""
    resultaten = result["resultaten"]
    if any("kerntaak" in r or r["werkproces"].get("deel") for r in resultaten):
        return False
    multi = len(resultaten) > 1
    for r in resultaten:
        wp = r["werkproces"]
        head = Text(f"{wp['code']} {wp['titel']}")
        _rule(head if not multi else Text.assemble(head, Text(f"  — {r['profiel']}")))
        if not multi:
            _print(Text(r["profiel"]))
        if not wp["in_profiel"]:
            _print(Text("Not in this profile: its matrix row has no crosses."))
            if not wp["detail_titel"]:
                continue
        _print(Text("Omschrijving"))
        _print(wp["omschrijving"] or "—")
        _print()
        _print(Text("Gewenst resultaat"))
        for g in wp["gewenst_resultaat"]:
            _print(Text("• ") + Text(g))
        _print()
        _print(Text("Vakkennis en vaardigheden") + Text("   (t) = taal"))
        for v in wp["vakkennis_en_vaardigheden"]:
            t = Text("• ") + Text(v["tekst"])
            if v["taal"]:
                t.append(" (t)")
            _print(t)
        _print()
        for comp in wp["competenties"]:
            _print(Text(f"{comp['letter'] or '?'}  {comp['naam']}"))
            for k in comp["componenten"]:
                _print(Text("   • ") + Text(k))
            _print(Text("   Prestatie-indicator: ") + Text(comp["prestatie_indicator"]))
            _print()
    return True


def search(result: Any) -> None:
    """Print a `search` result as render_search does on the pipe console (hits in brackets)."""
    if not result["hits"]:
        _print(f"No hits for {' '.join(result['terms'])!r}.")
        return
    for h in result["hits"]:
        place = h["profiel"]
        if h["werkproces"]:
            place += f" › {h['werkproces']} {h['werkproces_titel']}"
        place += f" › {h['veld']}"
        _print(Text(place) + Text(f"  (line {h['regel']})"))
        _print(Text("  ") + _snippet(h["tekst"], h["spans"]))
    _print(Text(f"{result['aantal']} hits"))


def _snippet(text: str, spans: list[list[int]], context: int = 90) -> Text:
    """render/terminal._snippet without colour: the hits between brackets."""
    start = max(0, spans[0][0] - context) if spans else 0
    end = min(len(text), (spans[-1][1] if spans else 0) + context)
    if start > 0:
        start = text.rfind(" ", 0, start) + 1
    piece = text[start:end]
    raw = Text(("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")).plain
    offset = 1 if start > 0 else 0
    out = Text()
    pos = 0
    for s, e in sorted((s - start + offset, e - start + offset) for s, e in spans if s >= start and e <= end):
        if s < pos:
            continue
        out.append(raw[pos:s])
        out.append("[" + raw[s:e] + "]")
        pos = e
    out.append(raw[pos:])
    return out


def tree(result: Any) -> None:
    """Print a `list` result as render_tree does on the pipe console: rich's Tree layout (guides,
    labels cut at the canvas width cell by cell and styled piece by piece, as rich cuts them)."""
    names = result["profielen"]
    short = _initials(names)
    kerntaken = []
    for kt in result["kerntaken"]:
        leaves = []
        for wp in kt["werkprocessen"]:
            marks = [("✓ " if wp["profielen"].get(n, False) else "· ") + short[n] for n in names]
            code = wp["code"]
            line = Text(f"{code:<5}" if len(code) < 5 else f"{code}  ", style="bold")
            line.append(f"{wp['titel']}")
            line.append("   " + "  ".join(marks), style="green")
            leaves.append(line)
        kerntaken.append((Text(f"Kerntaak {kt['code']}  {kt['titel']}", style="bold cyan"), leaves))
    encoding = (getattr(sys.stdout, "encoding", "utf-8") or "utf-8").lower()
    space, cont, fork, end = ("    ", "|   ", "+-- ", "`-- ") if not encoding.startswith("utf") else ("    ", "│   ", "├── ", "└── ")
    out: list[str] = []
    _tree_node(out, Text("Kerntaken en werkprocessen", style="bold"), [], space)
    for k, (label, leaves) in enumerate(kerntaken):
        last = k == len(kerntaken) - 1
        _tree_node(out, label, [end if last else fork], space if last else cont)
        for j, leaf in enumerate(leaves):
            leaf_last = j == len(leaves) - 1
            _tree_node(out, leaf, [space if last else cont, end if leaf_last else fork], space if leaf_last else cont)
    _write("".join(out))
    _print(Text("✓ in the profile   · not in the profile"))


def _tree_node(out: list[str], label: Text, prefix: list[str], after_first: str) -> None:
    """One node's label lines behind its guides (rich.tree.Tree.__rich_console__ on a pipe)."""
    width = _PIPE_WIDTH - sum(map(cell_len, prefix))
    lines = label.wrap(None, width, justify="default", overflow="ignore", tab_size=8, no_wrap=True)  # type: ignore[arg-type]
    for n, line in enumerate(lines):
        guides = prefix if n == 0 or not prefix else [*prefix[:-1], after_first]
        out.append("".join(guides) + _crop(_pieces(line), width) + "\n")


def _pieces(line: Text) -> list[str]:
    """The line's text cut where its spans start and end, as Text.render yields it."""
    plain = line.plain
    cuts = sorted({0, len(plain), *(s.start for s in line.spans), *(s.end for s in line.spans)})
    return [plain[a:b] for a, b in itertools.pairwise(cuts) if b > a]


def _crop(pieces: list[str], width: int) -> str:
    """Segment.adjust_line_length without padding: a line wider than width is cut at width cells."""
    if sum(map(cell_len, pieces)) <= width:
        return "".join(pieces)
    kept: list[str] = []
    used = 0
    for piece in pieces:
        n = cell_len(piece)
        if used + n < width:
            kept.append(piece)
            used += n
        else:
            kept.append(set_cell_size(piece, width - used))
            break
    return "".join(kept)


def _initials(names: list[str]) -> dict[str, str]:
    """render/console._initials: the last word of each name, else a number."""
    last = [n.split()[-1] if n.split() else n for n in names]
    if len(set(last)) == len(last):
        return dict(zip(names, last, strict=False))
    return {n: f"{i + 1}" for i, n in enumerate(names)}
