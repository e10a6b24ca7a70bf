"""Terminal layout shared by the renderers: prose wrapped at min(width, 100), hanging indents
(a wrapped bullet, indicator or change line goes on under its text, not at column 0), headings
that wrap a long title instead of cutting it. On a pipe (the PlainPrinter, or rich's pipe
console) nothing is wrapped: each helper gives exactly the text it was given, one line."""

from __future__ import annotations

from typing import Any

from rich.text import Text

PROSE = 100  # the widest a paragraph is set in a terminal


def breedte(c: Any) -> int | None:
    """The width to set text at, or None on a pipe (never wrapped)."""
    if not getattr(c, "is_terminal", False):
        return None
    return max(20, min(int(c.width), PROSE))


def hangend(c: Any, kop: Text | str, tekst: Text | str, inspringen: int | None = None) -> Text:
    """kop followed by tekst; in a terminal wrapped so that every further line starts under the
    text (or at column `inspringen`), at min(width, 100)."""
    kop = kop if isinstance(kop, Text) else Text(kop)
    tekst = tekst if isinstance(tekst, Text) else Text(tekst)
    width = breedte(c)
    if width is None or (kop.cell_len + tekst.cell_len <= width and "\n" not in tekst.plain):
        return kop + tekst
    indent = kop.cell_len if inspringen is None else inspringen
    lines = _wrap(tekst, width - kop.cell_len)
    if len(lines) > 1 and indent != kop.cell_len:  # the rest has a width of its own
        rest = tekst[len(lines[0].plain) :]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
        lines = [lines[0], *_wrap(rest, width - indent)]
    out = kop + Text("\n" + " " * indent).join(lines)
    out.no_wrap = True
    return out


def _wrap(text: Text, width: int) -> list[Text]:
    """Lines of at most `width` cells (a word longer than that is folded)."""
    lines = list(text.wrap(None, max(width, 10), justify="default", overflow="fold"))  # type: ignore[arg-type]
    for line in lines:
        line.rstrip()
    return lines or [Text("")]


def alinea(c: Any, tekst: Text | str, inspringen: int = 0) -> Text:
    """A paragraph, indented by `inspringen` on every line (the first too)."""
    return hangend(c, " " * inspringen, tekst)


def kop(c: Any, titel: Text, *bij: Text) -> None:
    """A heading as a rule: the title (and what goes with it, after ' — ') on the rule when it
    fits; else the rule holds what fits and the rest follows under it, wrapped, never cut."""
    width = breedte(c)
    heel = Text.assemble(titel, *(Text.assemble(Text("  — ", style=t.style), t) for t in bij))
    if width is None or heel.cell_len + 8 <= width:
        if width is None:
            c.rule(heel)
        else:
            from rich.rule import Rule

            c.print(Rule(heel), width=width)
        return
    lines = _wrap(titel, width - 8)
    first = Text("── ") + lines[0] + Text(" ")
    c.print(first + Text("─" * max(3, width - first.cell_len)))
    for line in lines[1:]:
        c.print(Text("   ") + line)
    for t in bij:
        c.print(hangend(c, Text("   "), t))
