"""The rich console and table helpers every terminal renderer uses: coloured in a terminal,
plain when piped or when NO_COLOR is set and non-empty."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from .printer import PIPE_WIDTH
from .printer import is_plain as _plain
from .schoon import schoon


def console() -> Console:
    """Colour only in a terminal and when NO_COLOR is unset or empty. Piped output is plain and
    never wrapped or cut: text lines soft-wrap (one line each), tables get a wide canvas.
    markup=False: text from a dossier ("[/]", "[bold]") is printed as it is, never interpreted."""
    if sys.stdout.isatty():
        no_color = bool(os.environ.get("NO_COLOR"))
        return _SchoneConsole(no_color=no_color, highlight=False, emoji=False, soft_wrap=False, markup=False)
    return _PipeConsole(no_color=True, highlight=False, emoji=False, soft_wrap=True, width=PIPE_WIDTH, markup=False)


class _SchoneConsole(Console):
    """A Console whose text segments pass render/schoon.py before they are written: control
    characters from a dossier shown as \\xNN; rich's own control segments (styles, cursor) kept."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            Segment(s.text if s.control else schoon(s.text), s.style, s.control) for s in buffer
        )


class _PipeConsole(_SchoneConsole):
    """Piped output: a rule is its title between short dashes, not a line as wide as the canvas."""

    def rule(self, title: str | Text = "", *_args: object, **_kwargs: object) -> None:
        head = Text("── ") + (Text(title) if isinstance(title, str) else title) + Text(" ")
        self.print(head + Text("─" * max(3, 80 - head.cell_len)))


def pct(fraction: float) -> str:
    """A share as a whole percentage, rounded down: 99.8% is 99%, only 1.0 is 100%."""
    return f"{math.floor(fraction * 100 + 1e-9)}%"


def _table(c: Console, **kw: Any) -> Table:
    return Table(box=box.SIMPLE if _plain(c) else box.ROUNDED, **kw)
