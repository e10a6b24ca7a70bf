"""Terminal output of `search`: each hit's place and line, and a window of its text with the
hits marked (bold in a terminal, [brackets] when plain). On a pipe the lines are written as strings
through the PlainPrinter (the same bytes as rich's pipe console, without a Text per piece)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.text import Text

from ..taal import _, ngettext
from .printer import PlainPrinter, printer, rich_plain
from .printer import is_plain as _plain
from .zetwerk import hangend

if TYPE_CHECKING:
    from ..analyse.results import SearchHit, SearchResult


def render_search(result: SearchResult) -> None:
    c = printer()
    if not result["hits"]:
        c.print(hangend(c, "", _("No hits for {terms}.").format(terms=repr(" ".join(result["terms"])))))
        return
    if isinstance(c, PlainPrinter):
        c.print_lines(_search_lines(result))  # the same lines as strings: no Text per piece
        return
    for h in result["hits"]:
        head = Text(_place(h), style="cyan") + Text("  " + _line_no(h), style="dim")
        if not h["in_profiel"]:
            head.append("  " + _("[not in the profile]"), style="yellow")
        c.print(hangend(c, "", head, 2))
        c.print(hangend(c, "  ", _snippet(h["tekst"], h["spans"], _plain(c))))
    c.print(Text(_hit_count(result), style="bold"))


def _search_lines(result: SearchResult) -> Iterator[str]:
    """What render_search prints on a pipe, line by line."""
    for h in result["hits"]:
        head = _place(h) + "  " + _line_no(h)
        yield head if h["in_profiel"] else head + "  " + _("[not in the profile]")
        shown, marks = _window(h["tekst"], h["spans"])
        yield "  " + _bracketed(rich_plain(shown), marks)
    yield _hit_count(result)


def _place(h: SearchHit) -> str:
    place = ", ".join(h["profielen"])
    if h["werkproces"]:
        place += f" › {h['werkproces']} {h['werkproces_titel']}"
    return place + f" › {h['veld']}"


def _line_no(h: SearchHit) -> str:
    return "(" + _("line {n}").format(n=h["regel"]) + ")"


def _hit_count(result: SearchResult) -> str:
    return ngettext("{n} hit", "{n} hits", result["aantal"]).format(n=result["aantal"])


def _snippet(text: str, spans: list[list[int]], plain: bool, context: int = 90) -> Text:
    shown, marks = _window(text, spans, context)
    t = Text(shown)
    if plain:
        # no colour: mark the hits with brackets so they still stand out
        return Text(_bracketed(t.plain, marks))
    for s, e in marks:
        t.stylize("bold yellow reverse", s, e)
    return t


def _window(text: str, spans: list[list[int]], context: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """The text around the hits (cut at a space, … where cut) and the hits' places in it."""
    start = max(0, spans[0][0] - context) if spans else 0
    end = min(len(text), (spans[-1][1] if spans else 0) + context)
    if start > 0:
        start = text.rfind(" ", 0, start) + 1
    shown = ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
    offset = 1 if start > 0 else 0
    return shown, [(s - start + offset, e - start + offset) for s, e in spans if s >= start and e <= end]


def _bracketed(raw: str, marks: list[tuple[int, int]]) -> str:
    """raw with each hit between brackets (a hit overlapping the one before left out)."""
    out: list[str] = []
    pos = 0
    for s, e in sorted(marks):
        if s < pos:
            continue
        out.append(raw[pos:s])
        out.append("[" + raw[s:e] + "]")
        pos = e
    out.append(raw[pos:])
    return "".join(out)
