"""`show` and `search` printed plain when piped, without importing rich.console (alone ~1.1x the
start-up floor of a look-up). Byte for byte what render/terminal.render_show and render_search
print on the pipe console of
render/console.py (tests/test_cli_plain.py compares the two): every print is one rich Text cut at
its newlines, tabs expanded, nothing wrapped or cut (soft wrap), no styles (not a terminal).
Where rich would see a terminal, or for the 2015 model, the caller uses the rich renderer."""

from __future__ import annotations

import builtins
import os
import sys
from typing import Any

from rich.text import Text  # rich.text, not rich.console: part of the stack's floor


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
    lines = text.wrap(None, 1000, justify="default", overflow="ignore", tab_size=8, no_wrap=True)  # type: ignore[arg-type]
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
